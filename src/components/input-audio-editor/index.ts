export { InputAudioEditor, type InputAudioEditorProps } from './input-audio-editor.js';
export {
  INPUT_AUDIO_FORMATS,
  NOISE_REDUCTION_OPTIONS,
  TRANSCRIPTION_DELAYS,
  TRANSCRIPTION_OFF,
  useInputAudioField,
  type InputAudioFieldState,
  type NoiseReductionOption,
  type TranscriptionControlKey,
  type TranscriptionListKey,
  type TranscriptionListProps,
  type TranscriptionState,
  type TranscriptionTextKey,
  type TranscriptionTextProps,
  type UseInputAudioFieldProps,
  type UseInputAudioFieldReturn,
} from './use-input-audio-field.js';
export { ListTextInput } from './list-text-input.js';
export {
  TRANSCRIPTION_MODELS,
  transcriptionModelLimits,
  type TranscriptionModelLimits,
  type TranscriptionOption,
} from './transcription-models.js';
