export { ReasoningEffortPicker, type ReasoningEffortPickerProps } from './reasoning-effort-picker.js';
export {
  useReasoningEffortField,
  type UseReasoningEffortFieldProps,
  type UseReasoningEffortFieldReturn,
  type ReasoningEffortFieldState,
} from './use-reasoning-effort-field.js';
