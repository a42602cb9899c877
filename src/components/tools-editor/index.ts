export { ToolsEditor, type ToolsEditorProps } from './tools-editor.js';
export {
  useToolsField,
  mcpListingText,
  type UseToolsFieldProps,
  type UseToolsFieldReturn,
  type ToolsFieldState,
  type ToolsImportError,
  type ToolsImportPreview,
  type ToolRow,
  type ToolKind,
} from './use-tools-field.js';
export { parseJsonText, type JsonSyntaxError } from '../field/json-syntax.js';
