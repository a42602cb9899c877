export { OutputModalitiesPicker, type OutputModalitiesPickerProps } from './output-modalities-picker.js';
export {
  useOutputModalitiesField,
  type OutputModalitiesFieldState,
  type UseOutputModalitiesFieldProps,
  type UseOutputModalitiesFieldReturn,
} from './use-output-modalities-field.js';
