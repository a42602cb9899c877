import { RealtimeError } from '../model/index.js';
import type { RealtimeClientEvent } from '../protocol/index.js';

/**
 * Where a transport stands. `reconnecting` covers the wait before a retry and
 * the retry itself; `failed` means the retries ran out. The one definition of
 * these states: the session's `RealtimeSessionStatus` is an alias of it.
 */
export type RealtimeTransportStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed' | 'failed';

/** What a transport reports to its listeners. */
export type RealtimeTransportEvent =
  | {
      readonly type: 'status';
      readonly status: RealtimeTransportStatus;
      /** The retry number while `reconnecting`, from 1. */
      readonly attempt?: number;
      /** Why the connection dropped or could not open. */
      readonly error?: Error;
    }
  | {
      /** One text frame from the server, as received. Parsing is the session's job. */
      readonly type: 'message';
      readonly data: unknown;
    };

/** Per-connection options the session passes to {@link RealtimeTransport.connect}. */
export interface RealtimeTransportConnectOptions {
  /** The model of the session to open; a live session's model cannot change, so a new one needs a new connection. */
  readonly model?: string;
}

/**
 * The connection a session store talks through. Small on purpose, so any
 * Realtime client can be wrapped in it.
 *
 * A transport emits a `status` event on every change and a `message` event
 * per server frame. Each `open` is a fresh server session: the store waits for
 * its `session.created` and sends the whole draft again.
 *
 * @example
 * ```ts
 * // Wrapping a client that already owns its socket (here, a WebRTC data channel):
 * function dataChannelTransport(channel: RTCDataChannel): RealtimeTransport {
 *   const listeners = new Set<(event: RealtimeTransportEvent) => void>();
 *   let status: RealtimeTransportStatus = 'idle';
 *   const emit = (event: RealtimeTransportEvent) => listeners.forEach((listener) => listener(event));
 *   const setStatus = (next: RealtimeTransportStatus) => emit({ type: 'status', status: (status = next) });
 *   channel.addEventListener('open', () => setStatus('open'));
 *   channel.addEventListener('close', () => setStatus('closed'));
 *   channel.addEventListener('message', (event) => emit({ type: 'message', data: event.data }));
 *   return {
 *     get status() { return status; },
 *     connect: () => setStatus(channel.readyState === 'open' ? 'open' : 'connecting'),
 *     send: (event) => channel.send(JSON.stringify(event)),
 *     close: () => channel.close(),
 *     events: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
 *   };
 * }
 * ```
 */
export interface RealtimeTransport {
  /** The current status. */
  readonly status: RealtimeTransportStatus;
  /** Opens a connection; when one is open or opening, replaces it with a fresh one. */
  connect(options?: RealtimeTransportConnectOptions): void;
  /** Sends one client event. Throws when the connection is not open. */
  send(event: RealtimeClientEvent): void;
  /** Closes the connection for good; no reconnect follows. */
  close(): void;
  /** Listens to status changes and server frames; returns the unsubscribe function. */
  events(listener: (event: RealtimeTransportEvent) => void): () => void;
}

/** Why a transport refused to connect or send. */
export type RealtimeTransportErrorCode =
  | 'api_key_in_browser'
  | 'missing_credentials'
  | 'no_websocket'
  | 'not_open'
  | 'client_secret_failed'
  | 'connection_failed'
  | 'retries_exhausted'
  | 'no_endpoint';

/**
 * A transport failure with a stable code.
 *
 * @example
 * ```ts
 * transport.events((event) => {
 *   if (event.type === 'status' && event.error instanceof RealtimeTransportError) console.warn(event.error.code);
 * });
 * ```
 */
export class RealtimeTransportError extends RealtimeError {
  declare readonly code: RealtimeTransportErrorCode;

  constructor(code: RealtimeTransportErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'RealtimeTransportError';
  }
}
