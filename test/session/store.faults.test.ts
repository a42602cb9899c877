/*
 * Faults between the store and a real emulator: connections cut at awkward
 * moments, slow and duplicated acknowledgements, errors without an event_id,
 * rate limits and a half-open socket. After each recovery the server's
 * session must equal the draft, and no edit may be lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import {
  EMULATOR_API_KEY,
  startRealtimeEmulator,
  type RealtimeEmulatorOptions,
  type RunningRealtimeEmulator,
} from '../../src/server/index.js';
import {
  createSessionStore,
  type RealtimeSessionSnapshot,
  type RealtimeSessionStore,
  type SessionStoreOptions,
} from '../../src/session/index.js';
import { createWebSocketTransport, type RealtimeReconnectOptions } from '../../src/transport/index.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { appliedMatchesDraft, eventually, until } from '../support/session-waits.js';

const MODEL = 'gpt-realtime-2';

let emulator: RunningRealtimeEmulator | undefined;
let proxy: FaultProxy | undefined;
let store: RealtimeSessionStore | undefined;

async function setup(
  options: {
    emulator?: RealtimeEmulatorOptions;
    store?: Partial<SessionStoreOptions>;
    reconnect?: RealtimeReconnectOptions;
  } = {},
) {
  emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1', ...options.emulator });
  proxy = await startFaultProxy(`ws://127.0.0.1:${emulator.port}`);
  const transport = createWebSocketTransport({
    url: proxy.url,
    model: MODEL,
    apiKey: EMULATOR_API_KEY,
    WebSocket,
    reconnect: { baseDelayMs: 20, maxAttempts: 5, ...options.reconnect },
  });
  store = createSessionStore({
    initial: new RealtimeSessionCreateRequest({ model: MODEL, instructions: 'Start.' }),
    transport,
    ...options.store,
  });
  return { store, proxy };
}

afterEach(async () => {
  store?.disconnect();
  await proxy?.close();
  await emulator?.close();
  store = proxy = emulator = undefined;
});

/** Open, nothing in flight, and the server's session carries every field of the draft. */
const converged = (snapshot: RealtimeSessionSnapshot) =>
  snapshot.status === 'open' &&
  snapshot.pending.length === 0 &&
  appliedMatchesDraft(snapshot) &&
  Object.values(snapshot.fields).every((field) => field.status === 'synced');

const settleAll = (promises: readonly Promise<unknown>[]) =>
  Promise.race([
    Promise.allSettled(promises),
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000)),
  ]);

describe('connections cut at awkward moments', () => {
  it('during session.created: the next session gets the whole draft, edits made meanwhile included', async () => {
    const { store, proxy } = await setup();
    proxy.killOnNext('session.created');
    store.connect();
    void store.update({ audio: { output: { voice: 'cedar' } } });
    await until(store, (s) => s.status === 'reconnecting', 3000, 'the cut');
    void store.update({ maxOutputTokens: 321 });
    const snapshot = await until(store, converged, 5000, 'convergence');
    expect(snapshot.applied?.audio?.output?.voice).toBe('cedar');
    expect(snapshot.applied?.maxOutputTokens).toBe(321);
    expect(snapshot.applied?.instructions).toBe('Start.');
    expect(proxy.connections).toBe(2);
  });

  it('inside a coalescing window: the typed text is sent on the new session', async () => {
    const { store, proxy } = await setup({ store: { coalesceMs: 400 } });
    store.connect();
    await until(store, converged, 3000, 'first sync');
    for (const text of ['H', 'He', 'Hel', 'Hell', 'Hello']) void store.update({ instructions: text });
    expect(store.getSnapshot().fields.instructions.status).toBe('dirty');
    proxy.killAll();
    const snapshot = await until(store, converged, 5000, 'convergence');
    expect(snapshot.applied?.instructions).toBe('Hello');
  });

  it('ten times in a row, with edits in between: nothing is lost and every promise settles', async () => {
    // Each session is healthy for longer than this, so ten separate cuts are not a flapping server.
    const { store, proxy } = await setup({ reconnect: { healthyAfterMs: 50 } });
    store.connect();
    await until(store, converged, 3000, 'first sync');
    const promises: Promise<unknown>[] = [];
    for (let cut = 1; cut <= 10; cut++) {
      promises.push(store.update({ maxOutputTokens: 100 + cut }));
      promises.push(store.update({ instructions: `Cut ${cut}.` }));
      proxy.killAll();
      await until(store, converged, 5000, `convergence after cut ${cut}`);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    const snapshot = store.getSnapshot();
    expect(snapshot.applied?.maxOutputTokens).toBe(110);
    expect(snapshot.applied?.instructions).toBe('Cut 10.');
    expect(proxy.connections).toBe(11);
    expect(await settleAll(promises)).not.toBe('hung');
  }, 30_000);
});

describe('slow, duplicated and unmatched answers', () => {
  it('a 2 s acknowledgement is waited for, not timed out', async () => {
    const { store, proxy } = await setup();
    store.connect();
    await until(store, converged, 3000, 'first sync');
    proxy.pause();
    const update = store.update({ audio: { output: { speed: 1.3 } } });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(store.getSnapshot().fields['audio.output.speed'].status).toBe('pending');
    proxy.resume();
    const applied = await update;
    expect(applied?.audio?.output?.speed).toBe(1.3);
    expect(store.getSnapshot().errors.filter((error) => error.source === 'timeout')).toEqual([]);
  });

  it('a duplicated session.updated does not confirm an update the server has not applied', async () => {
    const { store, proxy } = await setup();
    store.connect();
    await until(store, converged, 3000, 'first sync');
    const stale = store.eventLog
      .entries()
      .filter((entry) => entry.type === 'session.updated')
      .at(-1);
    proxy.pause();
    const update = store.update({ audio: { output: { speed: 1.4 } } });
    await eventually(() => proxy.sent('session.update').length >= 2, 2000, 'update sent');
    proxy.inject(JSON.stringify(stale?.payload));
    await until(store, (s) => s.errors.length === 0 && s.applied !== undefined, 500);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getSnapshot().fields['audio.output.speed'].status).toBe('pending');
    proxy.resume();
    expect((await update)?.audio?.output?.speed).toBe(1.4);
  });

  it('an error without event_id is reconciled, and the session converges', async () => {
    const { store, proxy } = await setup();
    store.connect();
    await until(store, converged, 3000, 'first sync');
    proxy.pause();
    const first = store.update({ maxOutputTokens: 77 });
    await eventually(() => proxy.sent('session.update').length >= 2, 2000, 'update sent');
    // The server's answer to the update is held; an unrelated, unattributed error arrives first.
    proxy.inject(
      JSON.stringify({
        type: 'error',
        event_id: 'e',
        error: { type: 'server_error', message: 'blip', event_id: null },
      }),
    );
    await until(store, (s) => s.unmatchedErrors.length === 1, 1000, 'the unmatched error');
    proxy.resume();
    expect((await first)?.maxOutputTokens).toBe(77);
    const snapshot = await until(store, converged, 3000, 'convergence');
    expect(snapshot.unmatchedErrors).toEqual([]);
  });

  it('300 quick edits against a rate-limited server: none stays pending and every promise settles', async () => {
    const { store } = await setup({ emulator: { eventsPerSecond: 20 } });
    store.connect();
    await until(store, converged, 3000, 'first sync');
    const promises: Promise<unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      // Sent one by one (no drag window), so the burst really hits the server's rate limit.
      promises.push(store.update({ audio: { output: { speed: 0.5 + (i % 10) / 10 } } }, { coalesce: false }));
      if (i % 30 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const snapshot = await until(store, converged, 15_000, 'convergence after the burst');
    expect(snapshot.applied?.audio?.output?.speed).toBeCloseTo(0.5 + (299 % 10) / 10, 5);
    expect(snapshot.errors.some((error) => error.code === 'rate_limit_exceeded')).toBe(true);
    expect(await settleAll(promises)).not.toBe('hung');
  }, 30_000);
});

describe('a half-open socket', () => {
  it('is detected by the acknowledgement timeout and replaced; the draft lands on the new session', async () => {
    const { store, proxy } = await setup({ store: { ackTimeoutMs: 400 } });
    store.connect();
    await until(store, converged, 3000, 'first sync');
    proxy.freeze();
    const update = store.update({ maxOutputTokens: 999 }).catch((error: unknown) => error);
    const snapshot = await until(store, converged, 5000, 'convergence on a new session');
    expect(snapshot.applied?.maxOutputTokens).toBe(999);
    expect(proxy.connections).toBe(2);
    expect(await update).toMatchObject({ reason: 'timeout' });
  });
});
