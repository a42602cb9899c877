import {
  isPlainObject,
  jsonDeeperThan,
  MAX_JSON_DEPTH,
  RealtimeConfigError,
  RealtimeSessionCreateRequest,
  sessionConfigOf,
  type JsonObject,
} from '../model/index.js';
import type { RealtimeServerEvent, RealtimeServerEventType } from './events.js';

/** Why a server frame was not accepted. */
export type RealtimeProtocolIssueCode =
  | 'frame_too_large'
  | 'frame_too_deep'
  | 'unsupported_frame'
  | 'invalid_json'
  | 'not_an_object'
  | 'missing_type'
  | 'invalid_event';

/**
 * A server frame that could not be read: plain data, not an `Error` (nothing is thrown).
 * It is reported in the snapshot's `errors` (source `protocol`) and ignored; nothing else changes.
 */
export interface RealtimeProtocolIssue {
  readonly code: RealtimeProtocolIssueCode;
  readonly message: string;
  /** The frame's `type`, when it had one. */
  readonly eventType?: string;
}

/** The outcome of {@link parseServerEvent}. */
export type ParsedServerEvent =
  | { readonly ok: true; readonly event: RealtimeServerEvent }
  | { readonly ok: false; readonly issue: RealtimeProtocolIssue };

export interface ParseServerEventOptions {
  /**
   * Frames larger than this are refused unparsed (a misbehaving peer must not
   * make the client parse megabytes of JSON).
   * @default 4 MiB
   */
  readonly maxFrameBytes?: number;
  /**
   * Frames nested deeper than this are refused: real events are shallow, and
   * whatever walks a frame later (the event log, your handlers) must not
   * have its stack overflowed by a hostile one.
   * @default 128
   */
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;

type Shape = 'string' | 'number' | 'object' | 'array';
type Requirements = Readonly<Record<string, Shape>>;

const output: Requirements = { response_id: 'string', item_id: 'string', output_index: 'number' };
const content: Requirements = { ...output, content_index: 'number' };
const contentDelta: Requirements = { ...content, delta: 'string' };
const itemId: Requirements = { item_id: 'string' };
const transcription: Requirements = { item_id: 'string', content_index: 'number' };
const none: Requirements = {};

/**
 * The fields each modelled event must carry, and their JSON types: those the
 * `openai` package's types mark required. `event_id` is not among them: a
 * frame without one (the DTMF event documents none) gets `''`. Before making a
 * field required, check that the emulator in `src/server` sends it, or the
 * parser would drop the emulator's events.
 */
const REQUIRED_FIELDS: Readonly<Record<RealtimeServerEventType, Requirements>> = {
  'session.created': { session: 'object' },
  'session.updated': { session: 'object' },
  'conversation.created': { conversation: 'object' },
  error: { error: 'object' },
  'response.created': { response: 'object' },
  'response.done': { response: 'object' },
  'response.output_item.added': { response_id: 'string', output_index: 'number', item: 'object' },
  'response.output_item.done': { response_id: 'string', output_index: 'number', item: 'object' },
  'response.content_part.added': { ...content, part: 'object' },
  'response.content_part.done': { ...content, part: 'object' },
  'response.output_text.delta': contentDelta,
  'response.output_audio.delta': contentDelta,
  'response.output_audio_transcript.delta': contentDelta,
  'response.output_text.done': { ...content, text: 'string' },
  'response.output_audio.done': content,
  'response.output_audio_transcript.done': { ...content, transcript: 'string' },
  'response.function_call_arguments.delta': { ...output, call_id: 'string', delta: 'string' },
  'response.function_call_arguments.done': { ...output, call_id: 'string', name: 'string', arguments: 'string' },
  'mcp_list_tools.in_progress': itemId,
  'mcp_list_tools.completed': itemId,
  'mcp_list_tools.failed': itemId,
  'response.mcp_call_arguments.delta': { ...output, delta: 'string' },
  'response.mcp_call_arguments.done': { ...output, arguments: 'string' },
  'response.mcp_call.in_progress': { item_id: 'string', output_index: 'number' },
  'response.mcp_call.completed': { item_id: 'string', output_index: 'number' },
  'response.mcp_call.failed': { item_id: 'string', output_index: 'number' },
  'output_audio_buffer.started': { response_id: 'string' },
  'output_audio_buffer.stopped': { response_id: 'string' },
  'output_audio_buffer.cleared': { response_id: 'string' },
  'input_audio_buffer.committed': itemId,
  'input_audio_buffer.cleared': none,
  'input_audio_buffer.speech_started': { item_id: 'string', audio_start_ms: 'number' },
  'input_audio_buffer.speech_stopped': { item_id: 'string', audio_end_ms: 'number' },
  'input_audio_buffer.timeout_triggered': { item_id: 'string', audio_start_ms: 'number', audio_end_ms: 'number' },
  'input_audio_buffer.dtmf_event_received': { event: 'string', received_at: 'number' },
  'rate_limits.updated': { rate_limits: 'array' },
  'conversation.item.added': { item: 'object' },
  'conversation.item.done': { item: 'object' },
  'conversation.item.created': { item: 'object' },
  'conversation.item.retrieved': { item: 'object' },
  'conversation.item.deleted': itemId,
  'conversation.item.truncated': { item_id: 'string', content_index: 'number', audio_end_ms: 'number' },
  'conversation.item.input_audio_transcription.delta': itemId,
  'conversation.item.input_audio_transcription.completed': {
    ...transcription,
    transcript: 'string',
    usage: 'object',
  },
  'conversation.item.input_audio_transcription.failed': { ...transcription, error: 'object' },
  'conversation.item.input_audio_transcription.segment': {
    ...transcription,
    id: 'string',
    text: 'string',
    speaker: 'string',
    start: 'number',
    end: 'number',
  },
};

const fail = (code: RealtimeProtocolIssueCode, message: string, eventType?: string): ParsedServerEvent => ({
  ok: false,
  issue: eventType === undefined ? { code, message } : { code, message, eventType },
});

function hasShape(value: unknown, shape: Shape): boolean {
  if (shape === 'object') return isPlainObject(value);
  if (shape === 'array') return Array.isArray(value);
  return typeof value === shape;
}

function frameText(data: unknown, maxFrameBytes: number): string | RealtimeProtocolIssue {
  if (typeof data === 'string') {
    // A JS string needs at least one byte per code unit in UTF-8, so this never lets an oversized frame through.
    if (data.length > maxFrameBytes)
      return { code: 'frame_too_large', message: `frame is over ${maxFrameBytes} bytes` };
    return data;
  }
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : undefined;
  if (bytes === undefined) return { code: 'unsupported_frame', message: 'expected a text frame' };
  if (bytes.byteLength > maxFrameBytes)
    return { code: 'frame_too_large', message: `frame is over ${maxFrameBytes} bytes` };
  return new TextDecoder().decode(bytes);
}

/**
 * Reads one frame from the Realtime server. It never throws: a frame that is
 * not JSON, not an object, has no `type`, is too large, or lacks the fields of
 * its event type comes back as a {@link RealtimeProtocolIssue}. Event types
 * this kit does not model come back as `{ type: 'unknown' }` events.
 * `session.created` / `session.updated` carry the config as a
 * `RealtimeSessionCreateRequest`, tolerating the server's `null`s.
 *
 * @example
 * ```ts
 * socket.addEventListener('message', ({ data }) => {
 *   const parsed = parseServerEvent(data);
 *   if (!parsed.ok) return console.warn('ignored frame:', parsed.issue.message);
 *   if (parsed.event.type === 'session.updated') show(parsed.event.session);
 * });
 * ```
 */
export function parseServerEvent(data: unknown, options: ParseServerEventOptions = {}): ParsedServerEvent {
  const text = frameText(data, options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
  if (typeof text !== 'string') return { ok: false, issue: text };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('invalid_json', 'frame is not valid JSON');
  }
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  if (jsonDeeperThan(json, maxDepth)) return fail('frame_too_deep', `frame is nested deeper than ${maxDepth} levels`);
  if (!isPlainObject(json)) return fail('not_an_object', 'frame is not a JSON object');
  const raw = json as JsonObject;
  const type = raw['type'];
  if (typeof type !== 'string' || type === '') return fail('missing_type', 'frame has no event type');
  const eventId = raw['event_id'];
  if (eventId !== undefined && typeof eventId !== 'string')
    return fail('invalid_event', 'event_id must be a string', type);

  if (!Object.hasOwn(REQUIRED_FIELDS, type)) {
    return {
      ok: true,
      event: { type: 'unknown', eventType: type, ...(eventId === undefined ? {} : { event_id: eventId }), raw },
    };
  }
  const known = type as RealtimeServerEventType;
  for (const [field, shape] of Object.entries(REQUIRED_FIELDS[known])) {
    if (!hasShape(raw[field], shape))
      return fail(
        'invalid_event',
        `${type} needs ${field} as ${shape === 'array' ? 'an array' : `a${shape === 'object' ? 'n' : ''} ${shape}`}`,
        type,
      );
  }
  const base = { ...raw, type: known, event_id: eventId ?? '', raw };

  if (known === 'session.created' || known === 'session.updated') {
    const session = raw['session'] as JsonObject;
    try {
      const config = sessionConfigOf(session);
      const request = RealtimeSessionCreateRequest.fromJson(config, { lenient: true });
      const sessionId = session['id'];
      const expiresAt = session['expires_at'];
      return {
        ok: true,
        event: {
          type: known,
          event_id: eventId ?? '',
          raw,
          session: request,
          ...(typeof sessionId === 'string' ? { sessionId } : {}),
          ...(typeof expiresAt === 'number' ? { expiresAt } : {}),
        },
      };
    } catch (error) {
      const reason = error instanceof RealtimeConfigError ? error.message : 'unreadable session';
      return fail('invalid_event', `${type} has an unreadable session: ${reason}`, type);
    }
  }
  if (known === 'error') {
    const details = raw['error'] as JsonObject;
    if (typeof details['message'] !== 'string' || typeof details['type'] !== 'string') {
      return fail('invalid_event', 'error needs error.type and error.message as strings', type);
    }
  }
  if (known === 'response.created' || known === 'response.done') {
    if (typeof (raw['response'] as JsonObject)['id'] !== 'string')
      return fail('invalid_event', `${type} needs response.id`, type);
  }
  return { ok: true, event: base as unknown as RealtimeServerEvent };
}
