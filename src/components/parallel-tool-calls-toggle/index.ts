export { ParallelToolCallsToggle, type ParallelToolCallsToggleProps } from './parallel-tool-calls-toggle.js';
export {
  useParallelToolCallsField,
  type UseParallelToolCallsFieldProps,
  type UseParallelToolCallsFieldReturn,
  type ParallelToolCallsFieldState,
} from './use-parallel-tool-calls-field.js';
