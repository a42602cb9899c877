'use client';
import { forwardRef } from 'react';
import { REALTIME_LIMITS } from '../../model/index.js';
import { FieldGroup, FieldOption, FieldRoot } from '../field/field-layout.js';
import { FieldDescription, FieldFeedback, FieldStatusBadge } from '../field/field-parts.js';
import { useVoiceField, type UseVoiceFieldProps } from './use-voice-field.js';

export interface VoicePickerProps extends UseVoiceFieldProps {
  /** Extra class on the root element. */
  readonly className?: string;
  /** The heading of the voice group. @default 'Voice' */
  readonly label?: string;
}

const title = (voice: string) => voice.charAt(0).toUpperCase() + voice.slice(1);

/**
 * Picks the assistant's voice (built-in or custom) and its speaking speed.
 *
 * Inside a `RealtimeSessionProvider` it needs no props and edits the live
 * session: each field shows its sync status, out-of-range speeds are shown
 * as invalid and never sent, and after the assistant has spoken a new voice
 * waits, with a "Reconnect to apply" action. Standalone it edits `value` or
 * `defaultValue` and reports through `onValueChange`.
 *
 * Styling hooks: `data-status` on each group (`synced`, `dirty`, `pending`,
 * `rejected`, `invalid`, `locked`), `data-state="checked|unchecked"` and
 * `data-recommended` on each voice, `data-disabled` on the root.
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
export const VoicePicker = forwardRef<HTMLDivElement, VoicePickerProps>(function VoicePicker(props, ref) {
  const { className, label = 'Voice', ...fieldProps } = props;
  const field = useVoiceField(fieldProps);
  const { state, ids, binding } = field;
  const voiceGroup = {
    state: { status: state.voiceStatus, messages: state.voiceMessages, disabled: state.disabled },
    binding,
    ids: ids.voice,
    groupProps: field.voiceGroupProps,
  };
  return (
    <FieldRoot ref={ref} kind="rrs-voice-picker" className={className} state={state}>
      <FieldGroup
        field={voiceGroup}
        label={label}
        description="The voice the assistant speaks with. Marin and Cedar sound best."
      >
        <div className="rrs-options">
          {state.options.map((option) => (
            <FieldOption
              key={option.voice}
              input={field.getVoiceInputProps(option.voice)}
              label={title(option.voice)}
              tags={[option.recommended && 'Recommended', !option.available && `Not on ${binding.request.model}`]}
              disabled={!option.available}
              data={{ 'data-recommended': option.recommended || undefined }}
            />
          ))}
          <FieldOption input={field.customVoiceRadioProps} label="Custom voice" />
        </div>
        <label className="rrs-sublabel" htmlFor={field.customVoiceInputProps.id}>
          Custom voice ID
        </label>
        <input className="rrs-input" {...field.customVoiceInputProps} />
      </FieldGroup>

      <div className="rrs-group" data-status={state.speedStatus}>
        <div className="rrs-label">
          <label id={ids.speed.labelId} htmlFor={ids.speed.controlId}>
            Speed
          </label>{' '}
          <FieldStatusBadge status={state.speedStatus} mode={binding.mode} />
        </div>
        <FieldDescription id={ids.speed.descriptionId}>
          {`From ${REALTIME_LIMITS.speed.min} to ${REALTIME_LIMITS.speed.max} times normal speed.`}
        </FieldDescription>
        <div className="rrs-speed">
          <input className="rrs-slider" {...field.speedSliderProps} />
          <input className="rrs-input rrs-number" aria-label="Speed value" {...field.speedInputProps} />
        </div>
        <FieldFeedback ids={ids.speed} messages={state.speedMessages} store={binding.store} />
      </div>
    </FieldRoot>
  );
});
