export * from './events.js';
export {
  parseServerEvent,
  DEFAULT_MAX_FRAME_BYTES,
  type ParsedServerEvent,
  type ParseServerEventOptions,
  type RealtimeProtocolError,
  type RealtimeProtocolErrorCode,
} from './parse.js';
export * from './client-events.js';
