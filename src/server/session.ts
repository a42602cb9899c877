import {
  DEFAULT_NOISE_REDUCTION_STRENGTH,
  DEFAULT_SEMANTIC_VAD,
  DEFAULT_TURN_DETECTION,
  PCM_SAMPLE_RATE,
  REALTIME_VOICES,
  REALTIME_SESSION_DEFAULTS,
  REASONING_MODEL_FIELDS,
  REALTIME_SESSION_FIELD_PATHS,
  RealtimeConfigError,
  RealtimeFunctionTool,
  RealtimeSessionCreateRequest,
  isReasoningModel,
  jsonEqual,
  readSessionField,
  sessionConfigOf,
  sessionFieldJson,
  validateSessionRequest,
  writeSessionField,
  type ConfigIssue,
  type JsonObject,
  type RealtimeSessionDefaults,
  type RealtimeTool,
} from '../model/index.js';
import { createEventId } from '../protocol/index.js';
import { isJsonObject } from './guards.js';
import { apiErrorOfIssue } from './api-errors.js';
import { apiError, type ApiErrorBody } from './http.js';

type Json = Record<string, unknown>;

/** What the emulator says its instructions are when the client sets none, like the real API. */
export const EMULATOR_DEFAULT_INSTRUCTIONS =
  'You are a helpful, witty, and friendly AI running in a local Realtime emulator. Keep answers short.';

const SESSION_LIFETIME_SECONDS = 60 * 60;

/** Fields a session object never reports: the API takes them, but its session response has no such property. */
const UNREPORTED_FIELDS: ReadonlySet<string> = new Set(['parallel_tool_calls']);
const REASONING_FIELDS: ReadonlySet<string> = new Set(REASONING_MODEL_FIELDS);

/**
 * The full effective config of a fresh session, as `session.created` reports
 * it: {@link REALTIME_SESSION_DEFAULTS} as the API reports them, so a default
 * added to that list shows up here with no other change (`defaults` is a
 * parameter for the test that shows it).
 */
export function defaultSessionConfig(
  model: string,
  now = Date.now(),
  defaults: RealtimeSessionDefaults = REALTIME_SESSION_DEFAULTS,
): Json {
  const reasons = isReasoningModel(model) === true;
  // A fresh copy per session: the frozen defaults stay shared, this config is the session's own.
  const { session, input, output } = structuredClone(defaults);
  const reported = Object.entries(session).filter(
    ([key]) => !UNREPORTED_FIELDS.has(key) && (reasons || !REASONING_FIELDS.has(key)),
  );
  return {
    type: 'realtime',
    object: 'realtime.session',
    id: createEventId('sess'),
    model,
    expires_at: Math.floor(now / 1000) + SESSION_LIFETIME_SECONDS,
    ...Object.fromEntries(reported),
    // The server's own instructions, not the empty string a reset sends.
    instructions: EMULATOR_DEFAULT_INSTRUCTIONS,
    // The API reports an empty `include` as null (a reset sends `[]`).
    include: null,
    audio: { input, output },
  };
}

/**
 * An update with what the API fills in for it: a turn detection object gets
 * its type's defaults for the settings it leaves out, and noise reduction
 * keeps its strength (1 when first turned on). Applied before the update is
 * read and merged, so `session.updated` reports the full effective config, as
 * the API does.
 *
 * @example
 * ```ts
 * withSessionDefaults({ audio: { input: { turn_detection: { type: 'semantic_vad' } } } }, config);
 * // turn_detection: { type: 'semantic_vad', eagerness: 'auto', create_response: true, interrupt_response: true }
 * ```
 */
export function withSessionDefaults(payload: Json, config: Json): Json {
  const audio = payload['audio'];
  const input = isJsonObject(audio) ? audio['input'] : undefined;
  if (!isJsonObject(audio) || !isJsonObject(input)) return payload;
  const before = (config['audio'] as Json | undefined)?.['input'] as Json | undefined;
  return { ...payload, audio: { ...audio, input: withInputDefaults(input, before) } };
}

function withInputDefaults(fields: Json, before: Json | undefined): Json {
  const filled: Json = { ...fields };
  const turnDetection = fields['turn_detection'];
  if (isJsonObject(turnDetection)) {
    const defaults = turnDetection['type'] === 'semantic_vad' ? DEFAULT_SEMANTIC_VAD : DEFAULT_TURN_DETECTION;
    filled['turn_detection'] = { ...defaults, ...turnDetection };
  }
  const noise = fields['noise_reduction'];
  if (isJsonObject(noise)) {
    const previous = before?.['noise_reduction'];
    const strength = isJsonObject(previous) ? previous['strength'] : undefined;
    filled['noise_reduction'] = { strength: strength ?? DEFAULT_NOISE_REDUCTION_STRENGTH, ...noise };
  }
  return filled;
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
  return RealtimeSessionCreateRequest.fromJson(sessionConfigOf(config), { lenient: true });
}

/**
 * A live session's effective config, both as the wire JSON the emulator
 * reports and as a model. Updates apply their diff to both, so no update
 * re-reads the whole config.
 */
export interface SessionState {
  /** The full effective config, as `session.created` and `session.updated` report it. */
  readonly config: Json;
  /** The same config (without id, object, expires_at) as a model: what `readSessionConfig(config)` gives. */
  readonly request: RealtimeSessionCreateRequest;
}

export function openSessionState(config: Json): SessionState {
  return { config, request: readSessionConfig(config) };
}

/** Size limits a `session.update` must keep. */
export interface SessionUpdateLimits {
  /** Longest `instructions`, in characters. */
  readonly maxInstructionsChars: number;
  /** Largest effective config as JSON bytes, instructions aside (they have their own limit). */
  readonly maxSessionBytes: number;
}

export interface SessionUpdateContext {
  readonly locks: { readonly voice: boolean };
  readonly limits: SessionUpdateLimits;
  /** Size of the frame the update came in, which bounds the payload: lets a huge one be refused before it is read. */
  readonly frameBytes?: number;
}

export type SessionUpdateResult =
  { readonly ok: true; readonly state: SessionState } | { readonly ok: false; readonly error: ApiErrorBody };

function refused(error: ApiErrorBody): SessionUpdateResult {
  return { ok: false, error };
}

/**
 * Checks a `session.update` payload against a session's effective config as
 * the API does; returns the updated state, or the error to send back. Only
 * the payload is read and merged into the cached model; the merged model is
 * validated whole, so the answers are those of re-reading the merged config.
 */
export function checkSessionUpdate(
  state: SessionState,
  update: unknown,
  { locks, limits, frameBytes }: SessionUpdateContext,
): SessionUpdateResult {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) {
    return refused(apiError('invalid_type', 'session must be an object.', 'session'));
  }
  const payload = update as Json;
  if (payload['type'] !== 'realtime') {
    return refused(apiError('missing_required_parameter', "session.type must be 'realtime'.", 'session.type'));
  }
  const instructions = payload['instructions'];
  const tooLong = instructionsTooLong(instructions, 'session.instructions', limits.maxInstructionsChars);
  if (tooLong !== undefined) return refused(tooLong);
  // A frame whose other fields are over the limit is refused before the costly reads below.
  const otherBytes = (frameBytes ?? 0) - (typeof instructions === 'string' ? Buffer.byteLength(instructions) : 0);
  if (otherBytes > limits.maxSessionBytes) return refused(sessionTooLarge(limits.maxSessionBytes));
  const { config } = state;
  const filled = withSessionDefaults(payload, config);
  const model = config['model'];
  if (Object.hasOwn(payload, 'model') && payload['model'] !== model) {
    return refused(
      apiError(
        'cannot_update_model',
        'The model of a live session cannot change; open a new session.',
        'session.model',
      ),
    );
  }
  let asked: RealtimeSessionCreateRequest;
  try {
    asked = RealtimeSessionCreateRequest.fromJson({ ...filled, model });
  } catch (error) {
    if (!(error instanceof RealtimeConfigError)) throw error;
    return refused(apiErrorOfIssue(error.toIssue(), filled));
  }
  const unknown = asked.unknownKeys()[0];
  if (unknown !== undefined) {
    return refused(apiError('unknown_parameter', `Unknown parameter: 'session.${unknown}'.`, `session.${unknown}`));
  }
  const merged = mergeSessionUpdate(config, filled);
  const audioOutput = (merged['audio'] as Json | undefined)?.['output'] as Json | undefined;
  const previousOutput = (config['audio'] as Json | undefined)?.['output'] as Json | undefined;
  if (locks.voice && !jsonEqual(audioOutput?.['voice'], previousOutput?.['voice'])) {
    return refused(
      apiError(
        'cannot_update_voice',
        "Cannot update a conversation's voice if assistant audio is present.",
        // The API names no param for this one; the kit's field goes where the API puts nothing.
        null,
        'session.audio.output.voice',
      ),
    );
  }
  if (
    config['tracing'] !== null &&
    config['tracing'] !== undefined &&
    !jsonEqual(merged['tracing'], config['tracing'])
  ) {
    return refused(apiError('cannot_update_tracing', 'Tracing cannot be modified once enabled.', 'session.tracing'));
  }
  const request = applyPayload(state.request, asked, filled);
  const issue = validateMerged(request)[0];
  if (issue !== undefined) {
    return refused(apiErrorOfIssue(issue, merged));
  }
  if (Object.hasOwn(payload, 'tools')) merged['tools'] = shareSchemas(payload['tools'], request.tools);
  if (sessionJsonSize(merged) > limits.maxSessionBytes) return refused(sessionTooLarge(limits.maxSessionBytes));
  return { ok: true, state: { config: merged, request } };
}

/**
 * The payload's tools with each function's parameter schema swapped for the
 * model's frozen copy of it: equal JSON in the same key order, so what the
 * session reports is unchanged, but it holds one copy of its schemas, not two.
 */
function shareSchemas(raw: unknown, tools: readonly RealtimeTool[] | undefined): unknown {
  if (!Array.isArray(raw) || tools === undefined) return raw;
  return raw.map((item: unknown, index) => {
    const tool = tools[index];
    const parameters = tool instanceof RealtimeFunctionTool ? tool.parameters : undefined;
    return isJsonObject(item) && Object.hasOwn(item, 'parameters') && parameters !== undefined
      ? { ...item, parameters }
      : item;
  });
}

/** The error for instructions (of `session.update` or `response.create`) longer than `maxChars`, worded as the API words it. */
export function instructionsTooLong(value: unknown, param: string, maxChars: number): ApiErrorBody | undefined {
  if (typeof value !== 'string' || value.length <= maxChars) return undefined;
  return apiError(
    'string_above_max_length',
    `Invalid '${param}': string too long. Expected a string with maximum length ${maxChars}, but got a string with length ${value.length} instead.`,
    param,
  );
}

function sessionTooLarge(maxBytes: number): ApiErrorBody {
  return apiError(
    'too_large',
    `The session config would be over ${maxBytes} bytes besides its instructions.`,
    'session',
  );
}

/**
 * The cached model with the payload's fields written in: each field the
 * payload names replaces the cached one, `audio.input.*` and `audio.output.*`
 * one by one, as `mergeSessionUpdate` merges the JSON.
 */
function applyPayload(
  request: RealtimeSessionCreateRequest,
  asked: RealtimeSessionCreateRequest,
  payload: Json,
): RealtimeSessionCreateRequest {
  let next = request;
  for (const path of REALTIME_SESSION_FIELD_PATHS) {
    if (sessionFieldJson(payload as JsonObject, path) === undefined) continue;
    next = writeSessionField(next, path, readSessionField(asked, path));
  }
  return next;
}

/**
 * Tool lists whose parameter schemas passed validation, each mapped to the
 * same list without the schemas. Validating an update that leaves the tools
 * alone then skips walking every schema again: their issues depend on
 * nothing else, and there were none.
 */
const schemaCheckedTools = new WeakMap<readonly RealtimeTool[], readonly RealtimeTool[]>();
const PARAMETER_ISSUE = /^tools\[\d+\]\.parameters(?:$|[.[])/;

function validateMerged(request: RealtimeSessionCreateRequest): readonly ConfigIssue[] {
  const tools = request.tools;
  const withoutSchemas = tools === undefined ? undefined : schemaCheckedTools.get(tools);
  if (withoutSchemas !== undefined) return validateSessionRequest(request.copyWith({ tools: withoutSchemas }));
  const issues = validateSessionRequest(request);
  if (tools !== undefined && !issues.some((issue) => PARAMETER_ISSUE.test(issue.path))) {
    const stripped = tools.map((tool) =>
      tool instanceof RealtimeFunctionTool && tool.parameters !== undefined
        ? tool.copyWith({ parameters: null })
        : tool,
    );
    // Read back through the model, so later copies share the built list instead of rebuilding it.
    schemaCheckedTools.set(tools, request.copyWith({ tools: stripped }).tools ?? stripped);
  }
  return issues;
}

/**
 * The UTF-8 JSON of config values, computed once per value: values are never
 * mutated (updates replace them). Kept as Buffers, off the JS heap, so
 * answering an edit creates no garbage the size of the whole config.
 */
const jsonBytes = new WeakMap<object, Buffer>();

function valueJson(value: unknown): Buffer {
  if (typeof value !== 'object' || value === null) return Buffer.from(JSON.stringify(value));
  let bytes = jsonBytes.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(value));
    jsonBytes.set(value, bytes);
  }
  return bytes;
}

/** Size of a config's JSON without its instructions, from the cached parts (an upper bound by a few bytes). */
function sessionJsonSize(config: Json): number {
  let size = 2;
  for (const key of Object.keys(config)) {
    const value = config[key];
    if (value !== undefined && key !== 'instructions') size += key.length + 4 + valueJson(value).length;
  }
  return size;
}

/**
 * `${before}${JSON.stringify(config)}${after}` as UTF-8, assembled from the
 * cached JSON of each value: an instructions edit does not re-serialize 50
 * tool schemas.
 */
export function sessionJson(config: Json, before = '', after = ''): Buffer {
  const parts: Buffer[] = [Buffer.from(`${before}{`)];
  let first = true;
  for (const key of Object.keys(config)) {
    const value = config[key];
    if (value === undefined) continue;
    parts.push(Buffer.from(`${first ? '' : ','}${JSON.stringify(key)}:`), valueJson(value));
    first = false;
  }
  parts.push(Buffer.from(`}${after}`));
  return Buffer.concat(parts);
}

/** How long one simulated audio delta (one {@link toneChunk}) plays. */
export const TONE_CHUNK_MS = 100;

/**
 * `ms` of a sine tone as PCM16 mono at 24 kHz, at about -12 dBFS: the
 * emulator's "voice". Whole periods are not guaranteed, so chunks joined end
 * to end may click; a tone is all it claims to be.
 */
export function tonePcm(frequencyHz: number, ms: number): Int16Array {
  const pcm = new Int16Array((PCM_SAMPLE_RATE * ms) / 1000);
  for (let i = 0; i < pcm.length; i++)
    pcm[i] = Math.round(Math.sin((2 * Math.PI * frequencyHz * i) / PCM_SAMPLE_RATE) * 8000);
  return pcm;
}

/** A 100 ms, 440 Hz PCM16 tone at 24 kHz, base64: the emulator's voice in `response.output_audio.delta`. */
export function toneChunk(): string {
  const pcm = tonePcm(440, TONE_CHUNK_MS);
  return Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).toString('base64');
}

/**
 * The pitch the emulator speaks a voice at on a WebRTC call: each built-in
 * voice its own semitone up from A3 (in the order of `REALTIME_VOICES`), any
 * other name one picked from its characters, so changing the voice live is
 * heard in the next reply, as it would be with the real model.
 *
 * @example
 * ```ts
 * voicePitchHz('alloy'); // 220
 * voicePitchHz('ash'); // 233.08…
 * ```
 */
export function voicePitchHz(voice: string): number {
  let step = REALTIME_VOICES.findIndex(({ id }) => id === voice);
  if (step < 0) {
    let hash = 0;
    for (const character of voice) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
    step = hash % 24;
  }
  return 220 * 2 ** (step / 12);
}
