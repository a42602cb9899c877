export * from './types.js';
export { type RealtimeReconnectOptions } from './backoff.js';
export {
  createWebSocketTransport,
  REALTIME_API_URL,
  type WebSocketTransportOptions,
  type WebSocketLike,
  type WebSocketConstructor,
} from './websocket.js';
export { type RealtimeClientSecretResult, type RealtimeClientSecretContext } from './connection.js';
export { readDevEndpoint, clientSecretFrom } from './dev-endpoint.js';
export {
  createWebRTCTransport,
  type WebRTCTransport,
  type WebRTCTransportOptions,
  type WebRTCGlobals,
} from './webrtc.js';
export { createPushToTalk, type PushToTalk } from './push-to-talk.js';
