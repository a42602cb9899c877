export { IncludePicker, type IncludePickerProps } from './include-picker.js';
export {
  useIncludeField,
  type IncludeFieldState,
  type IncludeOption,
  type UseIncludeFieldProps,
  type UseIncludeFieldReturn,
} from './use-include-field.js';
