export { ParallelToolCallsToggle, type ParallelToolCallsToggleProps } from './parallel-tool-calls-toggle.js';
export {
  useParallelToolCallsField,
  DEFAULT_PARALLEL_TOOL_CALLS,
  type UseParallelToolCallsFieldProps,
  type UseParallelToolCallsFieldReturn,
  type ParallelToolCallsFieldState,
} from './use-parallel-tool-calls-field.js';
