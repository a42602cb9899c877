export {
  useRealtimeSession,
  type UseRealtimeSessionOptions,
  type UseRealtimeSessionReturn,
} from './use-realtime-session.js';
export { RealtimeSessionProvider, type RealtimeSessionProviderProps } from './provider.js';
export { useRealtimeSessionContext, RealtimeSessionContext } from './context.js';
export { useSessionSelector, useSessionField, type UseSessionFieldReturn } from './use-session-selector.js';
export {
  useControllableState,
  useControlSwitchWarning,
  type UseControllableStateOptions,
} from './use-controllable-state.js';
export { useRealtimeMedia, type UseRealtimeMediaReturn } from './use-realtime-media.js';
