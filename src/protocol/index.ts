export * from './events.js';
export {
  parseServerEvent,
  DEFAULT_MAX_FRAME_BYTES,
  type ParsedServerEvent,
  type ParseServerEventOptions,
  type RealtimeProtocolIssue,
  type RealtimeProtocolIssueCode,
} from './parse.js';
export * from './client-events.js';
export { OPENAI_API_BASE_URL, OPENAI_REALTIME_URL, realtimeWebSocketUrl } from './openai.js';
export {
  DEV_ENDPOINT_META_NAME,
  devEndpointContent,
  parseDevEndpointContent,
  type RealtimeDevEndpoint,
} from './dev-endpoint.js';
