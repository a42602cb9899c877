import { OPENAI_REALTIME_URL, type RealtimeClientEvent } from '../protocol/index.js';
import type { RealtimeReconnectOptions } from './backoff.js';
import {
  createClientSecretSource,
  createConnectionLifecycle,
  type RealtimeClientSecretContext,
  type RealtimeClientSecretResult,
} from './connection.js';
import {
  RealtimeTransportError,
  type RealtimeMediaControls,
  type RealtimeMediaSnapshot,
  type RealtimeTransport,
} from './types.js';

/** The data channel the Realtime API carries client and server events on. */
const EVENTS_CHANNEL = 'oai-events';
const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;

/**
 * The browser APIs the WebRTC transport uses, for tests and for environments whose globals lack them (Node
 * with a WebRTC package, an embedded web view). Browsers need none of this: each defaults to the global.
 *
 * @example
 * ```ts
 * createWebRTCTransport({ model, getClientSecret, globals: { RTCPeerConnection: FakePeerConnection } });
 * ```
 */
export interface WebRTCGlobals {
  /** @default globalThis.RTCPeerConnection */
  readonly RTCPeerConnection?: new (configuration?: RTCConfiguration) => RTCPeerConnection;
  /** @default navigator.mediaDevices.getUserMedia */
  readonly getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** Posts the SDP offer. @default globalThis.fetch */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** For the input and output levels. @default globalThis.AudioContext */
  readonly AudioContext?: new () => AudioContext;
}

/**
 * Options of {@link createWebRTCTransport}.
 *
 * @example
 * ```ts
 * const options: WebRTCTransportOptions = { model: 'gpt-realtime', getClientSecret, audioConstraints: { echoCancellation: true } };
 * ```
 */
export interface WebRTCTransportOptions {
  /** The model of the first session. `connect({ model })` can change it for later ones. */
  readonly model: string;
  /**
   * Fetches an ephemeral `ek_…` client secret from your server, minted for `model`. Reused and refused as by
   * the WebSocket transport: a secret with `expires_at` serves retries while it has 30 s left, a 401 drops it,
   * and anything but an `ek_` secret is refused in a browser. (There is no `apiKey` option: this is browser code.)
   */
  readonly getClientSecret: (context: RealtimeClientSecretContext) => Promise<RealtimeClientSecretResult>;
  /**
   * The Realtime endpoint, as the WebSocket transport takes it: `ws(s):` becomes `http(s):`, a path such as
   * `/v1/realtime` is resolved against the page, an origin alone gets `/v1/realtime`. The offer is posted to
   * its `/calls`.
   * @default OPENAI_REALTIME_URL
   */
  readonly url?: string;
  /**
   * Where the server's audio plays; the transport sets its `srcObject`, `autoplay` and `volume`, and clears
   * `srcObject` on `close()`. @default a detached `<audio>` element of its own
   */
  readonly audioElement?: HTMLAudioElement;
  /**
   * A microphone stream of your own, used instead of asking for one. It stays yours: muting sets its tracks'
   * `enabled`, but the transport never stops them (it stops only the tracks it acquired itself).
   */
  readonly mediaStream?: MediaStream;
  /** What `getUserMedia` is asked for. @default true */
  readonly audioConstraints?: boolean | MediaTrackConstraints;
  /** The peer connection's configuration (ICE servers, policies). */
  readonly rtcConfiguration?: RTCConfiguration;
  /** How long from the offer until the data channel must be open; then the attempt is retried. @default 15000 */
  readonly connectTimeoutMs?: number;
  /** How dropped connections are retried. */
  readonly reconnect?: RealtimeReconnectOptions;
  /** Source of jitter, for tests. @default Math.random */
  readonly random?: () => number;
  /** The browser APIs to use instead of the globals: for tests and other environments. */
  readonly globals?: WebRTCGlobals;
}

/** A {@link RealtimeTransport} that carries the audio itself, so its `media` is always there. */
export interface WebRTCTransport extends RealtimeTransport {
  readonly media: RealtimeMediaControls;
}

/**
 * Where the SDP offer goes for a Realtime endpoint given as the WebSocket transport takes it. Exported for tests.
 *
 * @example
 * ```ts
 * webrtcCallsUrl('wss://api.openai.com/v1/realtime'); // 'https://api.openai.com/v1/realtime/calls'
 * webrtcCallsUrl('/v1/realtime', 'http://localhost:5173/'); // 'http://localhost:5173/v1/realtime/calls'
 * webrtcCallsUrl('http://127.0.0.1:8787'); // 'http://127.0.0.1:8787/v1/realtime/calls'
 * ```
 */
export function webrtcCallsUrl(url: string, pageHref?: string): string {
  const absolute = url.startsWith('/') && pageHref !== undefined ? new URL(url, pageHref).href : url;
  const http = absolute.replace(/^ws(s?):/i, 'http$1:');
  const queryAt = http.indexOf('?');
  let endpoint = (queryAt < 0 ? http : http.slice(0, queryAt)).replace(/\/+$/, '');
  // An origin alone (a local emulator's `http://127.0.0.1:8787`) means the API's path on it.
  if (/^https?:\/\/[^/]+$/i.test(endpoint)) endpoint += '/v1/realtime';
  if (!endpoint.endsWith('/calls')) endpoint += '/calls';
  return endpoint + (queryAt < 0 ? '' : http.slice(queryAt));
}

/** `name: message` of a thrown value, for error messages. */
function describe(error: unknown): string {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return [name, message].filter((part) => typeof part === 'string' && part !== '').join(': ') || String(error);
}

/** What the user can do about a `getUserMedia` refusal. */
function microphoneError(error: unknown): RealtimeTransportError {
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return new RealtimeTransportError(
      'microphone_denied',
      `Microphone access was denied (${describe(error)}). Allow the microphone for this site in the browser, then connect again.`,
      { cause: error },
    );
  }
  const hint =
    name === 'NotFoundError' || name === 'OverconstrainedError'
      ? 'Connect a microphone, or loosen audioConstraints, then connect again.'
      : 'Another application may be using it; close that, then connect again.';
  return new RealtimeTransportError('no_microphone', `No microphone could be opened (${describe(error)}). ${hint}`, {
    cause: error,
  });
}

/** The server's `error.message` (or the start of its body), for a refused offer. */
async function refusalDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let detail = text.slice(0, 300);
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } } | null)?.error?.message;
    if (typeof message === 'string') detail = message;
  } catch {
    // Not JSON: the text itself says what went wrong.
  }
  return detail === '' ? '' : `: ${detail}`;
}

/** One attempt's peer connection, and what else its teardown ends. */
interface Call {
  readonly pc: RTCPeerConnection;
  /** Cancels the offer's request. */
  readonly abort: AbortController;
  /** The connect timeout. */
  timer?: ReturnType<typeof setTimeout>;
}

interface Meter {
  readonly stream: MediaStream;
  readonly source: MediaStreamAudioSourceNode;
  readonly analyser: AnalyserNode;
  readonly samples: Float32Array<ArrayBuffer>;
}

/** The media controls, and what the transport does to them. */
interface Media {
  readonly controls: RealtimeMediaControls;
  /** Takes `stream` as the microphone (muted or not as set), or none. */
  useMicrophone(stream: MediaStream | undefined): void;
  /** Plays the server's `stream`, or stops playing. */
  play(stream: MediaStream | undefined): void;
  /** Closes the AudioContext of the levels. */
  closeAudio(): void;
}

function createMedia(
  audioElement: HTMLAudioElement | undefined,
  AudioContextClass: (new () => AudioContext) | undefined,
): Media {
  const listeners = new Set<() => void>();
  let muted = false;
  let volume = 1;
  let local: MediaStream | undefined;
  let remote: MediaStream | undefined;
  let element = audioElement;
  let context: AudioContext | undefined;
  const meters: { input?: Meter | undefined; output?: Meter | undefined } = {};
  let snapshot: RealtimeMediaSnapshot = Object.freeze({
    muted,
    volume,
    hasMicrophone: false,
    hasRemoteAudio: false,
  });

  const changed = () => {
    const hasMicrophone = local !== undefined;
    const hasRemoteAudio = remote !== undefined;
    const same =
      snapshot.muted === muted &&
      snapshot.volume === volume &&
      snapshot.hasMicrophone === hasMicrophone &&
      snapshot.hasRemoteAudio === hasRemoteAudio;
    if (!same) snapshot = Object.freeze({ muted, volume, hasMicrophone, hasRemoteAudio });
    for (const listener of [...listeners]) listener();
  };
  const applyMute = () => {
    for (const track of local?.getAudioTracks() ?? []) track.enabled = !muted;
  };

  const level = (kind: 'input' | 'output', stream: MediaStream | undefined): number => {
    if (stream === undefined) return 0;
    if (context === undefined) {
      if (AudioContextClass === undefined) return 0;
      context = new AudioContextClass();
    }
    // A context created outside a user gesture starts suspended, and a suspended one reads silence.
    if (context.state === 'suspended') context.resume().catch(() => {});
    let meter = meters[kind];
    if (meter?.stream !== stream) {
      meter?.source.disconnect();
      meters[kind] = undefined;
      try {
        // Not connected to the destination: the levels must not play the audio a second time.
        const source = context.createMediaStreamSource(stream);
        const analyser = context.createAnalyser();
        source.connect(analyser);
        meter = { stream, source, analyser, samples: new Float32Array(analyser.fftSize) };
      } catch {
        // A stream without audio tracks has no level.
        return 0;
      }
      meters[kind] = meter;
    }
    meter.analyser.getFloatTimeDomainData(meter.samples);
    let sum = 0;
    for (const sample of meter.samples) sum += sample * sample;
    return Math.min(1, Math.sqrt(sum / meter.samples.length));
  };

  const controls: RealtimeMediaControls = {
    get muted() {
      return muted;
    },
    setMuted(next) {
      if (next === muted) return;
      muted = next;
      applyMute();
      changed();
    },
    get volume() {
      return volume;
    },
    setVolume(next) {
      if (typeof next !== 'number' || Number.isNaN(next)) {
        throw new RangeError(`setVolume() takes a number from 0 to 1, not ${String(next)}.`);
      }
      const clamped = Math.min(1, Math.max(0, next));
      if (clamped === volume) return;
      volume = clamped;
      if (element !== undefined) element.volume = volume;
      changed();
    },
    inputLevel: () => level('input', local),
    // Chromium's AnalyserNode reads zeros from a remote WebRTC stream unless the stream also plays in a media
    // element; it does, in the audio element, so the output level is the level the user hears.
    outputLevel: () => level('output', remote),
    get localStream() {
      return local;
    },
    get remoteStream() {
      return remote;
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };

  return {
    controls,
    useMicrophone(stream) {
      if (stream === local) return;
      local = stream;
      applyMute();
      changed();
    },
    play(stream) {
      if (stream === remote) return;
      remote = stream;
      element ??= (globalThis as { document?: Document }).document?.createElement('audio');
      if (element !== undefined) {
        element.autoplay = true;
        element.volume = volume;
        element.srcObject = stream ?? null;
      }
      changed();
    },
    closeAudio() {
      meters.input?.source.disconnect();
      meters.output?.source.disconnect();
      meters.input = meters.output = undefined;
      context?.close().catch(() => {});
      context = undefined;
    },
  };
}

/**
 * A {@link RealtimeTransport} over WebRTC, for browsers: the microphone goes to the server as an audio track,
 * the server's audio plays in an `<audio>` element, and the events travel on the `oai-events` data channel.
 * The session is `open` when the data channel opens.
 *
 * - Each attempt gets a secret from `getClientSecret`, posts the SDP offer to the endpoint's `/calls` with it,
 *   and applies the answer. Network errors, timeouts (`connectTimeoutMs`), HTTP 401, 408, 429 and 5xx, and a
 *   failed ICE connection or closed data channel are retried with backoff, like the WebSocket transport's drops.
 * - Failures no retry can fix end in `failed` at once, with a code saying what to do: `microphone_denied`,
 *   `no_microphone`, `no_webrtc` (a page that is not HTTPS or localhost), `sdp_rejected` (the server's message).
 * - The microphone is asked for once, on the first connect, and kept across reconnects; `close()` stops the
 *   tracks the transport acquired, closes the peer connection and empties the audio element.
 * - `media` mutes the microphone, sets the volume and reads the levels.
 *
 * Nothing is opened until `connect()`, so creating one during a server render is safe.
 *
 * @example
 * ```ts
 * const transport = createWebRTCTransport({
 *   model: 'gpt-realtime',
 *   getClientSecret: async ({ model }) =>
 *     (
 *       await fetch('/api/realtime/client-secret', {
 *         method: 'POST',
 *         headers: { 'Content-Type': 'application/json' },
 *         body: JSON.stringify({ session: { type: 'realtime', model } }),
 *       })
 *     ).json(),
 * });
 * const store = createSessionStore({ initial, transport });
 * store.connect();
 * transport.media.setMuted(true);
 * ```
 */
export function createWebRTCTransport(options: WebRTCTransportOptions): WebRTCTransport {
  if (typeof options.getClientSecret !== 'function') {
    throw new RealtimeTransportError(
      'missing_credentials',
      'Pass getClientSecret: it mints the ek_ secret of each call.',
    );
  }
  const globals = options.globals ?? {};
  const secrets = createClientSecretSource(options.getClientSecret);
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const media = createMedia(
    options.audioElement,
    globals.AudioContext ?? (globalThis.AudioContext as (new () => AudioContext) | undefined),
  );
  /** The microphone, asked for once; `undefined` again after `close()` or a refusal. */
  let microphone: Promise<MediaStream> | undefined;
  /** The current attempt's call, for teardown. */
  let call: Call | undefined;
  /** The data channel, once open. */
  let channel: RTCDataChannel | undefined;

  const stopOwnTracks = (stream: MediaStream) => {
    if (stream !== options.mediaStream) for (const track of stream.getTracks()) track.stop();
  };

  const acquireMicrophone = (ask: () => Promise<MediaStream>): Promise<MediaStream> => {
    if (microphone !== undefined) return microphone;
    const request: Promise<MediaStream> = ask().then(
      (stream) => {
        if (microphone !== request) {
          // close() came while the browser was asking: nobody will use this microphone.
          stopOwnTracks(stream);
          throw new Error('closed while the microphone was asked for');
        }
        media.useMicrophone(stream);
        return stream;
      },
      (error: unknown) => {
        // A refusal is not kept: the user may allow the microphone and connect again.
        if (microphone === request) microphone = undefined;
        throw microphoneError(error);
      },
    );
    return (microphone = request);
  };

  const releaseMicrophone = () => {
    const stream = media.controls.localStream;
    microphone = undefined;
    media.useMicrophone(undefined);
    if (stream !== undefined) stopOwnTracks(stream);
  };

  const lifecycle = createConnectionLifecycle({
    model: options.model,
    reconnect: options.reconnect,
    random: options.random,
    teardown() {
      const old = call;
      const oldChannel = channel;
      call = undefined;
      channel = undefined;
      // The channel first: its closing reaches the server at once, where a closed peer connection alone is only
      // noticed when ICE consent runs out, half a minute later.
      oldChannel?.close();
      // Chrome leaves the remote track live for a while after close(); stopping it ends it now.
      for (const track of media.controls.remoteStream?.getTracks() ?? []) track.stop();
      if (old !== undefined) {
        clearTimeout(old.timer);
        old.abort.abort();
        old.pc.close();
      }
      media.play(undefined);
    },
    async open(attempt) {
      const PeerConnection =
        globals.RTCPeerConnection ?? (globalThis.RTCPeerConnection as WebRTCGlobals['RTCPeerConnection']);
      const devices = (globalThis as { navigator?: { mediaDevices?: MediaDevices } }).navigator?.mediaDevices;
      const getUserMedia =
        globals.getUserMedia ?? (devices === undefined ? undefined : devices.getUserMedia.bind(devices));
      const given = options.mediaStream;
      const ask =
        given !== undefined
          ? () => Promise.resolve(given)
          : getUserMedia && (() => getUserMedia({ audio: options.audioConstraints ?? true }));
      if (PeerConnection === undefined || ask === undefined) {
        attempt.fail(
          new RealtimeTransportError(
            'no_webrtc',
            'This page has no WebRTC microphone access (RTCPeerConnection and navigator.mediaDevices). Browsers ' +
              'offer them only in a secure context: serve the page over HTTPS or from localhost.',
          ),
        );
        return;
      }
      let stream: MediaStream;
      try {
        stream = await acquireMicrophone(ask);
      } catch (error) {
        attempt.fail(error as Error);
        return;
      }
      // The prompt may have been up for a while: an attempt abandoned meanwhile mints no secret.
      if (!attempt.current) return;
      let secret: string;
      try {
        secret = await secrets.secret(attempt.model);
      } catch (error) {
        if (error instanceof RealtimeTransportError && error.code === 'api_key_in_browser') attempt.fail(error);
        else attempt.retry(error as Error);
        return;
      }
      if (!attempt.current) return;

      const pc = new PeerConnection(options.rtcConfiguration);
      const mine: Call = { pc, abort: new AbortController() };
      call = mine;
      const dropped = (message: string) => attempt.retry(new RealtimeTransportError('ice_failed', message));
      for (const track of stream.getAudioTracks()) pc.addTrack(track, stream);
      pc.addEventListener('track', (event) => {
        if (!attempt.current) return;
        media.play(event.streams[0] ?? new MediaStream([event.track]));
      });
      // Only `failed` counts: `disconnected` often heals by itself within seconds, `failed` never does.
      const onState = () => {
        if (pc.connectionState === 'failed' || pc.iceConnectionState === 'failed') {
          dropped('The WebRTC connection failed (ICE): the network between here and the server broke or is blocked.');
        }
      };
      pc.addEventListener('connectionstatechange', onState);
      pc.addEventListener('iceconnectionstatechange', onState);
      const events = pc.createDataChannel(EVENTS_CHANNEL);
      events.addEventListener('open', () => {
        if (!attempt.current) return;
        clearTimeout(mine.timer);
        channel = events;
        attempt.opened();
      });
      events.addEventListener('message', (event) => attempt.message(event.data));
      events.addEventListener('close', () =>
        dropped(
          channel === events ? 'The data channel closed unexpectedly.' : 'The data channel closed before it opened.',
        ),
      );
      mine.timer = setTimeout(
        () =>
          attempt.retry(
            new RealtimeTransportError(
              'connection_failed',
              `The session did not open within ${connectTimeoutMs / 1000} s of the offer.`,
            ),
          ),
        connectTimeoutMs,
      );

      const callsUrl = webrtcCallsUrl(
        options.url ?? OPENAI_REALTIME_URL,
        (globalThis as { location?: { href: string } }).location?.href,
      );
      let response: Response;
      try {
        const offer = await pc.createOffer();
        await pc.setLocalDescription(offer);
        if (!attempt.current) return;
        response = await (globals.fetch ?? fetch)(callsUrl, {
          method: 'POST',
          body: offer.sdp ?? '',
          headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${secret}` },
          signal: mine.abort.signal,
        });
      } catch (error) {
        attempt.retry(
          new RealtimeTransportError(
            'connection_failed',
            `The offer could not be sent to ${callsUrl} (${describe(error)}).`,
            {
              cause: error,
            },
          ),
        );
        return;
      }
      if (!response.ok) {
        const detail = await refusalDetail(response);
        const { status } = response;
        if (status === 401) {
          // The secret itself may be what the server refused: the next attempt mints a fresh one.
          secrets.forget();
          attempt.retry(
            new RealtimeTransportError(
              'connection_failed',
              `POST ${callsUrl} refused the client secret (HTTP 401${detail}).`,
            ),
          );
        } else if (status === 408 || status === 429 || (status >= 500 && status !== 501)) {
          // 501 is a server that cannot do WebRTC at all (the emulator without its WebRTC stack): no retry helps.
          attempt.retry(
            new RealtimeTransportError('connection_failed', `POST ${callsUrl} answered HTTP ${status}${detail}.`),
          );
        } else {
          attempt.fail(
            new RealtimeTransportError(
              'sdp_rejected',
              `The server refused the WebRTC offer: POST ${callsUrl} answered HTTP ${status}${detail}.`,
            ),
          );
        }
        return;
      }
      try {
        const sdp = await response.text();
        if (!attempt.current) return;
        await pc.setRemoteDescription({ type: 'answer', sdp });
      } catch (error) {
        attempt.retry(
          new RealtimeTransportError(
            'connection_failed',
            `The server's SDP answer could not be used (${describe(error)}).`,
            {
              cause: error,
            },
          ),
        );
      }
    },
  });

  // Registered before any other listener, so nobody hears `failed` while the microphone still records: a
  // transport that gave up uses it no more until the next connect(), and the browser shows it in use till then.
  lifecycle.events((event) => {
    if (event.type === 'status' && event.status === 'failed') releaseMicrophone();
  });

  return {
    get status() {
      return lifecycle.status;
    },
    connect: lifecycle.connect,
    send(event: RealtimeClientEvent) {
      if (channel === undefined || lifecycle.status !== 'open' || channel.readyState !== 'open') {
        throw new RealtimeTransportError(
          'not_open',
          `Cannot send ${event.type}: the connection is ${lifecycle.status}.`,
        );
      }
      channel.send(JSON.stringify(event));
    },
    close() {
      // The microphone goes before the status says `closed`, so a listener never sees a closed call still recording.
      releaseMicrophone();
      media.closeAudio();
      lifecycle.close();
    },
    events: lifecycle.events,
    media: media.controls,
  };
}
