'use client';
import type { InputHTMLAttributes } from 'react';
import {
  PCM_SAMPLE_RATE,
  RealtimeAudioFormat,
  RealtimeAudioFormatType,
  REALTIME_SESSION_DEFAULTS,
} from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';

/** The output audio format field's state, for rendering. */
export interface OutputAudioFormatFieldState {
  /**
   * The encoding the session uses (the draft's, else the live or default one);
   * `undefined` when the format is not one the API takes as it stands (a PCM
   * rate other than 24 kHz, a rate on G.711, no type), so no choice is checked.
   */
  readonly type: RealtimeAudioFormatType | undefined;
  /** The format as it stands, when it is not one of the choices: what the error is about. */
  readonly unmatched: RealtimeAudioFormat | undefined;
  /** The encodings to offer, the API's default first. */
  readonly options: readonly RealtimeAudioFormatType[];
  /** The API's default encoding. */
  readonly defaultType: RealtimeAudioFormatType;
  readonly disabled: boolean;
}

/** What {@link useOutputAudioFormatField} returns: the binding, the field part, state and prop getters. */
export interface UseOutputAudioFormatFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages and the shared prop getters. */
  readonly field: FieldPart<'audio.output.format'>;
  readonly state: OutputAudioFormatFieldState;
  /** For the radio of one encoding; the user's `onChange` runs first. */
  getOptionProps(
    type: RealtimeAudioFormatType,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
}

export type UseOutputAudioFormatFieldProps = SessionRequestProps;

const OPTIONS: readonly RealtimeAudioFormatType[] = Object.freeze([
  RealtimeAudioFormatType.pcm,
  RealtimeAudioFormatType.pcmu,
  RealtimeAudioFormatType.pcma,
]);
const DEFAULT_TYPE: RealtimeAudioFormatType = REALTIME_SESSION_DEFAULTS.output.format.type;

/**
 * The format each encoding is sent as: PCM names its one rate, as the API
 * reports it; G.711 has a fixed 8 kHz rate and takes none.
 *
 * @example
 * ```ts
 * outputAudioFormatOf('audio/pcm').toJson(); // { type: 'audio/pcm', rate: 24000 }
 * ```
 */
export function outputAudioFormatOf(type: RealtimeAudioFormatType): RealtimeAudioFormat {
  return new RealtimeAudioFormat(type === RealtimeAudioFormatType.pcm ? { type, rate: PCM_SAMPLE_RATE } : { type });
}

/** The choice a format stands for, or `undefined` when it is not one the API takes as it stands. */
function typeOf(format: RealtimeAudioFormat | undefined): RealtimeAudioFormatType | undefined {
  const type = format?.type;
  if (type === undefined || !OPTIONS.includes(type)) return undefined;
  const rate = format?.rate;
  if (type === RealtimeAudioFormatType.pcm) return rate === undefined || rate === PCM_SAMPLE_RATE ? type : undefined;
  return rate === undefined ? type : undefined;
}

/**
 * The output audio format without markup: 16-bit PCM at 24 kHz (the API's
 * default), G.711 μ-law or G.711 A-law. A format the API would refuse (PCM at
 * another rate) checks no choice and shows why; picking one replaces it.
 *
 * @example
 * ```tsx
 * const { state, getOptionProps } = useOutputAudioFormatField();
 * return state.options.map((type) => (
 *   <label key={type}>
 *     <input {...getOptionProps(type)} /> {type}
 *   </label>
 * ));
 * ```
 */
export function useOutputAudioFormatField(props: UseOutputAudioFormatFieldProps = {}): UseOutputAudioFormatFieldReturn {
  const binding = useFieldStore(props, ['audio.output.format'], 'OutputAudioFormatPicker');
  const field = useFieldPart(binding, 'audio.output.format');
  const shown = field.effective.value;
  const type = typeOf(shown);
  const disabled = binding.disabled;
  const select = (next: RealtimeAudioFormatType) => binding.setField('audio.output.format', outputAudioFormatOf(next));
  return {
    binding,
    field,
    state: {
      type,
      unmatched: type === undefined ? shown : undefined,
      options: OPTIONS,
      defaultType: DEFAULT_TYPE,
      disabled,
    },
    getOptionProps: (option, user = {}) => ({
      ...user,
      ...field.getOptionProps(option, { checked: type === option, onSelect: () => select(option) }),
      onChange: composeEventHandlers(user.onChange, () => select(option)),
    }),
  };
}
