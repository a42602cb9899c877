export * from './types.js';
export {
  createSessionStore,
  RealtimeSessionUpdateError,
  DEFAULT_COALESCE_MS,
  DEFAULT_DRAG_COALESCE_MS,
  DEFAULT_EVENT_LOG_SIZE,
  DEFAULT_ACK_TIMEOUT_MS,
  type RealtimeSessionStore,
  type SessionStoreOptions,
  type SessionChange,
  type SessionUpdateOptions,
  type SessionUpdateFailure,
  type SessionEventType,
  type SessionEventOf,
} from './store.js';
export {
  sessionReducer,
  initialSessionState,
  issuesOf,
  MAX_SESSION_ERRORS,
  MCP_LISTING_FAILED_MESSAGE,
} from './reducer.js';
export { planSessionUpdate } from './plan.js';
export type { RealtimeEventLog, RealtimeEventLogEntry } from './event-log.js';
