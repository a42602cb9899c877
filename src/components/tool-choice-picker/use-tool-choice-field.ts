'use client';
import type { ChangeEvent, FocusEvent, InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import {
  RealtimeFunctionTool,
  RealtimeMcpTool,
  RealtimeToolChoiceFunction,
  RealtimeToolChoiceMcp,
  type RealtimeTool,
  type RealtimeToolChoice,
  type RealtimeToolChoiceMode,
} from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { effectiveValue, useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';

/** The choice as the picker shows it: a mode, or one specific tool. */
export type ToolChoiceKind = RealtimeToolChoiceMode | 'tool';

/** One tool the model can be made to call, keyed as `function:<name>` or `mcp:<server_label>`. */
export interface ToolChoiceTarget {
  readonly key: string;
  readonly label: string;
  readonly choice: RealtimeToolChoiceFunction | RealtimeToolChoiceMcp;
}

export interface ToolChoiceFieldState {
  /** The choice the session uses (the draft's, else the live or default one), as a kind. */
  readonly kind: ToolChoiceKind | undefined;
  /** The key of the specific tool chosen, when `kind` is `tool`. */
  readonly targetKey: string | undefined;
  /** True when the chosen tool is not among the session's tools. */
  readonly targetMissing: boolean;
  /** The tools of the session that can be chosen (the draft's, else the live session's). */
  readonly targets: readonly ToolChoiceTarget[];
  /** For an MCP choice: the one tool of that server, if narrowed. */
  readonly mcpToolName: string | undefined;
  readonly disabled: boolean;
}

export interface UseToolChoiceFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages and the shared prop getters. */
  readonly field: FieldPart<'tool_choice'>;
  readonly state: ToolChoiceFieldState;
  /** For the radio of one kind of choice; the user's `onChange` runs first. */
  getOptionProps(
    kind: ToolChoiceKind,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
  /** For the `select` of specific tools (its options are `state.targets`); the user's `onChange` runs first. */
  getSelectProps(user?: SelectHTMLAttributes<HTMLSelectElement>): SelectHTMLAttributes<HTMLSelectElement>;
  /** For the optional MCP tool name input; the user's `onChange` and `onBlur` run first. */
  getMcpToolNameInputProps(user?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement>;
}

export type UseToolChoiceFieldProps = SessionRequestProps;

function keyOf(choice: RealtimeToolChoice | undefined): string | undefined {
  if (choice instanceof RealtimeToolChoiceFunction) return `function:${choice.name}`;
  if (choice instanceof RealtimeToolChoiceMcp) return `mcp:${choice.serverLabel}`;
  return undefined;
}

function targetsOf(tools: readonly RealtimeTool[]): ToolChoiceTarget[] {
  const targets: ToolChoiceTarget[] = [];
  for (const tool of tools) {
    if (tool instanceof RealtimeFunctionTool && tool.name !== undefined && tool.name !== '') {
      targets.push({
        key: `function:${tool.name}`,
        label: `Function: ${tool.name}`,
        choice: new RealtimeToolChoiceFunction({ name: tool.name }),
      });
    } else if (tool instanceof RealtimeMcpTool && tool.serverLabel !== '') {
      targets.push({
        key: `mcp:${tool.serverLabel}`,
        label: `MCP server: ${tool.serverLabel}`,
        choice: new RealtimeToolChoiceMcp({ serverLabel: tool.serverLabel }),
      });
    }
  }
  return targets;
}

/**
 * The tool choice without markup: a mode (`auto`, `none`, `required`) or one
 * function or MCP server from the session's current tools. An unspecified
 * choice shows the one the session uses (`auto` by default).
 *
 * @example
 * ```tsx
 * const { state, getOptionProps, getSelectProps } = useToolChoiceField();
 * return (
 *   <>
 *     <label><input {...getOptionProps('auto')} /> Auto</label>
 *     <label><input {...getOptionProps('tool')} /> A specific tool</label>
 *     <select {...getSelectProps()} aria-label="Tool">
 *       {state.targets.map((target) => <option key={target.key} value={target.key}>{target.label}</option>)}
 *     </select>
 *   </>
 * );
 * ```
 */
export function useToolChoiceField(props: UseToolChoiceFieldProps = {}): UseToolChoiceFieldReturn {
  const binding = useFieldStore(props, ['tool_choice', 'tools'], 'ToolChoicePicker');
  const field = useFieldPart(binding, 'tool_choice');
  const { snapshot } = binding;
  // Tools the draft leaves unspecified are the live session's: those are the ones the model can be made to call.
  const tools = effectiveValue(snapshot.draft, binding.mode === 'connected' ? snapshot.applied : undefined, 'tools');
  const targets = targetsOf(tools.value ?? []);
  const choice = field.effective.value;
  const kind: ToolChoiceKind | undefined =
    typeof choice === 'string' ? choice : choice === undefined ? undefined : 'tool';
  const targetKey = keyOf(choice);
  const targetMissing = targetKey !== undefined && !targets.some((target) => target.key === targetKey);
  const mcpToolName =
    choice instanceof RealtimeToolChoiceMcp && typeof choice.name === 'string' ? choice.name : undefined;
  const disabled = field.disabled;
  const setChoice = (next: RealtimeToolChoice | undefined, options?: { readonly coalesce: 'text' }) =>
    binding.setField('tool_choice', next, options);
  const pick = (option: ToolChoiceKind) => setChoice(option === 'tool' ? targets[0]?.choice : option);

  return {
    binding,
    field,
    state: { kind, targetKey, targetMissing, targets, mcpToolName, disabled },
    getOptionProps: (option, user = {}) => ({
      ...user,
      ...field.getOptionProps(option, {
        checked: kind === option,
        // With no tool to name, "a specific tool" has nothing to pick, unless a choice already names one.
        disabled: option === 'tool' && targets.length === 0 && kind !== 'tool',
        onSelect: () => pick(option),
      }),
      onChange: composeEventHandlers(user.onChange, () => pick(option)),
    }),
    getSelectProps: (user = {}) => ({
      ...user,
      ...field.getControlProps({ invalid: kind === 'tool' }),
      value: targetKey ?? '',
      disabled: disabled || kind !== 'tool',
      onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLSelectElement>) => {
        const target = targets.find((item) => item.key === event.target.value);
        if (target !== undefined) setChoice(target.choice);
      }),
    }),
    getMcpToolNameInputProps: (user = {}) => ({
      ...user,
      ...field.getControlProps({ id: `${field.ids.controlId}-mcp-name`, invalid: false }),
      type: 'text',
      value: mcpToolName ?? '',
      disabled: disabled || !(choice instanceof RealtimeToolChoiceMcp),
      onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLInputElement>) => {
        if (!(choice instanceof RealtimeToolChoiceMcp)) return;
        const name = event.target.value;
        setChoice(choice.copyWith({ name: name === '' ? null : name }), { coalesce: 'text' });
      }),
      onBlur: composeEventHandlers(user.onBlur, (_event: FocusEvent<HTMLInputElement>) => binding.commit()),
    }),
  };
}
