import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { responseCreateEvent } from '../../src/protocol/index.js';
import { backoffDelay, DEFAULT_RECONNECT } from '../../src/transport/backoff.js';
import {
  createWebSocketTransport,
  RealtimeTransportError,
  type RealtimeTransportEvent,
  type WebSocketConstructor,
  type WebSocketTransportOptions,
} from '../../src/transport/index.js';

/** A scripted socket: records how it was opened and lets the test fire its events. */
class FakeSocket {
  static made: FakeSocket[] = [];
  readyState = 0;
  readonly sent: string[] = [];
  closeCalls = 0;
  private readonly listeners = new Map<string, ((event: object) => void)[]>();

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
    readonly options?: { headers?: Record<string, string> },
  ) {
    FakeSocket.made.push(this);
  }

  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closeCalls += 1;
    this.readyState = 3;
  }
  addEventListener(type: string, listener: (event: object) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: 'open' | 'message' | 'close' | 'error', event: object = {}) {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const FakeWebSocket = FakeSocket as unknown as WebSocketConstructor;
const last = () => FakeSocket.made.at(-1)!;

function transportWith(options: Partial<WebSocketTransportOptions> = {}) {
  const events: RealtimeTransportEvent[] = [];
  const transport = createWebSocketTransport({
    model: 'gpt-realtime',
    // A standard key unless the test authenticates with client secrets.
    ...(options.getClientSecret === undefined ? { apiKey: 'sk-test-key' } : {}),
    WebSocket: FakeWebSocket,
    random: () => 0,
    ...options,
  });
  transport.events((event) => events.push(event));
  const statuses = () => events.flatMap((event) => (event.type === 'status' ? [event.status] : []));
  return { transport, events, statuses };
}

/**
 * A transport minting secrets `ek_1`, `ek_2`… that last `lifetimeSeconds()`, whose first
 * connection opened and dropped; returns once the 10 ms retry has started.
 */
async function droppedOnceWithSecretsLasting(lifetimeSeconds: () => number) {
  const getClientSecret = vi.fn(async () => ({
    value: `ek_${getClientSecret.mock.calls.length}`,
    expires_at: Math.floor(Date.now() / 1000) + lifetimeSeconds(),
  }));
  const { transport } = transportWith({ getClientSecret, reconnect: { baseDelayMs: 10 } });
  transport.connect();
  await settle();
  last().fire('open');
  last().fire('close', { code: 1006 });
  await vi.advanceTimersByTimeAsync(10);
  return { transport, getClientSecret };
}

/** Lets the `await getClientSecret()` inside connect settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  FakeSocket.made = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('backoffDelay', () => {
  it('doubles per attempt from the base and stops at the ceiling', () => {
    const options = { maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 1000, healthyAfterMs: 0 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, options, () => 0.999999))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('keeps half the delay fixed and jitters the other half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (attempt, r) => {
        const exponential = Math.min(DEFAULT_RECONNECT.maxDelayMs, DEFAULT_RECONNECT.baseDelayMs * 2 ** (attempt - 1));
        const delay = backoffDelay(attempt, DEFAULT_RECONNECT, () => r);
        return delay >= Math.floor(exponential / 2) && delay <= exponential;
      }),
    );
  });
});

describe('createWebSocketTransport', () => {
  describe('given Node (no window)', () => {
    it('sends a standard key as an Authorization header, with no subprotocols, to the default endpoint', async () => {
      const { transport, statuses } = transportWith();
      transport.connect();
      await settle();
      expect(last().url).toBe('wss://api.openai.com/v1/realtime?model=gpt-realtime');
      expect(last().protocols).toEqual([]);
      expect(last().options).toEqual({ headers: { Authorization: 'Bearer sk-test-key' } });
      last().fire('open');
      expect(statuses()).toEqual(['connecting', 'open']);
    });

    it('turns http URLs into ws, encodes the model, and takes a new model per connect', async () => {
      const { transport } = transportWith({ url: 'http://127.0.0.1:1234/v1/realtime', model: 'a b' });
      transport.connect();
      await settle();
      expect(last().url).toBe('ws://127.0.0.1:1234/v1/realtime?model=a%20b');
      transport.connect({ model: 'gpt-realtime-2' });
      await settle();
      expect(last().url).toBe('ws://127.0.0.1:1234/v1/realtime?model=gpt-realtime-2');
    });

    it('authenticates with subprotocols when given getClientSecret, as a string or the API object', async () => {
      const getClientSecret = vi
        .fn<WebSocketTransportOptions['getClientSecret'] & object>()
        .mockResolvedValueOnce('ek_first')
        .mockResolvedValueOnce({ value: 'ek_second', expires_at: 1 });
      const { transport } = transportWith({ getClientSecret });
      transport.connect();
      await settle();
      expect(getClientSecret).toHaveBeenCalledWith({ model: 'gpt-realtime' });
      expect(last().protocols).toEqual(['realtime', 'openai-insecure-api-key.ek_first']);
      expect(last().options).toBeUndefined();
      transport.connect();
      await settle();
      expect(last().protocols).toEqual(['realtime', 'openai-insecure-api-key.ek_second']);
    });

    it('refuses to start without credentials', () => {
      expect(() => createWebSocketTransport({ model: 'gpt-realtime', WebSocket: FakeWebSocket })).toThrowError(
        expect.objectContaining({ code: 'missing_credentials' }),
      );
    });
  });

  describe('given a browser', () => {
    beforeEach(() => vi.stubGlobal('window', { document: {} }));

    it('refuses a standard key at creation', () => {
      expect(() => transportWith()).toThrowError(RealtimeTransportError);
      expect(() => transportWith()).toThrowError(expect.objectContaining({ code: 'api_key_in_browser' }));
    });

    it('fails, without opening a socket, when getClientSecret returns a standard key', async () => {
      const { transport, events } = transportWith({ getClientSecret: async () => 'sk-leaked' });
      transport.connect();
      await settle();
      expect(FakeSocket.made).toHaveLength(0);
      const failed = events.at(-1);
      expect(failed).toMatchObject({ type: 'status', status: 'failed' });
      expect((failed as { error?: RealtimeTransportError }).error?.code).toBe('api_key_in_browser');
    });
  });

  describe('given a dropped connection', () => {
    it('reconnects after the backoff, and resets the attempts only after a healthy stretch', async () => {
      const getClientSecret = vi.fn(async () => `ek_${FakeSocket.made.length}`);
      const { transport, events } = transportWith({
        getClientSecret,
        reconnect: { baseDelayMs: 100, healthyAfterMs: 5000 },
      });
      transport.connect();
      await settle();
      last().fire('open');
      last().fire('close', { code: 1006 });
      expect(events.at(-1)).toMatchObject({ type: 'status', status: 'reconnecting', attempt: 1 });
      // random() = 0 gives the fixed half of the delay: 50 ms for the first retry.
      await vi.advanceTimersByTimeAsync(49);
      expect(FakeSocket.made).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(FakeSocket.made).toHaveLength(2);
      // A secret returned as a bare string has no known expiry, so each attempt mints anew.
      expect(getClientSecret).toHaveBeenCalledTimes(2);
      // The server speaking is not enough: a connection dropped within the healthy stretch keeps counting.
      last().fire('open');
      last().fire('message', { data: '{"type":"session.created"}' });
      last().fire('close', { code: 1006 });
      expect(events.at(-1)).toMatchObject({ status: 'reconnecting', attempt: 2 });
      await vi.advanceTimersByTimeAsync(100);
      last().fire('open');
      await vi.advanceTimersByTimeAsync(5000);
      last().fire('close', { code: 1006 });
      expect(events.at(-1)).toMatchObject({ status: 'reconnecting', attempt: 1 });
    });

    it('gives up on a flapping server that accepts and drops every connection, saying why', async () => {
      const { transport, events } = transportWith({ reconnect: { maxAttempts: 3, baseDelayMs: 10 } });
      transport.connect();
      await settle();
      for (let i = 0; i < 10 && transport.status !== 'failed'; i++) {
        last().fire('open');
        last().fire('message', { data: '{"type":"session.created"}' });
        last().fire('close', { code: 1011, reason: 'boom' });
        await vi.advanceTimersByTimeAsync(1000);
      }
      expect(transport.status).toBe('failed');
      expect(FakeSocket.made).toHaveLength(4);
      const failed = events.at(-1) as { error?: RealtimeTransportError };
      expect(failed.error?.code).toBe('retries_exhausted');
      expect(failed.error?.message).toMatch(/Gave up after 3 reconnection attempts.*1011: boom/);
    });

    it('reuses a secret that is still valid for the same model, and mints for a new model', async () => {
      const { transport, getClientSecret } = await droppedOnceWithSecretsLasting(() => 600);
      expect(getClientSecret).toHaveBeenCalledTimes(1);
      expect(last().protocols).toEqual(['realtime', 'openai-insecure-api-key.ek_1']);
      transport.connect({ model: 'gpt-realtime-2' });
      await settle();
      expect(getClientSecret).toHaveBeenCalledTimes(2);
      expect(getClientSecret).toHaveBeenLastCalledWith({ model: 'gpt-realtime-2' });
    });

    it('mints anew when the secret is about to expire, or when its connection was refused', async () => {
      let lifetime = 20;
      const { getClientSecret } = await droppedOnceWithSecretsLasting(() => lifetime);
      // 20 s left is under the 30 s margin.
      expect(getClientSecret).toHaveBeenCalledTimes(2);
      lifetime = 600;
      last().fire('close', { code: 1006 }); // refused before it opened: maybe the secret itself
      await vi.advanceTimersByTimeAsync(100);
      expect(getClientSecret).toHaveBeenCalledTimes(3);
    });

    it('gives up with failed after maxAttempts and opens nothing more', async () => {
      const { transport, statuses } = transportWith({ reconnect: { maxAttempts: 2, baseDelayMs: 10 } });
      transport.connect();
      await settle();
      for (let i = 0; i < 3; i++) {
        last().fire('close', { code: 1006 });
        await vi.advanceTimersByTimeAsync(1000);
      }
      expect(FakeSocket.made).toHaveLength(3);
      expect(statuses().at(-1)).toBe('failed');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(FakeSocket.made).toHaveLength(3);
    });

    it('counts a failing getClientSecret as a failed attempt and retries', async () => {
      const getClientSecret = vi.fn().mockRejectedValueOnce(new Error('minting down')).mockResolvedValue('ek_ok');
      const { transport, events } = transportWith({ getClientSecret, reconnect: { baseDelayMs: 10 } });
      transport.connect();
      await settle();
      const retrying = events.at(-1) as unknown as { status: string; error?: RealtimeTransportError };
      expect(retrying.status).toBe('reconnecting');
      expect(retrying.error?.code).toBe('client_secret_failed');
      await vi.advanceTimersByTimeAsync(10);
      expect(FakeSocket.made).toHaveLength(1);
    });
  });

  describe('given close() or a new connect()', () => {
    it('close() ends for good: the socket is closed, its late close and pending retries do nothing', async () => {
      const { transport, statuses } = transportWith({ reconnect: { baseDelayMs: 10 } });
      transport.connect();
      await settle();
      const socket = last();
      socket.fire('open');
      transport.close();
      expect(socket.closeCalls).toBe(1);
      socket.fire('close', { code: 1000 });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(statuses()).toEqual(['connecting', 'open', 'closed']);
      expect(FakeSocket.made).toHaveLength(1);
    });

    it('close() during the backoff cancels the retry', async () => {
      const { transport } = transportWith({ reconnect: { baseDelayMs: 100 } });
      transport.connect();
      await settle();
      last().fire('close', { code: 1006 });
      transport.close();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(FakeSocket.made).toHaveLength(1);
    });

    it('connect() while open replaces the socket and ignores the old one', async () => {
      const { transport, events } = transportWith();
      transport.connect();
      await settle();
      const old = last();
      old.fire('open');
      transport.connect();
      await settle();
      expect(old.closeCalls).toBe(1);
      const count = events.length;
      old.fire('message', { data: 'late' });
      old.fire('close', { code: 1000 });
      expect(events).toHaveLength(count);
      last().fire('open');
      last().fire('message', { data: 'fresh' });
      expect(events.at(-1)).toEqual({ type: 'message', data: 'fresh' });
    });
  });

  describe('sending and listening', () => {
    it('send() refuses before open and writes JSON after', async () => {
      const { transport } = transportWith();
      expect(() => transport.send(responseCreateEvent())).toThrowError(expect.objectContaining({ code: 'not_open' }));
      transport.connect();
      await settle();
      last().fire('open');
      const event = responseCreateEvent();
      transport.send(event);
      expect(last().sent).toEqual([JSON.stringify(event)]);
    });

    it('an unsubscribed listener hears nothing more', async () => {
      const { transport } = transportWith();
      const heard: RealtimeTransportEvent[] = [];
      transport.events((event) => heard.push(event))();
      transport.connect();
      await settle();
      expect(heard).toEqual([]);
    });
  });
});
