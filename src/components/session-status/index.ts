export { SessionStatus, type SessionStatusProps } from './session-status.js';
export {
  useSessionStatus,
  type UseSessionStatusOptions,
  type UseSessionStatusReturn,
  type SessionFieldCounts,
} from './use-session-status.js';
