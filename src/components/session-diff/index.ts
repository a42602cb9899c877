export { SessionDiff, type SessionDiffProps } from './session-diff.js';
export {
  useSessionDiff,
  type UseSessionDiffOptions,
  type UseSessionDiffReturn,
  type SessionDiffField,
  type SessionDiffHighlight,
} from './use-session-diff.js';
export { sessionJsonLines, type SessionJsonLine } from './json-lines.js';
