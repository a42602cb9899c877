/*
 * The session store over a real WebSocket, against the project's emulator on
 * loopback, with a fault-injecting proxy in between for drops and bad frames.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { responseCreateEvent } from '../../src/protocol/index.js';
import { EMULATOR_API_KEY, startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore, RealtimeSessionUpdateError, type RealtimeSessionStore } from '../../src/session/index.js';
import { createWebSocketTransport, type WebSocketTransportOptions } from '../../src/transport/index.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { appliedMatchesDraft, eventually, until } from '../support/session-waits.js';

const MODEL = 'gpt-realtime-2';

let emulator: RunningRealtimeEmulator;
let proxy: FaultProxy;
let store: RealtimeSessionStore;

function connectStore(
  initial = new RealtimeSessionCreateRequest({ model: MODEL }),
  transportOptions: Partial<WebSocketTransportOptions> = {},
) {
  const transport = createWebSocketTransport({
    url: proxy.url,
    model: initial.model,
    // The standard key goes in a header from Node; a test that mints ek_ secrets passes getClientSecret instead.
    ...(transportOptions.getClientSecret === undefined ? { apiKey: EMULATOR_API_KEY } : {}),
    WebSocket,
    reconnect: { baseDelayMs: 20, maxAttempts: 5 },
    ...transportOptions,
  });
  store = createSessionStore({ initial, transport });
  return store;
}

const open = () => until(store, (snapshot) => snapshot.status === 'open', 3000, 'open session');
const updatesSent = () => proxy.sent('session.update');

beforeEach(async () => {
  emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1', responseDeltaMs: 5 });
  proxy = await startFaultProxy(`ws://127.0.0.1:${emulator.port}`);
});

afterEach(async () => {
  store?.disconnect();
  await proxy.close();
  await emulator.close();
});

describe('given a store connected to the emulator', () => {
  it('applies edits made before and while connecting, in one update after session.created', async () => {
    connectStore(new RealtimeSessionCreateRequest({ model: MODEL, instructions: 'Start.' }));
    const before = store.update({ audio: { output: { voice: 'marin' } } });
    store.connect();
    expect(store.getSnapshot().status).toBe('connecting');
    const during = store.update({ instructions: 'Typed while connecting.' });
    await Promise.all([before, during]);
    const snapshot = store.getSnapshot();
    expect(snapshot.applied?.audio?.output?.voice).toBe('marin');
    expect(snapshot.applied?.instructions).toBe('Typed while connecting.');
    expect(updatesSent()).toHaveLength(1);
    expect(appliedMatchesDraft(snapshot)).toBe(true);
  });

  it('coalesces 200 keystrokes at 30 ms into at most one update per window, each carrying only instructions', async () => {
    connectStore();
    store.connect();
    await open();
    const text = 'You are a concise, friendly voice agent for a bike shop. Answer in one or two sentences. '.repeat(3);
    const started = performance.now();
    for (let i = 1; i <= 200; i++) {
      void store.update({ instructions: text.slice(0, i) });
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    const typingMs = performance.now() - started;
    await until(store, (snapshot) => snapshot.applied?.instructions === text.slice(0, 200), 3000, 'typed text');
    const updates = updatesSent();
    for (const update of updates) {
      expect(Object.keys(update.json?.['session'] as object).sort()).toEqual(['instructions', 'type']);
    }
    // A trailing window opens on the first edit after a send and closes 150 ms later: sends are ≥ 150 ms apart.
    for (let i = 1; i < updates.length; i++) {
      expect(updates[i]!.at - updates[i - 1]!.at).toBeGreaterThanOrEqual(140);
    }
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(typingMs / 150) + 1);
    expect(updates.length).toBeGreaterThan(1);
  }, 20_000);

  it('a server rejection flags just that field, keeps the draft, and the rest of the edit still lands', async () => {
    connectStore();
    store.connect();
    await open();
    // The server refuses keys it does not know; this client keeps them for forward compatibility.
    const { tools } = RealtimeSessionCreateRequest.fromJson({
      model: MODEL,
      tools: [{ type: 'function', name: 'lookup', experimental_flag: true }],
    });
    const result = await store
      .update((draft) => draft.copyWith({ tools, instructions: 'Still applied.' }))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(result).toBeInstanceOf(RealtimeSessionUpdateError);
    expect((result as RealtimeSessionUpdateError).reason).toBe('rejected');
    expect((result as RealtimeSessionUpdateError).field).toBe('tools');
    const snapshot = await until(store, (s) => s.fields.instructions.status === 'synced', 3000, 'instructions synced');
    expect(snapshot.fields.tools.status).toBe('rejected');
    expect(snapshot.fields.tools.error?.code).toBe('unknown_parameter');
    expect(snapshot.draft.tools).toBe(tools);
    expect(snapshot.applied?.instructions).toBe('Still applied.');
    expect(snapshot.applied?.tools ?? []).toHaveLength(0);
    const others = Object.entries(snapshot.fields).filter(([path]) => path !== 'tools');
    expect(others.every(([, field]) => field.status === 'synced')).toBe(true);
  });

  it('locks the voice after a simulated audio response, and reconnect() applies the new voice', async () => {
    connectStore(new RealtimeSessionCreateRequest({ model: MODEL, audio: { output: { voice: 'marin' } } }));
    store.connect();
    await until(store, (s) => s.status === 'open' && s.pending.length === 0 && s.acknowledged?.audio !== undefined);
    store.send(responseCreateEvent());
    await until(store, (s) => s.locks['audio.output.voice'] !== undefined, 3000, 'voice lock');
    const sentBefore = updatesSent().length;
    const result = await store.update({ audio: { output: { voice: 'cedar' } } }).catch((error: unknown) => error);
    expect((result as RealtimeSessionUpdateError).reason).toBe('locked');
    expect(store.getSnapshot().fields['audio.output.voice'].status).toBe('locked');
    expect(updatesSent()).toHaveLength(sentBefore);

    store.reconnect();
    const snapshot = await until(
      store,
      (s) => s.status === 'open' && s.fields['audio.output.voice'].status === 'synced',
      3000,
      'voice applied on a fresh session',
    );
    expect(snapshot.applied?.audio?.output?.voice).toBe('cedar');
    expect(snapshot.locks['audio.output.voice']).toBeUndefined();
    expect(proxy.connections).toBe(2);
  });

  it('when the connection is killed with updates pending, the automatic reconnect makes applied equal the draft', async () => {
    connectStore(new RealtimeSessionCreateRequest({ model: MODEL, instructions: 'First.' }));
    store.connect();
    await until(
      store,
      (s) => s.status === 'open' && s.pending.length === 0 && s.fields.instructions.status === 'synced',
    );
    proxy.pause();
    void store.update({ audio: { output: { voice: 'sage', speed: 1.2 } }, maxOutputTokens: 300 });
    void store.update({ instructions: 'Second.' }, { coalesce: false });
    await eventually(() => updatesSent().length >= 3, 2000, 'updates reaching the server');
    expect(store.getSnapshot().pending.length).toBeGreaterThan(0);

    proxy.killAll();
    await until(store, (s) => s.status === 'reconnecting', 2000, 'reconnecting');
    const snapshot = await until(
      store,
      (s) => s.status === 'open' && s.pending.length === 0 && appliedMatchesDraft(s),
      5000,
      'draft re-applied after reconnect',
    );
    expect(snapshot.applied?.audio?.output?.voice).toBe('sage');
    expect(snapshot.applied?.instructions).toBe('Second.');
    expect(Object.values(snapshot.fields).every((field) => field.status === 'synced')).toBe(true);
    expect(snapshot.errors.some((error) => error.source === 'transport')).toBe(true);
    expect(proxy.connections).toBe(2);
  });

  it('reports malformed server frames, ignores them, and keeps working', async () => {
    connectStore();
    store.connect();
    await open();
    proxy.inject('this is not json');
    proxy.inject('{"type": "session.updated", "event_id": "e1", "session": "nope"}');
    proxy.inject('[1, 2, 3]');
    const snapshot = await until(store, (s) => s.errors.length >= 3, 2000, 'three protocol errors');
    expect(snapshot.errors.map((error) => [error.source, error.code])).toEqual([
      ['protocol', 'invalid_json'],
      ['protocol', 'invalid_event'],
      ['protocol', 'not_an_object'],
    ]);
    expect(snapshot.status).toBe('open');
    await store.update({ maxOutputTokens: 42 });
    expect(store.getSnapshot().applied?.maxOutputTokens).toBe(42);
  });

  /** Mints from whichever emulator is running now, as an app's server route would. */
  const minting =
    (minted: string[]) =>
    async ({ model }: { model: string }) => {
      const response = await fetch(`${emulator.url}/realtime/client_secrets`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${EMULATOR_API_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ session: { type: 'realtime', model } }),
      });
      const secret = (await response.json()) as { value: string; expires_at: number };
      minted.push(secret.value);
      return secret;
    };

  it('reuses a still-valid ek_ client secret when it reconnects after a drop', async () => {
    const minted: string[] = [];
    connectStore(new RealtimeSessionCreateRequest({ model: MODEL, instructions: 'Hi.' }), {
      getClientSecret: minting(minted),
    });
    store.connect();
    await until(store, (s) => s.status === 'open' && s.fields.instructions.status === 'synced');
    proxy.killAll();
    await until(store, (s) => s.status === 'reconnecting');
    await until(store, (s) => s.status === 'open' && s.fields.instructions.status === 'synced');
    expect(proxy.connections).toBe(2);
    expect(minted).toHaveLength(1);
    expect(minted[0]).toMatch(/^ek_/);
  });

  it('mints a new secret when the server no longer knows the old one (an emulator restart)', async () => {
    const minted: string[] = [];
    const port = emulator.port;
    const transport = createWebSocketTransport({
      url: `ws://127.0.0.1:${port}/v1/realtime`,
      model: MODEL,
      getClientSecret: minting(minted),
      WebSocket,
      reconnect: { baseDelayMs: 50, maxAttempts: 10 },
    });
    store = createSessionStore({
      initial: new RealtimeSessionCreateRequest({ model: MODEL, instructions: 'Hi.' }),
      transport,
    });
    store.connect();
    await until(store, (s) => s.status === 'open' && s.fields.instructions.status === 'synced');
    await emulator.close();
    emulator = await startRealtimeEmulator({ port, host: '127.0.0.1' });
    await until(store, (s) => s.status === 'open' && s.fields.instructions.status === 'synced', 8000, 'resynced');
    expect(minted.length).toBeGreaterThanOrEqual(2);
    expect(new Set(minted).size).toBe(minted.length);
  });
});
