export { PromptReferenceEditor, type PromptReferenceEditorProps } from './prompt-reference-editor.js';
export {
  PROMPT_MODES,
  usePromptField,
  type PromptFieldState,
  type PromptMode,
  type PromptVariablesInputProps,
  type UsePromptFieldProps,
  type UsePromptFieldReturn,
} from './use-prompt-field.js';
export { jsonValueText, RecordEntriesInput, type RecordEntry, type RecordValueText } from '../field/record-entries.js';
