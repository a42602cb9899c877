/*
 * Where OpenAI serves the Realtime API. Here, in the protocol layer, because
 * both the browser transport and the Node server need it and both may import
 * protocol: the one place these URLs are written.
 */

/**
 * OpenAI's REST API base, where client secrets are minted.
 *
 * @example
 * ```ts
 * await fetch(`${OPENAI_API_BASE_URL}/realtime/client_secrets`, { method: 'POST', headers, body });
 * ```
 */
export const OPENAI_API_BASE_URL = 'https://api.openai.com/v1';

/**
 * The Realtime WebSocket endpoint of an API base: `https://host/v1` →
 * `wss://host/v1/realtime` (`http:` → `ws:`). Trailing slashes are ignored.
 *
 * @example
 * ```ts
 * realtimeWebSocketUrl('http://localhost:8080/v1/'); // 'ws://localhost:8080/v1/realtime'
 * ```
 */
export function realtimeWebSocketUrl(apiBaseUrl: string): string {
  return `${apiBaseUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}/realtime`;
}

/**
 * OpenAI's Realtime WebSocket endpoint, without the `?model=` query.
 *
 * @example
 * ```ts
 * new WebSocket(`${OPENAI_REALTIME_URL}?model=gpt-realtime-2`, ['realtime', `openai-insecure-api-key.${secret}`]);
 * ```
 */
export const OPENAI_REALTIME_URL = realtimeWebSocketUrl(OPENAI_API_BASE_URL);
