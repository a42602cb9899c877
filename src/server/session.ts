import {
  DEFAULT_TURN_DETECTION,
  RealtimeConfigError,
  RealtimeSessionCreateRequest,
  isReasoningModel,
  validateSessionRequest,
} from '../model/index.js';
import { jsonEqual } from '../model/json.js';
import { createEventId } from '../protocol/client-events.js';
import { apiError, type ApiErrorBody } from './http.js';

type Json = Record<string, unknown>;

/** What the emulator says its instructions are when the client sets none, like the real API. */
export const EMULATOR_DEFAULT_INSTRUCTIONS =
  'You are a helpful, witty, and friendly AI running in a local Realtime emulator. Keep answers short.';

const SESSION_LIFETIME_SECONDS = 60 * 60;
/** Keys of the session object that describe it rather than configure it. */
const METADATA_KEYS = new Set(['id', 'object', 'expires_at']);

/** The full effective config of a fresh session, as `session.created` reports it. */
export function defaultSessionConfig(model: string, now = Date.now()): Json {
  const pcm = { type: 'audio/pcm', rate: 24000 };
  return {
    type: 'realtime',
    object: 'realtime.session',
    id: createEventId('sess'),
    model,
    expires_at: Math.floor(now / 1000) + SESSION_LIFETIME_SECONDS,
    output_modalities: ['audio'],
    instructions: EMULATOR_DEFAULT_INSTRUCTIONS,
    tools: [],
    tool_choice: 'auto',
    max_output_tokens: 'inf',
    tracing: null,
    truncation: 'auto',
    prompt: null,
    include: null,
    audio: {
      input: { format: pcm, transcription: null, noise_reduction: null, turn_detection: { ...DEFAULT_TURN_DETECTION } },
      output: { format: pcm, voice: 'alloy', speed: 1 },
    },
    ...(isReasoningModel(model) === true ? { reasoning: { effort: 'low' } } : {}),
  };
}

/** Applies an update the way the API does: fields replace, `audio.input` / `audio.output` merge key by key. */
export function mergeSessionUpdate(config: Json, update: Json): Json {
  const next: Json = { ...config };
  for (const [key, value] of Object.entries(update)) {
    if (key === 'type') continue;
    if (key !== 'audio' || typeof value !== 'object' || value === null) {
      Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const audio: Json = { ...(config['audio'] as Json) };
    for (const [side, fields] of Object.entries(value as Json)) {
      const merged =
        typeof fields === 'object' && fields !== null ? { ...(audio[side] as Json), ...(fields as Json) } : fields;
      Object.defineProperty(audio, side, { value: merged, enumerable: true, writable: true, configurable: true });
    }
    next['audio'] = audio;
  }
  return next;
}

/** The config part of a session object (without id, object, expires_at) as a model request. */
export function readSessionConfig(config: Json): RealtimeSessionCreateRequest {
  const settings = Object.fromEntries(Object.entries(config).filter(([key]) => !METADATA_KEYS.has(key)));
  return RealtimeSessionCreateRequest.fromJson(settings, { lenient: true });
}

/**
 * Checks a `session.update` payload against a session's effective config as
 * the API does; returns the merged config, or the error to send back.
 */
export function checkSessionUpdate(
  config: Json,
  update: unknown,
  locks: { readonly voice: boolean },
): { readonly ok: true; readonly config: Json } | { readonly ok: false; readonly error: ApiErrorBody } {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) {
    return { ok: false, error: apiError('invalid_type', 'session must be an object.', 'session') };
  }
  const payload = update as Json;
  if (payload['type'] !== 'realtime') {
    return {
      ok: false,
      error: apiError('missing_required_parameter', "session.type must be 'realtime'.", 'session.type'),
    };
  }
  const model = config['model'];
  if (Object.hasOwn(payload, 'model') && payload['model'] !== model) {
    return {
      ok: false,
      error: apiError(
        'cannot_update_model',
        'The model of a live session cannot change; open a new session.',
        'session.model',
      ),
    };
  }
  let asked: RealtimeSessionCreateRequest;
  try {
    asked = RealtimeSessionCreateRequest.fromJson({ ...payload, model });
  } catch (error) {
    if (!(error instanceof RealtimeConfigError)) throw error;
    return { ok: false, error: apiError(error.code, error.toIssue().message, `session.${error.path}`) };
  }
  const unknown = asked.unknownKeys()[0];
  if (unknown !== undefined) {
    return {
      ok: false,
      error: apiError('unknown_parameter', `Unknown parameter: 'session.${unknown}'.`, `session.${unknown}`),
    };
  }
  const merged = mergeSessionUpdate(config, payload);
  const audioOutput = (merged['audio'] as Json | undefined)?.['output'] as Json | undefined;
  const previousOutput = (config['audio'] as Json | undefined)?.['output'] as Json | undefined;
  if (locks.voice && !jsonEqual(audioOutput?.['voice'], previousOutput?.['voice'])) {
    return {
      ok: false,
      error: apiError(
        'cannot_update_voice',
        "Cannot update a conversation's voice if assistant audio is present.",
        'session.audio.output.voice',
      ),
    };
  }
  if (
    config['tracing'] !== null &&
    config['tracing'] !== undefined &&
    !jsonEqual(merged['tracing'], config['tracing'])
  ) {
    return {
      ok: false,
      error: apiError('cannot_update_tracing', 'Tracing cannot be modified once enabled.', 'session.tracing'),
    };
  }
  const issue = validateSessionRequest(readSessionConfig(merged))[0];
  if (issue !== undefined) {
    return {
      ok: false,
      error: apiError(issue.code, `Invalid 'session.${issue.path}': ${issue.message}.`, `session.${issue.path}`),
    };
  }
  return { ok: true, config: merged };
}

/** A 100 ms, 440 Hz PCM16 tone at 24 kHz, base64: the emulator's "voice". */
export function toneChunk(): string {
  const samples = 2400;
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++)
    pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / 24000) * 8000), i * 2);
  return pcm.toString('base64');
}
