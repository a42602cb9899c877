import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REALTIME_MODEL } from '../../src/model/index.js';
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

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
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

    it('without a session of its own, mints for the current GA model', async () => {
      const bare = createClientSecretHandler({ apiKey, baseURL: emulator.url });
      const response = await bare(post('{}'));
      expect(response.status).toBe(200);
      const secret = (await response.json()) as { session: Record<string, unknown> };
      expect(secret.session['model']).toBe(DEFAULT_REALTIME_MODEL);
    });

    it('accepts an empty JSON body, or no body at all, as {}', async () => {
      expect((await handler()(post(''))).status).toBe(200);
      expect((await handler()(new Request('http://app.test/x', { method: 'POST' }))).status).toBe(200);
    });

    it('accepts application/json with parameters', async () => {
      const response = await handler()(post('{}', { 'content-type': 'Application/JSON; charset=utf-8' }));
      expect(response.status).toBe(200);
    });

    it.each([
      ['text/plain', { 'content-type': 'text/plain;charset=UTF-8' }],
      ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['a JSON look-alike', { 'content-type': 'application/jsonp' }],
      ['no content type', {}],
    ])(
      'refuses a body sent as %s with 415, since a cross-site page can send it unpreflighted',
      async (_name, headers) => {
        const request = new Request('http://app.test/x', {
          method: 'POST',
          body: new TextEncoder().encode('{}'),
          headers,
        });
        const response = await handler()(request);
        expect(response.status).toBe(415);
        expect(await response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
      },
    );

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

  describe('given a fake upstream', () => {
    /** A fetch that never answers, yet gives up when its signal aborts, as a real one does. */
    const hung: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const answering =
      (body: BodyInit, init: ResponseInit): typeof fetch =>
      async () =>
        new Response(body, init);

    it('answers 504 JSON when the upstream does not answer in time', async () => {
      const started = Date.now();
      const response = await createClientSecretHandler({ apiKey, fetch: hung, timeoutMs: 50 })(post('{}'));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(response.status).toBe(504);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toMatchObject({ error: { code: 'upstream_timeout' } });
    });

    it('answers 504 when the upstream ignores the signal, or stalls mid-body', async () => {
      const deaf: typeof fetch = () => new Promise(() => {});
      const stalling = answering(new ReadableStream({ pull: () => new Promise(() => {}) }), { status: 200 });
      for (const fake of [deaf, stalling]) {
        const response = await createClientSecretHandler({ apiKey, fetch: fake, timeoutMs: 50 })(post('{}'));
        expect(response.status).toBe(504);
      }
    });

    it('refuses a timeout that is not a positive number', () => {
      for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => createClientSecretHandler({ apiKey, timeoutMs })).toThrow(RangeError);
      }
    });

    it.each([500, 200])('turns a non-JSON %i answer into a readable 502 JSON error', async (status) => {
      const html = `<html><body><h1>${status} Bad Gateway</h1></body></html>`;
      const fake = answering(html, { status, headers: { 'content-type': 'text/html' } });
      const response = await createClientSecretHandler({ apiKey, fetch: fake })(post('{}'));
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('application/json');
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('upstream_invalid_response');
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).not.toContain('<html>');
    });

    it.each([
      [400, 400],
      [429, 429],
      [500, 502],
      [503, 502],
    ])('passes a JSON %i error on as %i, body and all', async (status, expected) => {
      const body = { error: { type: 'server_error', code: 'busy', message: 'Try later.', param: null } };
      const fake = answering(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      const response = await createClientSecretHandler({ apiKey, fetch: fake })(post('{}'));
      expect(response.status).toBe(expected);
      expect(await response.json()).toEqual(body);
    });

    it('scrubs the key from anything the upstream echoes, plain, JSON-escaped or URL-encoded', async () => {
      const oddKey = 'sk-proj/odd"key\\with+chars=&?';
      const forms = [oddKey, JSON.stringify(oddKey).slice(1, -1), encodeURIComponent(oddKey)];
      expect(new Set(forms).size).toBe(3);
      const echoing: typeof fetch = async (_url, init) => {
        const authorization = new Headers(init?.headers).get('authorization') ?? '';
        const message = `bad key ${authorization}; see https://api.test/?key=${encodeURIComponent(oddKey)}`;
        return new Response(JSON.stringify({ error: { message } }), { status: 401 });
      };
      const text = await (await createClientSecretHandler({ apiKey: oddKey, fetch: echoing })(post('{}'))).text();
      for (const form of forms) expect(text).not.toContain(form);
      expect(text.split('[redacted]').length - 1).toBe(2);
      expect(JSON.parse(text)).toMatchObject({
        error: { message: expect.stringContaining('bad key Bearer [redacted]') },
      });
    });

    it('scrubs the key from a successful answer too', async () => {
      const fake = answering(JSON.stringify({ value: 'ek_1', note: apiKey }), { status: 200 });
      const text = await (await createClientSecretHandler({ apiKey, fetch: fake })(post('{}'))).text();
      expect(text).not.toContain(apiKey);
      expect(JSON.parse(text)).toEqual({ value: 'ek_1', note: '[redacted]' });
    });
  });

  it('answers 502 when the upstream is unreachable, without the key', async () => {
    const unreachable = createClientSecretHandler({ apiKey, baseURL: 'http://127.0.0.1:1/v1' });
    const response = await unreachable(post('{}'));
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(apiKey);
  });
});
