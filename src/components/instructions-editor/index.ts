export { InstructionsEditor, type InstructionsEditorProps } from './instructions-editor.js';
export {
  useInstructionsField,
  type InstructionsFieldState,
  type UseInstructionsFieldProps,
  type UseInstructionsFieldReturn,
} from './use-instructions-field.js';
