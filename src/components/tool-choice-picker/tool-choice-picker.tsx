'use client';
import { forwardRef, memo } from 'react';
import { REALTIME_SESSION_DEFAULTS } from '../../model/index.js';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { useToolChoiceField, type ToolChoiceKind, type UseToolChoiceFieldProps } from './use-tool-choice-field.js';

export interface ToolChoicePickerProps extends UseToolChoiceFieldProps, FieldRootAttributes {
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
 * An unspecified choice shows the one the session uses; a choice naming a
 * tool that is gone is shown as invalid and never sent. Any other prop goes
 * on the root element.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-state` and `data-disabled` on each option.
 *
 * @example
 * ```tsx
 * <ToolChoicePicker />   // in a RealtimeSessionProvider
 * <ToolChoicePicker defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const ToolChoicePicker = memo(
  forwardRef<HTMLDivElement, ToolChoicePickerProps>(function ToolChoicePicker(props, ref) {
    const [bindingProps, { label = 'Tool choice', ...rootProps }] = splitFieldProps(props);
    const { field, state, getOptionProps, getSelectProps, getMcpToolNameInputProps } = useToolChoiceField(bindingProps);
    const select = getSelectProps();
    const mcpName = getMcpToolNameInputProps();
    const description =
      state.targets.length === 0
        ? 'Add a tool to be able to require a specific one.'
        : 'Whether the model calls tools, and which.';
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-tool-choice-picker" {...rootProps}>
        <FieldGroup part={field} label={label} description={description}>
          <div className="rrs-options">
            {KINDS.map((option) => {
              const input = getOptionProps(option.kind);
              return (
                <FieldOption
                  key={option.kind}
                  input={input}
                  label={option.label}
                  title={hintOf(option)}
                  disabled={input.disabled === true}
                />
              );
            })}
          </div>
          <div className="rrs-subfield">
            <label className="rrs-sublabel" htmlFor={select.id}>
              Tool to call
            </label>
            <select className="rrs-input" {...select}>
              {state.targetKey !== undefined && state.targetMissing ? (
                <option value={state.targetKey}>{state.targetKey.replace(':', ': ')} (not in tools)</option>
              ) : null}
              {state.kind !== 'tool' ? <option value="">—</option> : null}
              {state.targets.map((target) => (
                <option key={target.key} value={target.key}>
                  {target.label}
                </option>
              ))}
            </select>
          </div>
          {state.targetKey?.startsWith('mcp:') === true ? (
            <div className="rrs-subfield">
              <label className="rrs-sublabel" htmlFor={mcpName.id}>
                MCP tool name (optional)
              </label>
              <input className="rrs-input" {...mcpName} />
            </div>
          ) : null}
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
ToolChoicePicker.displayName = 'ToolChoicePicker';
