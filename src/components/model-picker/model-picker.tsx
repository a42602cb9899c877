'use client';
import { forwardRef, memo } from 'react';
import { FieldGroup, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import {
  CUSTOM_MODEL_OPTION,
  useModelField,
  type ModelFieldState,
  type ModelOption,
  type UseModelFieldProps,
} from './use-model-field.js';

export interface ModelPickerProps extends UseModelFieldProps, FieldRootAttributes {
  /** @default 'Model' */
  readonly label?: string;
}

function descriptionOf(state: ModelFieldState): string {
  const base = 'The Realtime model the session runs. A live session keeps its model: a new one applies on reconnect.';
  const deprecated = state.deprecated;
  if (deprecated === undefined || state.custom) return base;
  const replacement = deprecated.replacement === undefined ? '' : `; move to ${deprecated.replacement}`;
  return `${base} ${state.model} shuts down on ${deprecated.shutdownDate}${replacement}.`;
}

/** What the form knows about a custom id, or nothing for an empty one (its error says enough). */
function customHintOf(state: ModelFieldState): string | undefined {
  if (!state.custom || state.listed || state.model === '') return undefined;
  if (state.capabilities === undefined) {
    return `${state.model} is not in the capability table: its voices and reasoning settings are not checked.`;
  }
  return state.capabilities.reasoning
    ? `${state.model} is taken to be a newer reasoning model that speaks every voice.`
    : undefined;
}

/** An option's text: its id, then what sets it apart, since a native option shows text only. */
function optionText(option: ModelOption): string {
  const facts = [
    option.reasoning ? 'reasons' : undefined,
    option.deprecated === undefined ? undefined : `shuts down ${option.deprecated.shutdownDate}`,
  ].filter(Boolean);
  return facts.length === 0 ? option.model : `${option.model} (${facts.join(', ')})`;
}

/** The option groups: the models that reason first, as the ones most apps want. */
const GROUPS = [
  { label: 'Reasoning models', test: (option: ModelOption) => option.reasoning },
  { label: 'Other models', test: (option: ModelOption) => !option.reasoning },
] as const;

/**
 * Picks the session's Realtime model from a compact list: the capability
 * table's models (those that reason first and marked so, those with an
 * announced shutdown dated) or a custom model id, typed in a box that appears
 * when "Custom model…" is chosen. The chosen model's facts show as tags under
 * the list. Any other prop goes on the root element.
 *
 * Every request names its model, so the picker always shows the draft's: there
 * is no "Default" or "Server value". Inside a `RealtimeSessionProvider` the
 * open session keeps its model: a new one is marked Locked, with the reason and
 * "Reconnect to apply", which opens a new session (the conversation restarts).
 * Standalone it edits `value` or `defaultValue` and reports through `onValueChange`.
 * For radios instead of a list, build your own on `useModelField`.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-reasoning` and `data-deprecated` on the
 * chosen model's tags.
 *
 * @example
 * ```tsx
 * <RealtimeSessionProvider session={session}>
 *   <ModelPicker />
 * </RealtimeSessionProvider>
 *
 * <ModelPicker defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const ModelPicker = memo(
  forwardRef<HTMLDivElement, ModelPickerProps>(function ModelPicker(props, ref) {
    const [bindingProps, { label = 'Model', ...rootProps }] = splitFieldProps(props);
    const { field, state, getSelectProps, getCustomModelInputProps } = useModelField(bindingProps);
    const customInput = getCustomModelInputProps();
    const hint = customHintOf(state);
    const hintId = `${field.ids.controlId}-custom-hint`;
    const describedBy =
      [customInput['aria-describedby'], hint === undefined ? undefined : hintId].filter(Boolean).join(' ') || undefined;
    const chosen = state.custom ? undefined : state.options.find((option) => option.model === state.model);
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-model-picker" {...rootProps}>
        <FieldGroup part={field} label={label} description={descriptionOf(state)}>
          <select className="rrs-input" {...getSelectProps()} aria-labelledby={field.ids.labelId}>
            {GROUPS.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {state.options.filter(group.test).map((option) => (
                  <option key={option.model} value={option.model}>
                    {optionText(option)}
                  </option>
                ))}
              </optgroup>
            ))}
            <option value={CUSTOM_MODEL_OPTION}>Custom model…</option>
          </select>
          {chosen === undefined || (!chosen.reasoning && chosen.deprecated === undefined) ? null : (
            <p
              className="rrs-model-facts"
              data-reasoning={chosen.reasoning || undefined}
              data-deprecated={chosen.deprecated !== undefined || undefined}
            >
              {chosen.reasoning ? <span className="rrs-tag">Reasons</span> : null}
              {chosen.deprecated === undefined ? null : (
                <span className="rrs-tag" title={`Replaced by ${chosen.deprecated.replacement ?? 'a newer model'}`}>
                  Shuts down {chosen.deprecated.shutdownDate}
                </span>
              )}
            </p>
          )}
          {state.custom ? (
            <div className="rrs-subfield">
              <label className="rrs-sublabel" htmlFor={customInput.id}>
                Custom model ID
              </label>
              <input className="rrs-input rrs-code" {...customInput} aria-describedby={describedBy} />
              {hint === undefined ? null : (
                <p className="rrs-description" id={hintId}>
                  {hint}
                </p>
              )}
            </div>
          ) : null}
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
ModelPicker.displayName = 'ModelPicker';
