import { OPENAI_REALTIME_URL, type RealtimeClientEvent } from '../protocol/index.js';
import { backoffDelay, DEFAULT_RECONNECT, type RealtimeReconnectOptions } from './backoff.js';
import {
  RealtimeTransportError,
  type RealtimeTransport,
  type RealtimeTransportConnectOptions,
  type RealtimeTransportEvent,
  type RealtimeTransportStatus,
} from './types.js';

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

/** A client secret as `getClientSecret` may return it: the `ek_…` string, or the API's response object. */
export type RealtimeClientSecretResult = string | { readonly value: string; readonly expires_at?: number };

/** What `getClientSecret` is told about the connection it is minting for. */
export interface RealtimeClientSecretContext {
  /** The model of the session about to open; mint the secret for it. */
  readonly model: string;
}

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
/** A cached secret is reused only with at least this much life left. */
const SECRET_REUSE_MARGIN_MS = 30_000;

/** True in browser code, where standard API keys must never be used. */
function inBrowser(): boolean {
  return typeof window !== 'undefined' && typeof window.document !== 'undefined';
}

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
  const reconnect = { ...DEFAULT_RECONNECT, ...options.reconnect };
  const random = options.random ?? Math.random;
  const listeners = new Set<(event: RealtimeTransportEvent) => void>();

  let status: RealtimeTransportStatus = 'idle';
  let model = options.model;
  let socket: WebSocketLike | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let healthyTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let reusable: { readonly value: string; readonly model: string; readonly expiresAtMs: number } | undefined;
  // Bumped whenever a connection is abandoned, so late callbacks of the old one are ignored.
  let generation = 0;

  const emit = (event: RealtimeTransportEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const setStatus = (next: RealtimeTransportStatus, extra: { attempt?: number; error?: Error } = {}) => {
    status = next;
    emit({ type: 'status', status: next, ...extra });
  };

  const abandon = () => {
    generation += 1;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    clearTimeout(healthyTimer);
    healthyTimer = undefined;
    const old = socket;
    socket = undefined;
    if (old !== undefined && old.readyState <= OPEN) old.close(1000, 'client closed');
  };

  const credentials = async (): Promise<{ protocols: string[]; headers?: Record<string, string> }> => {
    if (getClientSecret !== undefined) {
      const cached = reusable;
      if (cached !== undefined && cached.model === model && cached.expiresAtMs - Date.now() > SECRET_REUSE_MARGIN_MS) {
        return { protocols: ['realtime', `openai-insecure-api-key.${cached.value}`] };
      }
      reusable = undefined;
      const forModel = model;
      let result: RealtimeClientSecretResult;
      try {
        result = await getClientSecret({ model: forModel });
      } catch (cause) {
        throw new RealtimeTransportError('client_secret_failed', 'getClientSecret() failed.', { cause });
      }
      const secret = typeof result === 'string' ? result : result?.value;
      if (typeof secret !== 'string' || secret === '') {
        throw new RealtimeTransportError('client_secret_failed', 'getClientSecret() returned no secret.');
      }
      if (inBrowser() && !secret.startsWith('ek_')) {
        throw new RealtimeTransportError(
          'api_key_in_browser',
          'getClientSecret() returned a standard API key; only ephemeral ek_ secrets may be used in browsers.',
        );
      }
      const expiresAt = typeof result === 'string' ? undefined : result.expires_at;
      if (typeof expiresAt === 'number' && Number.isFinite(expiresAt)) {
        reusable = { value: secret, model: forModel, expiresAtMs: expiresAt * 1000 };
      }
      return { protocols: ['realtime', `openai-insecure-api-key.${secret}`] };
    }
    if (inBrowser()) return { protocols: ['realtime', `openai-insecure-api-key.${apiKey ?? ''}`] };
    return { protocols: [], headers: { Authorization: `Bearer ${apiKey ?? ''}` } };
  };

  const scheduleRetry = (error: Error) => {
    socket = undefined;
    clearTimeout(healthyTimer);
    healthyTimer = undefined;
    if (attempt >= reconnect.maxAttempts) {
      const reason =
        reconnect.maxAttempts === 0
          ? error
          : new RealtimeTransportError(
              'retries_exhausted',
              `Gave up after ${reconnect.maxAttempts} reconnection attempts. Last: ${error.message}`,
              { cause: error },
            );
      setStatus('failed', { error: reason });
      return;
    }
    attempt += 1;
    setStatus('reconnecting', { attempt, error });
    const mine = generation;
    retryTimer = setTimeout(
      () => {
        if (mine === generation) void open();
      },
      backoffDelay(attempt, reconnect, random),
    );
  };

  const open = async () => {
    const mine = generation;
    const WebSocketClass = options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor | undefined);
    if (WebSocketClass === undefined) {
      setStatus('failed', {
        error: new RealtimeTransportError('no_websocket', "No WebSocket here; pass WebSocket from 'ws'."),
      });
      return;
    }
    let auth: Awaited<ReturnType<typeof credentials>>;
    try {
      auth = await credentials();
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof RealtimeTransportError && error.code === 'api_key_in_browser') {
        setStatus('failed', { error });
        return;
      }
      scheduleRetry(error as Error);
      return;
    }
    if (mine !== generation) return;
    const ws =
      auth.headers === undefined
        ? new WebSocketClass(endpoint(url, model), auth.protocols)
        : new WebSocketClass(endpoint(url, model), auth.protocols, { headers: auth.headers });
    socket = ws;
    let opened = false;
    ws.addEventListener('open', () => {
      if (mine !== generation) return;
      opened = true;
      // Only a connection that stays up for a while proves the server healthy; one that is
      // accepted and dropped again (a flapping server) keeps counting towards `failed`.
      healthyTimer = setTimeout(() => {
        if (mine === generation) attempt = 0;
      }, reconnect.healthyAfterMs);
      setStatus('open');
    });
    ws.addEventListener('message', (event) => {
      if (mine !== generation) return;
      emit({ type: 'message', data: (event as { data?: unknown }).data });
    });
    // Browsers give no reason for a failed handshake; `close` follows `error`, so only `close` acts.
    ws.addEventListener('error', () => {});
    ws.addEventListener('close', (event) => {
      if (mine !== generation) return;
      const { code, reason } = event as { code?: number; reason?: string };
      // A refused handshake may be a secret the server no longer accepts: the next attempt mints anew.
      if (!opened) reusable = undefined;
      const message = opened
        ? `The connection closed unexpectedly (${code ?? 'no code'}${reason ? `: ${reason}` : ''}).`
        : `The connection could not be opened (${code ?? 'no code'}).`;
      scheduleRetry(new RealtimeTransportError('connection_failed', message));
    });
  };

  return {
    get status() {
      return status;
    },
    connect(connectOptions?: RealtimeTransportConnectOptions) {
      abandon();
      if (connectOptions?.model !== undefined) model = connectOptions.model;
      attempt = 0;
      setStatus('connecting');
      void open();
    },
    send(event: RealtimeClientEvent) {
      if (socket === undefined || status !== 'open' || socket.readyState !== OPEN) {
        throw new RealtimeTransportError('not_open', `Cannot send ${event.type}: the connection is ${status}.`);
      }
      socket.send(JSON.stringify(event));
    },
    close() {
      abandon();
      if (status !== 'closed') setStatus('closed');
    },
    events(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
