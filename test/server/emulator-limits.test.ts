import { connect as connectTcp, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  startRealtimeEmulator,
  type RunningRealtimeEmulator,
  type StartRealtimeEmulatorOptions,
} from '../../src/server/index.js';
import { connect, currentSession, nestedJsonText, update, wsUrl, type TestClient } from './realtime-test-client.js';

type Json = Record<string, unknown>;
const apiKey = 'sk-test-emulator-key';
const running: RunningRealtimeEmulator[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function start(options: StartRealtimeEmulatorOptions = {}): Promise<RunningRealtimeEmulator> {
  const emulator = await startRealtimeEmulator({ apiKey, responseDeltaMs: 5, ...options });
  running.push(emulator);
  return emulator;
}

async function open(emulator: RunningRealtimeEmulator, options: Parameters<typeof connect>[1] = {}) {
  const client = await connect(wsUrl(emulator.url), { apiKey, ...options });
  await client.next('session.created');
  return client;
}

/** The emulator still answers a brand-new connection: it did not crash or wedge. */
async function expectServing(emulator: RunningRealtimeEmulator): Promise<void> {
  const client = await open(emulator);
  expect((await update(client, { instructions: 'still here' }))['type']).toBe('session.updated');
  await client.close();
}

/** Sends `frames` text frames and returns the error each one got, in order. */
async function errorsFor(client: TestClient, frames: readonly string[]): Promise<Json[]> {
  const before = client.events.length;
  for (const frame of frames) client.sendRaw(frame);
  await client.find(
    () => client.events.slice(before).filter((event) => event['type'] === 'error').length >= frames.length,
    before,
  );
  return client.events
    .slice(before)
    .filter((event) => event['type'] === 'error')
    .map((event) => event['error'] as Json);
}

async function mint(emulator: RunningRealtimeEmulator, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${emulator.url}/realtime/client_secrets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, json: (await response.json()) as Json };
}

/** Sends raw bytes on a fresh TCP connection and returns everything the server sent until it closed. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connectTcp(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(2000, () => socket.destroy());
  });
}

describe('emulator limits', () => {
  describe('depth and size caps', () => {
    it('answers a 5,000-deep conversation item with a too_deep error and keeps serving', async () => {
      const emulator = await start();
      const client = await open(emulator);
      const frame = `{"type":"conversation.item.create","event_id":"evt_deep","item":${nestedJsonText(5000)}}`;
      expect(frame.length).toBeGreaterThan(20_000);
      const [error] = await errorsFor(client, [frame]);
      expect(error).toMatchObject({
        type: 'invalid_request_error',
        code: 'too_deep',
        param: 'item',
        event_id: 'evt_deep',
      });
      expect(typeof error?.['message']).toBe('string');
      // The same connection and a fresh one both still work.
      expect((await update(client, { instructions: 'after the deep item' }))['type']).toBe('session.updated');
      await expectServing(emulator);
      await client.close();
    });

    it('caps depth on session.update, response.create, unknown events and minting alike', async () => {
      const emulator = await start();
      const client = await open(emulator);
      const deep = nestedJsonText(100);
      const errors = await errorsFor(client, [
        `{"type":"session.update","event_id":"e1","session":{"type":"realtime","tools":[${deep}]}}`,
        `{"type":"response.create","event_id":"e2","response":{"metadata":${deep}}}`,
        `{"type":"nothing.known","event_id":"e3","payload":${deep}}`,
        `[${deep}]`,
      ]);
      expect(errors.map((error) => [error['code'], error['param'], error['event_id']])).toStrictEqual([
        ['too_deep', 'session', 'e1'],
        ['too_deep', 'response', 'e2'],
        ['too_deep', 'payload', 'e3'],
        ['invalid_type', null, null],
      ]);
      const { status, json } = await mint(emulator, `{"session":{"type":"realtime","x":${deep}}}`);
      expect(status).toBe(400);
      expect(json['error']).toMatchObject({ code: 'too_deep', param: 'session' });
      await expectServing(emulator);
      await client.close();
    });

    it('accepts a tool schema 20 levels deep', async () => {
      const emulator = await start();
      const client = await open(emulator);
      let schema: Json = { type: 'string' };
      for (let i = 0; i < 10; i++) schema = { type: 'object', properties: { inner: schema } };
      const answer = await update(client, { tools: [{ type: 'function', name: 'deep', parameters: schema }] });
      expect(answer['type']).toBe('session.updated');
      await client.close();
    });

    it('refuses 5 MB of instructions naming session.instructions, and the session stays open and unchanged', async () => {
      const emulator = await start();
      const client = await open(emulator);
      const before = await currentSession(client);
      const answer = await update(client, { instructions: 'x'.repeat(5_000_000) }, 'evt_long');
      expect(answer['error']).toMatchObject({
        type: 'invalid_request_error',
        code: 'string_above_max_length',
        param: 'session.instructions',
        event_id: 'evt_long',
      });
      expect(await currentSession(client)).toStrictEqual(before);
      await client.close();
    });

    it('takes instructions up to maxInstructionsChars', async () => {
      const emulator = await start({ maxInstructionsChars: 1000 });
      const client = await open(emulator);
      expect((await update(client, { instructions: 'y'.repeat(1000) }))['type']).toBe('session.updated');
      expect((await update(client, { instructions: 'y'.repeat(1001) }))['error']).toMatchObject({
        code: 'string_above_max_length',
      });
      const [error] = await errorsFor(client, [
        JSON.stringify({ type: 'response.create', event_id: 'evt_r', response: { instructions: 'z'.repeat(1001) } }),
      ]);
      expect(error).toMatchObject({
        code: 'string_above_max_length',
        param: 'response.instructions',
        event_id: 'evt_r',
      });
      await client.close();
    });

    it('refuses an oversized item or session config with too_large, and closes on a frame over maxFrameBytes', async () => {
      const emulator = await start({ maxEventBytes: 4096, maxSessionBytes: 8192, maxFrameBytes: 64 * 1024 });
      const client = await open(emulator);
      const before = await currentSession(client);
      const item = { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'a'.repeat(5000) }] };
      client.send({ type: 'conversation.item.create', event_id: 'evt_item', item });
      expect((await client.next('error'))['error']).toMatchObject({
        code: 'too_large',
        param: 'item',
        event_id: 'evt_item',
      });
      // Descriptions at the API's 1024-character limit: the config outgrows the emulator's bound, not a field's.
      const tools = Array.from({ length: 9 }, (_, index) => ({
        type: 'function',
        name: `tool_${index}`,
        description: 'd'.repeat(1000),
      }));
      expect((await update(client, { tools }, 'evt_tools'))['error']).toMatchObject({
        code: 'too_large',
        param: 'session',
        event_id: 'evt_tools',
      });
      // Spread over two updates, the config would still outgrow the limit.
      expect((await update(client, { tools: tools.slice(0, 6) }))['type']).toBe('session.updated');
      expect((await update(client, { prompt: { id: 'p'.repeat(5000) } }))['error']).toMatchObject({
        code: 'too_large',
        param: 'session',
      });
      expect((await update(client, { tools: [] }))['type']).toBe('session.updated');
      expect(await currentSession(client)).toStrictEqual(before);
      client.sendRaw(JSON.stringify({ type: 'input_audio_buffer.append', audio: 'A'.repeat(70 * 1024) }));
      expect(await client.closed).toBe(1009);
      await expectServing(emulator);
    });

    it('echoes at most a short prefix of an unknown event type', async () => {
      const emulator = await start();
      const client = await open(emulator);
      client.send({ type: `x${'y'.repeat(100_000)}` });
      const error = (await client.next('error'))['error'] as Json;
      expect(error['code']).toBe('invalid_value');
      expect(String(error['message']).length).toBeLessThan(200);
      await client.close();
    });
  });

  describe('every path answers instead of throwing', () => {
    it('answers malformed params of each event type with an error', async () => {
      const emulator = await start();
      const client = await open(emulator);
      const errors = await errorsFor(
        client,
        [
          { type: 'response.create', event_id: 'a', response: { output_modalities: 5 } },
          { type: 'response.create', event_id: 'b', response: { output_modalities: 'audio' } },
          { type: 'response.create', event_id: 'c', response: 'now' },
          { type: 'conversation.item.create', event_id: 'd', item: [1] },
          { type: 'input_audio_buffer.append', event_id: 'e', audio: { not: 'base64' } },
          { type: 'session.update', event_id: 'f', session: { type: 'realtime', tools: 'all' } },
          { type: 'session.update', event_id: 'g', session: { type: 'realtime', audio: null } },
          { type: 'session.update', event_id: 'h', session: [] },
          { type: 42, event_id: 'i' },
        ].map((event) => JSON.stringify(event)),
      );
      expect(errors.map((error) => error['event_id'])).toStrictEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
      await expectServing(emulator);
      await client.close();
    });

    it('turns an unexpected exception into a server_error event', async () => {
      const emulator = await start();
      const client = await open(emulator);
      const realNow = Date.now.bind(Date);
      // Fails only inside the emulator's frame handler, as a bug there would.
      vi.spyOn(Date, 'now').mockImplementation(() => {
        if (new Error().stack?.includes('handleFrame') === true) throw new Error('boom');
        return realNow();
      });
      client.send({ type: 'input_audio_buffer.clear', event_id: 'evt_boom' });
      expect((await client.next('error'))['error']).toMatchObject({
        type: 'server_error',
        code: 'server_error',
        event_id: 'evt_boom',
      });
      vi.restoreAllMocks();
      expect((await update(client, { instructions: 'recovered' }))['type']).toBe('session.updated');
      await client.close();
    });

    it('survives request targets that are not valid URLs, over HTTP and upgrade', async () => {
      const emulator = await start();
      const plain = await rawExchange(emulator.port, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(plain).toMatch(/^HTTP\/1\.1 404/);
      await rawExchange(
        emulator.port,
        'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
      await expectServing(emulator);
    });
  });

  describe('rate limit', () => {
    it('echoes the client event_id in rate_limit_exceeded errors', async () => {
      const emulator = await start({ eventsPerSecond: 5 });
      const client = await open(emulator);
      for (let i = 0; i < 20; i++) client.send({ type: 'input_audio_buffer.clear', event_id: `evt_${i}` });
      const error = (await client.next('error'))['error'] as Json;
      expect(error['code']).toBe('rate_limit_exceeded');
      expect(error['event_id']).toMatch(/^evt_\d+$/);
      await client.close();
    });
  });

  describe('origin check', () => {
    it('refuses a cross-site page with 403, over WebSocket and HTTP', async () => {
      const emulator = await start();
      const origin = { Origin: 'https://evil.example' };
      await expect(connect(wsUrl(emulator.url), { apiKey, headers: origin })).rejects.toThrow('HTTP 403');
      await expect(connect(wsUrl(emulator.url), { apiKey, headers: { Origin: 'null' } })).rejects.toThrow('HTTP 403');
      const { status, json } = await mint(emulator, '{}', origin);
      expect(status).toBe(403);
      expect(json['error']).toMatchObject({ code: 'origin_not_allowed' });
      expect(emulator.emulator.secretCount).toBe(0);
    });

    it.each([
      ['no Origin (a non-browser client)', {}],
      ['a localhost page', { Origin: 'http://localhost:5173' }],
      ['a 127.0.0.1 page', { Origin: 'http://127.0.0.1:6006' }],
      ['a [::1] page', { Origin: 'http://[::1]:3000' }],
      ['a page of the same origin', { Origin: 'http://devbox.example:8080', Host: 'devbox.example:8080' }],
    ])('accepts %s', async (_name, headers: Record<string, string>) => {
      const emulator = await start();
      const client = await open(emulator, { headers });
      await client.close();
    });

    it('refuses a page on another port of a non-loopback host', async () => {
      const emulator = await start();
      await expect(
        connect(wsUrl(emulator.url), {
          apiKey,
          headers: { Origin: 'http://devbox.example:9090', Host: 'devbox.example:8080' },
        }),
      ).rejects.toThrow('HTTP 403');
    });

    it('honours allowedOrigins, exact or *', async () => {
      const listed = await start({ allowedOrigins: ['https://app.example'] });
      await (await open(listed, { headers: { Origin: 'https://app.example' } })).close();
      await expect(
        connect(wsUrl(listed.url), { apiKey, headers: { Origin: 'https://other.example' } }),
      ).rejects.toThrow('HTTP 403');
      expect((await mint(listed, '{}', { Origin: 'https://app.example' })).status).toBe(200);
      const any = await start({ allowedOrigins: ['*'] });
      await (await open(any, { headers: { Origin: 'https://other.example' } })).close();
    });
  });

  describe('slow and dead clients', () => {
    it('terminates a client that stops reading instead of buffering for it', async () => {
      const emulator = await start({ maxBufferedBytes: 64 * 1024, heartbeatMs: 0, eventsPerSecond: 100_000 });
      const client = await open(emulator);
      (client.socket as unknown as { _socket: Socket })._socket.pause();
      const item = { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'w'.repeat(60_000) }] };
      const frame = JSON.stringify({ type: 'conversation.item.create', item });
      // Each frame is echoed twice; 1000 frames are 120 MB, far over what loopback buffers hold.
      for (let i = 0; i < 1000 && emulator.emulator.sessionCount > 0; i++) {
        client.sendRaw(frame);
        if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await vi.waitFor(() => expect(emulator.emulator.sessionCount).toBe(0), { timeout: 5000 });
      client.socket.terminate();
    });

    it('terminates a client that does not answer pings, and keeps one that does', async () => {
      const emulator = await start({ heartbeatMs: 50 });
      const silent = await open(emulator, { autoPong: false });
      const healthy = await open(emulator);
      expect(await silent.closed).toBe(1006);
      await vi.waitFor(() => expect(emulator.emulator.sessionCount).toBe(1), { timeout: 2000 });
      // Several heartbeats later, the client that pongs is still served.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await update(healthy, { instructions: 'alive' }))['type']).toBe('session.updated');
      await healthy.close();
    });
  });

  describe('minted secrets', () => {
    it('forgets the oldest secret once maxSecrets are held', async () => {
      const emulator = await start({ maxSecrets: 3 });
      const values: string[] = [];
      for (let i = 0; i < 5; i++) values.push((await mint(emulator, '{}')).json['value'] as string);
      expect(emulator.emulator.secretCount).toBe(3);
      const [oldest, , , , newest] = values as [string, string, string, string, string];
      await expect(connect(wsUrl(emulator.url), { apiKey: oldest })).rejects.toThrow('HTTP 401');
      await (await open(emulator, { apiKey: newest })).close();
    });

    it('prunes expired secrets', async () => {
      const emulator = await start();
      await mint(emulator, JSON.stringify({ expires_after: { anchor: 'created_at', seconds: 10 } }));
      await mint(emulator, JSON.stringify({ expires_after: { anchor: 'created_at', seconds: 10 } }));
      expect(emulator.emulator.secretCount).toBe(2);
      const now = Date.now();
      vi.spyOn(Date, 'now').mockReturnValue(now + 11_000);
      await mint(emulator, '{}');
      expect(emulator.emulator.secretCount).toBe(1);
    });
  });

  describe('bad frames', () => {
    it('answers a flood of malformed frames, then closes with 1008', async () => {
      const emulator = await start({ maxBadFrames: 5 });
      const client = await open(emulator);
      const frames = ['not json', '[]', '42', '"text"', '{', 'nul', 'x', 'y'];
      for (const frame of frames) client.sendRaw(frame);
      client.socket.send(Buffer.from([1, 2, 3]));
      expect(await client.closed).toBe(1008);
      const errors = client.events.filter((event) => event['type'] === 'error');
      // Every bad frame up to the one over the limit got its error; nothing after.
      expect(errors).toHaveLength(6);
      expect(errors.map((event) => (event['error'] as Json)['code'])).toStrictEqual([
        'invalid_json',
        'invalid_type',
        'invalid_type',
        'invalid_type',
        'invalid_json',
        'invalid_json',
      ]);
      await vi.waitFor(() => expect(emulator.emulator.sessionCount).toBe(0), { timeout: 2000 });
    });

    it('does not count well-formed events, even refused ones', async () => {
      const emulator = await start({ maxBadFrames: 2 });
      const client = await open(emulator);
      const frames = [...Array.from({ length: 10 }, () => '{"type":"session.explode"}'), 'bad', 'bad'];
      expect(await errorsFor(client, frames)).toHaveLength(12);
      expect((await update(client, { instructions: 'still open' }))['type']).toBe('session.updated');
      await client.close();
    });
  });
});
