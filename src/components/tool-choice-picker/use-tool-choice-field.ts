'use client';
import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import {
  RealtimeFunctionTool,
  RealtimeMcpTool,
  RealtimeToolChoiceFunction,
  RealtimeToolChoiceMcp,
  writeSessionField,
  type RealtimeToolChoice,
  type RealtimeToolChoiceMode,
} from '../../model/index.js';
import { describedBy } from '../field/field-parts.js';
import type { SessionRequestProps } from '../field/use-request-binding.js';
import { useFieldBinding, type FieldGroupHookReturn, type FieldStateBase } from '../field/use-field-binding.js';

/** The choice as the picker shows it: a mode, or one specific tool. */
export type ToolChoiceKind = RealtimeToolChoiceMode | 'tool';

/** One tool the model can be made to call, keyed as `function:<name>` or `mcp:<server_label>`. */
export interface ToolChoiceTarget {
  readonly key: string;
  readonly label: string;
  readonly choice: RealtimeToolChoiceFunction | RealtimeToolChoiceMcp;
}

export interface ToolChoiceFieldState extends FieldStateBase {
  /** `undefined` leaves the API default (`REALTIME_SESSION_DEFAULTS.session.tool_choice`). */
  readonly kind: ToolChoiceKind | undefined;
  /** The key of the specific tool chosen, when `kind` is `tool`. */
  readonly targetKey: string | undefined;
  /** The tools of the session that can be chosen. */
  readonly targets: readonly ToolChoiceTarget[];
  /** For an MCP choice: the one tool of that server, if narrowed. */
  readonly mcpToolName: string | undefined;
}

export interface UseToolChoiceFieldReturn extends FieldGroupHookReturn<ToolChoiceFieldState> {
  getKindInputProps(kind: ToolChoiceKind): InputHTMLAttributes<HTMLInputElement>;
  /** For the `select` of specific tools. */
  readonly targetSelectProps: SelectHTMLAttributes<HTMLSelectElement>;
  /** For the optional MCP tool name input. */
  readonly mcpToolNameInputProps: InputHTMLAttributes<HTMLInputElement>;
}

export type UseToolChoiceFieldProps = SessionRequestProps;

function keyOf(choice: RealtimeToolChoice | undefined): string | undefined {
  if (choice instanceof RealtimeToolChoiceFunction) return `function:${choice.name}`;
  if (choice instanceof RealtimeToolChoiceMcp) return `mcp:${choice.serverLabel}`;
  return undefined;
}

/**
 * The tool choice without markup: a mode (`auto`, `none`, `required`) or one
 * function or MCP server from the session's current tools.
 *
 * @example
 * ```tsx
 * const { state, targetSelectProps } = useToolChoiceField();
 * ```
 */
export function useToolChoiceField(props: UseToolChoiceFieldProps = {}): UseToolChoiceFieldReturn {
  const { binding, ids, status, messages, withGroup, radioProps } = useFieldBinding(
    props,
    'ToolChoicePicker',
    'tool_choice',
    ['tools'],
  );
  const { request, disabled } = binding;
  const choice = request.toolChoice;
  const targets: ToolChoiceTarget[] = [];
  for (const tool of request.tools ?? []) {
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
  const kind: ToolChoiceKind | undefined =
    typeof choice === 'string' ? choice : choice === undefined ? undefined : 'tool';
  const targetKey = keyOf(choice);
  const mcpName = choice instanceof RealtimeToolChoiceMcp && typeof choice.name === 'string' ? choice.name : undefined;
  const setChoice = (next: RealtimeToolChoice | undefined) =>
    binding.update((draft) => writeSessionField(draft, 'tool_choice', next));

  return {
    ...withGroup({ kind, targetKey, targets, mcpToolName: mcpName, status, messages, disabled }),
    getKindInputProps: (option) =>
      radioProps(option, {
        checked: kind === option,
        disabled: disabled || (option === 'tool' && targets.length === 0 && kind !== 'tool'),
        onSelect: () => setChoice(option === 'tool' ? targets[0]?.choice : option),
      }),
    targetSelectProps: {
      id: ids.controlId,
      value: targetKey ?? '',
      disabled: disabled || kind !== 'tool',
      'aria-invalid': (kind === 'tool' && messages.invalid) || undefined,
      'aria-describedby': describedBy(ids, messages),
      onChange: (event) => setChoice(targets.find((target) => target.key === event.target.value)?.choice),
    },
    mcpToolNameInputProps: {
      id: `${ids.controlId}-mcp-name`,
      type: 'text',
      value: mcpName ?? '',
      disabled: disabled || !(choice instanceof RealtimeToolChoiceMcp),
      onChange: (event) => {
        if (!(choice instanceof RealtimeToolChoiceMcp)) return;
        const name = event.target.value;
        setChoice(choice.copyWith({ name: name === '' ? null : name }));
      },
    },
  };
}
