/*
 * Main-thread cost of a burst of edits while nothing has been answered yet:
 * the pending-update bookkeeping must stay O(1) per action, so 10k
 * synchronous update() calls take well under a second. The scripted
 * transport never acknowledges, the worst case for what stays in flight.
 */
import { bench, describe } from 'vitest';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { shopFunctionTools } from '../support/function-tools.js';
import { createFakeTransport } from './fake-transport.js';

const EDITS = 10_000;
const initial = RealtimeSessionCreateRequest.fromJson({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop.',
  tools: shopFunctionTools(8, 6),
});

function openStore(): RealtimeSessionStore {
  const transport = createFakeTransport();
  const store = createSessionStore({ initial, transport });
  store.connect();
  transport.open();
  return store;
}

function report(name: string, store: RealtimeSessionStore, run: () => void): void {
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  console.log(
    `${name}: ${EDITS} synchronous edits in ${ms.toFixed(0)} ms; ${store.getSnapshot().pending.length} in flight`,
  );
}

describe('a burst of 10k edits with no answers', () => {
  bench(
    'discrete edits (each sent at once)',
    () => {
      const store = openStore();
      report('voice back and forth', store, () => {
        for (let index = 0; index < EDITS; index++) {
          void store.update({ audio: { output: { voice: index % 2 === 0 ? 'cedar' : 'marin' } } });
        }
      });
    },
    { iterations: 1, warmupIterations: 0 },
  );

  bench(
    'discrete edits over two fields',
    () => {
      const store = openStore();
      report('voice and token limit', store, () => {
        for (let index = 0; index < EDITS; index++) {
          if (index % 2 === 0) void store.setField('audio.output.voice', index % 4 === 0 ? 'cedar' : 'marin');
          else void store.setField('max_output_tokens', 100 + index);
        }
      });
    },
    { iterations: 1, warmupIterations: 0 },
  );

  bench(
    'a slider drag (coalesced)',
    () => {
      const store = openStore();
      report('speed drag', store, () => {
        for (let index = 0; index < EDITS; index++)
          void store.setField('audio.output.speed', 0.5 + (index % 100) / 100);
      });
      store.disconnect();
    },
    { iterations: 1, warmupIterations: 0 },
  );
});
