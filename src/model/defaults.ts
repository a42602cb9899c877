import type { RealtimeServerVadJson } from './audio.js';
import type { JsonObject, JsonValue } from './json.js';

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

const PCM_24K = Object.freeze({ type: 'audio/pcm', rate: 24000 });

/**
 * The API's value for each session field a client can leave unspecified,
 * by wire name: what `session.update` sends to reset a field, and what a
 * fresh session starts with (besides the server's default instructions,
 * which is sent only by the server). Unknown fields have no entry.
 */
export const REALTIME_SESSION_DEFAULTS: {
  readonly session: JsonObject;
  readonly input: JsonObject;
  readonly output: JsonObject;
} = Object.freeze({
  session: Object.freeze({
    output_modalities: Object.freeze(['audio']),
    instructions: '',
    tools: Object.freeze([]),
    tool_choice: 'auto',
    max_output_tokens: 'inf',
    parallel_tool_calls: true,
    reasoning: Object.freeze({ effort: 'low' }),
    tracing: null,
    truncation: 'auto',
    include: Object.freeze([]),
    prompt: null,
  } satisfies Record<string, JsonValue>),
  input: Object.freeze({
    format: PCM_24K,
    transcription: null,
    noise_reduction: null,
    turn_detection: DEFAULT_TURN_DETECTION,
  } satisfies Record<string, JsonValue>),
  output: Object.freeze({ format: PCM_24K, voice: 'alloy', speed: 1 } satisfies Record<string, JsonValue>),
});
