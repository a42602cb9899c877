'use client';
import { forwardRef, memo, type ReactNode } from 'react';
import type { RealtimeAudioFormatType, RealtimeTranscriptionDelay } from '../../model/index.js';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { SettingError } from '../turn-detection-editor/setting-error.js';
import type { SubfieldError } from '../field/subfield-errors.js';
import { ListTextInput } from './list-text-input.js';
import {
  INPUT_AUDIO_FORMATS,
  NOISE_REDUCTION_OPTIONS,
  TRANSCRIPTION_DELAYS,
  TRANSCRIPTION_OFF,
  useInputAudioField,
  type NoiseReductionOption,
  type TranscriptionControlKey,
  type UseInputAudioFieldProps,
  type UseInputAudioFieldReturn,
} from './use-input-audio-field.js';

export interface InputAudioEditorProps extends UseInputAudioFieldProps, FieldRootAttributes {
  /** The heading of the format group. @default 'Input audio format' */
  readonly formatLabel?: string;
  /** The heading of the noise reduction group. @default 'Noise reduction' */
  readonly noiseReductionLabel?: string;
  /** The heading of the transcription group. @default 'Transcription' */
  readonly transcriptionLabel?: string;
}

const FORMAT_LABELS: Readonly<Record<RealtimeAudioFormatType, string>> = {
  'audio/pcm': 'PCM 24 kHz',
  'audio/pcmu': 'G.711 μ-law',
  'audio/pcma': 'G.711 A-law',
};

const NOISE_LABELS: Readonly<Record<NoiseReductionOption, string>> = {
  off: 'Off',
  near_field: 'Near field',
  far_field: 'Far field',
};

const DELAY_LABELS: Readonly<Record<RealtimeTranscriptionDelay, string>> = {
  minimal: 'Minimal',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  xhigh: 'Extra high',
};

/**
 * Edits the audio the user sends: its encoding (PCM at 24 kHz, G.711 μ-law
 * or A-law), noise reduction (off, near field for headsets, far field for
 * laptop and room microphones) and transcription (off, or a model with its
 * language, prompt and the model's other options). Options the model does
 * not take are disabled with the reason, and `gpt-realtime-whisper`, which
 * needs turn detection off, offers to turn it off. Any other prop goes on
 * the root element.
 *
 * Styling hooks: `data-field` (`audio.input.format`), `data-status`,
 * `data-source` and `data-disabled` on the root; `data-field` and
 * `data-status` on each group; `data-state="checked|unchecked"` and
 * `data-disabled` on each option.
 *
 * @example
 * ```tsx
 * <InputAudioEditor />   // in a RealtimeSessionProvider
 * <InputAudioEditor defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const InputAudioEditor = memo(
  forwardRef<HTMLDivElement, InputAudioEditorProps>(function InputAudioEditor(props, ref) {
    const [
      bindingProps,
      {
        formatLabel = 'Input audio format',
        noiseReductionLabel = 'Noise reduction',
        transcriptionLabel = 'Transcription',
        ...rootProps
      },
    ] = splitFieldProps(props);
    const audio = useInputAudioField(bindingProps);
    const { fields } = audio;
    return (
      <FieldRoot ref={ref} field={fields.format} kind="rrs-input-audio-editor" {...rootProps}>
        <FieldGroup
          part={fields.format}
          label={formatLabel}
          description="The encoding of the audio your app sends. Telephony uses G.711."
        >
          <div className="rrs-options">
            {INPUT_AUDIO_FORMATS.map((format) => (
              <FieldOption
                key={format}
                input={audio.getFormatOptionProps(format)}
                label={FORMAT_LABELS[format]}
                tags={[format === 'audio/pcm' && 'Default']}
              />
            ))}
          </div>
        </FieldGroup>

        <FieldGroup
          part={fields.noiseReduction}
          label={noiseReductionLabel}
          description="Cleans the microphone audio before turn detection and the model hear it. Near field suits headsets, far field laptop and room microphones."
        >
          <div className="rrs-options">
            {NOISE_REDUCTION_OPTIONS.map((option) => (
              <FieldOption
                key={option}
                input={audio.getNoiseReductionOptionProps(option)}
                label={NOISE_LABELS[option]}
                tags={[option === 'off' && 'Default']}
              />
            ))}
          </div>
        </FieldGroup>

        <TranscriptionGroup audio={audio} label={transcriptionLabel} />
      </FieldRoot>
    );
  }),
);
InputAudioEditor.displayName = 'InputAudioEditor';

function TranscriptionGroup(props: { readonly audio: UseInputAudioFieldReturn; readonly label: string }) {
  const { audio } = props;
  const part = audio.fields.transcription;
  const t = audio.state.transcription;
  const { unsupported } = t.limits;
  // Errors of single settings show under them; the group keeps the rest (a server refusal).
  const groupPart = { ...part, messages: { ...part.messages, error: t.groupError } };
  const controlId = (key: TranscriptionControlKey) => `${part.ids.controlId}-${key}`;
  const hintId = (key: TranscriptionControlKey) => `${controlId(key)}-hint`;
  const modelSelect = audio.getTranscriptionModelProps({
    'aria-describedby': t.turnDetectionConflict === undefined ? undefined : hintId('model'),
  });
  return (
    <FieldGroup
      part={groupPart}
      label={props.label}
      description="Writes down what the user says, beside the conversation. It guides you; the model hears the audio itself."
    >
      <div className="rrs-subfield">
        {/* Not just "Model": the session's own model picker sits in the same form. */}
        <label className="rrs-sublabel" htmlFor={modelSelect.id}>
          Transcription model
        </label>
        <select className="rrs-input" {...modelSelect}>
          <option value={TRANSCRIPTION_OFF}>Off</option>
          {t.selected === '' ? <option value="">No model set</option> : null}
          {t.models.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
        </select>
        {t.turnDetectionConflict === undefined ? null : (
          <div className="rrs-row" id={hintId('model')}>
            <p className="rrs-description">{t.turnDetectionConflict}</p>
            <button className="rrs-button" {...audio.getTurnDetectionOffButtonProps()}>
              Turn off turn detection
            </button>
          </div>
        )}
        <SettingError error={t.errors.model} />
      </div>
      {t.on ? (
        <>
          <Setting
            controlId={controlId('language')}
            label="Language"
            hint="ISO-639-1 code, such as en."
            error={t.errors.language}
          >
            {(describedBy) => (
              <input
                className="rrs-input"
                type="text"
                placeholder="en"
                spellCheck={false}
                {...audio.getTranscriptionTextProps('language', { 'aria-describedby': describedBy })}
              />
            )}
          </Setting>
          <Setting
            controlId={controlId('prompt')}
            label="Prompt"
            hint={unsupported.prompt ?? 'Guides the style, or lists expected words (a keyword list for whisper-1).'}
            error={t.errors.prompt}
          >
            {(describedBy) => (
              <textarea
                className="rrs-input"
                rows={2}
                {...audio.getTranscriptionTextProps('prompt', { 'aria-describedby': describedBy })}
              />
            )}
          </Setting>
          <Setting
            controlId={controlId('languages')}
            label="Possible languages"
            hint={unsupported.languages ?? 'ISO-639-1 codes, separated by commas.'}
            error={t.errors.languages}
          >
            {(describedBy) => (
              <ListTextInput
                className="rrs-input"
                separator=","
                placeholder="en, fr"
                {...audio.getTranscriptionListProps('languages', { 'aria-describedby': describedBy })}
              />
            )}
          </Setting>
          <Setting
            controlId={controlId('keywords')}
            label="Keywords"
            hint={unsupported.keywords ?? 'Words or phrases to listen for, one per line.'}
            error={t.errors.keywords}
          >
            {(describedBy) => (
              <ListTextInput
                className="rrs-input"
                separator={'\n'}
                rows={2}
                {...audio.getTranscriptionListProps('keywords', { 'aria-describedby': describedBy })}
              />
            )}
          </Setting>
          <Setting
            controlId={controlId('delay')}
            label="Delay"
            hint={unsupported.delay ?? 'A longer wait gives more accurate text, later.'}
            error={t.errors.delay}
          >
            {(describedBy) => (
              <select className="rrs-input" {...audio.getDelayProps({ 'aria-describedby': describedBy })}>
                <option value="">Server default</option>
                {TRANSCRIPTION_DELAYS.map((delay) => (
                  <option key={delay} value={delay}>
                    {DELAY_LABELS[delay]}
                  </option>
                ))}
              </select>
            )}
          </Setting>
        </>
      ) : null}
    </FieldGroup>
  );
}

/** One labelled setting: its control (with `controlId`), its hint, and its error. */
function Setting(props: {
  readonly controlId: string;
  readonly label: string;
  readonly hint: string;
  readonly error: SubfieldError | undefined;
  readonly children: (describedBy: string | undefined) => ReactNode;
}) {
  const { controlId, error } = props;
  // An error takes the hint's place: the two usually say the same rule twice.
  const hintId = error === undefined ? `${controlId}-hint` : undefined;
  return (
    <div className="rrs-subfield">
      <label className="rrs-sublabel" htmlFor={controlId}>
        {props.label}
      </label>
      {props.children(hintId)}
      {hintId === undefined ? null : (
        <p className="rrs-description" id={hintId}>
          {props.hint}
        </p>
      )}
      <SettingError error={error} />
    </div>
  );
}
