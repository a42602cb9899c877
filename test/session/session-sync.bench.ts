/*
 * End-to-end cost of keeping a live session in sync, over real sockets to the
 * emulator on loopback (through the fault proxy, which counts wire bytes).
 * Each bench runs its whole workload once and prints the figures the issue
 * asks for; vitest's own columns then time the workload as a whole.
 */
import { bench, describe } from 'vitest';
import WebSocket from 'ws';
import { RealtimeSessionCreateRequest, sessionUpdateFor } from '../../src/model/index.js';
import { sessionUpdateEvent } from '../../src/protocol/index.js';
import { EMULATOR_API_KEY, startRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { createWebSocketTransport } from '../../src/transport/index.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { until } from '../support/session-waits.js';
import { shopFunctionTools } from '../support/function-tools.js';

/** A production-sized config: instructions, audio settings and eight function tools with schemas. */
const initial = RealtimeSessionCreateRequest.fromJson({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop.',
  audio: {
    input: { transcription: { model: 'gpt-4o-mini-transcribe' }, turn_detection: { type: 'semantic_vad' } },
    output: { voice: 'marin', speed: 1.05 },
  },
  tools: shopFunctionTools(8, 6),
});

async function openSession(): Promise<{ store: RealtimeSessionStore; proxy: FaultProxy; close(): Promise<void> }> {
  // The bench sends far more than a person could; lift the emulator's per-connection rate limit.
  const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1', eventsPerSecond: 1_000_000 });
  const proxy = await startFaultProxy(`ws://127.0.0.1:${emulator.port}`);
  const transport = createWebSocketTransport({
    url: proxy.url,
    model: initial.model,
    apiKey: EMULATOR_API_KEY,
    WebSocket,
  });
  const store = createSessionStore({ initial, transport });
  store.connect();
  await until(store, (s) => s.status === 'open' && s.pending.length === 0 && s.acknowledged?.tools !== undefined);
  return {
    store,
    proxy,
    async close() {
      store.disconnect();
      await proxy.close();
      await emulator.close();
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

describe('live session sync over loopback', () => {
  bench(
    'edit → applied, 1000 sequential speed edits',
    async () => {
      const session = await openSession();
      const latencies: number[] = [];
      for (let i = 0; i < 1000; i++) {
        const started = performance.now();
        await session.store.update({ audio: { output: { speed: i % 2 === 0 ? 1.1 : 1.05 } } });
        latencies.push(performance.now() - started);
      }
      await session.close();
      latencies.sort((a, b) => a - b);
      console.log(
        `edit → applied over ${latencies.length} updates: p50 ${percentile(latencies, 50).toFixed(3)} ms, ` +
          `p99 ${percentile(latencies, 99).toFixed(3)} ms, max ${latencies.at(-1)?.toFixed(3)} ms`,
      );
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );

  bench(
    'bytes on the wire, 200 instruction keystrokes at 30 ms',
    async () => {
      const session = await openSession();
      const before = session.proxy.sent('session.update').length;
      const text = 'You are the voice agent of a bike shop. Answer briefly, then offer to book a repair slot. '.repeat(
        3,
      );
      let fullConfigBytes = 0;
      let perKeystrokeDiffBytes = 0;
      let previous = session.store.getSnapshot().draft;
      for (let i = 1; i <= 200; i++) {
        const next = previous.copyWith({ instructions: text.slice(0, i) });
        // What a client that sends the whole config on every change would put on the wire.
        fullConfigBytes += Buffer.byteLength(JSON.stringify(sessionUpdateEvent(sessionUpdateFor(null, next))));
        // What a diffing client without coalescing would send.
        perKeystrokeDiffBytes += Buffer.byteLength(
          JSON.stringify(sessionUpdateEvent(sessionUpdateFor(previous, next))),
        );
        void session.store.update(next);
        previous = next;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      await until(session.store, (s) => s.applied?.instructions === text.slice(0, 200) && s.pending.length === 0);
      const frames = session.proxy.sent('session.update').slice(before);
      const sentBytes = frames.reduce((sum, frame) => sum + Buffer.byteLength(frame.text), 0);
      await session.close();
      console.log(
        `200 keystrokes: ${frames.length} session.update frames, ${sentBytes} bytes sent; ` +
          `diff per keystroke would be 200 frames, ${perKeystrokeDiffBytes} bytes; ` +
          `full config per keystroke would be 200 frames, ${fullConfigBytes} bytes ` +
          `(${(fullConfigBytes / sentBytes).toFixed(1)}× more)`,
      );
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
