/*
 * The emulator as a child process for the load bench, so its event loop and
 * memory are its own rather than shared with hundreds of bench clients.
 * Options come as JSON in argv[2]; it reports { type: 'ready', port } and
 * answers 'memory' with its memory and event-loop delay.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startRealtimeEmulator, type StartRealtimeEmulatorOptions } from '../../src/server/emulator.js';

/** Messages the bench sends to this process. */
export type LoadServerRequest = 'memory' | 'close';

/** What this process reports about itself: memory, open sessions, and event-loop delay since the last report. */
export interface LoadServerStats {
  readonly rss: number;
  readonly heapUsed: number;
  readonly sessions: number;
  /** p99 and max delay of this process's event loop since the previous report, in ms. */
  readonly loopDelayP99: number;
  readonly loopDelayMax: number;
}

/** Messages this process sends to the bench. */
export type LoadServerReport =
  { readonly type: 'ready'; readonly port: number } | ({ readonly type: 'memory' } & LoadServerStats);

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as StartRealtimeEmulatorOptions;
  const running = await startRealtimeEmulator({ ...options, port: 0, host: '127.0.0.1' });
  const report = (message: LoadServerReport) => process.send?.(message);
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  process.on('message', (request: LoadServerRequest) => {
    if (request === 'memory') {
      const { rss, heapUsed } = process.memoryUsage();
      const loopDelayP99 = loopDelay.percentile(99) / 1e6;
      const loopDelayMax = loopDelay.max / 1e6;
      loopDelay.reset();
      report({ type: 'memory', rss, heapUsed, sessions: running.emulator.sessionCount, loopDelayP99, loopDelayMax });
    } else void running.close().then(() => process.exit(0));
  });
  // The bench going away, however it ends, ends this process too.
  process.on('disconnect', () => process.exit(0));
  report({ type: 'ready', port: running.port });
}

void main();
