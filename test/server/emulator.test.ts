import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REALTIME_MODEL, DEFAULT_TURN_DETECTION, getModelCapabilities } from '../../src/model/index.js';
import {
  conversationItemCreateEvent,
  conversationItemDeleteEvent,
  conversationItemRetrieveEvent,
  conversationItemTruncateEvent,
  outputAudioBufferClearEvent,
  parseServerEvent,
  responseCancelEvent,
  responseCreateEvent,
} from '../../src/protocol/index.js';
import {
  EMULATOR_DEFAULT_INSTRUCTIONS,
  startRealtimeEmulator,
  type RunningRealtimeEmulator,
} from '../../src/server/index.js';
import { schemaErrors, withoutServerNulls } from '../official-schema.js';
import { connect, currentSession, update, wsUrl, type TestClient } from './realtime-test-client.js';

type Json = Record<string, unknown>;
const apiKey = 'sk-test-emulator-key';
let emulator: RunningRealtimeEmulator;

beforeAll(async () => {
  emulator = await startRealtimeEmulator({ apiKey, port: 0, responseDeltaMs: 5 });
});
afterAll(async () => {
  await emulator.close();
});

async function mintSecret(body: Json = {}): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${emulator.url}/realtime/client_secrets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Json };
}

async function openSession(model = 'gpt-realtime-2'): Promise<{ client: TestClient; session: Json }> {
  const client = await connect(wsUrl(emulator.url, model), { apiKey });
  const created = await client.next('session.created');
  return { client, session: created['session'] as Json };
}

describe('the Realtime emulator', () => {
  describe('authentication', () => {
    it('accepts the API key as a bearer token', async () => {
      const { client } = await openSession();
      await client.close();
    });

    it('mints a secret without a model for the current GA model, never a deprecated one', async () => {
      const { status, json } = await mintSecret({ session: { type: 'realtime' } });
      expect(status).toBe(200);
      const model = (json['session'] as Json)['model'];
      expect(model).toBe(DEFAULT_REALTIME_MODEL);
      expect(getModelCapabilities(String(model))?.deprecated).toBeUndefined();
    });

    it('accepts a minted ek_ secret as a bearer token, with the session config it was minted for', async () => {
      const { status, json } = await mintSecret({
        expires_after: { anchor: 'created_at', seconds: 60 },
        session: { type: 'realtime', model: 'gpt-realtime', instructions: 'From the secret.' },
      });
      expect(status).toBe(200);
      expect(json['value']).toMatch(/^ek_/);
      expect(
        schemaErrors('RealtimeCreateClientSecretResponse', {
          ...json,
          session: withoutServerNulls(json['session'] as Json),
        }),
      ).toStrictEqual([]);
      const client = await connect(wsUrl(emulator.url, 'gpt-realtime'), { apiKey: json['value'] as string });
      const created = await client.next('session.created');
      expect((created['session'] as Json)['instructions']).toBe('From the secret.');
      await client.close();
    });

    it('accepts a browser secret in the realtime + openai-insecure-api-key subprotocols', async () => {
      const { json } = await mintSecret();
      const client = await connect(wsUrl(emulator.url), {
        protocols: ['realtime', `openai-insecure-api-key.${json['value'] as string}`],
      });
      await client.next('session.created');
      await client.close();
    });

    it.each([
      ['a wrong key', { apiKey: 'sk-wrong' }],
      ['no credentials', {}],
      ['an unknown ek_ secret', { apiKey: 'ek_not_minted' }],
      ['the subprotocol secret without realtime', { protocols: ['openai-insecure-api-key.sk-test-emulator-key'] }],
    ])('refuses %s with HTTP 401 before the upgrade', async (_name, options) => {
      await expect(connect(wsUrl(emulator.url), options)).rejects.toThrow('HTTP 401');
    });

    it('refuses an expired secret', async () => {
      const { json } = await mintSecret({ expires_after: { anchor: 'created_at', seconds: 10 } });
      const now = Date.now();
      const clock = vi.spyOn(Date, 'now').mockReturnValue(now + 11_000);
      try {
        await expect(connect(wsUrl(emulator.url), { apiKey: json['value'] as string })).rejects.toThrow('HTTP 401');
      } finally {
        clock.mockRestore();
      }
    });

    it('refuses to mint a secret without the API key, and never echoes the key it was given', async () => {
      const response = await fetch(`${emulator.url}/realtime/client_secrets`, {
        method: 'POST',
        headers: { Authorization: 'Bearer sk-guess-1234567890' },
        body: '{}',
      });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('sk-guess');
    });

    it.each([
      [{ expires_after: { anchor: 'created_at', seconds: 5 } }, 'expires_after.seconds'],
      [{ expires_after: { anchor: 'created_at', seconds: 7201 } }, 'expires_after.seconds'],
      [
        { session: { type: 'realtime', model: 'gpt-realtime', audio: { output: { speed: 9 } } } },
        'session.audio.output.speed',
      ],
      [{ session: { type: 'realtime', model: 'gpt-realtime', colour: 'red' } }, 'session.colour'],
    ])('refuses to mint for %j, naming %s', async (body, param) => {
      const { status, json } = await mintSecret(body);
      expect(status).toBe(400);
      expect((json['error'] as Json)['param']).toBe(param);
    });
  });

  describe('session.created', () => {
    it('is followed by conversation.created, the default conversation responses report', async () => {
      const { client } = await openSession();
      const created = await client.next('conversation.created');
      expect(client.events.indexOf(created)).toBe(1);
      expect(created['conversation']).toMatchObject({
        id: expect.stringMatching(/^conv_/),
        object: 'realtime.conversation',
      });
      client.send({ type: 'response.create' });
      const done = await client.next('response.done');
      expect((done['response'] as Json)['conversation_id']).toBe((created['conversation'] as Json)['id']);
      await client.close();
    });

    it('has the API shape and defaults, and validates against the schema (allowing the server nulls)', async () => {
      const { client } = await openSession('gpt-realtime-2');
      const created = client.events[0] as Json;
      const session = created['session'] as Json;
      expect(session).toMatchObject({
        type: 'realtime',
        object: 'realtime.session',
        model: 'gpt-realtime-2',
        output_modalities: ['audio'],
        instructions: EMULATOR_DEFAULT_INSTRUCTIONS,
        tools: [],
        tool_choice: 'auto',
        max_output_tokens: 'inf',
        tracing: null,
        truncation: 'auto',
        prompt: null,
        include: null,
        reasoning: { effort: 'low' },
        audio: {
          input: {
            format: { type: 'audio/pcm', rate: 24000 },
            transcription: null,
            noise_reduction: null,
            turn_detection: {
              type: 'server_vad',
              threshold: 0.5,
              prefix_padding_ms: 300,
              silence_duration_ms: 200,
              idle_timeout_ms: null,
              create_response: true,
              interrupt_response: true,
            },
          },
          output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy', speed: 1 },
        },
      });
      expect(session['id']).toMatch(/^sess_/);
      expect(session['expires_at']).toBeGreaterThan(Date.now() / 1000);
      expect(
        schemaErrors('RealtimeServerEventSessionCreated', { ...created, session: withoutServerNulls(session) }),
      ).toStrictEqual([]);
      const parsed = parseServerEvent(JSON.stringify(created));
      expect(parsed.ok && parsed.event.type === 'session.created' && parsed.event.session.model).toBe('gpt-realtime-2');
      await client.close();
    });

    it('has no reasoning for a model that does not reason', async () => {
      const { client, session } = await openSession('gpt-realtime');
      expect(session).not.toHaveProperty('reasoning');
      await client.close();
    });
  });

  describe('session.update', () => {
    it('changes only what it names, merging audio fields one by one', async () => {
      const { client, session } = await openSession();
      const answer = await update(client, { instructions: 'Be brief.', audio: { output: { speed: 1.2 } } });
      expect(answer['type']).toBe('session.updated');
      expect(
        schemaErrors('RealtimeServerEventSessionUpdated', {
          ...answer,
          session: withoutServerNulls(answer['session'] as Json),
        }),
      ).toStrictEqual([]);
      const expected = structuredClone(session);
      expected['instructions'] = 'Be brief.';
      ((expected['audio'] as Json)['output'] as Json)['speed'] = 1.2;
      expect(answer['session']).toStrictEqual(expected);
      await client.close();
    });

    it('clears with "", [] and null', async () => {
      const { client } = await openSession();
      await update(client, {
        tools: [{ type: 'function', name: 'f' }],
        audio: { input: { transcription: { model: 'whisper-1' } } },
      });
      const answer = await update(client, {
        instructions: '',
        tools: [],
        audio: { input: { transcription: null, turn_detection: null } },
      });
      const session = answer['session'] as Json;
      expect(session['instructions']).toBe('');
      expect(session['tools']).toStrictEqual([]);
      expect((session['audio'] as { input: Json }).input).toMatchObject({ transcription: null, turn_detection: null });
      await client.close();
    });

    const rejected: [string, Json, string, string][] = [
      [
        'an out-of-range speed',
        { audio: { output: { speed: 3 } } },
        'session.audio.output.speed',
        'decimal_above_max_value',
      ],
      ['a wrong type', { instructions: 42 }, 'session.instructions', 'invalid_type'],
      ['an unknown parameter', { temperature: 0.7 }, 'session.temperature', 'unknown_parameter'],
      [
        'an unknown nested parameter',
        { audio: { output: { timbre: 'warm' } } },
        'session.audio.output.timbre',
        'unknown_parameter',
      ],
      ['too many output tokens', { max_output_tokens: 5000 }, 'session.max_output_tokens', 'integer_above_max_value'],
      [
        'a bad tool name',
        { tools: [{ type: 'function', name: 'has space' }] },
        'session.tools[0].name',
        'invalid_pattern',
      ],
      ['a changed model', { model: 'gpt-realtime' }, 'session.model', 'cannot_update_model'],
      ['a missing session type', { type: undefined }, 'session.type', 'missing_required_parameter'],
    ];
    it.each(rejected)(
      'refuses %s with the param and event_id, leaving the session unchanged',
      async (_name, change, param, code) => {
        const { client, session } = await openSession();
        const answer = await update(client, change, 'evt_client_42');
        expect(answer['type']).toBe('error');
        expect(answer['error']).toMatchObject({
          type: 'invalid_request_error',
          code,
          param,
          event_id: 'evt_client_42',
        });
        expect(typeof (answer['error'] as Json)['message']).toBe('string');
        expect(schemaErrors('RealtimeServerEventError', answer)).toStrictEqual([]);
        expect(await currentSession(client)).toStrictEqual(session);
        await client.close();
      },
    );

    const worded: [string, Json, Json][] = [
      [
        'a decimal above its maximum',
        { audio: { output: { speed: 3 } } },
        {
          code: 'decimal_above_max_value',
          message:
            "Invalid 'session.audio.output.speed': decimal above maximum value. Expected a value <= 1.5, but got 3 instead.",
        },
      ],
      [
        'a decimal below its minimum',
        { audio: { output: { speed: 0.1 } } },
        {
          code: 'decimal_below_min_value',
          message:
            "Invalid 'session.audio.output.speed': decimal below minimum value. Expected a value >= 0.25, but got 0.1 instead.",
        },
      ],
      [
        'an integer above its maximum',
        { max_output_tokens: 5000 },
        {
          code: 'integer_above_max_value',
          message:
            "Invalid 'session.max_output_tokens': integer above maximum value. Expected a value <= 4096, but got 5000 instead.",
        },
      ],
      [
        'a decimal where an integer goes',
        { max_output_tokens: 10.5 },
        {
          code: 'invalid_type',
          message:
            "Invalid type for 'session.max_output_tokens': expected an integer, but got a decimal number instead.",
        },
      ],
      [
        'a value not supported',
        { audio: { output: { voice: { id: 'voice_1' } } }, output_modalities: ['video'] },
        {
          code: 'invalid_value',
          message: "Invalid value: 'video'. Supported values are: 'text', and 'audio'.",
          param: 'session.output_modalities[0]',
        },
      ],
      [
        'a string too long',
        { tools: [{ type: 'function', name: 'lookup', description: 'x'.repeat(1500) }] },
        {
          code: 'string_above_max_length',
          message:
            "Invalid 'session.tools[0].description': string too long. Expected a string with maximum length 1024, but got a string with length 1500 instead.",
        },
      ],
      [
        'an empty string',
        { tools: [{ type: 'function', name: '' }] },
        {
          code: 'empty_string',
          message:
            "Invalid 'session.tools[0].name': empty string. Expected a string with minimum length 1, but got an empty string instead.",
        },
      ],
    ];
    it.each(worded)('words %s as the API does', async (_name, change, expected) => {
      const { client } = await openSession();
      const answer = await update(client, change);
      expect(answer['error']).toMatchObject({ type: 'invalid_request_error', ...expected });
      await client.close();
    });

    it('refuses a reasoning effort on a model that does not reason', async () => {
      const { client } = await openSession('gpt-realtime');
      const answer = await update(client, { reasoning: { effort: 'high' } });
      expect(answer['error']).toMatchObject({ param: 'session.reasoning', code: 'unsupported_for_model' });
      await client.close();
    });

    it('locks the voice after the first audio output', async () => {
      const { client } = await openSession();
      expect((await update(client, { audio: { output: { voice: 'marin' } } }))['type']).toBe('session.updated');
      client.send({ type: 'response.create', event_id: 'evt_r' });
      await client.next('response.done');
      const answer = await update(client, { audio: { output: { voice: 'cedar' } } }, 'evt_voice');
      // The API names no param here; the emulator adds the kit's field where the API puts nothing.
      expect(answer['error']).toMatchObject({
        code: 'cannot_update_voice',
        param: null,
        kit_param: 'session.audio.output.voice',
        event_id: 'evt_voice',
      });
      expect((await update(client, { audio: { output: { voice: 'marin', speed: 1.1 } } }))['type']).toBe(
        'session.updated',
      );
      await client.close();
    });

    it('locks tracing once enabled', async () => {
      const { client } = await openSession();
      expect((await update(client, { tracing: 'auto' }))['type']).toBe('session.updated');
      const answer = await update(client, { tracing: null }, 'evt_trace');
      expect(answer['error']).toMatchObject({
        code: 'cannot_update_tracing',
        param: 'session.tracing',
        event_id: 'evt_trace',
      });
      expect((await update(client, { tracing: 'auto' }))['type']).toBe('session.updated');
      await client.close();
    });
  });

  describe('simulated responses', () => {
    const audioSequence = [
      'response.created',
      'response.output_item.added',
      'conversation.item.added',
      'response.content_part.added',
      'response.output_audio.delta',
      'response.output_audio_transcript.delta',
      'response.output_audio.done',
      'response.output_audio_transcript.done',
      'response.content_part.done',
      'response.output_item.done',
      'conversation.item.done',
      'response.done',
    ];

    it('streams audio (24 kHz PCM16 tone) with its transcript', async () => {
      const { client } = await openSession();
      client.send({ type: 'response.create' });
      const done = await client.next('response.done');
      // After session.created and conversation.created.
      const types = [...new Set(client.events.slice(2).map((event) => event['type']))];
      expect(types).toStrictEqual(audioSequence);
      expect((done['response'] as Json)['status']).toBe('completed');
      const delta = client.events.find((event) => event['type'] === 'response.output_audio.delta') as Json;
      const pcm = Buffer.from(delta['delta'] as string, 'base64');
      expect(pcm.length).toBe(2400 * 2);
      expect(Math.max(...Array.from({ length: 2400 }, (_, i) => pcm.readInt16LE(i * 2)))).toBeGreaterThan(1000);
      for (const event of client.events) {
        const parsed = parseServerEvent(JSON.stringify(event));
        expect(parsed.ok && parsed.event.type !== 'unknown').toBe(true);
      }
      await client.close();
    });

    it('reports what the answer produced in response.done, with a usage whose parts add up', async () => {
      const { client } = await openSession();
      client.send(responseCreateEvent());
      const response = (await client.next('response.done'))['response'] as Json;
      expect(response['output']).toMatchObject([
        {
          type: 'message',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_audio', transcript: 'Hello from the local Realtime emulator.' }],
        },
      ]);
      const usage = response['usage'] as {
        total_tokens: number;
        input_tokens: number;
        output_tokens: number;
        output_token_details: { text_tokens: number; audio_tokens: number };
      };
      expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
      const { text_tokens: text, audio_tokens: audioTokens } = usage.output_token_details;
      expect(text + audioTokens).toBe(usage.output_tokens);
      expect(audioTokens).toBeGreaterThan(0);
      await client.close();
    });

    it('stops at max_output_tokens, the response’s or else the session’s, as incomplete', async () => {
      const { client } = await openSession();
      client.send(responseCreateEvent({ output_modalities: ['text'], max_output_tokens: 3 }));
      const text = (await client.next('response.done'))['response'] as Json;
      expect(text).toMatchObject({
        status: 'incomplete',
        status_details: { type: 'incomplete', reason: 'max_output_tokens' },
        output: [{ status: 'incomplete', content: [{ type: 'output_text', text: 'Hello from the' }] }],
        usage: { output_tokens: 3 },
      });
      await update(client, { max_output_tokens: 12 });
      client.send(responseCreateEvent());
      const spoken = (await client.next('response.done'))['response'] as Json;
      // Spoken, a word costs its text token and its audio: two words fit in 12 tokens.
      expect(spoken).toMatchObject({
        status: 'incomplete',
        output: [{ content: [{ type: 'output_audio', transcript: 'Hello from' }] }],
      });
      expect((spoken['usage'] as Json)['output_tokens']).toBeLessThanOrEqual(12);
      client.send(responseCreateEvent({ max_output_tokens: 5000 }, 'evt_limit'));
      expect((await client.next('error'))['error']).toMatchObject({
        param: 'response.max_output_tokens',
        event_id: 'evt_limit',
      });
      await client.close();
    });

    it('streams text when the session answers in text', async () => {
      const { client } = await openSession();
      await update(client, { output_modalities: ['text'] });
      client.send({ type: 'response.create' });
      await client.next('response.done');
      const types = client.events.map((event) => event['type']);
      expect(types).toContain('response.output_text.delta');
      expect(types).not.toContain('response.output_audio.delta');
      const done = await client.next('response.output_text.done');
      expect(done['text']).toBe('Hello from the local Realtime emulator.');
      await client.close();
    });

    it('honours response.cancel', async () => {
      const emulatorSlow = await startRealtimeEmulator({ apiKey, responseDeltaMs: 200 });
      const client = await connect(wsUrl(emulatorSlow.url), { apiKey });
      await client.next('session.created');
      client.send({ type: 'response.create' });
      await client.next('response.created');
      client.send({ type: 'response.cancel' });
      const done = await client.next('response.done');
      expect((done['response'] as Json)['status']).toBe('cancelled');
      expect(client.events.some((event) => event['type'] === 'response.output_audio.delta')).toBe(false);
      await client.close();
      await emulatorSlow.close();
    });

    it('accepts input audio and commits it', async () => {
      const { client } = await openSession();
      client.send({ type: 'input_audio_buffer.commit', event_id: 'evt_empty' });
      expect((await client.next('error'))['error']).toMatchObject({
        code: 'input_audio_buffer_commit_empty',
        event_id: 'evt_empty',
      });
      // 99 ms is not enough; 100 ms is.
      client.send({ type: 'input_audio_buffer.append', audio: Buffer.alloc(99 * 48).toString('base64') });
      client.send({ type: 'input_audio_buffer.commit', event_id: 'evt_short' });
      expect((await client.next('error'))['error']).toMatchObject({
        code: 'input_audio_buffer_commit_empty',
        event_id: 'evt_short',
      });
      client.send({ type: 'input_audio_buffer.append', audio: Buffer.alloc(48).toString('base64') });
      client.send({ type: 'input_audio_buffer.commit' });
      const committed = (await client.next('input_audio_buffer.committed'))['item_id'];
      expect(committed).toMatch(/^item_/);
      // The user's turn joins the conversation as an item, as the API reports it.
      for (const type of ['conversation.item.added', 'conversation.item.done']) {
        expect((await client.next(type))['item']).toMatchObject({ id: committed, type: 'message', role: 'user' });
      }
      client.send({ type: 'input_audio_buffer.clear' });
      await client.next('input_audio_buffer.cleared');
      await client.close();
    });
  });

  describe('the API rules the kit models', () => {
    it('refuses a description over 1024 characters with the API code and whisper with VAD on; takes a noise strength', async () => {
      const { client } = await openSession();
      const long = [{ type: 'function', name: 'lookup', description: 'd'.repeat(1025) }];
      expect((await update(client, { tools: long }, 'evt_long'))['error']).toMatchObject({
        code: 'string_above_max_length',
        param: 'session.tools[0].description',
        event_id: 'evt_long',
      });
      const whisper = { input: { transcription: { model: 'gpt-realtime-whisper' } } };
      expect((await update(client, { audio: whisper }))['error']).toMatchObject({
        param: 'session.audio.input.turn_detection',
      });
      const off = { input: { transcription: { model: 'gpt-realtime-whisper' }, turn_detection: null } };
      expect((await update(client, { audio: off }))['type']).toBe('session.updated');
      const noise = { input: { noise_reduction: { type: 'far_field', strength: 0.7 } } };
      const updated = await update(client, { audio: noise });
      expect(updated['type']).toBe('session.updated');
      expect(updated['session']).toMatchObject({ audio: noise });
      await client.close();
    });
  });

  describe('the full effective config', () => {
    it('fills in what a turn detection or noise reduction update leaves out, as the API reports it', async () => {
      const { client } = await openSession();
      const semantic = await update(client, { audio: { input: { turn_detection: { type: 'semantic_vad' } } } });
      expect((semantic['session'] as Json)['audio']).toMatchObject({
        input: {
          turn_detection: { type: 'semantic_vad', eagerness: 'auto', create_response: true, interrupt_response: true },
        },
      });
      const server = await update(client, {
        audio: { input: { turn_detection: { type: 'server_vad', threshold: 0.7 } } },
      });
      expect(((server['session'] as Json)['audio'] as Json)['input']).toMatchObject({
        turn_detection: { ...DEFAULT_TURN_DETECTION, threshold: 0.7 },
      });
      const noise = (session: Json) => ((session['audio'] as Json)['input'] as Json)['noise_reduction'] as Json;
      const on = await update(client, { audio: { input: { noise_reduction: { type: 'near_field' } } } });
      expect(noise(on['session'] as Json)).toStrictEqual({ type: 'near_field', strength: 1 });
      await update(client, { audio: { input: { noise_reduction: { type: 'near_field', strength: 0.4 } } } });
      // Leaving the strength out of an update keeps the current one.
      const far = await update(client, { audio: { input: { noise_reduction: { type: 'far_field' } } } });
      expect(noise(far['session'] as Json)).toStrictEqual({ type: 'far_field', strength: 0.4 });
      await client.close();
    });
  });

  describe('conversation items: retrieve, truncate, delete', () => {
    it('retrieves and deletes an item it holds, and refuses ids it does not, naming the event', async () => {
      const { client } = await openSession();
      client.send(
        conversationItemCreateEvent({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] }),
      );
      const added = (await client.next('conversation.item.added'))['item'] as Json;
      client.send(conversationItemRetrieveEvent(added['id'] as string));
      expect((await client.next('conversation.item.retrieved'))['item']).toMatchObject({
        id: added['id'],
        role: 'user',
        content: [{ type: 'input_text', text: 'Hi' }],
      });
      client.send(conversationItemDeleteEvent(added['id'] as string));
      expect((await client.next('conversation.item.deleted'))['item_id']).toBe(added['id']);
      client.send(conversationItemRetrieveEvent(added['id'] as string, 'evt_gone'));
      expect((await client.next('error'))['error']).toMatchObject({
        code: 'item_not_found',
        param: 'item_id',
        event_id: 'evt_gone',
      });
      client.send(conversationItemDeleteEvent('item_never', 'evt_never'));
      expect((await client.next('error'))['error']).toMatchObject({ code: 'item_not_found', event_id: 'evt_never' });
      await client.close();
    });

    it('keeps a committed user turn, so it can be retrieved', async () => {
      const { client } = await openSession();
      client.send({ type: 'input_audio_buffer.append', audio: Buffer.alloc(4800).toString('base64') });
      client.send({ type: 'input_audio_buffer.commit' });
      const itemId = (await client.next('input_audio_buffer.committed'))['item_id'] as string;
      client.send(conversationItemRetrieveEvent(itemId));
      expect((await client.next('conversation.item.retrieved'))['item']).toMatchObject({
        id: itemId,
        role: 'user',
        content: [{ type: 'input_audio' }],
      });
      await client.close();
    });

    it('detects turns in appended PCM with server_vad, as over a call', async () => {
      const { client } = await openSession();
      await update(client, {
        audio: {
          input: {
            turn_detection: { type: 'server_vad', threshold: 0.5, silence_duration_ms: 200, create_response: false },
          },
        },
      });
      const pcm = Buffer.alloc(24 * 2 * 600);
      // 300 ms of a -13 dBFS tone, then 300 ms of silence.
      for (let i = 0; i < 24 * 300; i++) pcm.writeInt16LE(Math.round(Math.sin(i / 5) * 9000), i * 2);
      client.send({ type: 'input_audio_buffer.append', audio: pcm.toString('base64') });
      const started = await client.next('input_audio_buffer.speech_started');
      expect(started['audio_start_ms']).toBe(0);
      const stopped = await client.next('input_audio_buffer.speech_stopped');
      expect(stopped).toMatchObject({ item_id: started['item_id'], audio_end_ms: 500 });
      expect((await client.next('input_audio_buffer.committed'))['item_id']).toBe(started['item_id']);
      await client.close();
    });

    it('truncates an interrupted answer at what was heard, and refuses a cut past its audio', async () => {
      const slow = await startRealtimeEmulator({ apiKey, responseDeltaMs: 60 });
      const client = await connect(wsUrl(slow.url), { apiKey });
      await client.next('session.created');
      client.send(responseCreateEvent());
      const itemId = ((await client.next('response.output_item.added'))['item'] as Json)['id'] as string;
      await client.next('response.output_audio.delta');
      await client.next('response.output_audio.delta');
      client.send(responseCancelEvent());
      expect(((await client.next('response.done'))['response'] as Json)['status']).toBe('cancelled');
      // Two 100 ms chunks were sent before the cancel: 200 ms of audio, at most 300 if a third raced it.
      client.send(conversationItemTruncateEvent({ itemId, audioEndMs: 900 }, 'evt_past'));
      expect((await client.next('error'))['error']).toMatchObject({ param: 'audio_end_ms', event_id: 'evt_past' });
      client.send(conversationItemTruncateEvent({ itemId, audioEndMs: 150 }));
      expect(await client.next('conversation.item.truncated')).toMatchObject({
        item_id: itemId,
        content_index: 0,
        audio_end_ms: 150,
      });
      client.send(conversationItemRetrieveEvent(itemId));
      const content = ((await client.next('conversation.item.retrieved'))['item'] as Json)['content'] as Json[];
      expect(content[0]).toStrictEqual({ type: 'output_audio' });
      await client.close();
      await slow.close();
    });

    it('output_audio_buffer.clear stops the answer in progress and says which one', async () => {
      const slow = await startRealtimeEmulator({ apiKey, responseDeltaMs: 200 });
      const client = await connect(wsUrl(slow.url), { apiKey });
      await client.next('session.created');
      client.send(responseCreateEvent());
      const responseId = ((await client.next('response.created'))['response'] as Json)['id'];
      client.send(outputAudioBufferClearEvent());
      expect((await client.next('output_audio_buffer.cleared'))['response_id']).toBe(responseId);
      expect(((await client.next('response.done'))['response'] as Json)['status']).toBe('cancelled');
      await client.close();
      await slow.close();
    });

    it('forgets the oldest items beyond its bound', async () => {
      const small = await startRealtimeEmulator({ apiKey, maxConversationItems: 2 });
      const client = await connect(wsUrl(small.url), { apiKey });
      await client.next('session.created');
      const ids: string[] = [];
      for (let index = 0; index < 3; index++) {
        client.send(conversationItemCreateEvent({ type: 'message', role: 'user', content: [] }));
        ids.push(((await client.next('conversation.item.added'))['item'] as Json)['id'] as string);
      }
      client.send(conversationItemRetrieveEvent(ids[0] as string));
      expect((await client.next('error'))['error']).toMatchObject({ code: 'item_not_found' });
      client.send(conversationItemRetrieveEvent(ids[2] as string));
      await client.next('conversation.item.retrieved');
      await client.close();
      await small.close();
    });
  });

  describe('bounds', () => {
    it('answers malformed frames and unknown events with errors, and keeps the session', async () => {
      const { client, session } = await openSession();
      client.sendRaw('not json');
      expect((await client.next('error'))['error']).toMatchObject({ code: 'invalid_json' });
      client.send({ type: 'session.explode', event_id: 'evt_x' });
      expect((await client.next('error'))['error']).toMatchObject({
        code: 'invalid_value',
        param: 'type',
        event_id: 'evt_x',
      });
      expect(await currentSession(client)).toStrictEqual(session);
      await client.close();
    });

    it('limits events per second on a connection', async () => {
      const limited = await startRealtimeEmulator({ apiKey, eventsPerSecond: 5 });
      const client = await connect(wsUrl(limited.url), { apiKey });
      await client.next('session.created');
      for (let i = 0; i < 20; i++) client.send({ type: 'input_audio_buffer.clear' });
      expect((await client.next('error'))['error']).toMatchObject({ code: 'rate_limit_exceeded' });
      expect(
        client.events.filter((event) => event['type'] === 'input_audio_buffer.cleared').length,
      ).toBeLessThanOrEqual(10);
      await client.close();
      await limited.close();
    });

    it('closes an idle connection', async () => {
      const idle = await startRealtimeEmulator({ apiKey, idleTimeoutMs: 100 });
      const client = await connect(wsUrl(idle.url), { apiKey });
      await client.next('session.created');
      expect(await client.closed).toBe(4000);
      await vi.waitFor(() => expect(idle.emulator.sessionCount).toBe(0), { timeout: 1000 });
      await idle.close();
    });

    it('closes every session on close() and refuses new ones', async () => {
      const own = await startRealtimeEmulator({ apiKey });
      const clients = await Promise.all([1, 2, 3].map(() => connect(wsUrl(own.url), { apiKey })));
      expect(own.emulator.sessionCount).toBe(3);
      await own.close();
      expect(own.emulator.sessionCount).toBe(0);
      await expect(connect(wsUrl(own.url), { apiKey })).rejects.toThrow();
      await Promise.all(clients.map((client) => client.close()));
    });
  });

  describe('isolation', () => {
    it('keeps 100 concurrent sessions apart', async () => {
      const sessions = await Promise.all(Array.from({ length: 100 }, () => openSession()));
      const answers = await Promise.all(
        sessions.map(({ client }, index) =>
          update(client, { instructions: `session ${index}`, audio: { output: { speed: 0.5 + index / 200 } } }),
        ),
      );
      answers.forEach((answer, index) => {
        const session = answer['session'] as Json;
        expect(session['instructions']).toBe(`session ${index}`);
        expect(((session['audio'] as Json)['output'] as Json)['speed']).toBe(0.5 + index / 200);
      });
      const ids = new Set(sessions.map(({ session }) => session['id']));
      expect(ids.size).toBe(100);
      await Promise.all(sessions.map(({ client }) => client.close()));
    });
  });
});
