import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClientSecretHandler,
  startRealtimeEmulator,
  type RunningRealtimeEmulator,
} from '../../src/server/index.js';
import { connect, wsUrl } from './realtime-test-client.js';

const apiKey = 'sk-handler-test-key-0123456789';
let emulator: RunningRealtimeEmulator;

beforeAll(async () => {
  emulator = await startRealtimeEmulator({ apiKey });
});
afterAll(async () => {
  await emulator.close();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://app.test/api/realtime/client-secret', { method: 'POST', body, headers });

describe('createClientSecretHandler', () => {
  describe('given the emulator as the upstream', () => {
    const handler = () =>
      createClientSecretHandler({
        apiKey,
        baseURL: emulator.url,
        session: { model: 'gpt-realtime-2', instructions: 'Server side.' },
        expiresAfterSeconds: 120,
      });

    it('mints a secret a browser can open the session with, with the caller config applied', async () => {
      const response = await handler()(post(JSON.stringify({ session: { audio: { output: { voice: 'marin' } } } })));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const text = await response.text();
      expect(text).not.toContain(apiKey);
      const secret = JSON.parse(text) as { value: string; expires_at: number; session: Record<string, unknown> };
      expect(secret.value).toMatch(/^ek_/);
      expect(secret.expires_at - Date.now() / 1000).toBeGreaterThan(100);
      const client = await connect(wsUrl(emulator.url, 'gpt-realtime-2'), {
        protocols: ['realtime', `openai-insecure-api-key.${secret.value}`],
      });
      const created = await client.next('session.created');
      expect(created['session']).toMatchObject({
        model: 'gpt-realtime-2',
        instructions: 'Server side.',
        audio: { output: { voice: 'marin' } },
      });
      await client.close();
    });

    it('accepts an empty body', async () => {
      expect((await handler()(post(''))).status).toBe(200);
    });

    it.each([
      ['not json', 400, 'invalid_json'],
      ['[1]', 400, 'invalid_type'],
      ['{"session":"gpt"}', 400, 'invalid_type'],
      ['{"session":{"audio":{"output":{"speed":9}}}}', 400, 'invalid_config'],
      ['{"session":{"instructions":5}}', 400, 'invalid_type'],
      ['{"session":{"temperature":1}}', 400, 'unknown_parameter'],
    ])('refuses %s with %i %s', async (body, status, code) => {
      const response = await handler()(post(body));
      expect(response.status).toBe(status);
      const text = await response.text();
      expect(text).not.toContain(apiKey);
      expect(JSON.parse(text)).toMatchObject({ error: { code } });
    });

    it('names the invalid field', async () => {
      const response = await handler()(post('{"session":{"audio":{"output":{"speed":9}}}}'));
      expect(await response.json()).toMatchObject({
        error: { issues: [{ path: 'session.audio.output.speed', code: 'out_of_range' }] },
      });
    });

    it('refuses oversized bodies with 413, declared or not', async () => {
      const big = JSON.stringify({ session: { instructions: 'x'.repeat(20_000) } });
      expect((await handler()(post(big))).status).toBe(413);
      const streamed = new Request('http://app.test/x', {
        method: 'POST',
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(big));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect((await handler()(streamed)).status).toBe(413);
    });

    it('refuses other methods', async () => {
      expect((await handler()(new Request('http://app.test/x'))).status).toBe(405);
    });

    it('passes an upstream refusal on without the key', async () => {
      const wrongKey = createClientSecretHandler({ apiKey: 'sk-wrong-key-for-emulator-999', baseURL: emulator.url });
      const response = await wrongKey(post('{}'));
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('sk-wrong-key-for-emulator-999');
    });
  });

  it('scrubs the key from anything the upstream echoes', async () => {
    const echoing = createClientSecretHandler({
      apiKey,
      fetch: async (_url, init) =>
        new Response(
          JSON.stringify({ error: { message: `bad key ${String(new Headers(init?.headers).get('authorization'))}` } }),
          {
            status: 401,
          },
        ),
    });
    const text = await (await echoing(post('{}'))).text();
    expect(text).not.toContain(apiKey);
    expect(text).toContain('[redacted]');
  });

  it('answers 502 when the upstream is unreachable, without the key', async () => {
    const unreachable = createClientSecretHandler({ apiKey, baseURL: 'http://127.0.0.1:1/v1' });
    const response = await unreachable(post('{}'));
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(apiKey);
  });
});
