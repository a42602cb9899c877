/*
 * Fuzzes the emulator with client frames over a real WebSocket (one live
 * emulator for the whole suite), and its session.update check in process
 * against a full re-read and re-validation of the merged config.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealtimeConfigError, RealtimeSessionCreateRequest, validateSessionRequest } from '../../src/model/index.js';
import { apiErrorOfIssue } from '../../src/server/api-errors.js';
import { startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
import {
  checkSessionUpdate,
  defaultSessionConfig,
  mergeSessionUpdate,
  openSessionState,
  readSessionConfig,
  sessionJson,
  withSessionDefaults,
  type SessionUpdateContext,
} from '../../src/server/session.js';
import { connect, currentSession, nestedJsonText, update, wsUrl, type TestClient } from './realtime-test-client.js';

type Json = Record<string, unknown>;
/** Refusals that come before the merged config is validated: locks, and what cannot be read at all. */
const REFUSALS_BEFORE_VALIDATION: ReadonlySet<string> = new Set([
  'cannot_update_model',
  'cannot_update_voice',
  'cannot_update_tracing',
  'unknown_parameter',
  'too_large',
]);
const apiKey = 'sk-test-fuzz';
const MAX_DEPTH = 64;
let emulator: RunningRealtimeEmulator;

beforeAll(async () => {
  // Fuzzing sends far faster, and far worse, than any client: lift the rate and bad-frame limits.
  emulator = await startRealtimeEmulator({
    apiKey,
    port: 0,
    responseDeltaMs: 1,
    eventsPerSecond: 1_000_000,
    maxBadFrames: 1_000_000,
    maxJsonDepth: MAX_DEPTH,
  });
});
afterAll(async () => {
  await emulator.close();
});

async function open(): Promise<TestClient> {
  const client = await connect(wsUrl(emulator.url), { apiKey });
  await client.next('session.created');
  return client;
}

let syncCount = 0;

/** Sends one frame and returns every event the emulator sent in answer, up to a marker event sent right after it. */
async function answersTo(client: TestClient, frame: string): Promise<Json[]> {
  const before = client.events.length;
  const marker = `sync_${(syncCount += 1)}`;
  client.sendRaw(frame);
  client.send({ type: 'fuzz.sync', event_id: marker });
  const isMarker = (event: Json) => (event['error'] as Json | undefined)?.['event_id'] === marker;
  const end = client.events.indexOf(await client.find(isMarker, before, 5000));
  return client.events.slice(before, end);
}

function errorCodes(events: readonly Json[]): unknown[] {
  return events.filter((event) => event['type'] === 'error').map((event) => (event['error'] as Json)['code']);
}

/** What the emulator must answer a frame with when it is no client event at all. */
function expectedRefusal(frame: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(frame);
  } catch {
    return 'invalid_json';
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'invalid_type';
}

const EVENT_TYPES = [
  'session.update',
  'response.create',
  'response.cancel',
  'input_audio_buffer.append',
  'input_audio_buffer.commit',
  'input_audio_buffer.clear',
  'conversation.item.create',
  'conversation.item.delete',
  'nonsense',
];

/** Random client events: known and unknown types with random fields. */
const randomEvent = fc
  .record(
    {
      type: fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.jsonValue({ maxDepth: 2 })),
      event_id: fc.oneof(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })),
      fields: fc.dictionary(
        fc.constantFrom('session', 'response', 'item', 'audio', 'item_id', 'extra'),
        fc.jsonValue({ maxDepth: 4 }),
      ),
    },
    { requiredKeys: ['type', 'fields'] },
  )
  .map(({ fields, ...event }) => ({ ...fields, ...event }));

/** Mostly valid values, sometimes not: enough of both for updates to be accepted and refused. */
function mostly<T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: invalid, weight: 1 });
}

const schema = mostly(
  fc.constantFrom(
    { type: 'object', properties: { q: { type: 'string', description: 'What to look up.' } }, required: ['q'] },
    { type: 'object', properties: { n: { type: 'integer', minimum: 0 }, tags: { type: 'array', items: {} } } },
  ),
  fc.oneof(
    fc.constantFrom(
      { type: 'object', properties: { n: { type: 'integr' } } },
      { type: 'object', properties: { p: { type: 'string', pattern: '(' } } },
      { type: 'array' },
    ),
    fc.jsonValue({ maxDepth: 3 }),
  ),
);

const tools = mostly(
  fc.uniqueArray(
    fc.record({
      type: fc.constant('function'),
      name: fc.constantFrom('lookup', 'book', 'cancel', 'weather'),
      description: fc.string({ maxLength: 12 }),
      parameters: schema,
    }),
    { selector: (tool) => tool.name, maxLength: 4 },
  ),
  fc.array(
    fc.record(
      {
        type: fc.constantFrom('function', 'mcp', 'other'),
        name: fc.constantFrom('lookup', 'has space', ''),
        server_label: fc.constantFrom('docs', ''),
        server_url: fc.constantFrom('https://mcp.example', 'ftp://x'),
      },
      { requiredKeys: ['type'] },
    ),
    { minLength: 1, maxLength: 3 },
  ),
);

const audio = fc.record(
  {
    input: fc.record(
      {
        format: mostly(
          fc.constant({ type: 'audio/pcm', rate: 24000 }),
          fc.constant({ type: 'audio/wav', rate: 16000 }),
        ),
        transcription: mostly(
          fc.constantFrom(null, { model: 'whisper-1' }, { model: 'gpt-transcribe', languages: ['en'] }),
          fc.constantFrom({ model: 'whisper-1', languages: ['en'] }, { languages: [] }),
        ),
        noise_reduction: mostly(fc.constantFrom(null, { type: 'near_field' }), fc.constant({ type: 'loud' })),
        turn_detection: mostly(
          fc.oneof(
            fc.constant(null),
            fc.record({ type: fc.constant('server_vad'), threshold: fc.double({ min: 0, max: 1, noNaN: true }) }),
            fc.record({ type: fc.constant('semantic_vad'), eagerness: fc.constantFrom('low', 'auto') }),
          ),
          fc.constantFrom(
            { type: 'other' },
            { type: 'server_vad', threshold: 2 },
            { type: 'semantic_vad', eagerness: 'never' },
          ),
        ),
      },
      { requiredKeys: [] },
    ),
    output: fc.record(
      {
        voice: mostly(fc.constantFrom('alloy', 'marin'), fc.constantFrom(5, '')),
        speed: mostly(fc.double({ min: 0.25, max: 1.5, noNaN: true }), fc.constantFrom(0, 3)),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** Each session field: values it takes, mostly valid ones. */
const SESSION_FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  model: mostly(fc.constant('gpt-realtime-2'), fc.constant('gpt-realtime')),
  instructions: mostly(fc.string({ maxLength: 30 }), fc.constantFrom(42, null)),
  output_modalities: mostly(
    fc.constantFrom(['audio'], ['text']),
    fc.constantFrom(['audio', 'text'], ['video'], 'audio'),
  ),
  tools,
  tool_choice: mostly(
    fc.oneof(fc.constantFrom('auto', 'none', 'required'), fc.constant({ type: 'function', name: 'lookup' })),
    fc.constant('sometimes'),
  ),
  max_output_tokens: mostly(
    fc.oneof(fc.integer({ min: 1, max: 4096 }), fc.constant('inf')),
    fc.constantFrom(0, 5000, 1.5, 'lots'),
  ),
  parallel_tool_calls: mostly(fc.boolean(), fc.constant('yes')),
  reasoning: mostly(fc.record({ effort: fc.constantFrom('low', 'high') }), fc.constant({ effort: 'extreme' })),
  tracing: mostly(
    fc.oneof(fc.constantFrom(null, 'auto'), fc.record({ workflow_name: fc.string({ maxLength: 5 }) })),
    fc.constant('on'),
  ),
  truncation: mostly(
    fc.oneof(
      fc.constantFrom('auto', 'disabled'),
      fc.record({ type: fc.constant('retention_ratio'), retention_ratio: fc.double({ min: 0, max: 1, noNaN: true }) }),
    ),
    fc.constantFrom('sometimes', { type: 'retention_ratio', retention_ratio: 2 }),
  ),
  include: mostly(fc.constant(['item.input_audio_transcription.logprobs']), fc.constantFrom(null, ['nope'])),
  prompt: mostly(fc.constantFrom(null, { id: 'pmpt_1' }), fc.constant({ id: '' })),
  audio,
  temperature: fc.double({ noNaN: true, noDefaultInfinity: true }),
};

/** session.update payloads: a few fields each, mixing valid and invalid values. */
const sessionPayload: fc.Arbitrary<Json> = fc
  .tuple(
    fc.subarray(Object.keys(SESSION_FIELDS), { maxLength: 3 }),
    mostly(fc.constant('realtime'), fc.constantFrom('transcription', undefined)),
  )
  .chain(([keys, type]) =>
    fc
      .record(Object.fromEntries(keys.map((key) => [key, SESSION_FIELDS[key] as fc.Arbitrary<unknown>])))
      .map((fields) => ({ type, ...fields })),
  );

/** As the payload travels: JSON (undefined keys dropped, -0 as 0). */
const wire = <T>(value: T): Json => JSON.parse(JSON.stringify(value)) as Json;

describe('emulator fuzzing', () => {
  it('answers every frame that is no client event with an error, whatever it holds', async () => {
    const client = await open();
    const frames = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('{', '[1,', '{"type":', 'nul', '', ' ', '{"a":1}}'),
    );
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        const answers = await answersTo(client, frame);
        const refusal = expectedRefusal(frame);
        if (refusal !== undefined) expect(errorCodes(answers)).toStrictEqual([refusal]);
      }),
      { numRuns: 300 },
    );
    await client.close();
  });

  it('refuses every event nested deeper than the limit, and only those', async () => {
    const client = await open();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6000 }),
        fc.constantFrom('conversation.item.create', 'session.update', 'response.create', 'nonsense'),
        async (depth, type) => {
          // The event object is level 1; its `item` adds `depth` more.
          const frame = `{"type":"${type}","event_id":"evt_deep","item":${nestedJsonText(depth)}}`;
          const errors = (await answersTo(client, frame)).filter((event) => event['type'] === 'error');
          const deep = errors.filter((event) => (event['error'] as Json)['code'] === 'too_deep');
          expect(deep).toHaveLength(1 + depth > MAX_DEPTH ? 1 : 0);
          if (deep.length === 1) expect((deep[0]?.['error'] as Json)['event_id']).toBe('evt_deep');
        },
      ),
      { numRuns: 60 },
    );
    await client.close();
  });

  it('survives random client events of every type', async () => {
    const client = await open();
    await fc.assert(
      fc.asyncProperty(randomEvent, async (event) => {
        await answersTo(client, JSON.stringify(event));
      }),
      { numRuns: 300 },
    );
    await client.close();
  });

  it('leaves the session unchanged when it refuses a session.update', async () => {
    const client = await open();
    await fc.assert(
      fc.asyncProperty(sessionPayload, async (payload) => {
        const before = await currentSession(client);
        // An absent `type` stays absent: `update` spreads the payload over `type: 'realtime'`.
        const answer = await update(client, payload, 'evt_fuzz');
        const after = await currentSession(client);
        if (answer['type'] === 'error') {
          expect((answer['error'] as Json)['event_id']).toBe('evt_fuzz');
          expect(after).toStrictEqual(before);
        } else expect(after).toStrictEqual(answer['session']);
      }),
      { numRuns: 150 },
    );
    await client.close();
  });

  it('keeps serving a fresh connection after all of the above', async () => {
    const client = await open();
    expect((await update(client, { instructions: 'after fuzzing' }))['type']).toBe('session.updated');
    await client.close();
  });
});

/**
 * The API-worded error for the first thing wrong with an update: a payload that cannot be read,
 * or else the first issue of the whole merged config, re-read.
 */
function firstRefusal(payload: Json, merged: Json): unknown {
  try {
    RealtimeSessionCreateRequest.fromJson(payload);
  } catch (error) {
    if (!(error instanceof RealtimeConfigError)) throw error;
    return apiErrorOfIssue(error.toIssue(), payload);
  }
  const issue = validateSessionRequest(readSessionConfig(merged))[0];
  return issue === undefined ? undefined : apiErrorOfIssue(issue, merged);
}

describe('session.update with a cached model', () => {
  it('answers as a full re-read and re-validation of the merged config would', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('gpt-realtime-2', 'gpt-realtime'),
        fc.boolean(),
        fc.array(sessionPayload, { minLength: 1, maxLength: 6 }),
        (model, voiceLocked, payloads) => {
          const context: SessionUpdateContext = {
            locks: { voice: voiceLocked },
            limits: { maxInstructionsChars: 1_000_000, maxSessionBytes: 2 * 1024 * 1024 },
          };
          let state = openSessionState(defaultSessionConfig(model));
          for (const raw of payloads) {
            const payload = wire(raw);
            const result = checkSessionUpdate(state, payload, context);
            // Nothing cached changes an answer: the same update on a state read afresh from the JSON.
            const fresh = checkSessionUpdate(openSessionState(state.config), payload, context);
            expect(result.ok).toBe(fresh.ok);
            if (!result.ok) {
              expect(fresh).toStrictEqual(result);
              const { code, param } = result.error;
              if (
                !REFUSALS_BEFORE_VALIDATION.has(code) &&
                param !== 'session.instructions' &&
                param !== 'session.type'
              ) {
                // A validation refusal is the API's wording of the first issue of the whole merged config, re-read.
                const filled = withSessionDefaults(payload, state.config);
                const merged = mergeSessionUpdate(state.config, filled);
                expect(result.error).toStrictEqual(firstRefusal({ ...filled, model }, merged));
              }
              continue;
            }
            expect(fresh.ok && fresh.state.config).toStrictEqual(result.state.config);
            expect(sessionJson(result.state.config).toString()).toBe(JSON.stringify(result.state.config));
            const reread = readSessionConfig(result.state.config);
            expect(result.state.request.equals(reread)).toBe(true);
            expect(validateSessionRequest(reread)).toStrictEqual([]);
            state = result.state;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
