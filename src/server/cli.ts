import { parseArgs } from 'node:util';
import { EMULATOR_API_KEY, startRealtimeEmulator, type RunningRealtimeEmulator } from './emulator.js';

const USAGE = `Usage: react-realtime-session emulator [--port 8787] [--host 127.0.0.1] [--api-key KEY]

Starts a local Realtime API: POST /v1/realtime/client_secrets and the /v1/realtime WebSocket.`;

/**
 * Runs the command line; resolves with the running emulator (or undefined
 * after printing usage). The bin calls it with `process.argv.slice(2)`.
 */
export async function runCli(
  argv: readonly string[],
  log: (line: string) => void = console.log,
): Promise<RunningRealtimeEmulator | undefined> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'api-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true || positionals[0] !== 'emulator') {
    log(USAGE);
    return undefined;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got ${values.port}`);
  const apiKey = values['api-key'] ?? EMULATOR_API_KEY;
  const running = await startRealtimeEmulator({ port, host: values.host, apiKey });
  log(`Realtime emulator on ${running.url} (WebSocket ${running.url.replace(/^http/, 'ws')}/realtime?model=…)`);
  // The key is printed only when it is the emulator's public default, never one the user passed.
  log(apiKey === EMULATOR_API_KEY ? `API key: ${EMULATOR_API_KEY}` : 'API key: the one given with --api-key');
  return running;
}
