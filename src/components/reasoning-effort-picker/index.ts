export { ReasoningEffortPicker, type ReasoningEffortPickerProps } from './reasoning-effort-picker.js';
export {
  useReasoningEffortField,
  REASONING_EFFORTS,
  type UseReasoningEffortFieldProps,
  type UseReasoningEffortFieldReturn,
  type ReasoningEffortFieldState,
} from './use-reasoning-effort-field.js';
