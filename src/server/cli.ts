import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  EMULATOR_API_KEY,
  startRealtimeEmulator,
  type RunningRealtimeEmulator,
  type StartRealtimeEmulatorOptions,
} from './emulator.js';
import { certificateHostsFor } from './tls.js';

/** Where `--tls` writes the generated certificate: beside the project, at a path that survives restarts. */
const DEFAULT_TLS_CERT_OUT = '.realtime-emulator-cert.pem';

const USAGE = `Usage: react-realtime-session emulator [--port 8787] [--host 127.0.0.1] [--api-key KEY]
         [--tls [--tls-cert-out FILE] | --tls-cert FILE --tls-key FILE]

Starts a local Realtime API: POST /v1/realtime/client_secrets, the /v1/realtime WebSocket, and
WebRTC calls at POST /v1/realtime/calls (needs: npm install -D werift@~0.24.4 opusscript).

  --tls                serve https and wss with a self-signed certificate for localhost, 127.0.0.1
                       and ::1, generated at start (needs: npm install -D selfsigned)
  --tls-cert-out FILE  where --tls writes that certificate for clients to trust, never its key
                       (default ./${DEFAULT_TLS_CERT_OUT}; e.g. NODE_EXTRA_CA_CERTS=FILE)
  --tls-cert FILE      serve https and wss with this PEM certificate...
  --tls-key FILE       ...and its PEM private key (both are required)`;

type TlsChoice =
  | { readonly kind: 'none' }
  | { readonly kind: 'generate'; readonly certOut: string }
  | { readonly kind: 'files'; readonly certFile: string; readonly keyFile: string };

/** The TLS flags as one choice, refusing combinations that would silently ignore a flag. */
function tlsChoice(values: {
  readonly tls?: boolean | undefined;
  readonly 'tls-cert'?: string | undefined;
  readonly 'tls-key'?: string | undefined;
  readonly 'tls-cert-out'?: string | undefined;
}): TlsChoice {
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  const certOut = values['tls-cert-out'];
  if (certFile !== undefined || keyFile !== undefined) {
    if (certFile === undefined || keyFile === undefined)
      throw new Error('--tls-cert and --tls-key go together: give both the PEM certificate and its private key');
    if (certOut !== undefined)
      throw new Error('--tls-cert-out is where --tls writes a generated certificate; with --tls-cert, trust that file');
    return { kind: 'files', certFile, keyFile };
  }
  if (values.tls === true) return { kind: 'generate', certOut: resolve(certOut ?? DEFAULT_TLS_CERT_OUT) };
  if (certOut !== undefined) throw new Error('--tls-cert-out needs --tls, which generates the certificate it writes');
  return { kind: 'none' };
}

async function readPem(flag: string, file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new Error(`${flag} ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function tlsOption(choice: TlsChoice): Promise<Pick<StartRealtimeEmulatorOptions, 'tls'>> {
  if (choice.kind === 'none') return {};
  if (choice.kind === 'generate') return { tls: true };
  // One after the other, so that with both missing the error names the certificate, as the usage lists it first.
  const cert = await readPem('--tls-cert', choice.certFile);
  const key = await readPem('--tls-key', choice.keyFile);
  return { tls: { cert, key } };
}

/**
 * Runs the command line; resolves with the running emulator (or undefined
 * after printing usage). The bin calls it with `process.argv.slice(2)`.
 *
 * @example
 * ```ts
 * const running = await runCli(['emulator', '--port', '0', '--tls', '--tls-cert-out', '/tmp/emulator.pem']);
 * await running?.close();
 * ```
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
      tls: { type: 'boolean' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-cert-out': { type: 'string' },
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
  const tls = tlsChoice(values);
  const apiKey = values['api-key'] ?? EMULATOR_API_KEY;
  const running = await startRealtimeEmulator({ port, host: values.host, apiKey, ...(await tlsOption(tls)) });
  if (tls.kind === 'generate' && running.certificate !== undefined) {
    try {
      // The certificate only: it is public. The private key stays in memory and dies with the process.
      await writeFile(tls.certOut, running.certificate);
    } catch (error) {
      await running.close();
      throw new Error(`--tls-cert-out ${tls.certOut}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
  log(`Realtime emulator on ${running.url} (WebSocket ${running.url.replace(/^http/, 'ws')}/realtime?model=…)`);
  // The key is printed only when it is the emulator's public default, never one the user passed.
  log(apiKey === EMULATOR_API_KEY ? `API key: ${EMULATOR_API_KEY}` : 'API key: the one given with --api-key');
  if (tls.kind === 'generate') {
    const hosts = certificateHostsFor(values.host).join(', ');
    log(`TLS certificate (self-signed for ${hosts}, valid 30 days, new at every start): ${tls.certOut}`);
    log(`Trust it in Node clients: NODE_EXTRA_CA_CERTS=${tls.certOut}, or pass its text as the \`ca\` option`);
  } else if (tls.kind === 'files') {
    log(`TLS certificate: ${resolve(tls.certFile)} (clients must trust it, e.g. NODE_EXTRA_CA_CERTS=<that file>)`);
  }
  return running;
}
