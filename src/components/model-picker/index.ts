export { ModelPicker, type ModelPickerProps } from './model-picker.js';
export {
  CUSTOM_MODEL_OPTION,
  useModelField,
  type ModelFieldState,
  type ModelOption,
  type UseModelFieldProps,
  type UseModelFieldReturn,
} from './use-model-field.js';
