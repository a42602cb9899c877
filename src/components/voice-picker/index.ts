export { VoicePicker, type VoicePickerProps } from './voice-picker.js';
export {
  useVoiceField,
  type UseVoiceFieldProps,
  type UseVoiceFieldReturn,
  type VoiceFieldState,
  type VoiceOption,
} from './use-voice-field.js';
