export { TracingEditor, type TracingEditorProps } from './tracing-editor.js';
export {
  TRACING_MODES,
  useTracingField,
  type TracingFieldState,
  type TracingMetadataInputProps,
  type TracingMode,
  type UseTracingFieldProps,
  type UseTracingFieldReturn,
} from './use-tracing-field.js';
