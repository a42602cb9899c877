/*
 * The emulator's two transports side by side, over loopback: connect time
 * (WebSocket: upgrade to session.created; WebRTC: offer posted to data
 * channel open, werift in both peers) and the session.update →
 * session.updated round trip on each. Each bench runs its workload once and
 * prints the figures; the browser's own connect figure is printed by
 * test/browser/webrtc-transport.test.ts.
 */
import { bench, describe } from 'vitest';
import { startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
import { connectWebRTCClient } from '../support/webrtc-client.js';
import { connect, wsUrl } from './realtime-test-client.js';

const apiKey = 'sk-bench-transports';
const CONNECTS = 10;
const UPDATES = 200;

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN).toFixed(2);
  return `${label}: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${sorted.at(-1)?.toFixed(2)} ms (n=${sorted.length})`;
}

async function withEmulator(run: (emulator: RunningRealtimeEmulator) => Promise<void>): Promise<void> {
  // A bench sends far more than a person could; lift the per-connection rate limit.
  const emulator = await startRealtimeEmulator({ apiKey, port: 0, eventsPerSecond: 1_000_000 });
  try {
    await run(emulator);
  } finally {
    await emulator.close();
  }
}

const voiceUpdate = (i: number) => ({
  type: 'session.update',
  session: { type: 'realtime', audio: { output: { speed: i % 2 === 0 ? 1.1 : 1.05 } } },
});

describe('transports against the emulator', () => {
  bench(
    'connect: WebSocket vs WebRTC',
    () =>
      withEmulator(async (emulator) => {
        const webSocket: number[] = [];
        const webRTC: number[] = [];
        for (let i = 0; i < CONNECTS; i++) {
          const started = performance.now();
          const client = await connect(`${wsUrl(emulator.url)}?model=gpt-realtime`, { apiKey });
          await client.next('session.created');
          webSocket.push(performance.now() - started);
          await client.close();
        }
        for (let i = 0; i < CONNECTS; i++) {
          const client = await connectWebRTCClient(`${emulator.url}/realtime/calls?model=gpt-realtime`, apiKey);
          webRTC.push(client.connectMs);
          await client.close();
        }
        console.log(summary('connect, WebSocket (upgrade → session.created)', webSocket));
        console.log(
          summary('connect, WebRTC (offer → data channel open; the first pays for werift warming up)', webRTC),
        );
      }),
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );

  bench(
    'session.update → session.updated: WebSocket vs WebRTC data channel',
    () =>
      withEmulator(async (emulator) => {
        const socket = await connect(`${wsUrl(emulator.url)}?model=gpt-realtime`, { apiKey });
        await socket.next('session.created');
        const overSocket: number[] = [];
        for (let i = 0; i < UPDATES; i++) {
          const started = performance.now();
          socket.send(voiceUpdate(i));
          await socket.next('session.updated');
          overSocket.push(performance.now() - started);
        }
        await socket.close();

        const call = await connectWebRTCClient(`${emulator.url}/realtime/calls?model=gpt-realtime`, apiKey);
        await call.waitFor('session.created');
        const overChannel: number[] = [];
        for (let i = 0; i < UPDATES; i++) {
          const since = call.events.length;
          const started = performance.now();
          call.send(voiceUpdate(i));
          await call.waitFor('session.updated', { since });
          overChannel.push(performance.now() - started);
        }
        await call.close();
        console.log(summary('update round trip, WebSocket', overSocket));
        console.log(summary('update round trip, WebRTC data channel', overChannel));
      }),
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
