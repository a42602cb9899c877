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
export {
  DEV_ENDPOINT_META_NAME,
  devEndpointContent,
  parseDevEndpointContent,
  type RealtimeDevEndpoint,
} from './dev-endpoint.js';
