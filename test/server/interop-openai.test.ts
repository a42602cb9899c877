import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';

// The `openai` package's own Realtime client, which always dials wss:, driving the emulator over its TLS.

const apiKey = 'sk-test-interop';
let emulator: RunningRealtimeEmulator;

beforeAll(async () => {
  emulator = await startRealtimeEmulator({ apiKey, port: 0, tls: true, responseDeltaMs: 2 });
});
afterAll(async () => {
  await emulator.close();
});

/** An official client on the emulator, trusting its certificate, with every server event it receives. */
async function officialClient(): Promise<{ rt: OpenAIRealtimeWS; events: RealtimeServerEvent[]; errors: unknown[] }> {
  const client = new OpenAI({ apiKey, baseURL: emulator.url });
  const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime-2', options: { ca: emulator.certificate } }, client);
  const events: RealtimeServerEvent[] = [];
  const errors: unknown[] = [];
  rt.on('event', (event) => events.push(event));
  rt.on('error', (error) => errors.push(error));
  await once(rt.socket, 'open');
  return { rt, events, errors };
}

/** Resolves with the first event (already received or coming) that satisfies `predicate`, within 3 s. */
async function waitFor(
  events: readonly RealtimeServerEvent[],
  predicate: (event: RealtimeServerEvent) => boolean,
  from = 0,
): Promise<RealtimeServerEvent> {
  for (let waited = 0; waited < 3000; waited += 5) {
    const found = events.slice(from).find(predicate);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no matching event; got ${events.map((event) => event.type).join(', ')}`);
}

async function closeClient(rt: OpenAIRealtimeWS): Promise<void> {
  const closed = once(rt.socket, 'close');
  rt.close();
  await closed;
}

describe('the openai package’s OpenAIRealtimeWS', () => {
  it('connects over wss:, updates the session and reads session.updated', async () => {
    const { rt, events, errors } = await officialClient();
    await waitFor(events, (event) => event.type === 'session.created');
    rt.send({
      type: 'session.update',
      session: { type: 'realtime', instructions: 'Be brief.', audio: { output: { voice: 'marin' } } },
    });
    const updated = await waitFor(events, (event) => event.type === 'session.updated');
    expect(updated.type === 'session.updated' && updated.session).toMatchObject({
      instructions: 'Be brief.',
      audio: { output: { voice: 'marin' } },
    });
    expect(errors).toStrictEqual([]);
    await closeClient(rt);
  });

  it('sends every client event without an error', async () => {
    const { rt, events, errors } = await officialClient();
    await waitFor(events, (event) => event.type === 'session.created');
    const audio = Buffer.alloc(4800 * 2).toString('base64'); // 200 ms of silence at 24 kHz
    const steps: RealtimeClientEvent[] = [
      { type: 'session.update', session: { type: 'realtime', output_modalities: ['audio'] } },
      { type: 'input_audio_buffer.append', audio },
      { type: 'input_audio_buffer.clear' },
      { type: 'input_audio_buffer.append', audio },
      { type: 'input_audio_buffer.commit' },
      {
        type: 'conversation.item.create',
        item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] },
      },
    ];
    for (const step of steps) rt.send(step);
    const added = await waitFor(
      events,
      (event) =>
        event.type === 'conversation.item.done' &&
        event.item.type === 'message' &&
        event.item.role === 'user' &&
        event.item.content?.[0]?.type === 'input_text',
    );
    const userItemId = added.type === 'conversation.item.done' ? (added.item.id ?? '') : '';
    rt.send({ type: 'conversation.item.retrieve', item_id: userItemId });
    await waitFor(events, (event) => event.type === 'conversation.item.retrieved');
    rt.send({ type: 'response.create' });
    const assistant = await waitFor(events, (event) => event.type === 'response.output_audio.delta');
    const itemId = assistant.type === 'response.output_audio.delta' ? assistant.item_id : '';
    // Interrupted: cut the playback, stop the answer, trim what was not heard, as a voice client does.
    rt.send({ type: 'output_audio_buffer.clear' });
    await waitFor(events, (event) => event.type === 'response.done');
    rt.send({ type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: 0 });
    await waitFor(events, (event) => event.type === 'conversation.item.truncated');
    const started = events.length;
    rt.send({ type: 'response.create', response: { output_modalities: ['text'] } });
    await waitFor(events, (event) => event.type === 'response.created', started);
    rt.send({ type: 'response.cancel' });
    const cancelled = await waitFor(events, (event) => event.type === 'response.done', started);
    expect(cancelled.type === 'response.done' && cancelled.response.status).toBe('cancelled');
    rt.send({ type: 'conversation.item.delete', item_id: userItemId });
    await waitFor(events, (event) => event.type === 'conversation.item.deleted');
    expect(events.filter((event) => event.type === 'error')).toStrictEqual([]);
    expect(errors).toStrictEqual([]);
    await closeClient(rt);
  });

  it('runs a function call round trip', async () => {
    const { rt, events } = await officialClient();
    await waitFor(events, (event) => event.type === 'session.created');
    rt.send({
      type: 'session.update',
      session: {
        type: 'realtime',
        output_modalities: ['text'],
        tools: [
          {
            type: 'function',
            name: 'get_weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        ],
      },
    });
    await waitFor(events, (event) => event.type === 'session.updated');
    rt.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'get_weather in Lima' }] },
    });
    rt.send({ type: 'response.create' });
    const call = await waitFor(events, (event) => event.type === 'response.function_call_arguments.done');
    if (call.type !== 'response.function_call_arguments.done') throw new Error('not a call');
    expect(JSON.parse(call.arguments)).toHaveProperty('city');
    const from = events.length;
    rt.send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: call.call_id, output: 'sunny, 24°C' },
    });
    rt.send({ type: 'response.create' });
    const text = await waitFor(events, (event) => event.type === 'response.output_text.done', from);
    expect(text.type === 'response.output_text.done' && text.text).toBe('The get_weather tool returned sunny, 24°C.');
    await closeClient(rt);
  });
});
