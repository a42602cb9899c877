'use client';
import { forwardRef, memo } from 'react';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import {
  CUSTOM_MODEL_OPTION,
  useModelField,
  type ModelFieldState,
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

/**
 * Picks the session's Realtime model: one of the capability table's models
 * (those that reason are tagged "Reasons", those with an announced shutdown
 * show its date) or a custom model id. Any other prop goes on the root element.
 *
 * Every request names its model, so the picker always shows the draft's: there
 * is no "Default" or "Server value". Inside a `RealtimeSessionProvider` the
 * open session keeps its model: a new one is marked Locked, with the reason and
 * "Reconnect to apply", which opens a new session (the conversation restarts).
 * Standalone it edits `value` or `defaultValue` and reports through `onValueChange`.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-state="checked|unchecked"`,
 * `data-reasoning`, `data-deprecated` and `data-disabled` on each model.
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
    const { field, state, getOptionProps, getCustomModelInputProps } = useModelField(bindingProps);
    const customInput = getCustomModelInputProps();
    const customOption = getOptionProps(CUSTOM_MODEL_OPTION);
    const hint = customHintOf(state);
    const hintId = `${field.ids.controlId}-custom-hint`;
    const describedBy =
      [customInput['aria-describedby'], hint === undefined ? undefined : hintId].filter(Boolean).join(' ') || undefined;
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-model-picker" {...rootProps}>
        <FieldGroup part={field} label={label} description={descriptionOf(state)}>
          <div className="rrs-options">
            {state.options.map((option) => {
              const input = getOptionProps(option.model);
              return (
                <FieldOption
                  key={option.model}
                  input={input}
                  label={option.model}
                  tags={[
                    option.reasoning && 'Reasons',
                    option.deprecated !== undefined && `Shuts down ${option.deprecated.shutdownDate}`,
                  ]}
                  {...(option.deprecated?.replacement === undefined
                    ? {}
                    : { title: `Replaced by ${option.deprecated.replacement}` })}
                  disabled={input.disabled === true}
                  data={{
                    'data-reasoning': option.reasoning || undefined,
                    'data-deprecated': option.deprecated !== undefined || undefined,
                  }}
                />
              );
            })}
            <FieldOption input={customOption} label="Custom model" disabled={customOption.disabled === true} />
          </div>
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
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
ModelPicker.displayName = 'ModelPicker';
