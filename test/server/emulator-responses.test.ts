import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
import { connect, update, wsUrl, type TestClient } from './realtime-test-client.js';

// response.create as the API takes it: its own instructions, tools, tool choice, conversation and input,
// and function calls a client can answer, over a real socket.

type Json = Record<string, unknown>;
const apiKey = 'sk-test-responses';
let emulator: RunningRealtimeEmulator;

beforeAll(async () => {
  emulator = await startRealtimeEmulator({ apiKey, port: 0, responseDeltaMs: 2 });
});
afterAll(async () => {
  await emulator.close();
});

const weatherTool = {
  type: 'function',
  name: 'get_weather',
  description: 'The weather in a city.',
  parameters: {
    type: 'object',
    properties: {
      city: { type: 'string', minLength: 2 },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      days: { type: 'integer', minimum: 1, maximum: 7 },
    },
    required: ['city', 'unit'],
    additionalProperties: false,
  },
};
const timeTool = { type: 'function', name: 'get_time', parameters: { type: 'object', properties: {} } };

async function openSession(session: Json = {}): Promise<TestClient> {
  const client = await connect(wsUrl(emulator.url), { apiKey });
  await client.next('session.created');
  if (Object.keys(session).length > 0) expect((await update(client, session))['type']).toBe('session.updated');
  return client;
}

/** Adds a user message and waits until the conversation has it. */
async function say(client: TestClient, text: string): Promise<void> {
  const from = client.events.length;
  client.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
  });
  await client.find((event) => event['type'] === 'conversation.item.done', from);
}

/** The events of the next response, from `response.created` to its `response.done`. */
async function nextResponse(client: TestClient, response?: Json): Promise<{ events: Json[]; done: Json }> {
  const from = client.events.length;
  client.send(response === undefined ? { type: 'response.create' } : { type: 'response.create', response });
  const done = await client.find((event) => event['type'] === 'response.done', from);
  const events = client.events.slice(from, client.events.indexOf(done) + 1);
  return { events, done: done['response'] as Json };
}

const typesOf = (events: readonly Json[]) => events.map((event) => event['type']);
const calledTool = (done: Json) => ((done['output'] as Json[])[0] as Json)['name'];

describe('function calls', () => {
  it('calls the tool the user names, streaming arguments valid against its schema', async () => {
    const client = await openSession({ tools: [timeTool, weatherTool], output_modalities: ['text'] });
    await say(client, 'What is the get_weather for Paris?');
    const { events, done } = await nextResponse(client);
    const types = typesOf(events);
    expect(types.filter((type) => type !== 'response.function_call_arguments.delta')).toStrictEqual([
      'response.created',
      'response.output_item.added',
      'conversation.item.added',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'conversation.item.done',
      'response.done',
    ]);
    const deltas = events.filter((event) => event['type'] === 'response.function_call_arguments.delta');
    expect(deltas.length).toBeGreaterThan(1);
    const finished = events.find((event) => event['type'] === 'response.function_call_arguments.done') as Json;
    expect(finished).toMatchObject({ name: 'get_weather', output_index: 0 });
    expect(deltas.map((event) => event['delta']).join('')).toBe(finished['arguments']);
    expect(new Set(deltas.map((event) => event['call_id']))).toStrictEqual(new Set([finished['call_id']]));
    const validate = new Ajv2020({ strict: false }).compile(weatherTool.parameters);
    expect(validate(JSON.parse(String(finished['arguments'])))).toBe(true);
    expect(done).toMatchObject({
      status: 'completed',
      output: [{ type: 'function_call', status: 'completed', name: 'get_weather', call_id: finished['call_id'] }],
    });
    await client.close();
  });

  it('also knows a tool named in words, and answers its output with a message that quotes it', async () => {
    const client = await openSession({ tools: [weatherTool], output_modalities: ['text'] });
    await say(client, 'Could you get weather in Oslo?');
    const { done } = await nextResponse(client);
    const call = (done['output'] as Json[])[0] as Json;
    expect(call['name']).toBe('get_weather');
    client.send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: call['call_id'], output: '{"temperature":21}' },
    });
    const answer = await nextResponse(client);
    expect(answer.done).toMatchObject({
      status: 'completed',
      output: [
        {
          type: 'message',
          content: [{ type: 'output_text', text: 'The get_weather tool returned {"temperature":21}.' }],
        },
      ],
    });
    await client.close();
  });

  it("never calls with tool_choice 'none', always with 'required', and the forced one by name", async () => {
    const client = await openSession({ tools: [timeTool, weatherTool], output_modalities: ['text'] });
    await say(client, 'get_weather please');
    await update(client, { tool_choice: 'none' });
    expect(((await nextResponse(client)).done['output'] as Json[])[0]).toMatchObject({ type: 'message' });
    await say(client, 'Just chatting.');
    await update(client, { tool_choice: 'required' });
    expect(calledTool((await nextResponse(client)).done)).toBe('get_time');
    await update(client, { tool_choice: { type: 'function', name: 'get_weather' } });
    await say(client, 'Tell me the time.');
    expect(calledTool((await nextResponse(client)).done)).toBe('get_weather');
    await client.close();
  });

  it("calls nothing on 'auto' when no tool is named", async () => {
    const client = await openSession({ tools: [weatherTool], output_modalities: ['text'] });
    await say(client, 'Hello there.');
    expect(((await nextResponse(client)).done['output'] as Json[])[0]).toMatchObject({ type: 'message' });
    await client.close();
  });

  it('a cancelled call ends cancelled, its item incomplete', async () => {
    const client = await openSession({ tools: [weatherTool], output_modalities: ['text'] });
    await say(client, 'get_weather');
    const from = client.events.length;
    client.send({ type: 'response.create' });
    await client.find((event) => event['type'] === 'response.created', from);
    client.send({ type: 'response.cancel' });
    const done = (await client.find((event) => event['type'] === 'response.done', from))['response'] as Json;
    expect(done).toMatchObject({
      status: 'cancelled',
      status_details: { type: 'cancelled', reason: 'client_cancelled' },
      output: [{ type: 'function_call', status: 'incomplete' }],
    });
    await client.close();
  });
});

describe('response.create parameters', () => {
  it("uses the response's tools and tool choice over the session's", async () => {
    const client = await openSession({ output_modalities: ['text'] });
    await say(client, 'anything');
    const { done } = await nextResponse(client, { tools: [timeTool], tool_choice: 'required' });
    expect(calledTool(done)).toBe('get_time');
    // The session itself still has no tools: the next response only talks.
    expect(((await nextResponse(client)).done['output'] as Json[])[0]).toMatchObject({ type: 'message' });
    await client.close();
  });

  it('validates them as the session fields they mirror, under response.', async () => {
    const client = await openSession({ tools: [weatherTool] });
    client.send({
      type: 'response.create',
      event_id: 'evt_bad_choice',
      response: { tool_choice: { type: 'function', name: 'nope' } },
    });
    expect((await client.next('error'))['error']).toMatchObject({
      param: 'response.tool_choice.name',
      event_id: 'evt_bad_choice',
    });
    client.send({
      type: 'response.create',
      event_id: 'evt_bad_tool',
      response: { tools: [{ type: 'function', name: 'has space' }] },
    });
    expect((await client.next('error'))['error']).toMatchObject({
      param: 'response.tools[0].name',
      event_id: 'evt_bad_tool',
    });
    client.send({ type: 'response.create', event_id: 'evt_conv', response: { conversation: 'other' } });
    expect((await client.next('error'))['error']).toMatchObject({
      code: 'invalid_value',
      param: 'response.conversation',
    });
    await client.close();
  });

  it("counts the response's own instructions in its usage, not the session's", async () => {
    const client = await openSession({ instructions: 'short', output_modalities: ['text'] });
    const plain = (await nextResponse(client)).done['usage'] as Json;
    const own = (await nextResponse(client, { instructions: 'x'.repeat(4000) })).done['usage'] as Json;
    // A token per four characters: 1000 for the response's instructions, 2 for the session's.
    expect(Number(own['input_tokens']) - Number(plain['input_tokens'])).toBe(1000 - 2 + 10);
    await client.close();
  });

  it("keeps an out-of-band response (conversation 'none') out of the conversation, with its metadata", async () => {
    const client = await openSession({ output_modalities: ['text'] });
    const { events, done } = await nextResponse(client, { conversation: 'none', metadata: { topic: 'summary' } });
    expect(typesOf(events)).not.toContain('conversation.item.added');
    expect(done).toMatchObject({ conversation_id: null, metadata: { topic: 'summary' } });
    const itemId = ((done['output'] as Json[])[0] as Json)['id'];
    client.send({ type: 'conversation.item.retrieve', item_id: itemId });
    expect((await client.next('error'))['error']).toMatchObject({ code: 'item_not_found' });
    const inConversation = (await nextResponse(client)).done;
    expect(inConversation['conversation_id']).toMatch(/^conv_/);
    await client.close();
  });

  it("reads the response's input instead of the conversation", async () => {
    const client = await openSession({ tools: [weatherTool], output_modalities: ['text'] });
    await say(client, 'Nothing to look up.');
    const input = [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'get_weather in Rome' }] }];
    expect(calledTool((await nextResponse(client, { input, conversation: 'none' })).done)).toBe('get_weather');
    await client.close();
  });

  it('reports the voice and format it speaks with', async () => {
    const client = await openSession({ audio: { output: { voice: 'cedar' } } });
    const { done } = await nextResponse(client);
    expect(done['audio']).toMatchObject({ output: { voice: 'cedar', format: { type: 'audio/pcm', rate: 24000 } } });
    expect(done['max_output_tokens']).toBe('inf');
    await client.close();
  });
});
