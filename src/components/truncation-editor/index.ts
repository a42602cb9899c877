export { TruncationEditor, type TruncationEditorProps } from './truncation-editor.js';
export {
  DEFAULT_RETENTION_RATIO,
  TRUNCATION_STRATEGIES,
  useTruncationField,
  type TruncationFieldState,
  type TruncationNumberInputProps,
  type TruncationStrategy,
  type UseTruncationFieldProps,
  type UseTruncationFieldReturn,
} from './use-truncation-field.js';
