import { OpenAIRealtimeWebSocket, RealtimeAgent, RealtimeSession, tool } from '@openai/agents-realtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { z } from 'zod';
import { startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';

// @openai/agents-realtime's RealtimeSession, over WebSocket, driving the emulator: its agent's config, a function
// tool the emulator calls, and interrupt().

type Json = Record<string, unknown>;
const apiKey = 'sk-test-agents';
let emulator: RunningRealtimeEmulator;

beforeAll(async () => {
  emulator = await startRealtimeEmulator({ apiKey, port: 0, tls: true, responseDeltaMs: 5 });
});
afterAll(async () => {
  await emulator.close();
});

/** Waits until `check` holds, polling for at most 3 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 3000; waited += 10) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function agentSession(
  agent: RealtimeAgent,
): Promise<{ session: RealtimeSession; events: Json[]; errors: unknown[] }> {
  const transport = new OpenAIRealtimeWebSocket({
    url: `${emulator.url.replace(/^https/, 'wss')}/realtime?model=gpt-realtime-2`,
    // The agents SDK dials with `ws` in Node; this hands it the emulator's self-signed certificate to trust.
    createWebSocket: async ({ url, apiKey: key }) =>
      new WebSocket(url, { headers: { Authorization: `Bearer ${key}` }, ca: emulator.certificate }) as never,
  });
  const session = new RealtimeSession(agent, { transport, model: 'gpt-realtime-2' });
  const events: Json[] = [];
  const errors: unknown[] = [];
  session.on('transport_event', (event) => events.push(event as unknown as Json));
  session.on('error', (error) => errors.push(error));
  await session.connect({ apiKey });
  return { session, events, errors };
}

const serverErrors = (events: readonly Json[]) => events.filter((event) => event['type'] === 'error');

describe("@openai/agents-realtime's RealtimeSession", () => {
  it('connects and applies its agent’s config', async () => {
    const agent = new RealtimeAgent({ name: 'Guide', instructions: 'Answer in one sentence.', voice: 'cedar' });
    const { session, events, errors } = await agentSession(agent);
    await until(
      () =>
        events.some(
          (event) =>
            event['type'] === 'session.updated' &&
            (event['session'] as Json)['instructions'] === 'Answer in one sentence.',
        ),
      'the agent’s session.updated',
    );
    const updated = events.filter((event) => event['type'] === 'session.updated').at(-1) as Json;
    expect(updated['session']).toMatchObject({ audio: { output: { voice: 'cedar' } } });
    expect(serverErrors(events)).toStrictEqual([]);
    expect(errors).toStrictEqual([]);
    session.close();
  });

  it('calls a function tool through the emulator and answers with its output', async () => {
    const calls: string[] = [];
    const getWeather = tool({
      name: 'get_weather',
      description: 'The weather in a city.',
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        calls.push(city);
        return `sunny in ${city}`;
      },
    });
    const agent = new RealtimeAgent({ name: 'Forecaster', instructions: 'Use your tools.', tools: [getWeather] });
    const { session, events, errors } = await agentSession(agent);
    await until(() => events.some((event) => event['type'] === 'session.updated'), 'session.updated');
    session.sendMessage('What does get_weather say for Quito?');
    await until(
      () =>
        events.some(
          (event) =>
            event['type'] === 'response.output_audio_transcript.done' &&
            String(event['transcript']).startsWith('The get_weather tool returned sunny in'),
        ),
      'the answer quoting the tool’s output',
    );
    expect(calls).toHaveLength(1);
    expect(serverErrors(events)).toStrictEqual([]);
    expect(errors).toStrictEqual([]);
    session.close();
  });

  it('interrupts an answer without an error', async () => {
    const agent = new RealtimeAgent({ name: 'Talker', instructions: 'Talk.' });
    const { session, events, errors } = await agentSession(agent);
    await until(() => events.some((event) => event['type'] === 'session.updated'), 'session.updated');
    session.sendMessage('Tell me a story.');
    await until(() => events.some((event) => event['type'] === 'response.output_audio.delta'), 'audio');
    session.interrupt();
    await until(() => events.some((event) => event['type'] === 'response.done'), 'response.done');
    // Give any error the interruption's events might cause time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const done = events.find((event) => event['type'] === 'response.done') as Json;
    expect((done['response'] as Json)['status']).toBe('cancelled');
    expect(serverErrors(events)).toStrictEqual([]);
    expect(errors).toStrictEqual([]);
    session.close();
  });
});
