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
  /**
   * The microphone and the played audio, on transports that carry audio themselves (the WebRTC one); absent
   * where the app moves the audio in events (the WebSocket one).
   */
  readonly media?: RealtimeMediaControls;
}

/**
 * What {@link RealtimeMediaControls.getSnapshot} returns: a frozen object that keeps its identity until one
 * of its values changes, so it can feed `useSyncExternalStore` directly.
 */
export interface RealtimeMediaSnapshot {
  readonly muted: boolean;
  /** The played audio's volume, 0 to 1. */
  readonly volume: number;
  /** Whether a microphone stream is in use. */
  readonly hasMicrophone: boolean;
  /** Whether the server's audio has arrived and is playing. */
  readonly hasRemoteAudio: boolean;
}

/**
 * The microphone and the played audio of a transport that carries them.
 *
 * @example
 * ```ts
 * const media = transport.media;
 * media?.setMuted(true);
 * media?.setVolume(0.5);
 * // A meter, polled per frame: the levels are read on demand, never pushed.
 * const draw = () => {
 *   meter.value = media?.inputLevel() ?? 0;
 *   requestAnimationFrame(draw);
 * };
 * ```
 */
export interface RealtimeMediaControls {
  /** Whether the microphone is muted; it stays so across reconnects. */
  readonly muted: boolean;
  /** Mutes or unmutes the microphone (its tracks' `enabled`): a muted one sends silence, the call stays up. */
  setMuted(muted: boolean): void;
  /** The played audio's volume, 0 to 1. */
  readonly volume: number;
  /** Sets the played audio's volume; values outside 0–1 are clamped, `NaN` throws a `RangeError`. */
  setVolume(volume: number): void;
  /** The microphone's level now, 0 to 1 (RMS); 0 without a microphone or Web Audio. */
  inputLevel(): number;
  /** The played audio's level now, 0 to 1 (RMS); 0 before the server's audio arrives or without Web Audio. */
  outputLevel(): number;
  /** The microphone stream in use, if any. */
  readonly localStream: MediaStream | undefined;
  /** The server's audio stream, once it arrived. */
  readonly remoteStream: MediaStream | undefined;
  /** The current state as one immutable object. */
  getSnapshot(): RealtimeMediaSnapshot;
  /** Calls `listener` when `muted`, `volume` or a stream changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
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
  | 'no_endpoint'
  /** The user or the browser refused the microphone. */
  | 'microphone_denied'
  /** No microphone, none matching the constraints, or one that could not start. */
  | 'no_microphone'
  /** No `RTCPeerConnection` or `navigator.mediaDevices`: an old browser, or a page that is not HTTPS or localhost. */
  | 'no_webrtc'
  /** The server refused the WebRTC offer for good (an HTTP 4xx other than 401, 408 and 429). */
  | 'sdp_rejected'
  /** The WebRTC connection failed (ICE) or its data channel closed. */
  | 'ice_failed';

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
