'use client';
import {
  useRef,
  type ButtonHTMLAttributes,
  type ChangeEvent,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
} from 'react';
import {
  isOff,
  PCM_SAMPLE_RATE,
  readSessionField,
  RealtimeAudioFormat,
  RealtimeAudioFormatType,
  RealtimeNoiseReduction,
  RealtimeNoiseReductionType,
  RealtimeOff,
  RealtimeTranscription,
  RealtimeTranscriptionDelay,
  writeSessionField,
  type CopyWithPatch,
  type RealtimeSessionCreateRequest,
  type RealtimeTranscriptionInit,
} from '../../model/index.js';
import type { SessionUpdateOptions } from '../../session/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { effectiveValue, useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';
import { describedByIds, placeSubfieldErrors, type SubfieldError } from '../field/subfield-errors.js';
import {
  TRANSCRIPTION_MODELS,
  transcriptionModelLimits,
  type TranscriptionModelLimits,
  type TranscriptionOption,
} from './transcription-models.js';

/** The input encodings, in the order the editor lists them. */
export const INPUT_AUDIO_FORMATS: readonly RealtimeAudioFormatType[] = Object.freeze(
  Object.values(RealtimeAudioFormatType),
);

/** A noise reduction choice: off, or a profile. */
export type NoiseReductionOption = 'off' | RealtimeNoiseReductionType;
/** The noise reduction choices, in the order the editor lists them. */
export const NOISE_REDUCTION_OPTIONS: readonly NoiseReductionOption[] = Object.freeze([
  'off',
  ...Object.values(RealtimeNoiseReductionType),
]);

/** The transcription model select's value for transcription off. */
export const TRANSCRIPTION_OFF = 'off';

/** The transcription delays, from shortest to longest wait. */
export const TRANSCRIPTION_DELAYS: readonly RealtimeTranscriptionDelay[] = Object.freeze(
  Object.values(RealtimeTranscriptionDelay),
);

/** A free-text setting of the transcription. */
export type TranscriptionTextKey = 'language' | 'prompt';
/** A list setting of the transcription. */
export type TranscriptionListKey = 'languages' | 'keywords';
/** Every control of the transcription below its model, by the model's property name. */
export type TranscriptionControlKey = 'model' | TranscriptionTextKey | TranscriptionListKey | 'delay';

const FORMAT = 'audio.input.format';
const NOISE = 'audio.input.noise_reduction';
const TRANSCRIPTION = 'audio.input.transcription';
const TURN_DETECTION = 'audio.input.turn_detection';

const TRANSCRIPTION_WIRES: Readonly<Record<TranscriptionControlKey, string>> = {
  model: 'model',
  language: 'language',
  languages: 'languages',
  keywords: 'keywords',
  prompt: 'prompt',
  delay: 'delay',
};
const MODEL_OPTIONS: readonly TranscriptionOption[] = ['prompt', 'languages', 'keywords', 'delay'];

/** The transcription part of {@link InputAudioFieldState}. */
export interface TranscriptionState {
  /** True when the session transcribes (the draft's, else the live or default setting). */
  readonly on: boolean;
  /** The transcription whose settings the controls show, while on. */
  readonly shown: RealtimeTranscription | undefined;
  /** The model's value in the select: {@link TRANSCRIPTION_OFF}, a model id, or `''` for a transcription without one. */
  readonly selected: string;
  /** The models to offer: the schema's, and the shown one if it is another. */
  readonly models: readonly string[];
  /** What the shown model cannot do, with the reasons. */
  readonly limits: TranscriptionModelLimits;
  /** Set when the model needs turn detection off and it is on: why, to show beside a way to turn it off. */
  readonly turnDetectionConflict: string | undefined;
  /** The error under each control: its first validation issue. */
  readonly errors: Readonly<Partial<Record<TranscriptionControlKey, SubfieldError>>>;
  /** The field's error when no control shows it (a server refusal): shown under the whole group. */
  readonly groupError: string | undefined;
}

/** The input audio fields' state, for rendering. */
export interface InputAudioFieldState {
  /** The encoding the session expects: the draft's, else the live or default one. */
  readonly format: RealtimeAudioFormatType | undefined;
  /** The noise reduction the session applies; `undefined` for a profile this version does not know. */
  readonly noiseReduction: NoiseReductionOption | undefined;
  readonly transcription: TranscriptionState;
  readonly disabled: boolean;
}

/** Props for a text setting of the transcription: an `input` or a `textarea`. */
export interface TranscriptionTextProps {
  readonly id: string;
  readonly value: string;
  readonly disabled: boolean;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': true | undefined;
  readonly onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  readonly onBlur: () => void;
}

/**
 * Props for a list setting of the transcription (`languages`, `keywords`):
 * a control that edits a list of strings. `undefined` leaves the setting unspecified.
 */
export interface TranscriptionListProps {
  readonly id: string;
  readonly value: readonly string[] | undefined;
  readonly disabled: boolean;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': true | undefined;
  readonly onValueChange: (value: readonly string[] | undefined) => void;
  readonly onBlur: () => void;
}

/** What {@link useInputAudioField} returns: the binding, the three field parts, state and prop getters. */
export interface UseInputAudioFieldReturn {
  readonly binding: FieldStore;
  /** The field contracts of the format, the noise reduction and the transcription. */
  readonly fields: {
    readonly format: FieldPart<'audio.input.format'>;
    readonly noiseReduction: FieldPart<'audio.input.noise_reduction'>;
    readonly transcription: FieldPart<'audio.input.transcription'>;
  };
  readonly state: InputAudioFieldState;
  /** For the radio of one encoding; the user's `onChange` runs first. */
  getFormatOptionProps(
    format: RealtimeAudioFormatType,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
  /** For the radio of one noise reduction choice; the user's `onChange` runs first. */
  getNoiseReductionOptionProps(
    option: NoiseReductionOption,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
  /** For the `select` of the transcription model (or off); the user's `onChange` runs first. */
  getTranscriptionModelProps(user?: SelectHTMLAttributes<HTMLSelectElement>): SelectHTMLAttributes<HTMLSelectElement>;
  /** For the language or the prompt; the user's callbacks run first, and their `aria-describedby` (a hint) is kept. */
  getTranscriptionTextProps(key: TranscriptionTextKey, user?: Partial<TranscriptionTextProps>): TranscriptionTextProps;
  /** For the languages or the keywords; the user's callbacks run first, and their `aria-describedby` is kept. */
  getTranscriptionListProps(key: TranscriptionListKey, user?: Partial<TranscriptionListProps>): TranscriptionListProps;
  /** For the `select` of the delay (`''` is the server's default); the user's `onChange` runs first. */
  getDelayProps(user?: SelectHTMLAttributes<HTMLSelectElement>): SelectHTMLAttributes<HTMLSelectElement>;
  /** For a button that turns turn detection off, which the transcription model needs; the user's `onClick` runs first. */
  getTurnDetectionOffButtonProps(
    user?: ButtonHTMLAttributes<HTMLButtonElement>,
  ): ButtonHTMLAttributes<HTMLButtonElement>;
}

export type UseInputAudioFieldProps = SessionRequestProps;

type HeldOptions = { -readonly [K in TranscriptionOption]?: RealtimeTranscription[K] };

/**
 * The input audio settings without markup: the encoding, noise reduction,
 * and transcription with its model's options. Options the model does not
 * take are disabled with the reason; switching model keeps them aside and
 * puts them back when a model that takes them is chosen again, so they are
 * never sent to a model that refuses them.
 *
 * @example
 * ```tsx
 * function NoiseReduction() {
 *   const { getNoiseReductionOptionProps } = useInputAudioField();
 *   return NOISE_REDUCTION_OPTIONS.map((option) => (
 *     <label key={option}>
 *       <input {...getNoiseReductionOptionProps(option)} /> {option}
 *     </label>
 *   ));
 * }
 * ```
 */
export function useInputAudioField(props: UseInputAudioFieldProps = {}): UseInputAudioFieldReturn {
  const binding = useFieldStore(props, [FORMAT, NOISE, TRANSCRIPTION, TURN_DETECTION], 'InputAudioEditor');
  const format = useFieldPart(binding, FORMAT);
  const noiseReduction = useFieldPart(binding, NOISE);
  const transcription = useFieldPart(binding, TRANSCRIPTION);
  const connected = binding.mode === 'connected';
  const { snapshot } = binding;
  const disabled = binding.disabled;
  // The transcription before it was turned off, and the options the current model does not take.
  const held = useRef<{ last?: RealtimeTranscription; options: HeldOptions }>({ options: {} });

  const shownFormat = format.effective.value;
  // A format without a type is PCM, the only one a rate applies to.
  const formatType = shownFormat === undefined ? undefined : (shownFormat.type ?? RealtimeAudioFormatType.pcm);
  const noise = noiseReduction.effective.value;
  const noiseOption: NoiseReductionOption | undefined = noise === undefined || isOff(noise) ? 'off' : noise.type;

  const shownT = transcription.effective.value;
  const on = shownT instanceof RealtimeTranscription;
  const shown = on ? shownT : undefined;
  const model = shown?.model;
  const selected = on ? (model ?? '') : TRANSCRIPTION_OFF;
  const models =
    model === undefined || TRANSCRIPTION_MODELS.includes(model)
      ? TRANSCRIPTION_MODELS
      : [...TRANSCRIPTION_MODELS, model];
  const limits = transcriptionModelLimits(model);
  const turnDetection = effectiveValue(snapshot.draft, connected ? snapshot.applied : undefined, TURN_DETECTION).value;
  const turnDetectionConflict =
    on && limits.needsTurnDetectionOff !== undefined && !isOff(turnDetection)
      ? limits.needsTurnDetectionOff
      : undefined;
  const placed = placeSubfieldErrors(transcription, TRANSCRIPTION_WIRES);
  const hasNote =
    transcription.messages.lock !== undefined ||
    transcription.messages.hold !== undefined ||
    transcription.messages.connection !== undefined;
  const describedBy = (key: TranscriptionControlKey, user: string | undefined) =>
    describedByIds(user, placed.byControl[key]?.id, hasNote && transcription.ids.noteId);
  const controlId = (key: TranscriptionControlKey) => `${transcription.ids.controlId}-${key}`;
  /** An option the model does not take is off, unless it holds a value the user must be able to clear. */
  const optionDisabled = (option: TranscriptionOption) =>
    disabled || (limits.unsupported[option] !== undefined && shown?.[option] === undefined);

  /** The transcription an edit starts from: the draft's, else the live session's. */
  const transcriptionOf = (draft: RealtimeSessionCreateRequest) => {
    const own = readSessionField(draft, TRANSCRIPTION);
    const applied = connected ? binding.store.getSnapshot().applied : undefined;
    const from = own ?? (applied === undefined ? undefined : readSessionField(applied, TRANSCRIPTION));
    return from instanceof RealtimeTranscription ? from : undefined;
  };
  const editTranscription = (patch: CopyWithPatch<RealtimeTranscriptionInit>, options?: SessionUpdateOptions) =>
    binding.update((draft) => {
      const base = transcriptionOf(draft) ?? new RealtimeTranscription();
      return writeSessionField(draft, TRANSCRIPTION, base.copyWith(patch));
    }, options);

  const selectModel = (next: string) => {
    const now = transcriptionOf(binding.store.getSnapshot().draft);
    if (next === TRANSCRIPTION_OFF) {
      if (now !== undefined) held.current.last = now;
      binding.setField(TRANSCRIPTION, RealtimeOff);
      return;
    }
    const base = now ?? held.current.last ?? new RealtimeTranscription();
    const unsupported = transcriptionModelLimits(next).unsupported;
    const patch: Record<string, unknown> = { model: next };
    const options = held.current.options as Record<TranscriptionOption, unknown>;
    for (const option of MODEL_OPTIONS) {
      const value = base[option];
      if (unsupported[option] !== undefined) {
        // Set aside rather than sent to a model that refuses it, or lost.
        if (value !== undefined) options[option] = value;
        patch[option] = null;
      } else if (value === undefined && options[option] !== undefined) {
        patch[option] = options[option];
        options[option] = undefined;
      }
    }
    binding.setField(TRANSCRIPTION, base.copyWith(patch as CopyWithPatch<RealtimeTranscriptionInit>));
  };

  const selectFormat = (type: RealtimeAudioFormatType) =>
    binding.setField(
      FORMAT,
      new RealtimeAudioFormat(type === RealtimeAudioFormatType.pcm ? { type, rate: PCM_SAMPLE_RATE } : { type }),
    );
  // Switching profiles keeps the strength the user set; only turning it off drops it.
  const selectNoise = (option: NoiseReductionOption) =>
    binding.setField(
      NOISE,
      option === 'off'
        ? RealtimeOff
        : noise instanceof RealtimeNoiseReduction
          ? noise.copyWith({ type: option })
          : new RealtimeNoiseReduction({ type: option }),
    );

  const state: InputAudioFieldState = {
    format: formatType,
    noiseReduction: noiseOption,
    transcription: {
      on,
      shown,
      selected,
      models,
      limits,
      turnDetectionConflict,
      errors: placed.byControl,
      groupError: placed.group,
    },
    disabled,
  };

  const invalid = (key: TranscriptionControlKey) => (placed.byControl[key] === undefined ? undefined : true);

  return {
    binding,
    fields: { format, noiseReduction, transcription },
    state,
    getFormatOptionProps: (option, user = {}) => ({
      ...user,
      ...format.getOptionProps(option, { checked: formatType === option, onSelect: () => selectFormat(option) }),
      onChange: composeEventHandlers(user.onChange, () => selectFormat(option)),
    }),
    getNoiseReductionOptionProps: (option, user = {}) => ({
      ...user,
      ...noiseReduction.getOptionProps(option, {
        checked: noiseOption === option,
        onSelect: () => selectNoise(option),
      }),
      onChange: composeEventHandlers(user.onChange, () => selectNoise(option)),
    }),
    getTranscriptionModelProps: (user = {}) => ({
      ...user,
      id: controlId('model'),
      value: selected,
      disabled,
      'aria-describedby': describedBy('model', user['aria-describedby']),
      'aria-invalid': invalid('model'),
      onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLSelectElement>) =>
        selectModel(event.target.value),
      ),
    }),
    getTranscriptionTextProps: (key, user = {}) => ({
      id: controlId(key),
      value: shown?.[key] ?? '',
      disabled: key === 'prompt' ? optionDisabled('prompt') : disabled,
      ...user,
      'aria-describedby': describedBy(key, user['aria-describedby']),
      'aria-invalid': invalid(key),
      onChange: (event) => {
        user.onChange?.(event);
        if (event.defaultPrevented) return;
        const text = event.target.value;
        const patch: CopyWithPatch<RealtimeTranscriptionInit> =
          key === 'language' ? { language: text === '' ? null : text } : { prompt: text === '' ? null : text };
        editTranscription(patch, { coalesce: 'text' });
      },
      onBlur: () => {
        user.onBlur?.();
        binding.commit();
      },
    }),
    getTranscriptionListProps: (key, user = {}) => ({
      id: controlId(key),
      value: shown?.[key],
      disabled: optionDisabled(key),
      ...user,
      'aria-describedby': describedBy(key, user['aria-describedby']),
      'aria-invalid': invalid(key),
      onValueChange: (value) => {
        user.onValueChange?.(value);
        const patch: CopyWithPatch<RealtimeTranscriptionInit> =
          key === 'languages' ? { languages: value ?? null } : { keywords: value ?? null };
        editTranscription(patch, { coalesce: 'text' });
      },
      onBlur: () => {
        user.onBlur?.();
        binding.commit();
      },
    }),
    getDelayProps: (user = {}) => ({
      ...user,
      id: controlId('delay'),
      value: shown?.delay ?? '',
      disabled: optionDisabled('delay'),
      'aria-describedby': describedBy('delay', user['aria-describedby']),
      'aria-invalid': invalid('delay'),
      onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLSelectElement>) => {
        const value = event.target.value;
        const delay = TRANSCRIPTION_DELAYS.find((item) => item === value);
        editTranscription({ delay: delay ?? null });
      }),
    }),
    getTurnDetectionOffButtonProps: (user = {}) => ({
      type: 'button',
      ...user,
      disabled: disabled || turnDetectionConflict === undefined,
      onClick: composeEventHandlers(user.onClick, () => binding.setField(TURN_DETECTION, RealtimeOff)),
    }),
  };
}
