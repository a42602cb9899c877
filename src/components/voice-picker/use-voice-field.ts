'use client';
import { useRef, useState, type ChangeEvent, type FocusEvent, type InputHTMLAttributes } from 'react';
import {
  BUILT_IN_VOICES,
  getModelCapabilities,
  REALTIME_LIMITS,
  RealtimeCustomVoice,
  RECOMMENDED_VOICES,
} from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';
import type { NumberFieldInputProps } from '../field/number-input-props.js';

/** One built-in voice as the picker offers it. */
export interface VoiceOption {
  readonly voice: string;
  readonly recommended: boolean;
  /** False when the session's model does not speak with this voice. */
  readonly available: boolean;
}

/** The option of {@link UseVoiceFieldReturn.getOptionProps} that picks a custom voice. */
export const CUSTOM_VOICE_OPTION = 'custom';

/** The voice field's state, for rendering. */
export interface VoiceFieldState {
  /** The built-in voice the session speaks with (the draft's, else the live or default one); `undefined` for a custom voice. */
  readonly voice: string | undefined;
  /** True when a custom voice is selected. */
  readonly custom: boolean;
  /** The custom voice id, when a custom voice is selected. */
  readonly customVoiceId: string | undefined;
  /** The speed the session speaks at: the draft's, else the live or default one. */
  readonly speed: number | undefined;
  /** Set while the speed box holds text that is not a number yet ("1.", "abc"); the speed control is described by it. */
  readonly speedTextError: { readonly id: string; readonly message: string } | undefined;
  readonly options: readonly VoiceOption[];
  readonly model: string;
  readonly disabled: boolean;
}

/**
 * Props for a number control of the speed: the kit's number box with its
 * slider, or a control of your own. `onValueChange` takes the typed value
 * (`dragging: false`, sent once typing pauses or the box loses focus;
 * `undefined`, an emptied box, makes the speed unspecified on blur) or a
 * slider position (`dragging: true`, coalesced into a few updates per drag).
 */
export type SpeedInputProps = NumberFieldInputProps;

/** What {@link useVoiceField} returns: the binding, both field parts, state and prop getters. */
export interface UseVoiceFieldReturn {
  readonly binding: FieldStore;
  /** The field contracts of the voice and of the speed: values, status, messages and the shared prop getters. */
  readonly fields: {
    readonly voice: FieldPart<'audio.output.voice'>;
    readonly speed: FieldPart<'audio.output.speed'>;
  };
  readonly state: VoiceFieldState;
  /** For the radio of one built-in voice, or of {@link CUSTOM_VOICE_OPTION}; the user's `onChange` runs first. */
  getOptionProps(option: string, user?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement>;
  /** For the custom voice id text input; the user's `onChange` and `onBlur` run first. */
  getCustomVoiceInputProps(user?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement>;
  /** For the speed's number control; the user's callbacks run first. */
  getSpeedInputProps(user?: Partial<SpeedInputProps>): SpeedInputProps;
}

export type UseVoiceFieldProps = SessionRequestProps;

const SPEED_STEP = 0.05;
const SPEED_TEXT = 'speed-text';

/**
 * The voice picker's logic without its markup: built-in and custom voices,
 * output speed, validation, sync status and the voice lock. Spread the
 * returned props on your own elements.
 *
 * @example
 * ```tsx
 * function CompactVoice() {
 *   const { state, getOptionProps } = useVoiceField();
 *   return state.options.map((option) => (
 *     <label key={option.voice}>
 *       <input {...getOptionProps(option.voice)} /> {option.voice}
 *     </label>
 *   ));
 * }
 * ```
 */
export function useVoiceField(props: UseVoiceFieldProps = {}): UseVoiceFieldReturn {
  const binding = useFieldStore(props, ['audio.output.voice', 'audio.output.speed', 'model'], 'VoicePicker');
  const voice = useFieldPart(binding, 'audio.output.voice');
  const speed = useFieldPart(binding, 'audio.output.speed');
  const [speedTextError, setSpeedTextError] = useState<string | undefined>(undefined);
  // An emptied box shows the effective speed again once it is set unspecified, so that waits for the blur:
  // done at once, the speed would refill the box under the user's cursor.
  const speedCleared = useRef(false);
  const model = binding.snapshot.draft.model;
  const shown = voice.effective.value;
  const custom = shown instanceof RealtimeCustomVoice;
  const modelVoices = getModelCapabilities(model)?.voices;
  const options = BUILT_IN_VOICES.map((id) => ({
    voice: id,
    recommended: RECOMMENDED_VOICES.has(id),
    available: modelVoices === undefined || modelVoices.includes(id),
  }));
  const disabled = binding.disabled;
  const speedTextErrorId = `${speed.ids.errorId}-text`;

  const select = (option: string) => {
    if (option === CUSTOM_VOICE_OPTION) {
      if (custom) return;
      // An empty id is invalid, but the user has not had a chance to type one yet.
      voice.markNew(CUSTOM_VOICE_OPTION);
      binding.setField('audio.output.voice', new RealtimeCustomVoice({ id: '' }));
      return;
    }
    voice.touch(CUSTOM_VOICE_OPTION);
    binding.setField('audio.output.voice', option);
  };

  const state: VoiceFieldState = {
    voice: typeof shown === 'string' ? shown : undefined,
    custom,
    customVoiceId: custom ? shown.id : undefined,
    speed: speed.effective.value,
    speedTextError: speedTextError === undefined ? undefined : { id: speedTextErrorId, message: speedTextError },
    options,
    model,
    disabled,
  };

  return {
    binding,
    fields: { voice, speed },
    state,
    getOptionProps: (option, user = {}) => {
      const own = voice.getOptionProps(option, {
        checked: option === CUSTOM_VOICE_OPTION ? custom : shown === option,
        disabled: options.find((item) => item.voice === option)?.available === false,
        onSelect: () => select(option),
      });
      return { ...user, ...own, onChange: composeEventHandlers(user.onChange, () => select(option)) };
    },
    getCustomVoiceInputProps: (user = {}) => ({
      ...user,
      ...voice.getControlProps({ id: `${voice.ids.controlId}-custom`, invalid: custom }),
      type: 'text',
      value: custom ? shown.id : '',
      placeholder: user.placeholder ?? 'voice_…',
      disabled: disabled || !custom,
      onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLInputElement>) =>
        binding.setField('audio.output.voice', new RealtimeCustomVoice({ id: event.target.value }), {
          coalesce: 'text',
        }),
      ),
      onBlur: composeEventHandlers(user.onBlur, (_event: FocusEvent<HTMLInputElement>) => {
        voice.touch(CUSTOM_VOICE_OPTION);
        binding.commit();
      }),
    }),
    getSpeedInputProps: (user = {}) => {
      const control = speed.getControlProps();
      return {
        id: control.id,
        'aria-label': 'Speed',
        'aria-describedby':
          [control['aria-describedby'], speedTextError === undefined ? undefined : speedTextErrorId]
            .filter(Boolean)
            .join(' ') || undefined,
        value: speed.effective.value,
        placeholder: speed.effective.value,
        min: REALTIME_LIMITS.speed.min,
        max: REALTIME_LIMITS.speed.max,
        step: SPEED_STEP,
        slider: true,
        disabled,
        invalid: speed.messages.invalid,
        ...user,
        onValueChange: (value, how) => {
          user.onValueChange?.(value, how);
          speedCleared.current = value === undefined && !how.dragging;
          if (speedCleared.current) return;
          // A drag sends a few updates per second; typing waits for a pause or the blur.
          binding.setField('audio.output.speed', value, { coalesce: how.dragging ? 'drag' : 'text' });
        },
        onLocalError: (message) => {
          user.onLocalError?.(message);
          setSpeedTextError(message);
          speed.setLocalError(SPEED_TEXT, message);
        },
        onBlur: () => {
          user.onBlur?.();
          if (speedCleared.current) {
            speedCleared.current = false;
            binding.setField('audio.output.speed', undefined);
          }
          binding.commit();
        },
      };
    },
  };
}
