export { ToolsEditor, type ToolsEditorProps } from './tools-editor.js';
export {
  useToolsField,
  type UseToolsFieldProps,
  type UseToolsFieldReturn,
  type ToolsFieldState,
  type ToolsImportError,
} from './use-tools-field.js';
export { parseJsonText, type JsonSyntaxError } from '../field/json-syntax.js';
