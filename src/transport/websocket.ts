import { OPENAI_REALTIME_URL, type RealtimeClientEvent } from '../protocol/index.js';
import type { RealtimeReconnectOptions } from './backoff.js';
import {
  createClientSecretSource,
  createConnectionLifecycle,
  inBrowser,
  type RealtimeClientSecretContext,
  type RealtimeClientSecretResult,
} from './connection.js';
import { RealtimeTransportError, type RealtimeTransport } from './types.js';

/** The Realtime API's WebSocket endpoint: {@link OPENAI_REALTIME_URL}, under the name this module has always exported. */
export const REALTIME_API_URL = OPENAI_REALTIME_URL;

/** The part of a WebSocket this transport uses; the browser's and `ws`'s both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (event: object) => void): void;
}

/**
 * A WebSocket constructor. The third argument is `ws`'s options (used for the
 * `Authorization` header in Node); browsers ignore it.
 */
export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
  options?: { headers?: Record<string, string> },
) => WebSocketLike;

export interface WebSocketTransportOptions {
  /**
   * The Realtime endpoint without query; `model` is added as `?model=`.
   * `http(s):` URLs are turned into `ws(s):`, and in browsers a path such as
   * `/v1/realtime` is resolved against the page's origin.
   * @default OPENAI_REALTIME_URL
   */
  readonly url?: string;
  /** The model of the first session. `connect({ model })` can change it for later ones. */
  readonly model: string;
  /**
   * Fetches an ephemeral `ek_…` client secret from your server. A secret
   * returned with its `expires_at` is reused by later connection attempts for
   * the same model while it has at least 30 s left, so a flaky network does
   * not mint a secret per retry; a secret whose connection is refused, or one
   * returned as a bare string, is never reused.
   */
  readonly getClientSecret?: (context: RealtimeClientSecretContext) => Promise<RealtimeClientSecretResult>;
  /**
   * A standard API key, for Node only (it is sent as an `Authorization`
   * header, which needs `ws`). Refused in browsers, where only `ek_` secrets may go.
   */
  readonly apiKey?: string;
  /** The WebSocket class; pass `WebSocket` from `ws` in Node. @default globalThis.WebSocket */
  readonly WebSocket?: WebSocketConstructor;
  /** How dropped connections are retried. */
  readonly reconnect?: RealtimeReconnectOptions;
  /** Source of jitter, for tests. @default Math.random */
  readonly random?: () => number;
}

const OPEN = 1;

function endpoint(url: string, model: string): string {
  // A path (such as a dev server's `/v1/realtime`) is resolved against the page's own origin.
  const location = (globalThis as { location?: { href: string } }).location;
  const absolute = url.startsWith('/') && location !== undefined ? new URL(url, location.href).href : url;
  const base = absolute.replace(/^http(s?):/, 'ws$1:');
  return `${base}${base.includes('?') ? '&' : '?'}model=${encodeURIComponent(model)}`;
}

/**
 * A {@link RealtimeTransport} over a WebSocket, for browsers and Node.
 *
 * - In browsers it authenticates with the `realtime` and
 *   `openai-insecure-api-key.<ek_…>` subprotocols, using a secret from
 *   `getClientSecret()`. A standard `sk-` key is refused.
 * - In Node, `apiKey` is sent as an `Authorization: Bearer` header (pass `ws`'s `WebSocket`).
 * - An unexpected close is retried with exponential backoff and jitter,
 *   with a fresh secret each time; after `reconnect.maxAttempts` it is `failed`.
 *
 * Nothing is opened until `connect()`, so creating one during a server render is safe.
 *
 * @example
 * ```ts
 * const transport = createWebSocketTransport({
 *   model: 'gpt-realtime',
 *   getClientSecret: async ({ model }) => {
 *     const response = await fetch('/api/realtime/client-secret', {
 *       method: 'POST',
 *       headers: { 'Content-Type': 'application/json' },
 *       body: JSON.stringify({ session: { type: 'realtime', model } }),
 *     });
 *     return (await response.json()) as { value: string };
 *   },
 * });
 * ```
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): RealtimeTransport {
  const { apiKey, getClientSecret } = options;
  if (apiKey !== undefined && inBrowser() && !apiKey.startsWith('ek_')) {
    throw new RealtimeTransportError(
      'api_key_in_browser',
      'A standard API key must never reach browser code. Mint an ephemeral ek_ client secret on your server and pass getClientSecret instead.',
    );
  }
  if (apiKey === undefined && getClientSecret === undefined) {
    throw new RealtimeTransportError('missing_credentials', 'Pass getClientSecret (browsers) or apiKey (Node).');
  }
  const url = options.url ?? REALTIME_API_URL;
  const secrets = getClientSecret === undefined ? undefined : createClientSecretSource(getClientSecret);
  let socket: WebSocketLike | undefined;

  const credentials = async (model: string): Promise<{ protocols: string[]; headers?: Record<string, string> }> => {
    if (secrets !== undefined) {
      return { protocols: ['realtime', `openai-insecure-api-key.${await secrets.secret(model)}`] };
    }
    if (inBrowser()) return { protocols: ['realtime', `openai-insecure-api-key.${apiKey ?? ''}`] };
    return { protocols: [], headers: { Authorization: `Bearer ${apiKey ?? ''}` } };
  };

  const lifecycle = createConnectionLifecycle({
    model: options.model,
    reconnect: options.reconnect,
    random: options.random,
    teardown() {
      const old = socket;
      socket = undefined;
      if (old !== undefined && old.readyState <= OPEN) old.close(1000, 'client closed');
    },
    async open(attempt) {
      const WebSocketClass = options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor | undefined);
      if (WebSocketClass === undefined) {
        attempt.fail(new RealtimeTransportError('no_websocket', "No WebSocket here; pass WebSocket from 'ws'."));
        return;
      }
      let auth: Awaited<ReturnType<typeof credentials>>;
      try {
        auth = await credentials(attempt.model);
      } catch (error) {
        if (error instanceof RealtimeTransportError && error.code === 'api_key_in_browser') attempt.fail(error);
        else attempt.retry(error as Error);
        return;
      }
      if (!attempt.current) return;
      const ws =
        auth.headers === undefined
          ? new WebSocketClass(endpoint(url, attempt.model), auth.protocols)
          : new WebSocketClass(endpoint(url, attempt.model), auth.protocols, { headers: auth.headers });
      socket = ws;
      let opened = false;
      ws.addEventListener('open', () => {
        if (!attempt.current) return;
        opened = true;
        attempt.opened();
      });
      ws.addEventListener('message', (event) => attempt.message((event as { data?: unknown }).data));
      // Browsers give no reason for a failed handshake; `close` follows `error`, so only `close` acts.
      ws.addEventListener('error', () => {});
      ws.addEventListener('close', (event) => {
        if (!attempt.current) return;
        const { code, reason } = event as { code?: number; reason?: string };
        // A refused handshake may be a secret the server no longer accepts: the next attempt mints anew.
        if (!opened) secrets?.forget();
        const message = opened
          ? `The connection closed unexpectedly (${code ?? 'no code'}${reason ? `: ${reason}` : ''}).`
          : `The connection could not be opened (${code ?? 'no code'}).`;
        attempt.retry(new RealtimeTransportError('connection_failed', message));
      });
    },
  });

  return {
    get status() {
      return lifecycle.status;
    },
    connect: lifecycle.connect,
    send(event: RealtimeClientEvent) {
      if (socket === undefined || lifecycle.status !== 'open' || socket.readyState !== OPEN) {
        throw new RealtimeTransportError(
          'not_open',
          `Cannot send ${event.type}: the connection is ${lifecycle.status}.`,
        );
      }
      socket.send(JSON.stringify(event));
    },
    close: lifecycle.close,
    events: lifecycle.events,
  };
}
