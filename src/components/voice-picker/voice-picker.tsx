'use client';
import { forwardRef, memo } from 'react';
import { REALTIME_LIMITS } from '../../model/index.js';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { NumberInput } from '../field/inputs.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { CUSTOM_VOICE_OPTION, useVoiceField, type UseVoiceFieldProps } from './use-voice-field.js';

export interface VoicePickerProps extends UseVoiceFieldProps, FieldRootAttributes {
  /** The heading of the voice group. @default 'Voice' */
  readonly label?: string;
  /** The heading of the speed group, and the name of its controls. @default 'Speed' */
  readonly speedLabel?: string;
}

const title = (voice: string) => voice.charAt(0).toUpperCase() + voice.slice(1);

/**
 * Picks the assistant's voice (built-in or custom) and its speaking speed.
 * Any other prop goes on the root element.
 *
 * Inside a `RealtimeSessionProvider` it needs no props and edits the live
 * session: each group shows its sync status, an unspecified field shows the
 * session's value marked "Server value", out-of-range or half-typed speeds
 * are invalid and never sent, a slider drag sends a few updates rather than
 * one per step, and after the assistant has spoken a new voice waits, with a
 * "Reconnect to apply" action. Standalone it edits `value` or `defaultValue`,
 * shows the API's defaults marked "Default", and reports through `onValueChange`.
 *
 * Styling hooks: `data-field`, `data-status` (of the voice), `data-source`
 * and `data-disabled` on the root; `data-status` on each group;
 * `data-state="checked|unchecked"`, `data-recommended` and `data-disabled` on
 * each voice.
 *
 * @example
 * ```tsx
 * <RealtimeSessionProvider session={session}>
 *   <VoicePicker />
 * </RealtimeSessionProvider>
 *
 * <VoicePicker defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const VoicePicker = memo(
  forwardRef<HTMLDivElement, VoicePickerProps>(function VoicePicker(props, ref) {
    const [bindingProps, { label = 'Voice', speedLabel = 'Speed', ...rootProps }] = splitFieldProps(props);
    const { fields, state, getOptionProps, getCustomVoiceInputProps, getSpeedInputProps } = useVoiceField(bindingProps);
    const customInput = getCustomVoiceInputProps();
    const customOption = getOptionProps(CUSTOM_VOICE_OPTION);
    return (
      <FieldRoot ref={ref} field={fields.voice} kind="rrs-voice-picker" {...rootProps}>
        <FieldGroup
          part={fields.voice}
          label={label}
          description="The voice the assistant speaks with. Marin and Cedar sound best."
        >
          <div className="rrs-options">
            {state.options.map((option) => {
              const input = getOptionProps(option.voice);
              return (
                <FieldOption
                  key={option.voice}
                  input={input}
                  label={title(option.voice)}
                  tags={[option.recommended && 'Recommended', !option.available && `Not on ${state.model}`]}
                  disabled={input.disabled === true}
                  data={{ 'data-recommended': option.recommended || undefined }}
                />
              );
            })}
            <FieldOption input={customOption} label="Custom voice" disabled={customOption.disabled === true} />
          </div>
          <div className="rrs-subfield">
            <label className="rrs-sublabel" htmlFor={customInput.id}>
              Custom voice ID
            </label>
            <input className="rrs-input" {...customInput} />
          </div>
        </FieldGroup>

        <FieldGroup
          part={fields.speed}
          label={speedLabel}
          description={`From ${REALTIME_LIMITS.speed.min} to ${REALTIME_LIMITS.speed.max} times normal speed.`}
        >
          <NumberInput {...getSpeedInputProps({ 'aria-label': speedLabel })} />
          {state.speedTextError === undefined ? null : (
            <p className="rrs-error" id={state.speedTextError.id}>
              {state.speedTextError.message}
            </p>
          )}
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
VoicePicker.displayName = 'VoicePicker';
