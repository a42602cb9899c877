import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { RealtimeClientSecretCreateRequest, RealtimeConfigError, validateClientSecretRequest } from '../model/index.js';
import { createEventId } from '../protocol/client-events.js';
import { apiError, bearerToken, HttpError, readBody, sendJson, subprotocolSecret, type ApiErrorBody } from './http.js';
import { checkSessionUpdate, defaultSessionConfig, mergeSessionUpdate, toneChunk } from './session.js';

type Json = Record<string, unknown>;

/** The API key the emulator accepts when none is configured. It unlocks nothing but the emulator. */
export const EMULATOR_API_KEY = 'sk-local-emulator';

export interface RealtimeEmulatorOptions {
  /** The standard key clients authenticate with. @default EMULATOR_API_KEY */
  readonly apiKey?: string;
  /** Largest client frame accepted; larger ones close the socket (1009). @default 1 MiB */
  readonly maxFrameBytes?: number;
  /** Largest HTTP body accepted. @default 64 KiB */
  readonly maxBodyBytes?: number;
  /** Client events allowed per second on one connection, with a burst of twice that. @default 100 */
  readonly eventsPerSecond?: number;
  /** A connection silent for this long is closed. @default 10 minutes */
  readonly idleTimeoutMs?: number;
  /** Simultaneous sessions; more are refused with 503. @default 500 */
  readonly maxSessions?: number;
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
  /** Closes every session; later connections are refused. */
  close(): Promise<void>;
}

interface MintedSecret {
  readonly expiresAtMs: number;
  /** The session's model: a connection with this secret needs no `?model=`. */
  readonly model: string;
  /** The rest of the session config the secret was minted with. */
  readonly settings: Json;
}

const RESPONSE_WORDS = ['Hello', ' from', ' the', ' local', ' Realtime', ' emulator.'];

/**
 * An HTTP + WebSocket handler that speaks the Realtime API: client secrets,
 * `session.update` with the API's validation and locks, and simulated
 * responses.
 */
export function createRealtimeEmulator(options: RealtimeEmulatorOptions = {}): RealtimeEmulator {
  const apiKey = options.apiKey ?? EMULATOR_API_KEY;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const eventsPerSecond = options.eventsPerSecond ?? 100;
  const idleTimeoutMs = options.idleTimeoutMs ?? 10 * 60 * 1000;
  const maxSessions = options.maxSessions ?? 500;
  const deltaMs = options.responseDeltaMs ?? 20;
  const secrets = new Map<string, MintedSecret>();
  const sockets = new Set<WebSocket>();
  const tone = toneChunk();
  let closed = false;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxFrameBytes ?? 1024 * 1024,
    // Browsers offer `realtime` plus the key-carrying protocol; answer with the plain one.
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  });

  function validSecret(token: string): MintedSecret | undefined {
    const secret = secrets.get(token);
    if (secret === undefined) return undefined;
    if (secret.expiresAtMs <= Date.now()) {
      secrets.delete(token);
      return undefined;
    }
    return secret;
  }

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
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new HttpError(400, apiError('invalid_type', 'The request body must be a JSON object.'));
    }
    const session = ((body as Json)['session'] ?? { type: 'realtime' }) as Json;
    let parsed: RealtimeClientSecretCreateRequest;
    try {
      parsed = RealtimeClientSecretCreateRequest.fromJson({
        ...body,
        session: { model: 'gpt-realtime', ...session },
      });
    } catch (error) {
      if (!(error instanceof RealtimeConfigError)) throw error;
      throw new HttpError(400, apiError(error.code, error.message, error.path));
    }
    const unknown = parsed.unknownKeys()[0];
    if (unknown !== undefined)
      throw new HttpError(400, apiError('unknown_parameter', `Unknown parameter: '${unknown}'.`, unknown));
    if (session['type'] !== 'realtime') {
      throw new HttpError(400, apiError('invalid_value', "Only session.type 'realtime' is emulated.", 'session.type'));
    }
    const issue = validateClientSecretRequest(parsed)[0];
    if (issue !== undefined)
      throw new HttpError(400, apiError(issue.code, `Invalid '${issue.path}': ${issue.message}.`, issue.path));

    const seconds = parsed.expiresAfter?.seconds ?? 600;
    const expiresAt = Math.floor(Date.now() / 1000) + seconds;
    const value = createEventId('ek');
    const { model, ...settings } = parsed.session.toJson();
    const effective = mergeSessionUpdate(defaultSessionConfig(model), settings as Json);
    secrets.set(value, { expiresAtMs: expiresAt * 1000, model, settings: settings as Json });
    sendJson(response, 200, { value, expires_at: expiresAt, session: effective });
  }

  function handleRequest(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? '/', 'http://emulator');
    if (!url.pathname.startsWith('/v1/realtime')) return false;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type',
      });
      response.end();
      return true;
    }
    if (url.pathname === '/v1/realtime/client_secrets' && request.method === 'POST') {
      mintClientSecret(request, response).catch((error: unknown) => {
        if (response.headersSent) return;
        if (error instanceof HttpError) sendJson(response, error.status, { error: error.body });
        else sendJson(response, 500, { error: apiError('server_error', 'The emulator failed to handle the request.') });
      });
      return true;
    }
    sendJson(response, 404, {
      error: apiError('not_found', `No route for ${request.method ?? 'GET'} ${url.pathname}.`),
    });
    return true;
  }

  function refuse(socket: Duplex, status: number, statusText: string, error: ApiErrorBody): void {
    const body = JSON.stringify({ error });
    socket.end(
      `HTTP/1.1 ${status} ${statusText}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://emulator');
    if (url.pathname !== '/v1/realtime') return false;
    if (closed) {
      refuse(socket, 503, 'Service Unavailable', apiError('server_closing', 'The emulator is shutting down.'));
      return true;
    }
    if (sockets.size >= maxSessions) {
      refuse(socket, 503, 'Service Unavailable', apiError('too_many_sessions', 'Too many open sessions.'));
      return true;
    }
    const token =
      bearerToken(request.headers.authorization) ?? subprotocolSecret(request.headers['sec-websocket-protocol']);
    const secret = token === undefined || token === apiKey ? undefined : validSecret(token);
    if (token === undefined || (token !== apiKey && secret === undefined)) {
      const message =
        token === undefined ? 'Missing bearer or subprotocol credentials.' : 'Invalid or expired credentials.';
      refuse(socket, 401, 'Unauthorized', apiError('invalid_api_key', message));
      return true;
    }
    const model = secret?.model ?? url.searchParams.get('model');
    if (model === null || model === '') {
      refuse(socket, 400, 'Bad Request', apiError('missing_model', 'Give the model as ?model=….', 'model'));
      return true;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const base = defaultSessionConfig(model);
      runSession(ws, mergeSessionUpdate(base, secret?.settings ?? {}));
    });
    return true;
  }

  function runSession(ws: WebSocket, initialConfig: Json): void {
    sockets.add(ws);
    let config = initialConfig;
    let voiceLocked = false;
    let tokens = eventsPerSecond * 2;
    let lastRefill = Date.now();
    let response: { readonly id: string; readonly timers: NodeJS.Timeout[]; cancel(): void } | undefined;
    let bufferedAudioBytes = 0;
    let lastItemId: string | null = null;

    const send = (event: Json) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event_id: createEventId('event'), ...event }));
    };
    const sendError = (error: ApiErrorBody, eventId?: unknown) =>
      send({ type: 'error', error: { ...error, event_id: typeof eventId === 'string' ? eventId : null } });

    let idleTimer = setTimeout(() => ws.close(4000, 'idle timeout'), idleTimeoutMs);
    const touch = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => ws.close(4000, 'idle timeout'), idleTimeoutMs);
    };

    send({ type: 'session.created', session: config });

    const startResponse = (event: Json) => {
      if (response !== undefined) {
        sendError(
          apiError('conversation_already_has_active_response', 'A response is already in progress.'),
          event['event_id'],
        );
        return;
      }
      const params = (event['response'] ?? {}) as Json;
      const modalities = (params['output_modalities'] ?? config['output_modalities'] ?? ['audio']) as string[];
      const audio = modalities.includes('audio');
      const id = createEventId('resp');
      const itemId = createEventId('item');
      const address = { response_id: id, item_id: itemId, output_index: 0, content_index: 0 };
      const item = {
        id: itemId,
        object: 'realtime.item',
        type: 'message',
        role: 'assistant',
        status: 'in_progress',
        content: [],
      };
      const timers: NodeJS.Timeout[] = [];
      const finish = (status: 'completed' | 'cancelled') => {
        for (const timer of timers) clearTimeout(timer);
        response = undefined;
        lastItemId = itemId;
        const text = RESPONSE_WORDS.join('');
        if (status === 'completed') {
          if (audio) {
            send({ type: 'response.output_audio.done', ...address });
            send({ type: 'response.output_audio_transcript.done', ...address, transcript: text });
          } else send({ type: 'response.output_text.done', ...address, text });
          const part = audio ? { type: 'audio', transcript: text } : { type: 'text', text };
          send({ type: 'response.content_part.done', ...address, part });
          const done = {
            ...item,
            status: 'completed',
            content: [{ ...part, type: audio ? 'output_audio' : 'output_text' }],
          };
          send({ type: 'response.output_item.done', response_id: id, output_index: 0, item: done });
          send({ type: 'conversation.item.done', item: done });
        }
        send({
          type: 'response.done',
          response: { id, object: 'realtime.response', status, output_modalities: modalities, output: [] },
        });
      };
      response = { id, timers, cancel: () => finish('cancelled') };
      send({
        type: 'response.created',
        response: { id, object: 'realtime.response', status: 'in_progress', output: [], output_modalities: modalities },
      });
      send({ type: 'response.output_item.added', response_id: id, output_index: 0, item });
      send({ type: 'conversation.item.added', previous_item_id: lastItemId, item });
      send({
        type: 'response.content_part.added',
        ...address,
        part: audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' },
      });
      RESPONSE_WORDS.forEach((word, index) => {
        timers.push(
          setTimeout(
            () => {
              if (audio) {
                // The first assistant audio fixes the voice for the rest of the session.
                voiceLocked = true;
                send({ type: 'response.output_audio.delta', ...address, delta: tone });
                send({ type: 'response.output_audio_transcript.delta', ...address, delta: word });
              } else send({ type: 'response.output_text.delta', ...address, delta: word });
            },
            deltaMs * (index + 1),
          ),
        );
      });
      timers.push(setTimeout(() => finish('completed'), deltaMs * (RESPONSE_WORDS.length + 1)));
    };

    const handleEvent = (event: Json) => {
      const eventId = event['event_id'];
      switch (event['type']) {
        case 'session.update': {
          const result = checkSessionUpdate(config, event['session'], { voice: voiceLocked });
          if (!result.ok) return sendError(result.error, eventId);
          config = result.config;
          return send({ type: 'session.updated', session: config });
        }
        case 'response.create':
          return startResponse(event);
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
          return;
        }
        case 'input_audio_buffer.commit': {
          if (bufferedAudioBytes === 0) {
            return sendError(apiError('input_audio_buffer_commit_empty', 'The input audio buffer is empty.'), eventId);
          }
          bufferedAudioBytes = 0;
          const itemId = createEventId('item');
          send({ type: 'input_audio_buffer.committed', previous_item_id: lastItemId, item_id: itemId });
          lastItemId = itemId;
          return;
        }
        case 'input_audio_buffer.clear':
          bufferedAudioBytes = 0;
          return send({ type: 'input_audio_buffer.cleared' });
        case 'conversation.item.create': {
          const item = event['item'];
          if (typeof item !== 'object' || item === null || Array.isArray(item)) {
            return sendError(apiError('invalid_type', 'item must be an object.', 'item'), eventId);
          }
          const added = { id: createEventId('item'), object: 'realtime.item', status: 'completed', ...item };
          send({ type: 'conversation.item.added', previous_item_id: lastItemId, item: added });
          send({ type: 'conversation.item.done', item: added });
          lastItemId = added.id as string;
          return;
        }
        default:
          return sendError(
            apiError('invalid_value', `Unknown client event type: ${String(event['type'])}.`, 'type'),
            eventId,
          );
      }
    };

    ws.on('message', (data, isBinary) => {
      touch();
      const now = Date.now();
      tokens = Math.min(eventsPerSecond * 2, tokens + ((now - lastRefill) / 1000) * eventsPerSecond);
      lastRefill = now;
      if (tokens < 1) return sendError(apiError('rate_limit_exceeded', 'Too many client events; slow down.'));
      tokens -= 1;
      if (isBinary) return sendError(apiError('invalid_type', 'Send JSON text frames.'));
      let event: unknown;
      try {
        event = JSON.parse(data.toString());
      } catch {
        return sendError(apiError('invalid_json', 'The event is not valid JSON.'));
      }
      if (typeof event !== 'object' || event === null || Array.isArray(event)) {
        return sendError(apiError('invalid_type', 'The event must be a JSON object.'));
      }
      handleEvent(event as Json);
    });
    ws.on('close', () => {
      clearTimeout(idleTimer);
      if (response !== undefined) for (const timer of response.timers) clearTimeout(timer);
      sockets.delete(ws);
    });
    ws.on('error', () => ws.terminate());
  }

  return {
    handleRequest,
    handleUpgrade,
    get sessionCount() {
      return sockets.size;
    },
    async close() {
      closed = true;
      const closing = [...sockets].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => resolve());
            ws.close(1001, 'emulator closing');
            // A peer that never answers the close handshake is cut off.
            setTimeout(() => ws.terminate(), 1000).unref();
          }),
      );
      await Promise.all(closing);
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
}

export interface RunningRealtimeEmulator {
  /** The REST base, `http://host:port/v1`. The WebSocket endpoint is `ws://host:port/v1/realtime`. */
  readonly url: string;
  readonly port: number;
  readonly emulator: RealtimeEmulator;
  close(): Promise<void>;
}

/**
 * Starts a local Realtime API on its own HTTP server.
 *
 * @example
 * ```ts
 * const { url, close } = await startRealtimeEmulator({ port: 0 });
 * // POST `${url}/realtime/client_secrets`, or connect to `${url.replace('http', 'ws')}/realtime?model=gpt-realtime`
 * await close();
 * ```
 */
export async function startRealtimeEmulator(
  options: StartRealtimeEmulatorOptions = {},
): Promise<RunningRealtimeEmulator> {
  const host = options.host ?? '127.0.0.1';
  const emulator = createRealtimeEmulator(options);
  const server = createServer((request, response) => {
    if (!emulator.handleRequest(request, response)) {
      sendJson(response, 404, { error: apiError('not_found', 'Only /v1/realtime is emulated.') });
    }
  });
  server.on('upgrade', (request, socket, head) => {
    if (!emulator.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostInUrl}:${port}/v1`,
    port,
    emulator,
    async close() {
      await emulator.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
