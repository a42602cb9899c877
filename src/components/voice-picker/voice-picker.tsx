'use client';
import { forwardRef } from 'react';
import { FieldError, FieldStatusBadge, LockNote } from '../field/field-parts.js';
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
  return (
    <div
      ref={ref}
      className={['rrs-field', 'rrs-voice-picker', className].filter(Boolean).join(' ')}
      data-disabled={state.disabled || undefined}
    >
      <fieldset className="rrs-group" {...field.voiceGroupProps}>
        <legend className="rrs-label">
          {label} <FieldStatusBadge status={state.voiceStatus} mode={binding.mode} />
        </legend>
        <p id={ids.voice.descriptionId} className="rrs-description">
          The voice the assistant speaks with. Marin and Cedar sound best.
        </p>
        <div className="rrs-options">
          {state.options.map((option) => {
            const checked = state.voice === option.voice;
            return (
              <label
                key={option.voice}
                className="rrs-option"
                data-state={checked ? 'checked' : 'unchecked'}
                data-recommended={option.recommended || undefined}
                data-disabled={!option.available || undefined}
              >
                <input {...field.getVoiceInputProps(option.voice)} />
                <span>{title(option.voice)}</span>
                {option.recommended ? <span className="rrs-tag">Recommended</span> : null}
                {option.available ? null : <span className="rrs-tag">Not on {binding.request.model}</span>}
              </label>
            );
          })}
          <label className="rrs-option" data-state={state.customVoiceId === undefined ? 'unchecked' : 'checked'}>
            <input {...field.customVoiceRadioProps} />
            <span>Custom voice</span>
          </label>
        </div>
        <label className="rrs-sublabel" htmlFor={field.customVoiceInputProps.id}>
          Custom voice ID
        </label>
        <input className="rrs-input" {...field.customVoiceInputProps} />
        <FieldError id={ids.voice.errorId} message={state.voiceMessages.error} />
        <LockNote id={ids.voice.noteId} messages={state.voiceMessages} store={binding.store} />
      </fieldset>

      <div className="rrs-group" data-status={state.speedStatus}>
        <div className="rrs-label">
          <label id={ids.speed.labelId} htmlFor={ids.speed.controlId}>
            Speed
          </label>{' '}
          <FieldStatusBadge status={state.speedStatus} mode={binding.mode} />
        </div>
        <p id={ids.speed.descriptionId} className="rrs-description">
          From 0.25 to 1.5 times normal speed.
        </p>
        <div className="rrs-speed">
          <input className="rrs-slider" {...field.speedSliderProps} />
          <input className="rrs-input rrs-number" aria-label="Speed value" {...field.speedInputProps} />
        </div>
        <FieldError id={ids.speed.errorId} message={state.speedMessages.error} />
        <LockNote id={ids.speed.noteId} messages={state.speedMessages} store={binding.store} />
      </div>
    </div>
  );
});
