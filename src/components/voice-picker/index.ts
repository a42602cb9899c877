export { VoicePicker, type VoicePickerProps } from './voice-picker.js';
export {
  CUSTOM_VOICE_OPTION,
  useVoiceField,
  type SpeedInputProps,
  type UseVoiceFieldProps,
  type UseVoiceFieldReturn,
  type VoiceFieldState,
  type VoiceOption,
} from './use-voice-field.js';
