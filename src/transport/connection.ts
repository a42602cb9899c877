/*
 * What every transport of this layer shares: the client secrets (minted, cached, refused in a browser when
 * they are standard keys) and the life of a connection (status events, attempts abandoned by a generation
 * counter, retries with backoff). The WebSocket and WebRTC transports differ only in how one attempt opens.
 */
import { backoffDelay, DEFAULT_RECONNECT, type RealtimeReconnectOptions } from './backoff.js';
import {
  RealtimeTransportError,
  type RealtimeTransportConnectOptions,
  type RealtimeTransportEvent,
  type RealtimeTransportStatus,
} from './types.js';

/**
 * A client secret as `getClientSecret` may return it: the `ek_…` string, or the API's response object.
 *
 * @example
 * ```ts
 * const secret: RealtimeClientSecretResult = { value: 'ek_…', expires_at: 1767225600 };
 * ```
 */
export type RealtimeClientSecretResult = string | { readonly value: string; readonly expires_at?: number };

/**
 * What `getClientSecret` is told about the connection it is minting for.
 *
 * @example
 * ```ts
 * const getClientSecret = async ({ model }: RealtimeClientSecretContext) => mintOnMyServer(model);
 * ```
 */
export interface RealtimeClientSecretContext {
  /** The model of the session about to open; mint the secret for it. */
  readonly model: string;
}

/** A cached secret is reused only with at least this much life left. */
const SECRET_REUSE_MARGIN_MS = 30_000;

/**
 * True in browser code, where standard API keys must never be used.
 *
 * @example
 * ```ts
 * if (inBrowser() && !key.startsWith('ek_')) throw new Error('only ek_ secrets here');
 * ```
 */
export function inBrowser(): boolean {
  return typeof window !== 'undefined' && typeof window.document !== 'undefined';
}

/** Where a transport gets its secrets from; see {@link createClientSecretSource}. */
export interface ClientSecretSource {
  /** A secret for `model`: the cached one while it has 30 s left, else a fresh one from `getClientSecret`. */
  secret(model: string): Promise<string>;
  /** Drops the cached secret: the server refused it, or may have. */
  forget(): void;
}

/**
 * Wraps `getClientSecret` so that a flaky network does not mint a secret per retry: a secret returned with its
 * `expires_at` is reused for the same model while it has at least 30 s left; one returned as a bare string has no
 * known expiry and is never reused. Rejects with `client_secret_failed` (worth a retry) or, in a browser, with
 * `api_key_in_browser` for anything but an `ek_` secret (never worth one).
 *
 * @example
 * ```ts
 * const secrets = createClientSecretSource(getClientSecret);
 * const secret = await secrets.secret('gpt-realtime');
 * // the server answered 401:
 * secrets.forget();
 * ```
 */
export function createClientSecretSource(
  getClientSecret: (context: RealtimeClientSecretContext) => Promise<RealtimeClientSecretResult>,
): ClientSecretSource {
  let reusable: { readonly value: string; readonly model: string; readonly expiresAtMs: number } | undefined;
  return {
    async secret(model) {
      const cached = reusable;
      if (cached !== undefined && cached.model === model && cached.expiresAtMs - Date.now() > SECRET_REUSE_MARGIN_MS) {
        return cached.value;
      }
      reusable = undefined;
      let result: RealtimeClientSecretResult;
      try {
        result = await getClientSecret({ model });
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
        reusable = { value: secret, model, expiresAtMs: expiresAt * 1000 };
      }
      return secret;
    },
    forget() {
      reusable = undefined;
    },
  };
}

/**
 * One attempt at a connection, as {@link createConnectionLifecycle} hands it to a transport. Every method does
 * nothing once the attempt is abandoned, so a transport's late callbacks need no checks of their own.
 */
export interface ConnectionAttempt {
  /** The model of the session this attempt opens. */
  readonly model: string;
  /** False once the attempt was abandoned (a new `connect()`, `close()`, a retry): stop what it was doing. */
  readonly current: boolean;
  /** The connection is up: status `open`. */
  opened(): void;
  /** One server frame, as received. */
  message(data: unknown): void;
  /** The attempt failed or its connection dropped: retried after the backoff, `failed` once retries run out. */
  retry(error: Error): void;
  /** A failure no retry can fix (a refused microphone, a standard key in a browser): `failed` at once. */
  fail(error: Error): void;
}

/** What a transport plugs into {@link createConnectionLifecycle}. */
export interface ConnectionLifecycleOptions {
  /** The model of the first session; `connect({ model })` changes it. */
  readonly model: string;
  readonly reconnect?: RealtimeReconnectOptions | undefined;
  /** Source of jitter. @default Math.random */
  readonly random?: (() => number) | undefined;
  /** Starts one attempt: the first connection and each retry. A rejection is retried like `attempt.retry`. */
  readonly open: (attempt: ConnectionAttempt) => Promise<void>;
  /** Ends whatever the abandoned attempt opened. Called on every abandon, so it must be safe to call twice. */
  readonly teardown: () => void;
}

/** The status, `connect`, `close` and `events` of a transport; it adds `send` (and media) itself. */
export interface ConnectionLifecycle {
  readonly status: RealtimeTransportStatus;
  connect(options?: RealtimeTransportConnectOptions): void;
  close(): void;
  events(listener: (event: RealtimeTransportEvent) => void): () => void;
}

/**
 * The life of a transport's connection: `connect()` abandons any attempt under way and starts one; a dropped
 * or failed attempt is retried with exponential backoff and jitter until `reconnect.maxAttempts`, then the
 * status is `failed` with a `retries_exhausted` error naming the last failure. The count starts afresh only
 * after a connection stayed up `reconnect.healthyAfterMs`.
 *
 * @example
 * ```ts
 * const lifecycle = createConnectionLifecycle({
 *   model: 'gpt-realtime',
 *   open: async (attempt) => {
 *     const socket = await dial(attempt.model);
 *     socket.onopen = () => attempt.opened();
 *     socket.onclose = () => attempt.retry(new Error('dropped'));
 *   },
 *   teardown: () => socket?.close(),
 * });
 * ```
 */
export function createConnectionLifecycle(options: ConnectionLifecycleOptions): ConnectionLifecycle {
  const reconnect = { ...DEFAULT_RECONNECT, ...options.reconnect };
  const random = options.random ?? Math.random;
  const listeners = new Set<(event: RealtimeTransportEvent) => void>();

  let status: RealtimeTransportStatus = 'idle';
  let model = options.model;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let healthyTimer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  // Bumped whenever an attempt is abandoned, so late callbacks of the old one are ignored.
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
    options.teardown();
  };

  const scheduleRetry = (error: Error) => {
    abandon();
    if (attempts >= reconnect.maxAttempts) {
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
    attempts += 1;
    setStatus('reconnecting', { attempt: attempts, error });
    const mine = generation;
    retryTimer = setTimeout(
      () => {
        if (mine === generation) start();
      },
      backoffDelay(attempts, reconnect, random),
    );
  };

  const start = () => {
    const mine = generation;
    const current = () => mine === generation;
    const attempt: ConnectionAttempt = {
      model,
      get current() {
        return current();
      },
      opened() {
        if (!current()) return;
        // Only a connection that stays up for a while proves the server healthy; one that is
        // accepted and dropped again (a flapping server) keeps counting towards `failed`.
        healthyTimer = setTimeout(() => {
          if (current()) attempts = 0;
        }, reconnect.healthyAfterMs);
        setStatus('open');
      },
      message(data) {
        if (current()) emit({ type: 'message', data });
      },
      retry(error) {
        if (current()) scheduleRetry(error);
      },
      fail(error) {
        if (!current()) return;
        abandon();
        setStatus('failed', { error });
      },
    };
    options.open(attempt).catch((error: unknown) => {
      attempt.retry(error instanceof Error ? error : new Error(String(error)));
    });
  };

  return {
    get status() {
      return status;
    },
    connect(connectOptions) {
      abandon();
      if (connectOptions?.model !== undefined) model = connectOptions.model;
      attempts = 0;
      setStatus('connecting');
      start();
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
