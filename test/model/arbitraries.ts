/**
 * fast-check arbitraries of Realtime session configs as wire JSON, valid
 * against the official schema (`RealtimeSessionCreateRequestGA`), with every
 * field optional except `model`.
 */
import fc from 'fast-check';
import { KNOWN_REALTIME_MODELS, RealtimeSessionCreateRequest } from '../../src/model/index.js';

export interface ConfigOptions {
  /**
   * Allow `transcription: null` and `noise_reduction: null`. The API accepts
   * them as "off" (the schema's own descriptions say "can be set to null to
   * turn off"), but the schema's types leave `null` out, so schema checks
   * must exclude them.
   */
  readonly nullTranscriptionAndNoiseReduction?: boolean;
  /** Add unknown keys at several levels, as a newer server could send. */
  readonly unknownKeys?: boolean;
}

type Json = Record<string, unknown>;

const KNOWN_WIRE_KEYS = new Set([
  'type',
  'model',
  'audio',
  'input',
  'output',
  'output_modalities',
  'instructions',
  'tools',
  'tool_choice',
  'max_output_tokens',
  'parallel_tool_calls',
  'reasoning',
  'tracing',
  'truncation',
  'include',
  'prompt',
  'format',
  'transcription',
  'noise_reduction',
  'turn_detection',
  'voice',
  'speed',
  'threshold',
  'prefix_padding_ms',
  'silence_duration_ms',
  'create_response',
  'interrupt_response',
  'idle_timeout_ms',
  'eagerness',
  'name',
  'description',
  'parameters',
  'server_label',
  'server_url',
  'connector_id',
  'tunnel_id',
  'authorization',
  'server_description',
  'headers',
  'allowed_tools',
  'allowed_callers',
  'require_approval',
  'defer_loading',
  'rate',
]);

/** Keys no class models, including the ones that must stay plain data. */
const unknownKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'x_future'),
  fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !KNOWN_WIRE_KEYS.has(key)),
);

/** Adds 0–2 unknown keys with arbitrary JSON values to an object. */
function withUnknownKeys(object: fc.Arbitrary<Json>, enabled: boolean): fc.Arbitrary<Json> {
  if (!enabled) return object;
  return fc
    .tuple(object, fc.array(fc.tuple(unknownKey, fc.jsonValue({ maxDepth: 2 })), { maxLength: 2 }))
    .map(([value, extras]) => {
      const entries = Object.entries(value);
      for (const [key, extra] of extras) if (!Object.hasOwn(value, key)) entries.push([key, extra]);
      return Object.fromEntries(entries) as Json;
    });
}

const text = fc.string({ maxLength: 20 });
const nonEmptyText = fc.string({ minLength: 1, maxLength: 20 }).filter((value) => value.trim() !== '');
const effort = fc.constantFrom('minimal', 'low', 'medium', 'high', 'xhigh');
const record = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T, requiredKeys: (keyof T)[] = []) =>
  fc.record(model, { requiredKeys: requiredKeys as never }) as unknown as fc.Arbitrary<Json>;

const audioFormat = fc.constantFrom<Json>(
  { type: 'audio/pcm', rate: 24000 },
  { type: 'audio/pcmu' },
  { type: 'audio/pcma' },
  {
    type: 'audio/pcm',
  },
);

const transcription = record({
  model: fc.constantFrom('whisper-1', 'gpt-4o-transcribe', 'gpt-transcribe', 'gpt-realtime-whisper'),
  language: fc.constantFrom('en', 'fr', 'de'),
  languages: fc.array(fc.constantFrom('en', 'fr', 'de'), { minLength: 1, maxLength: 3 }),
  keywords: fc.array(nonEmptyText, { maxLength: 3 }),
  prompt: text,
  delay: effort,
});

function turnDetection(options: ConfigOptions): fc.Arbitrary<Json | null> {
  const serverVad = record(
    {
      type: fc.constant('server_vad'),
      threshold: fc.double({ min: 0, max: 1, noNaN: true }),
      prefix_padding_ms: fc.integer({ min: 0, max: 2000 }),
      silence_duration_ms: fc.integer({ min: 0, max: 2000 }),
      create_response: fc.boolean(),
      interrupt_response: fc.boolean(),
      idle_timeout_ms: fc.option(fc.integer({ min: 5000, max: 30000 }), { nil: null }),
    },
    ['type'],
  );
  const semanticVad = record(
    {
      type: fc.constant('semantic_vad'),
      eagerness: fc.constantFrom('low', 'medium', 'high', 'auto'),
      create_response: fc.boolean(),
      interrupt_response: fc.boolean(),
    },
    ['type'],
  );
  return fc.oneof(withUnknownKeys(serverVad, options.unknownKeys ?? false), semanticVad, fc.constant(null));
}

const voice = fc.oneof(
  fc.constantFrom('alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar'),
  nonEmptyText,
  record({ id: nonEmptyText }, ['id']),
);

function audio(options: ConfigOptions): fc.Arbitrary<Json> {
  const nullable = options.nullTranscriptionAndNoiseReduction ?? false;
  const input = record({
    format: audioFormat,
    transcription: nullable ? fc.option(transcription, { nil: null }) : transcription,
    noise_reduction: nullable
      ? fc.option(record({ type: fc.constantFrom('near_field', 'far_field') }), { nil: null })
      : record({ type: fc.constantFrom('near_field', 'far_field') }),
    turn_detection: turnDetection(options),
  });
  const output = withUnknownKeys(
    record({
      format: audioFormat,
      voice,
      speed: fc.double({ min: 0.25, max: 1.5, noNaN: true }),
    }),
    options.unknownKeys ?? false,
  );
  return record({ input, output });
}

const functionName = fc.stringMatching(/^[a-zA-Z0-9_-]{1,64}$/);
const parametersSchema = fc.record({
  type: fc.constant('object'),
  properties: fc.dictionary(
    fc.string({ minLength: 1, maxLength: 6 }).filter((key) => key !== '__proto__'),
    fc.record({ type: fc.constantFrom('string', 'integer', 'boolean'), description: text }),
    { maxKeys: 3 },
  ),
});

function functionTool(options: ConfigOptions): fc.Arbitrary<Json> {
  return withUnknownKeys(
    record({ type: fc.constant('function'), name: functionName, description: text, parameters: parametersSchema }, [
      'type',
      'name',
    ]),
    options.unknownKeys ?? false,
  );
}

const toolFilter = record({ tool_names: fc.array(nonEmptyText, { maxLength: 3 }), read_only: fc.boolean() });
const mcpTarget = fc.oneof(
  fc.webUrl({ validSchemes: ['https'] }).map((server_url) => ({ server_url })),
  fc
    .constantFrom(
      'connector_dropbox',
      'connector_gmail',
      'connector_googlecalendar',
      'connector_googledrive',
      'connector_microsoftteams',
      'connector_outlookcalendar',
      'connector_outlookemail',
      'connector_sharepoint',
    )
    .map((connector_id) => ({ connector_id })),
  fc.stringMatching(/^[a-z0-9]{32}$/).map((suffix) => ({ tunnel_id: `tunnel_${suffix}` })),
);
const mcpTool = fc
  .tuple(
    record(
      {
        type: fc.constant('mcp'),
        server_label: nonEmptyText,
        authorization: text,
        server_description: text,
        headers: fc.option(
          fc.dictionary(
            nonEmptyText.filter((key) => key !== '__proto__'),
            text,
            { maxKeys: 2 },
          ),
          {
            nil: null,
          },
        ),
        allowed_tools: fc.oneof(fc.array(nonEmptyText, { maxLength: 3 }), toolFilter, fc.constant(null)),
        allowed_callers: fc.option(
          fc.uniqueArray(fc.constantFrom('direct', 'programmatic'), { minLength: 1, maxLength: 2 }),
          { nil: null },
        ),
        require_approval: fc.oneof(
          fc.constantFrom('always', 'never'),
          record({ always: toolFilter, never: toolFilter }),
          fc.constant(null),
        ),
        defer_loading: fc.boolean(),
      },
      ['type', 'server_label'],
    ),
    mcpTarget,
  )
  .map(([tool, target]) => ({ ...tool, ...target }));

const toolChoice = fc.oneof(
  fc.constantFrom('none', 'auto', 'required'),
  functionName.map((name) => ({ type: 'function', name })),
  record({ type: fc.constant('mcp'), server_label: nonEmptyText, name: fc.option(nonEmptyText, { nil: null }) }, [
    'type',
    'server_label',
  ]),
);

const tracing = fc.oneof(
  fc.constant('auto'),
  record({ workflow_name: nonEmptyText, group_id: text, metadata: fc.dictionary(text, text, { maxKeys: 2 }) }),
  fc.constant(null),
);

const truncation = fc.oneof(
  fc.constantFrom('auto', 'disabled'),
  record(
    {
      type: fc.constant('retention_ratio'),
      retention_ratio: fc.double({ min: 0, max: 1, noNaN: true }),
      token_limits: record({ post_instructions: fc.integer({ min: 0, max: 100000 }) }),
    },
    ['type', 'retention_ratio'],
  ),
);

const prompt = fc.option(
  record(
    {
      id: nonEmptyText,
      version: fc.option(nonEmptyText, { nil: null }),
      variables: fc.option(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 6 }).filter((key) => key !== '__proto__'),
          fc.oneof(
            text,
            text.map((value) => ({ type: 'input_text', text: value })),
          ),
          { maxKeys: 2 },
        ),
        { nil: null },
      ),
    },
    ['id'],
  ),
  { nil: null },
);

/** Wire JSON of a session config, schema-valid (see {@link ConfigOptions} for the exceptions). */
export function sessionConfigJson(options: ConfigOptions = {}): fc.Arbitrary<Json> {
  const config = record(
    {
      type: fc.constant('realtime'),
      model: fc.oneof(fc.constantFrom(...KNOWN_REALTIME_MODELS), nonEmptyText),
      output_modalities: fc.constantFrom(['audio'], ['text']),
      instructions: text,
      audio: audio(options),
      tools: fc.array(fc.oneof(functionTool(options), mcpTool), { maxLength: 3 }),
      tool_choice: toolChoice,
      max_output_tokens: fc.oneof(fc.integer({ min: 1, max: 4096 }), fc.constant('inf')),
      parallel_tool_calls: fc.boolean(),
      reasoning: record({ effort }),
      tracing,
      truncation,
      include: fc.constantFrom([], ['item.input_audio_transcription.logprobs']),
      prompt,
    },
    ['model'],
  );
  return withUnknownKeys(config, options.unknownKeys ?? false);
}

/** Requests read from {@link sessionConfigJson}. */
export function sessionRequest(options: ConfigOptions = {}): fc.Arbitrary<RealtimeSessionCreateRequest> {
  return sessionConfigJson(options).map((json) => RealtimeSessionCreateRequest.fromJson(json));
}

/** The camelCase fields of `RealtimeSessionCreateRequest`. */
export const REQUEST_FIELDS = [
  'type',
  'model',
  'audio',
  'outputModalities',
  'instructions',
  'tools',
  'toolChoice',
  'maxOutputTokens',
  'parallelToolCalls',
  'reasoning',
  'tracing',
  'truncation',
  'include',
  'prompt',
] as const;

/**
 * A `copyWith` patch: for each field, absent, `undefined` (keep), `null`
 * (clear) or a new value taken from another generated request. Never clears `model`.
 */
export const requestPatch: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    sessionRequest(),
    fc.array(fc.constantFrom('absent', 'undefined', 'null', 'value'), {
      minLength: REQUEST_FIELDS.length,
      maxLength: REQUEST_FIELDS.length,
    }),
  )
  .map(([donor, choices]) => {
    const patch: Record<string, unknown> = {};
    REQUEST_FIELDS.forEach((field, index) => {
      const choice = choices[index];
      const donorValue = (donor as unknown as Record<string, unknown>)[field];
      if (choice === 'undefined') patch[field] = undefined;
      else if (choice === 'null' && field !== 'model') patch[field] = null;
      else if (choice === 'value' && donorValue !== undefined) patch[field] = donorValue;
    });
    return patch;
  });
