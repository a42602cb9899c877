/*
 * The one list of the API's defaults. `sessionUpdateFor` resets a field to
 * them, the emulator's `session.created` reports them, and the components mark
 * them: adding a default is one line here.
 */
import type { RealtimeSemanticVadJson, RealtimeServerVadJson } from './audio.js';
import type { RealtimeBuiltInVoice } from './capabilities.js';
import {
  PCM_SAMPLE_RATE,
  RealtimeAudioFormatType,
  type RealtimeOutputModality,
  type RealtimeReasoningEffort,
  type RealtimeToolChoiceMode,
  type RealtimeTruncationMode,
} from './enums.js';
import { freezeJson, type JsonObject, type JsonValue } from './json.js';

/** Server VAD as the API configures it when nothing else is asked for. */
export const DEFAULT_TURN_DETECTION: Readonly<Required<RealtimeServerVadJson>> = Object.freeze({
  type: 'server_vad',
  threshold: 0.5,
  prefix_padding_ms: 300,
  silence_duration_ms: 200,
  idle_timeout_ms: null,
  create_response: true,
  interrupt_response: true,
});

/** What the API fills in for semantic VAD settings an update leaves out. */
export const DEFAULT_SEMANTIC_VAD: Readonly<Required<RealtimeSemanticVadJson>> = Object.freeze({
  type: 'semantic_vad',
  eagerness: 'auto',
  create_response: true,
  interrupt_response: true,
});

/** The noise suppression strength the API starts from when noise reduction is first turned on. */
export const DEFAULT_NOISE_REDUCTION_STRENGTH = 1;

/** The shape of {@link REALTIME_SESSION_DEFAULTS}: wire name → value, for the session and each audio side. */
export interface RealtimeSessionDefaults {
  readonly session: JsonObject;
  readonly input: JsonObject;
  readonly output: JsonObject;
}

/**
 * A deep-frozen table whose fields keep their literal types (so the
 * components can read `REALTIME_SESSION_DEFAULTS.output.voice` as `'alloy'`)
 * and which still indexes by any string, as the diff in `sessionUpdateFor` does.
 */
function defaultsTable<const T extends Record<string, JsonValue>>(fields: T): Readonly<T> & JsonObject {
  return freezeJson(fields, '') as Readonly<T> & JsonObject;
}

const PCM_24K = { type: RealtimeAudioFormatType.pcm, rate: PCM_SAMPLE_RATE };

/**
 * The API's value for each session field a client can leave unspecified,
 * by wire name: what `session.update` sends to reset a field, and what a
 * fresh session starts with (besides the server's default instructions,
 * which is sent only by the server). Unknown fields have no entry.
 *
 * @example
 * ```ts
 * REALTIME_SESSION_DEFAULTS.output.voice; // 'alloy'
 * REALTIME_SESSION_DEFAULTS.session.max_output_tokens; // 'inf'
 * ```
 */
export const REALTIME_SESSION_DEFAULTS = Object.freeze({
  session: defaultsTable({
    output_modalities: ['audio' satisfies RealtimeOutputModality],
    instructions: '',
    tools: [],
    tool_choice: 'auto' satisfies RealtimeToolChoiceMode,
    max_output_tokens: 'inf',
    parallel_tool_calls: true,
    reasoning: { effort: 'low' satisfies RealtimeReasoningEffort },
    tracing: null,
    truncation: 'auto' satisfies RealtimeTruncationMode,
    include: [],
    prompt: null,
  }),
  input: defaultsTable({
    format: PCM_24K,
    transcription: null,
    noise_reduction: null,
    turn_detection: DEFAULT_TURN_DETECTION,
  }),
  output: defaultsTable({ format: PCM_24K, voice: 'alloy' satisfies RealtimeBuiltInVoice, speed: 1 }),
}) satisfies RealtimeSessionDefaults;

/** The API's default reasoning effort, from {@link REALTIME_SESSION_DEFAULTS}. */
export const DEFAULT_REASONING_EFFORT: RealtimeReasoningEffort = REALTIME_SESSION_DEFAULTS.session.reasoning.effort;

/**
 * The keys of a session object that describe it rather than configure it:
 * what to drop before reading a `session.created` or `session.updated` as a
 * config (see {@link sessionConfigOf}).
 *
 * @example
 * ```ts
 * REALTIME_SESSION_METADATA_KEYS; // ['id', 'object', 'expires_at']
 * ```
 */
export const REALTIME_SESSION_METADATA_KEYS = Object.freeze(['id', 'object', 'expires_at'] as const);
/** A key of {@link REALTIME_SESSION_METADATA_KEYS}. */
export type RealtimeSessionMetadataKey = (typeof REALTIME_SESSION_METADATA_KEYS)[number];

const metadataKeys: ReadonlySet<string> = new Set(REALTIME_SESSION_METADATA_KEYS);

/**
 * A session object without its {@link REALTIME_SESSION_METADATA_KEYS}: the config part of it.
 *
 * @example
 * ```ts
 * sessionConfigOf({ id: 'sess_1', object: 'realtime.session', expires_at: 0, instructions: 'Hi' });
 * // { instructions: 'Hi' }
 * ```
 */
export function sessionConfigOf<T>(session: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(session).filter(([key]) => !metadataKeys.has(key)));
}
