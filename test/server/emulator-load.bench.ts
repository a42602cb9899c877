/*
 * Capacity of the emulator under many sessions with big configs, over real
 * loopback sockets. The emulator runs in a child process (bundled with
 * esbuild) so its latency and memory are its own, not those of the hundreds
 * of clients this process hosts. Each bench runs its whole workload once and
 * prints the figures; vitest's own columns then time the workload as a whole.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bench, describe } from 'vitest';
import WebSocket from 'ws';
import { RealtimeSessionCreateRequest, writeSessionField, type JsonObject } from '../../src/model/index.js';
import { EMULATOR_API_KEY, type StartRealtimeEmulatorOptions } from '../../src/server/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { createWebSocketTransport } from '../../src/transport/index.js';
import { until } from '../support/session-waits.js';
import type { LoadServerReport, LoadServerRequest, LoadServerStats } from './emulator-load-server.js';
import { shopFunctionTools } from '../support/function-tools.js';

const MODEL = 'gpt-realtime-2';
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface EmulatorProcess {
  readonly url: string;
  /** Memory, sessions, and event-loop delay since the previous call. */
  stats(): Promise<LoadServerStats>;
  close(): Promise<void>;
}

/** Bundles the emulator entry and starts it as a child process. */
async function startEmulatorProcess(options: StartRealtimeEmulatorOptions): Promise<EmulatorProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'emulator-load-'));
  const outfile = join(dir, 'server.cjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./emulator-load-server.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    external: ['bufferutil', 'utf-8-validate'],
    logLevel: 'silent',
  });
  const child: ChildProcess = fork(outfile, [JSON.stringify(options)], { stdio: 'inherit' });
  const next = <T extends LoadServerReport['type']>(type: T) =>
    new Promise<Extract<LoadServerReport, { type: T }>>((resolve, reject) => {
      const onMessage = (message: LoadServerReport) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', reject);
        resolve(message as Extract<LoadServerReport, { type: T }>);
      };
      child.on('message', onMessage);
      child.once('exit', reject);
    });
  const send = (request: LoadServerRequest) => child.send(request);
  const { port } = await next('ready');
  return {
    url: `ws://127.0.0.1:${port}/v1/realtime`,
    async stats() {
      const answer = next('memory');
      send('memory');
      const { rss, heapUsed, sessions, loopDelayP99, loopDelayMax } = await answer;
      return { rss, heapUsed, sessions, loopDelayP99, loopDelayMax };
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      send('close');
      await Promise.race([exited, sleep(5000)]);
      child.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function percentiles(samples: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** A raw client: sends frames and times each until the next session.updated or error. */
interface RawSession {
  readonly socket: WebSocket;
  /** Sends a session.update and resolves with its latency in ms, and whether it failed (error, close, no answer in 10 s). */
  update(session: JsonObject): Promise<{ latency: number; error: boolean }>;
}

interface Waiter {
  readonly sentAt: number;
  readonly timer: NodeJS.Timeout;
  resolve(answer: { latency: number; error: boolean }): void;
}

function openRawSession(url: string): Promise<RawSession> {
  const socket = new WebSocket(`${url}?model=${MODEL}`, { headers: { Authorization: `Bearer ${EMULATOR_API_KEY}` } });
  const waiting: Waiter[] = [];
  const answer = (error: boolean) => {
    const waiter = waiting.shift();
    if (waiter === undefined) return;
    clearTimeout(waiter.timer);
    waiter.resolve({ latency: performance.now() - waiter.sentAt, error });
  };
  return new Promise((resolve, reject) => {
    socket.on('message', (data: Buffer) => {
      // The type comes right after the event_id: reading the head spares parsing 100 kB of tools per answer.
      const head = data.subarray(0, 96).toString('latin1');
      if (head.includes('"type":"session.created"')) resolve({ socket, update });
      else if (head.includes('"type":"session.updated"')) answer(false);
      else if (head.includes('"type":"error"')) answer(true);
    });
    socket.on('error', reject);
    // A closed session answers nothing more: its waiters fail rather than hang the bench.
    socket.on('close', () => {
      while (waiting.length > 0) answer(true);
    });
  });
  function update(session: JsonObject): Promise<{ latency: number; error: boolean }> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const index = waiting.findIndex((waiter) => waiter.timer === timer);
        if (index >= 0) waiting.splice(index, 1);
        resolve({ latency: Number.NaN, error: true });
      }, 10_000);
      waiting.push({ sentAt: performance.now(), timer, resolve });
      socket.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime', ...session } }));
    });
  }
}

describe('emulator under load', () => {
  bench(
    'big-config capacity: 500 sessions × 50 tools (~2 kB schemas), one edit per second each for 10 s',
    async () => {
      const sessionCount = 500;
      const seconds = 10;
      const emulator = await startEmulatorProcess({ maxSessions: sessionCount + 10 });
      try {
        const idle = await emulator.stats();
        const sessions: RawSession[] = [];
        // In batches, so the connection burst stays within the listen backlog.
        while (sessions.length < sessionCount) {
          const batch = Math.min(50, sessionCount - sessions.length);
          sessions.push(...(await Promise.all(Array.from({ length: batch }, () => openRawSession(emulator.url)))));
        }
        const tools = shopFunctionTools(50);
        const setupStarted = performance.now();
        const setup = await Promise.all(sessions.map((session) => session.update({ tools })));
        const setupMs = performance.now() - setupStarted;
        if (setup.some((answer) => answer.error)) throw new Error('the tools were refused');
        const loaded = await emulator.stats();

        const latencies: number[] = [];
        let errors = 0;
        const spacing = 1000 / sessionCount;
        const clientLoop = monitorEventLoopDelay({ resolution: 5 });
        clientLoop.enable();
        // Each session edits once a second, the sessions evenly spread over the second.
        const runs = sessions.map(async (session, index) => {
          await sleep(index * spacing);
          const started = performance.now();
          for (let edit = 0; edit < seconds; edit++) {
            const answer = await session.update({ instructions: `Session ${index}, edit ${edit}: be brief.` });
            if (answer.error) errors += 1;
            else latencies.push(answer.latency);
            await sleep(Math.max(0, started + (edit + 1) * 1000 - performance.now()));
          }
        });
        await Promise.all(runs);
        clientLoop.disable();
        const after = await emulator.stats();
        for (const session of sessions) session.socket.terminate();

        const { p50, p99, max } = percentiles(latencies);
        console.log(
          [
            `big-config capacity: ${sessionCount} sessions, ${tools.length} tools (${Math.round(JSON.stringify(tools).length / 1024)} kB config), ${latencies.length} edits over ${seconds} s`,
            `  setup (${sessionCount} tool updates at once): ${ms(setupMs)}`,
            `  edit → session.updated: p50 ${ms(p50)} | p99 ${ms(p99)} | max ${ms(max)} | errors ${errors}`,
            `  p99 < 100 ms: ${p99 < 100 ? 'yes' : 'NO'}`,
            `  event-loop delay during the edits: emulator p99 ${ms(after.loopDelayP99)} max ${ms(after.loopDelayMax)}; clients (this process) p99 ${ms(clientLoop.percentile(99) / 1e6)} max ${ms(clientLoop.max / 1e6)}`,
            `  emulator memory: idle rss ${mb(idle.rss)} heap ${mb(idle.heapUsed)}; loaded rss ${mb(loaded.rss)} heap ${mb(loaded.heapUsed)}; after rss ${mb(after.rss)} heap ${mb(after.heapUsed)}`,
          ].join('\n'),
        );
      } finally {
        await emulator.close();
      }
    },
    once,
  );

  bench(
    'store-driven: 200 session stores × 20 speed edits per second for 10 s',
    async () => {
      const storeCount = 200;
      const seconds = 10;
      const editsPerSecond = 20;
      const emulator = await startEmulatorProcess({ maxSessions: storeCount + 10 });
      const initial = RealtimeSessionCreateRequest.fromJson({
        model: MODEL,
        instructions: 'You are the voice agent of a bike shop.',
        audio: { output: { voice: 'marin', speed: 1 } },
        tools: shopFunctionTools(8),
      });
      const stores: RealtimeSessionStore[] = [];
      try {
        const idle = await emulator.stats();
        for (let i = 0; i < storeCount; i++) {
          const transport = createWebSocketTransport({
            url: emulator.url,
            model: MODEL,
            apiKey: EMULATOR_API_KEY,
            WebSocket,
          });
          const store = createSessionStore({ initial, transport });
          store.connect();
          stores.push(store);
        }
        await Promise.all(
          stores.map((store) =>
            until(
              store,
              (s) => s.status === 'open' && s.pending.length === 0 && s.acknowledged?.tools !== undefined,
              30_000,
            ),
          ),
        );
        const before = await emulator.stats();
        let peak = before;
        let worstLoopDelay = 0;
        const clientLoop = monitorEventLoopDelay({ resolution: 5 });
        clientLoop.enable();

        const latencies: number[] = [];
        let made = 0;
        let settled = 0;
        let rejected = 0;
        const spacing = 1000 / editsPerSecond / storeCount;
        const runs = stores.map(async (store, index) => {
          await sleep(index * spacing);
          const started = performance.now();
          for (let edit = 0; edit < seconds * editsPerSecond; edit++) {
            // Consecutive edits always differ: speeds 0.5, 0.55, … 1.45 in turn.
            const speed = Math.round((0.5 + ((index + edit) % 20) * 0.05) * 100) / 100;
            const editedAt = performance.now();
            made += 1;
            store
              .update((draft) => writeSessionField(draft, 'audio.output.speed', speed))
              .then(
                () => latencies.push(performance.now() - editedAt),
                () => (rejected += 1),
              )
              .finally(() => (settled += 1));
            await sleep(Math.max(0, started + ((edit + 1) * 1000) / editsPerSecond - performance.now()));
          }
        });
        const sampler = setInterval(() => {
          void emulator.stats().then((now) => {
            if (now.rss > peak.rss) peak = now;
            worstLoopDelay = Math.max(worstLoopDelay, now.loopDelayMax);
          });
        }, 1000);
        await Promise.all(runs);
        clearInterval(sampler);
        clientLoop.disable();
        // Acknowledgements still owed get 15 s; what is unsettled then is lost.
        const deadline = performance.now() + 15_000;
        while (settled < made && performance.now() < deadline) await sleep(50);
        const after = await emulator.stats();
        worstLoopDelay = Math.max(worstLoopDelay, after.loopDelayMax);

        const { p50, p99, max } = percentiles(latencies);
        console.log(
          [
            `store-driven load: ${storeCount} stores × ${editsPerSecond} edits/s × ${seconds} s = ${made} edits (${initial.tools?.length ?? 0} tools, ${Math.round(JSON.stringify(initial.toJson()).length / 1024)} kB config)`,
            `  edit → applied: p50 ${ms(p50)} | p99 ${ms(p99)} | max ${ms(max)}`,
            `  lost acknowledgements: ${made - settled} unsettled after 15 s, ${rejected} rejected`,
            `  event-loop delay: emulator max ${ms(worstLoopDelay)}; clients (${storeCount} stores, this process) p99 ${ms(clientLoop.percentile(99) / 1e6)} max ${ms(clientLoop.max / 1e6)}`,
            `  emulator memory: idle rss ${mb(idle.rss)}; connected rss ${mb(before.rss)} heap ${mb(before.heapUsed)}; peak rss ${mb(peak.rss)}; after rss ${mb(after.rss)} heap ${mb(after.heapUsed)} (Δrss ${mb(after.rss - before.rss)}, Δheap ${mb(after.heapUsed - before.heapUsed)})`,
          ].join('\n'),
        );
      } finally {
        for (const store of stores) store.disconnect();
        await emulator.close();
      }
    },
    once,
  );
});
