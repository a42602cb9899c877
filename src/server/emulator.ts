import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  DEFAULT_REALTIME_MODEL,
  PCM_SAMPLE_RATE,
  RealtimeClientSecretCreateRequest,
  RealtimeConfigError,
  validateClientSecretRequest,
} from '../model/index.js';
import { createEventId } from '../protocol/index.js';
import {
  createBadFrameCounter,
  describeValue,
  isAllowedOrigin,
  isJsonObject,
  readClientFrame,
  requestUrl,
  tooDeepAt,
  type ClientFrame,
} from './guards.js';
import {
  apiError,
  bearerToken,
  HttpError,
  readBody,
  sendJson,
  serverError,
  subprotocolSecret,
  type ApiErrorBody,
} from './http.js';
import { apiErrorOfIssue } from './api-errors.js';
import { createConversation, type ConversationResult } from './conversation.js';
import { createMcpSession } from './mcp-session.js';
import { streamResponse, type ResponseStream } from './response-stream.js';
import { planResponse } from './responses.js';
import { createSecretStore } from './secrets.js';
import { createVoiceActivityDetector, voiceActivitySettings } from './voice-activity.js';
import {
  answerCall,
  loadWebRTCStack,
  OfferRejectedError,
  WEBRTC_STACK_INSTALL,
  type CallAudioOut,
  type CallDataChannel,
  type EmulatedCall,
  type WebRTCStack,
} from './webrtc-call.js';
import { resolveTlsCertificate, type TlsCertificateAndKey } from './tls.js';
import {
  checkSessionUpdate,
  defaultSessionConfig,
  instructionsTooLong,
  mergeSessionUpdate,
  openSessionState,
  sessionJson,
  TONE_CHUNK_MS,
  toneChunk,
  tonePcm,
  voicePitchHz,
  withSessionDefaults,
  type SessionUpdateLimits,
} from './session.js';

type Json = Record<string, unknown>;

/** The API key the emulator accepts when none is configured. It unlocks nothing but the emulator. */
export const EMULATOR_API_KEY = 'sk-local-emulator';

const MiB = 1024 * 1024;

export interface RealtimeEmulatorOptions {
  /** The standard key clients authenticate with. @default EMULATOR_API_KEY */
  readonly apiKey?: string;
  /**
   * Browser origins allowed besides the defaults: exact origins
   * (`'https://app.example'`), or `'*'` for any. Clients that send no
   * `Origin` (servers, scripts), pages of the emulator's own origin and pages
   * on localhost, 127.0.0.1 or [::1] are always allowed; other origins are
   * refused with 403, so a site the developer visits cannot drive the
   * emulator. @default []
   */
  readonly allowedOrigins?: readonly string[];
  /**
   * Largest client frame; a larger one closes the socket (1009), as a
   * protocol-level limit. The API takes up to 15 MiB of audio in one
   * `input_audio_buffer.append`. @default 16 MiB
   */
  readonly maxFrameBytes?: number;
  /**
   * Largest client event other than `input_audio_buffer.append` and
   * `session.update` (which have their own limits); larger ones get a
   * `too_large` error. Items are echoed back twice, so this also bounds
   * what one event makes the emulator send. @default 1 MiB
   */
  readonly maxEventBytes?: number;
  /**
   * Largest effective session config as JSON bytes, instructions aside; an
   * update that would make it larger gets a `too_large` error. @default 2 MiB
   */
  readonly maxSessionBytes?: number;
  /**
   * Longest `instructions` (of `session.update` and `response.create`), in
   * characters; longer ones get a `string_above_max_length` error. The
   * default is the longest text OpenAI's APIs take in one string field.
   * @default 1048576
   */
  readonly maxInstructionsChars?: number;
  /**
   * Deepest nesting of a client event (the event object is level 1); deeper
   * events get a `too_deep` error. Real events are shallow; tool parameter
   * schemas reach about 20. @default 64
   */
  readonly maxJsonDepth?: number;
  /**
   * Frames that are no client event at all (binary, invalid JSON, not an
   * object, too deep) allowed per connection within a minute; one more is
   * answered, then the connection is closed with 1008. @default 20
   */
  readonly maxBadFrames?: number;
  /**
   * Bytes queued for a client that is not reading, beyond which its
   * connection is terminated instead of growing the emulator's memory.
   * @default 4 MiB
   */
  readonly maxBufferedBytes?: number;
  /**
   * Interval of WebSocket pings; a connection that has not answered the
   * previous ping is terminated. 0 turns the heartbeat off. @default 30 s
   */
  readonly heartbeatMs?: number;
  /** Minted client secrets kept at most; minting more forgets the oldest. @default 10000 */
  readonly maxSecrets?: number;
  /** Largest HTTP body accepted. @default 64 KiB */
  readonly maxBodyBytes?: number;
  /** Client events allowed per second on one connection, with a burst of twice that. @default 100 */
  readonly eventsPerSecond?: number;
  /** A connection that sends nothing for this long is closed (4000). @default 5 minutes */
  readonly idleTimeoutMs?: number;
  /** Simultaneous sessions; more are refused with 503. @default 500 */
  readonly maxSessions?: number;
  /** Items one session's conversation keeps; adding one more forgets the oldest. @default 1000 */
  readonly maxConversationItems?: number;
  /**
   * How long listing one MCP server's tools may take (connecting,
   * initializing, every page); then it fails as a `timeout`. @default 10000
   */
  readonly mcpListTimeoutMs?: number;
  /** Delay between simulated response deltas. @default 20 */
  readonly responseDeltaMs?: number;
}

/** An emulator that can be attached to any Node HTTP server (the Vite plugin does so). */
export interface RealtimeEmulator {
  /** Handles `/v1/realtime/…` HTTP requests; returns false for other paths. */
  handleRequest(request: IncomingMessage, response: ServerResponse): boolean;
  /** Handles an upgrade to `/v1/realtime`; returns false for other paths. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** The number of open sessions. */
  readonly sessionCount: number;
  /** The number of minted client secrets still held (expired ones are pruned every minute and on minting). */
  readonly secretCount: number;
  /** Closes every session; later connections are refused. */
  close(): Promise<void>;
}

/** PCM16 mono at 24 kHz. */
const PCM_BYTES_PER_MS = (PCM_SAMPLE_RATE * 2) / 1000;
/** The least audio `input_audio_buffer.commit` takes. */
const MIN_COMMIT_MS = 100;
/** How often expired secrets are swept when nobody mints. */
const SECRET_PRUNE_INTERVAL_MS = 60_000;
/** The client value an event's payload is in, to name in a `too_large` error. */
const PAYLOAD_PARAMS: Readonly<Record<string, string>> = {
  'conversation.item.create': 'item',
  'response.create': 'response',
};

function frameLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function frameText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  // `Buffer.from(arrayBuffer)` shares the memory; a Buffer decodes in place. A 16 MiB frame is not copied.
  return (data instanceof ArrayBuffer ? Buffer.from(data) : data).toString('utf8');
}

/** Whether the session's input audio is PCM16, the one format turn detection reads (G.711 is only counted). */
function inputIsPcm(config: Json): boolean {
  const format = ((config['audio'] as Json | undefined)?.['input'] as Json | undefined)?.['format'];
  return !isJsonObject(format) || format['type'] === 'audio/pcm';
}

/** Base64 PCM16 little-endian as samples; a trailing odd byte is dropped. */
function pcm16FromBase64(audio: string): Int16Array {
  const bytes = Buffer.from(audio, 'base64');
  const samples = new Int16Array(bytes.length >> 1);
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
  return samples;
}

/** Where one emulated session's server events go: a WebSocket, or a WebRTC call's data channel. */
interface SessionChannel {
  /** Sends one text frame; a peer that has stopped reading is cut off rather than buffered for. */
  send(text: string | Buffer): void;
  /** Starts closing, with a WebSocket close code and reason; a peer that does not finish is cut off. */
  close(code: number, reason: string): void;
  /** Ends the channel at once. */
  terminate(): void;
}

/** What a channel hands an emulated session: each frame it receives, and its end. */
interface SessionFrames {
  /** One frame: its text, or `undefined` for a binary frame (which the API does not take); `frameBytes` its size. */
  receive(text: string | undefined, frameBytes: number): void;
  /** The channel has closed: timers and listings stop. */
  end(): void;
  /** Input audio from a call's track (PCM16 mono): it fills the input buffer and feeds turn detection. */
  receiveAudio(samples: Int16Array, sampleRate: number): void;
  /** The call's outgoing audio for a response began or finished playing. */
  outputAudio(change: 'started' | 'stopped', responseId: string): void;
}

/** Starts the close handshake; a peer that does not complete it within a second is cut off. */
function closeSocket(ws: WebSocket, code: number, reason: string): void {
  ws.close(code, reason);
  setTimeout(() => ws.terminate(), 1000).unref();
}

/**
 * An HTTP + WebSocket handler that speaks the Realtime API: client secrets,
 * `session.update` with the API's validation and locks, and simulated
 * responses. No client input can throw out of it or grow it without bound.
 */
export function createRealtimeEmulator(options: RealtimeEmulatorOptions = {}): RealtimeEmulator {
  const apiKey = options.apiKey ?? EMULATOR_API_KEY;
  const allowedOrigins = options.allowedOrigins ?? [];
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const maxEventBytes = options.maxEventBytes ?? MiB;
  const maxJsonDepth = options.maxJsonDepth ?? 64;
  const maxBadFrames = options.maxBadFrames ?? 20;
  const maxBufferedBytes = options.maxBufferedBytes ?? 4 * MiB;
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  const eventsPerSecond = options.eventsPerSecond ?? 100;
  const idleTimeoutMs = options.idleTimeoutMs ?? 5 * 60 * 1000;
  const maxSessions = options.maxSessions ?? 500;
  const deltaMs = options.responseDeltaMs ?? 20;
  const maxConversationItems = options.maxConversationItems ?? 1000;
  const mcpListTimeoutMs = options.mcpListTimeoutMs ?? 10_000;
  const sessionLimits: SessionUpdateLimits = {
    maxInstructionsChars: options.maxInstructionsChars ?? MiB,
    maxSessionBytes: options.maxSessionBytes ?? 2 * MiB,
  };
  const secrets = createSecretStore(options.maxSecrets ?? 10_000);
  /** Each open socket, and whether it answered the last heartbeat ping. */
  const sockets = new Map<WebSocket, { alive: boolean }>();
  /** Each answered WebRTC call, until it ends. */
  const calls = new Set<EmulatedCall>();
  const tone = toneChunk();
  let closed = false;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxFrameBytes ?? 16 * MiB,
    // Browsers offer `realtime` plus the key-carrying protocol; answer with the plain one.
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  });

  const secretSweeper = setInterval(() => secrets.prune(), SECRET_PRUNE_INTERVAL_MS);
  secretSweeper.unref();
  const heartbeat =
    heartbeatMs > 0
      ? setInterval(() => {
          for (const [ws, state] of sockets) {
            // Silent since the last ping (dead peer, or one that stopped reading): free its slot.
            if (!state.alive || ws.bufferedAmount > maxBufferedBytes) {
              ws.terminate();
              continue;
            }
            state.alive = false;
            try {
              ws.ping();
            } catch {
              ws.terminate();
            }
          }
        }, heartbeatMs)
      : undefined;
  heartbeat?.unref();

  async function mintClientSecret(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (bearerToken(request.headers.authorization) !== apiKey) {
      throw new HttpError(401, apiError('invalid_api_key', 'Incorrect API key provided.'));
    }
    const text = await readBody(request, maxBodyBytes);
    let body: unknown;
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new HttpError(400, apiError('invalid_json', 'The request body is not valid JSON.'));
    }
    if (!isJsonObject(body)) {
      throw new HttpError(400, apiError('invalid_type', 'The request body must be a JSON object.'));
    }
    const deep = tooDeepAt(body, maxJsonDepth);
    if (deep !== undefined) {
      throw new HttpError(
        400,
        apiError('too_deep', `The request body nests deeper than ${maxJsonDepth} levels.`, deep === '' ? null : deep),
      );
    }
    const session = (body['session'] ?? { type: 'realtime' }) as Json;
    const requested = { ...body, session: { model: DEFAULT_REALTIME_MODEL, ...session } };
    let parsed: RealtimeClientSecretCreateRequest;
    try {
      parsed = RealtimeClientSecretCreateRequest.fromJson(requested);
    } catch (error) {
      if (!(error instanceof RealtimeConfigError)) throw error;
      throw new HttpError(400, apiErrorOfIssue(error.toIssue(), requested, ''));
    }
    const unknown = parsed.unknownKeys()[0];
    if (unknown !== undefined)
      throw new HttpError(400, apiError('unknown_parameter', `Unknown parameter: '${unknown}'.`, unknown));
    if (session['type'] !== 'realtime') {
      throw new HttpError(400, apiError('invalid_value', "Only session.type 'realtime' is emulated.", 'session.type'));
    }
    const issue = validateClientSecretRequest(parsed)[0];
    if (issue !== undefined) throw new HttpError(400, apiErrorOfIssue(issue, requested, ''));

    const seconds = parsed.expiresAfter?.seconds ?? 600;
    const expiresAt = Math.floor(Date.now() / 1000) + seconds;
    const value = createEventId('ek');
    const { model, ...settings } = parsed.session.toJson();
    const base = defaultSessionConfig(model);
    const effective = mergeSessionUpdate(base, withSessionDefaults(settings as Json, base));
    secrets.add(value, { expiresAtMs: expiresAt * 1000, model, settings: settings as Json });
    sendJson(response, 200, { value, expires_at: expiresAt, session: effective });
  }

  function handleRequest(request: IncomingMessage, response: ServerResponse): boolean {
    const url = requestUrl(request);
    if (url === undefined || !url.pathname.startsWith('/v1/realtime')) return false;
    try {
      if (!isAllowedOrigin(request, allowedOrigins)) {
        sendJson(response, 403, { error: originRefused(request) });
        return true;
      }
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'POST, OPTIONS',
          'access-control-allow-headers': 'authorization, content-type',
        });
        response.end();
        return true;
      }
      if (url.pathname === '/v1/realtime/calls' && request.method === 'POST') {
        acceptCall(request, response, url).catch((error: unknown) => {
          if (response.headersSent) return;
          if (error instanceof HttpError) sendJson(response, error.status, { error: error.body });
          else sendJson(response, 500, { error: serverError('The emulator failed to answer the call.') });
        });
        return true;
      }
      if (url.pathname === '/v1/realtime/client_secrets' && request.method === 'POST') {
        mintClientSecret(request, response).catch((error: unknown) => {
          if (response.headersSent) return;
          if (error instanceof HttpError) sendJson(response, error.status, { error: error.body });
          else sendJson(response, 500, { error: serverError('The emulator failed to handle the request.') });
        });
        return true;
      }
      sendJson(response, 404, {
        error: apiError('not_found', `No route for ${describeValue(request.method ?? 'GET')} ${url.pathname}.`),
      });
    } catch {
      // The host server's request listener must never see an exception of ours.
      if (!response.headersSent) sendJson(response, 500, { error: serverError('The emulator failed.') });
      else response.destroy();
    }
    return true;
  }

  function originRefused(request: IncomingMessage): ApiErrorBody {
    return apiError(
      'origin_not_allowed',
      `Origin ${describeValue(request.headers.origin ?? '')} may not use the emulator; add it to allowedOrigins.`,
    );
  }

  function refuse(socket: Duplex, status: number, statusText: string, error: ApiErrorBody): void {
    const body = JSON.stringify({ error });
    socket.end(
      `HTTP/1.1 ${status} ${statusText}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = requestUrl(request);
    if (url?.pathname !== '/v1/realtime') return false;
    // Node hands upgrade sockets over without an error listener: a reset during a refusal would crash the host.
    socket.on('error', () => socket.destroy());
    try {
      acceptUpgrade(request, socket, head, url);
    } catch {
      socket.destroy();
    }
    return true;
  }

  function acceptUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    if (closed) {
      refuse(socket, 503, 'Service Unavailable', apiError('server_closing', 'The emulator is shutting down.'));
      return;
    }
    if (!isAllowedOrigin(request, allowedOrigins)) {
      refuse(socket, 403, 'Forbidden', originRefused(request));
      return;
    }
    if (sockets.size >= maxSessions) {
      refuse(socket, 503, 'Service Unavailable', apiError('too_many_sessions', 'Too many open sessions.'));
      return;
    }
    const token =
      bearerToken(request.headers.authorization) ?? subprotocolSecret(request.headers['sec-websocket-protocol']);
    const authorized = authorize(token, url);
    if (!authorized.ok) {
      refuse(socket, authorized.status, authorized.status === 401 ? 'Unauthorized' : 'Bad Request', authorized.error);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => runWebSocketSession(ws, authorized.config));
  }

  /**
   * Who may open a session, and with what config: the standard key (the
   * model from `?model=`) or a minted secret that has not expired (its model
   * and settings). The same for WebSockets and calls.
   */
  function authorize(
    token: string | undefined,
    url: URL,
  ): { ok: true; config: Json } | { ok: false; status: 400 | 401; error: ApiErrorBody } {
    const secret = token === undefined || token === apiKey ? undefined : secrets.get(token);
    if (token === undefined || (token !== apiKey && secret === undefined)) {
      const message =
        token === undefined ? 'Missing bearer or subprotocol credentials.' : 'Invalid or expired credentials.';
      return { ok: false, status: 401, error: apiError('invalid_api_key', message) };
    }
    const model = secret?.model ?? url.searchParams.get('model');
    if (model === null || model === '') {
      return { ok: false, status: 400, error: apiError('missing_model', 'Give the model as ?model=….', 'model') };
    }
    const base = defaultSessionConfig(model);
    return { ok: true, config: mergeSessionUpdate(base, withSessionDefaults(secret?.settings ?? {}, base)) };
  }

  /**
   * `POST /v1/realtime/calls`: answers a browser's SDP offer, as the API
   * does for WebRTC clients (201, the answer as `application/sdp`, the call
   * in `Location`), then runs the session over the call's `oai-events` data
   * channel, with the voice on its audio track and turn detection on the caller's.
   */
  async function acceptCall(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (closed) throw new HttpError(503, apiError('server_closing', 'The emulator is shutting down.'));
    if (sockets.size + calls.size >= maxSessions) {
      throw new HttpError(503, apiError('too_many_sessions', 'Too many open sessions.'));
    }
    const authorized = authorize(bearerToken(request.headers.authorization), url);
    if (!authorized.ok) throw new HttpError(authorized.status, authorized.error);
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/sdp') {
      throw new HttpError(
        400,
        apiError('invalid_content_type', 'Send the SDP offer as the body, with Content-Type: application/sdp.'),
      );
    }
    const offer = await readBody(request, maxBodyBytes);
    let stack: WebRTCStack;
    try {
      stack = await loadWebRTCStack();
    } catch {
      throw new HttpError(
        501,
        apiError(
          'webrtc_unavailable',
          `The emulator's WebRTC route needs werift and opusscript: ${WEBRTC_STACK_INSTALL}`,
        ),
      );
    }
    let session: SessionFrames | undefined;
    let call: EmulatedCall;
    try {
      call = await answerCall(stack, offer, {
        onInputAudio: (samples, sampleRate) => session?.receiveAudio(samples, sampleRate),
        onOutputStarted: (responseId) => session?.outputAudio('started', responseId),
        onOutputStopped: (responseId) => session?.outputAudio('stopped', responseId),
      });
    } catch (error) {
      if (error instanceof OfferRejectedError) throw new HttpError(400, apiError('invalid_offer', error.message));
      throw error;
    }
    if (closed) {
      await call.close();
      throw new HttpError(503, apiError('server_closing', 'The emulator is shutting down.'));
    }
    calls.add(call);
    call.onEnd(() => {
      calls.delete(call);
      session?.end();
    });
    response.writeHead(201, {
      'content-type': 'application/sdp',
      'content-length': Buffer.byteLength(call.answerSdp),
      location: `/v1/realtime/calls/${call.id}`,
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'location',
    });
    response.end(call.answerSdp);
    call.channel.then(
      (channel) => {
        session = runCallSession(call, channel, authorized.config);
      },
      () => void call.close(),
    );
  }

  /** A call's session: its data channel as the channel, its tracks as the audio. */
  function runCallSession(call: EmulatedCall, dc: CallDataChannel, initialConfig: Json): SessionFrames {
    const frames = startSession(
      {
        send(text) {
          if (dc.readyState !== 'open') return;
          // As for a WebSocket: a peer that stopped reading is cut off, not buffered for.
          if (dc.bufferedAmount > maxBufferedBytes) {
            void call.close();
            return;
          }
          dc.send(typeof text === 'string' ? text : text.toString('utf8'));
        },
        // A data channel has no close code; the call ends as a whole, as the API's does.
        close: () => void call.close(),
        terminate: () => void call.close(),
      },
      initialConfig,
      call.audioOut,
    );
    dc.onMessage.subscribe((data) => {
      if (typeof data === 'string') frames.receive(data, Buffer.byteLength(data));
      else frames.receive(undefined, data.length);
    });
    dc.stateChanged.subscribe((state) => {
      if (state === 'closed') void call.close();
    });
    return frames;
  }

  /** A WebSocket client's session: the socket as its channel, and in the heartbeat's care. */
  function runWebSocketSession(ws: WebSocket, initialConfig: Json): void {
    const liveness = { alive: true };
    sockets.set(ws, liveness);
    ws.on('pong', () => {
      liveness.alive = true;
    });
    const session = startSession(
      {
        send(text) {
          if (ws.readyState !== ws.OPEN) return;
          // A client that stops reading must not grow our memory: what it has not taken yet is capped.
          if (ws.bufferedAmount > maxBufferedBytes) {
            ws.terminate();
            return;
          }
          ws.send(text, { binary: false });
        },
        close: (code, reason) => closeSocket(ws, code, reason),
        terminate: () => ws.terminate(),
      },
      initialConfig,
    );
    ws.on('message', (data, isBinary) => {
      let text: string | undefined;
      try {
        text = isBinary ? undefined : frameText(data);
      } catch {
        // Nothing may throw out of a `ws` listener: that would take down the host process.
        ws.terminate();
        return;
      }
      session.receive(text, frameLength(data));
    });
    ws.on('close', () => {
      session.end();
      sockets.delete(ws);
    });
    ws.on('error', () => ws.terminate());
  }

  /**
   * One emulated session over any channel that carries text frames (a
   * WebSocket; a WebRTC data channel). The channel feeds it frames with
   * `receive` and calls `end` once it has closed.
   */
  function startSession(channel: SessionChannel, initialConfig: Json, audioOut?: CallAudioOut): SessionFrames {
    let session = openSessionState(initialConfig);
    let voiceLocked = false;
    let tokens = eventsPerSecond * 2;
    let lastRefill = Date.now();
    let response: ResponseStream | undefined;
    const conversationId = createEventId('conv');
    let bufferedAudioBytes = 0;
    const conversation = createConversation(maxConversationItems);
    let lastResponseId = '';
    const badFrames = createBadFrameCounter(maxBadFrames);
    const detector = createVoiceActivityDetector();
    /** The item a detected turn will become, named at its start as the API names it. */
    let turnItemId: string | undefined;

    const sendText = (text: string | Buffer) => channel.send(text);
    const send = (event: Json) => sendText(JSON.stringify({ event_id: createEventId('event'), ...event }));
    const sendSession = (type: 'session.created' | 'session.updated') =>
      sendText(sessionJson(session.config, `{"event_id":"${createEventId('event')}","type":"${type}","session":`, '}'));
    const sendError = (error: ApiErrorBody, eventId: string | null) =>
      send({ type: 'error', error: { ...error, event_id: eventId } });
    const answer = (result: ConversationResult, eventId: string | null) =>
      result.ok ? send(result.event) : sendError(result.error, eventId);

    const mcp = createMcpSession({ send, conversation, timeoutMs: mcpListTimeoutMs });
    const idleTimer = setTimeout(() => channel.close(4000, 'idle timeout'), idleTimeoutMs);

    sendSession('session.created');
    // The API announces the session's default conversation right after the session.
    send({ type: 'conversation.created', conversation: { id: conversationId, object: 'realtime.conversation' } });
    mcp.sync(session.config['tools']);

    /** One chunk of the voice on the call's track, at the pitch of the session's voice. */
    const playVoice = (responseId: string) => {
      const voice = ((session.config['audio'] as Json | undefined)?.['output'] as Json | undefined)?.['voice'];
      audioOut?.play(tonePcm(voicePitchHz(typeof voice === 'string' ? voice : ''), TONE_CHUNK_MS), responseId);
    };

    const startResponse = (event: Json, eventId: string | null) => {
      const planned = planResponse(session.config, event['response'], conversation.items(), () =>
        createEventId('call'),
      );
      if (!planned.ok) return sendError(planned.error, eventId);
      const tooLong = instructionsTooLong(
        (event['response'] as Json | undefined)?.['instructions'],
        'response.instructions',
        sessionLimits.maxInstructionsChars,
      );
      if (tooLong !== undefined) return sendError(tooLong, eventId);
      if (response !== undefined) {
        return sendError(
          apiError('conversation_already_has_active_response', 'A response is already in progress.'),
          eventId,
        );
      }
      response = streamResponse(planned.plan, {
        send,
        conversation,
        config: session.config,
        conversationId,
        deltaMs,
        tone,
        ...(audioOut === undefined ? {} : { playAudio: (responseId: string) => playVoice(responseId) }),
        // The first assistant audio fixes the voice for the rest of the session.
        onAudio: () => {
          voiceLocked = true;
        },
        onEnd: () => {
          response = undefined;
        },
      });
      lastResponseId = response.id;
    };

    /** Turns the buffered input audio into a user item, as a commit or the end of a detected turn does. */
    const commitInput = (itemId: string, eventId: string | null): boolean => {
      // As the API does: under 100 ms of audio is not a turn.
      const bufferedMs = bufferedAudioBytes / PCM_BYTES_PER_MS;
      if (bufferedMs < MIN_COMMIT_MS) {
        sendError(
          apiError(
            'input_audio_buffer_commit_empty',
            `Error committing input audio buffer: buffer too small. Expected at least ${MIN_COMMIT_MS}ms of audio, but buffer only has ${bufferedMs.toFixed(2)}ms of audio.`,
          ),
          eventId,
        );
        return false;
      }
      const previous = conversation.lastItemId;
      send({ type: 'input_audio_buffer.committed', previous_item_id: previous, item_id: itemId });
      const item = {
        id: itemId,
        object: 'realtime.item',
        type: 'message',
        role: 'user',
        status: 'completed',
        content: [{ type: 'input_audio', transcript: null }],
      };
      send({ type: 'conversation.item.added', previous_item_id: previous, item });
      send({ type: 'conversation.item.done', previous_item_id: previous, item });
      conversation.add(item, Math.floor(bufferedMs));
      bufferedAudioBytes = 0;
      return true;
    };

    const clearOutputAudio = () => {
      const cut = audioOut?.clear();
      send({ type: 'output_audio_buffer.cleared', response_id: cut ?? lastResponseId });
    };

    /** Feeds input audio to turn detection, and acts on a turn's start and end as the API does. */
    const detectTurns = (samples: Int16Array, sampleRate: number) => {
      const turnDetection = ((session.config['audio'] as Json | undefined)?.['input'] as Json | undefined)?.[
        'turn_detection'
      ];
      if (!isJsonObject(turnDetection)) {
        detector.reset();
        return;
      }
      for (const change of detector.push(samples, sampleRate, voiceActivitySettings(turnDetection))) {
        if (change.type === 'speech_started') {
          turnItemId = createEventId('item');
          send({
            type: 'input_audio_buffer.speech_started',
            audio_start_ms: change.audioStartMs,
            item_id: turnItemId,
          });
          // A caller who speaks over the answer stops it: the rest of its generation, and the audio not yet played.
          if (turnDetection['interrupt_response'] !== false) {
            response?.cancel();
            const cut = audioOut?.clear();
            if (cut !== undefined) send({ type: 'output_audio_buffer.cleared', response_id: cut });
          }
          continue;
        }
        const itemId = turnItemId ?? createEventId('item');
        turnItemId = undefined;
        send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: change.audioEndMs, item_id: itemId });
        if (commitInput(itemId, null) && turnDetection['create_response'] !== false && response === undefined) {
          startResponse({}, null);
        }
      }
    };

    const handleEvent = (event: Json, eventId: string | null, frameBytes: number) => {
      const type = event['type'];
      if (
        frameBytes > maxEventBytes &&
        type !== 'session.update' &&
        type !== 'input_audio_buffer.append' &&
        typeof type === 'string'
      ) {
        const param = PAYLOAD_PARAMS[type] ?? null;
        return sendError(apiError('too_large', `The event is over ${maxEventBytes} bytes.`, param), eventId);
      }
      switch (type) {
        case 'session.update': {
          const result = checkSessionUpdate(session, event['session'], {
            locks: { voice: voiceLocked },
            limits: sessionLimits,
            frameBytes,
          });
          if (!result.ok) return sendError(result.error, eventId);
          session = result.state;
          sendSession('session.updated');
          // As the API does: a new or changed MCP server is listed after the update is acknowledged.
          return mcp.sync(session.config['tools']);
        }
        case 'response.create':
          return startResponse(event, eventId);
        case 'response.cancel':
          if (response === undefined)
            return sendError(apiError('response_cancel_not_active', 'There is no active response.'), eventId);
          return response.cancel();
        case 'input_audio_buffer.append': {
          const audio = event['audio'];
          if (typeof audio !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(audio)) {
            return sendError(apiError('invalid_value', 'audio must be base64.', 'audio'), eventId);
          }
          bufferedAudioBytes += Math.floor((audio.length * 3) / 4);
          if (inputIsPcm(session.config)) detectTurns(pcm16FromBase64(audio), PCM_SAMPLE_RATE);
          return;
        }
        case 'input_audio_buffer.commit':
          return commitInput(createEventId('item'), eventId);
        case 'input_audio_buffer.clear':
          bufferedAudioBytes = 0;
          detector.reset();
          turnItemId = undefined;
          return send({ type: 'input_audio_buffer.cleared' });
        case 'conversation.item.create': {
          const item = event['item'];
          if (!isJsonObject(item)) {
            return sendError(apiError('invalid_type', 'item must be an object.', 'item'), eventId);
          }
          const added = { id: createEventId('item'), object: 'realtime.item', status: 'completed', ...item };
          send({ type: 'conversation.item.added', previous_item_id: conversation.lastItemId, item: added });
          send({ type: 'conversation.item.done', item: added });
          conversation.add(added);
          return;
        }
        case 'conversation.item.retrieve':
          return answer(conversation.retrieve(event['item_id']), eventId);
        case 'conversation.item.delete':
          return answer(conversation.delete(event['item_id']), eventId);
        case 'conversation.item.truncate':
          return answer(
            conversation.truncate(event['item_id'], event['content_index'], event['audio_end_ms']),
            eventId,
          );
        case 'output_audio_buffer.clear':
          // Over WebRTC this stops the audio being played; over a WebSocket, the response that makes it.
          if (audioOut === undefined) response?.cancel();
          return clearOutputAudio();
        default:
          return sendError(
            apiError('invalid_value', `Unknown client event type: ${describeValue(type)}.`, 'type'),
            eventId,
          );
      }
    };

    const handleFrame = (frame: ClientFrame, frameBytes: number) => {
      const now = Date.now();
      tokens = Math.min(eventsPerSecond * 2, tokens + ((now - lastRefill) / 1000) * eventsPerSecond);
      lastRefill = now;
      const limited = tokens < 1;
      if (!limited) tokens -= 1;
      if (limited) sendError(apiError('rate_limit_exceeded', 'Too many client events; slow down.'), frame.eventId);
      else if (frame.ok) handleEvent(frame.event, frame.eventId, frameBytes);
      else sendError(frame.error, frame.eventId);
      // A stream of frames that are no events at all is not a client worth answering forever.
      if (!frame.ok && badFrames.add(now)) channel.close(1008, 'too many malformed frames');
    };

    return {
      receive(text, frameBytes) {
        let eventId: string | null = null;
        try {
          idleTimer.refresh();
          const frame = readClientFrame(text, maxJsonDepth);
          eventId = frame.eventId;
          handleFrame(frame, frameBytes);
        } catch {
          // Nothing a client sends may throw out of a channel's listener: that would take down the host process.
          try {
            sendError(serverError('The emulator failed to handle the event.'), eventId);
          } catch {
            channel.terminate();
          }
        }
      },
      end() {
        clearTimeout(idleTimer);
        response?.dispose();
        mcp.close();
      },
      receiveAudio(samples, sampleRate) {
        try {
          // Someone talking over a call sends no events for minutes on end; their audio is what keeps the session.
          idleTimer.refresh();
          bufferedAudioBytes += Math.round((samples.length / sampleRate) * 1000 * PCM_BYTES_PER_MS);
          detectTurns(samples, sampleRate);
        } catch {
          channel.terminate();
        }
      },
      outputAudio(change, responseId) {
        send({
          type: change === 'started' ? 'output_audio_buffer.started' : 'output_audio_buffer.stopped',
          response_id: responseId,
        });
      },
    };
  }

  return {
    handleRequest,
    handleUpgrade,
    get sessionCount() {
      return sockets.size + calls.size;
    },
    get secretCount() {
      return secrets.size;
    },
    async close() {
      closed = true;
      clearInterval(secretSweeper);
      if (heartbeat !== undefined) clearInterval(heartbeat);
      const closing = [...sockets.keys()].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => resolve());
            closeSocket(ws, 1001, 'emulator closing');
          }),
      );
      await Promise.all([...closing, ...[...calls].map((call) => call.close())]);
      wss.close();
      secrets.clear();
    },
  };
}

export interface StartRealtimeEmulatorOptions extends RealtimeEmulatorOptions {
  /** 0 picks any free port. @default 0 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /**
   * Serve https and wss, as official clients (which always dial `wss:`) need.
   * `true` generates a self-signed certificate for `localhost`, `127.0.0.1`,
   * `::1` (and `host` when it is a specific address), valid 30 days; that
   * needs the optional peer `selfsigned` (`npm install -D selfsigned`). Or
   * give a PEM `{ cert, key }`. Clients trust it through `certificate`.
   * @default undefined (plain http and ws)
   */
  readonly tls?: true | TlsCertificateAndKey;
}

export interface RunningRealtimeEmulator {
  /**
   * The REST base, `http://host:port/v1` (`https://` with `tls`). The WebSocket
   * endpoint is `ws://host:port/v1/realtime` (`wss://` with `tls`).
   */
  readonly url: string;
  readonly port: number;
  /**
   * With `tls`, the PEM certificate served, to trust in clients: the `ca`
   * option of `ws`/`node:https`, or a file named by `NODE_EXTRA_CA_CERTS`.
   * Undefined without `tls`.
   */
  readonly certificate?: string;
  readonly emulator: RealtimeEmulator;
  close(): Promise<void>;
}

/**
 * Starts a local Realtime API on its own HTTP (or, with `tls`, HTTPS) server.
 *
 * @example
 * ```ts
 * const { url, close } = await startRealtimeEmulator({ port: 0 });
 * // POST `${url}/realtime/client_secrets`, or connect to `${url.replace('http', 'ws')}/realtime?model=gpt-realtime`
 * await close();
 *
 * // wss: for clients that only speak TLS; the generated certificate needs `selfsigned` installed.
 * const secure = await startRealtimeEmulator({ port: 0, tls: true });
 * const ws = new WebSocket(`${secure.url.replace('https', 'wss')}/realtime?model=gpt-realtime`, {
 *   headers: { Authorization: `Bearer ${EMULATOR_API_KEY}` },
 *   ca: secure.certificate,
 * });
 * ```
 */
export async function startRealtimeEmulator(
  options: StartRealtimeEmulatorOptions = {},
): Promise<RunningRealtimeEmulator> {
  const host = options.host ?? '127.0.0.1';
  // Before the emulator exists, so that a failed generation leaves nothing to close.
  const tls = options.tls === undefined ? undefined : await resolveTlsCertificate(options.tls, host);
  const emulator = createRealtimeEmulator(options);
  const handleRequest = (request: IncomingMessage, response: ServerResponse): void => {
    if (!emulator.handleRequest(request, response)) {
      sendJson(response, 404, { error: apiError('not_found', 'Only /v1/realtime is emulated.') });
    }
  };
  let server: ReturnType<typeof createServer> | ReturnType<typeof createHttpsServer>;
  try {
    server =
      tls === undefined
        ? createServer(handleRequest)
        : createHttpsServer({ cert: tls.cert, key: tls.key }, handleRequest);
  } catch (error) {
    await emulator.close();
    // OpenSSL's words alone (`key values mismatch`, `no start line`) do not say they are about the `tls` option.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The emulator's tls cert and key are unusable (PEM text, a matching pair?): ${reason}`, {
      cause: error,
    });
  }
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!emulator.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${tls === undefined ? 'http' : 'https'}://${hostInUrl}:${port}/v1`,
    port,
    ...(tls === undefined ? {} : { certificate: tls.certificate }),
    emulator,
    async close() {
      await emulator.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
