export { OutputAudioFormatPicker, type OutputAudioFormatPickerProps } from './output-audio-format-picker.js';
export {
  outputAudioFormatOf,
  useOutputAudioFormatField,
  type OutputAudioFormatFieldState,
  type UseOutputAudioFormatFieldProps,
  type UseOutputAudioFormatFieldReturn,
} from './use-output-audio-format-field.js';
