export { ToolChoicePicker, type ToolChoicePickerProps } from './tool-choice-picker.js';
export {
  useToolChoiceField,
  type UseToolChoiceFieldProps,
  type UseToolChoiceFieldReturn,
  type ToolChoiceFieldState,
  type ToolChoiceKind,
  type ToolChoiceTarget,
} from './use-tool-choice-field.js';
