'use client';
import { forwardRef } from 'react';
import { REALTIME_SESSION_DEFAULTS } from '../../model/index.js';
import { FieldGroup, FieldOption, FieldRoot } from '../field/field-layout.js';
import { useToolChoiceField, type ToolChoiceKind, type UseToolChoiceFieldProps } from './use-tool-choice-field.js';

export interface ToolChoicePickerProps extends UseToolChoiceFieldProps {
  readonly className?: string;
  /** @default 'Tool choice' */
  readonly label?: string;
}

const KINDS: readonly { readonly kind: ToolChoiceKind; readonly label: string; readonly hint: string }[] = [
  { kind: 'auto', label: 'Auto', hint: 'The model decides' },
  { kind: 'none', label: 'None', hint: 'Never call tools' },
  { kind: 'required', label: 'Required', hint: 'Always call a tool' },
  { kind: 'tool', label: 'A specific tool', hint: 'Always call the tool chosen below' },
];

const hintOf = (option: (typeof KINDS)[number]) =>
  `${option.hint}${option.kind === REALTIME_SESSION_DEFAULTS.session.tool_choice ? ' (default)' : ''}.`;

/**
 * Decides whether and which tools the model calls: `auto`, `none`,
 * `required`, or one function or MCP server from the session's current tools.
 * A choice naming a tool that is gone is shown as invalid and never sent.
 *
 * Styling hooks: `data-status` on the group, `data-state` on each option.
 *
 * @example
 * ```tsx
 * <ToolChoicePicker />   // in a RealtimeSessionProvider
 * ```
 */
export const ToolChoicePicker = forwardRef<HTMLDivElement, ToolChoicePickerProps>(
  function ToolChoicePicker(props, ref) {
    const { className, label = 'Tool choice', ...fieldProps } = props;
    const field = useToolChoiceField(fieldProps);
    const { state, ids } = field;
    const description =
      state.targets.length === 0
        ? 'Add a tool to be able to require a specific one.'
        : 'Whether the model calls tools, and which.';
    return (
      <FieldRoot ref={ref} kind="rrs-tool-choice-picker" className={className} state={state}>
        <FieldGroup field={field} label={label} description={description}>
          <div className="rrs-options">
            {KINDS.map((option) => (
              <FieldOption
                key={option.kind}
                input={field.getKindInputProps(option.kind)}
                label={option.label}
                title={hintOf(option)}
              />
            ))}
          </div>
          <label className="rrs-sublabel" htmlFor={ids.controlId}>
            Tool to call
          </label>
          <select className="rrs-input" {...field.targetSelectProps}>
            {state.targetKey !== undefined && !state.targets.some((target) => target.key === state.targetKey) ? (
              <option value={state.targetKey}>{state.targetKey.replace(':', ': ')} (not in tools)</option>
            ) : null}
            {state.kind !== 'tool' ? <option value="">—</option> : null}
            {state.targets.map((target) => (
              <option key={target.key} value={target.key}>
                {target.label}
              </option>
            ))}
          </select>
          {state.targetKey?.startsWith('mcp:') === true ? (
            <>
              <label className="rrs-sublabel" htmlFor={field.mcpToolNameInputProps.id}>
                MCP tool name (optional)
              </label>
              <input className="rrs-input" {...field.mcpToolNameInputProps} />
            </>
          ) : null}
        </FieldGroup>
      </FieldRoot>
    );
  },
);
