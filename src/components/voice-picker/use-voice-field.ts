'use client';
import type { ChangeEvent, InputHTMLAttributes } from 'react';
import {
  BUILT_IN_VOICES,
  getModelCapabilities,
  REALTIME_LIMITS,
  REALTIME_SESSION_DEFAULTS,
  RealtimeCustomVoice,
  RECOMMENDED_VOICES,
  writeSessionField,
  type RealtimeSessionCreateRequest,
} from '../../model/index.js';
import type { SessionFieldStatus } from '../../session/index.js';
import { describedBy, type FieldIds, type FieldMessages } from '../field/field-parts.js';
import { useFieldPart, type FieldGroupProps, type FieldHookReturn } from '../field/use-field-binding.js';
import { useRequestBinding, type SessionRequestProps } from '../field/use-request-binding.js';

/** One built-in voice as the picker offers it. */
export interface VoiceOption {
  readonly voice: string;
  readonly recommended: boolean;
  /** False when the session's model does not speak with this voice. */
  readonly available: boolean;
}

/** The voice field's state, for rendering. */
export interface VoiceFieldState {
  /** The selected built-in voice id, or `undefined` for none or a custom voice. */
  readonly voice: string | undefined;
  /** The custom voice id, when a custom voice is selected. */
  readonly customVoiceId: string | undefined;
  readonly speed: number | undefined;
  readonly options: readonly VoiceOption[];
  readonly voiceStatus: SessionFieldStatus;
  readonly speedStatus: SessionFieldStatus;
  readonly voiceMessages: FieldMessages;
  readonly speedMessages: FieldMessages;
  readonly disabled: boolean;
}

/** What {@link useVoiceField} returns: state, ids and prop objects to spread. */
export interface UseVoiceFieldReturn extends FieldHookReturn<
  VoiceFieldState,
  { readonly voice: FieldIds; readonly speed: FieldIds }
> {
  /** For the `fieldset` around the voice radios. */
  readonly voiceGroupProps: FieldGroupProps;
  /** For one voice's radio input. */
  getVoiceInputProps(voice: string): InputHTMLAttributes<HTMLInputElement>;
  /** For the "custom voice" radio input. */
  readonly customVoiceRadioProps: InputHTMLAttributes<HTMLInputElement>;
  /** For the custom voice id text input. */
  readonly customVoiceInputProps: InputHTMLAttributes<HTMLInputElement>;
  /** For the speed slider (`input type="range"`). */
  readonly speedSliderProps: InputHTMLAttributes<HTMLInputElement>;
  /** For the speed number input. */
  readonly speedInputProps: InputHTMLAttributes<HTMLInputElement>;
}

export type UseVoiceFieldProps = SessionRequestProps;

const CUSTOM = '__custom__';
const SPEED_STEP = 0.05;

function withVoice(request: RealtimeSessionCreateRequest, voice: string | RealtimeCustomVoice | undefined) {
  return writeSessionField(request, 'audio.output.voice', voice);
}

/**
 * The voice picker's logic without its markup: built-in and custom voices,
 * output speed, validation, sync status and lock. Spread the returned prop
 * objects on your own elements.
 *
 * @example
 * ```tsx
 * function CompactVoice() {
 *   const { state, getVoiceInputProps } = useVoiceField();
 *   return state.options.map((option) => (
 *     <label key={option.voice}>
 *       <input {...getVoiceInputProps(option.voice)} /> {option.voice}
 *     </label>
 *   ));
 * }
 * ```
 */
export function useVoiceField(props: UseVoiceFieldProps = {}): UseVoiceFieldReturn {
  const binding = useRequestBinding(props, ['model', 'audio.output.voice', 'audio.output.speed'], 'VoicePicker');
  const voicePart = useFieldPart(binding, 'audio.output.voice');
  const speedPart = useFieldPart(binding, 'audio.output.speed');
  const { ids: voiceIds, messages: voiceMessages } = voicePart;
  const { ids: speedIds, messages: speedMessages } = speedPart;
  const { request, disabled } = binding;
  const current = request.audio?.output?.voice;
  const custom = current instanceof RealtimeCustomVoice;
  const speed = request.audio?.output?.speed;
  const modelVoices = getModelCapabilities(request.model)?.voices;
  const options = BUILT_IN_VOICES.map((voice) => ({
    voice,
    recommended: RECOMMENDED_VOICES.has(voice),
    available: modelVoices === undefined || modelVoices.includes(voice),
  }));

  const state: VoiceFieldState = {
    voice: typeof current === 'string' ? current : undefined,
    customVoiceId: custom ? current.id : undefined,
    speed,
    options,
    voiceStatus: voicePart.status,
    speedStatus: speedPart.status,
    voiceMessages,
    speedMessages,
    disabled,
  };

  const setSpeed = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    const next = text === '' ? undefined : Number(text);
    // Out-of-range speeds are kept in the draft and shown as invalid; the store never sends them.
    binding.update((draft) => writeSessionField(draft, 'audio.output.speed', Number.isNaN(next) ? undefined : next));
  };

  return {
    state,
    binding,
    ids: { voice: voiceIds, speed: speedIds },
    voiceGroupProps: voicePart.groupProps(disabled),
    getVoiceInputProps: (voice) =>
      voicePart.radioProps(voice, {
        checked: current === voice,
        disabled: disabled || options.find((item) => item.voice === voice)?.available === false,
        onSelect: () => binding.update((draft) => withVoice(draft, voice)),
      }),
    customVoiceRadioProps: voicePart.radioProps(CUSTOM, {
      checked: custom,
      disabled,
      onSelect: () => binding.update((draft) => withVoice(draft, new RealtimeCustomVoice({ id: '' }))),
    }),
    customVoiceInputProps: {
      id: `${voiceIds.controlId}-custom`,
      type: 'text',
      value: custom ? current.id : '',
      placeholder: 'voice_…',
      disabled: disabled || !custom,
      'aria-invalid': (custom && voiceMessages.invalid) || undefined,
      'aria-describedby': custom ? describedBy(voiceIds, voiceMessages) : undefined,
      onChange: (event) => {
        const id = event.target.value;
        binding.update((draft) => withVoice(draft, new RealtimeCustomVoice({ id })), { coalesce: true });
      },
      onBlur: () => binding.store?.commit(),
    },
    speedSliderProps: {
      id: speedIds.controlId,
      type: 'range',
      min: REALTIME_LIMITS.speed.min,
      max: REALTIME_LIMITS.speed.max,
      step: SPEED_STEP,
      // Unset, the slider rests at the API's default speed.
      value: clamp(speed ?? REALTIME_SESSION_DEFAULTS.output.speed),
      disabled,
      'aria-describedby': describedBy(speedIds, speedMessages),
      onChange: setSpeed,
    },
    speedInputProps: {
      id: `${speedIds.controlId}-number`,
      type: 'number',
      inputMode: 'decimal',
      step: SPEED_STEP,
      value: speed ?? '',
      disabled,
      'aria-invalid': speedMessages.invalid || undefined,
      'aria-describedby': describedBy(speedIds, speedMessages),
      onChange: setSpeed,
    },
  };
}

function clamp(speed: number): number {
  return Math.min(REALTIME_LIMITS.speed.max, Math.max(REALTIME_LIMITS.speed.min, speed));
}
