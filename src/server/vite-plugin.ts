import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Plugin } from 'vite';
import type { RealtimeSessionCreateRequestInit } from '../model/index.js';
import { createClientSecretHandler } from './client-secret-handler.js';
import { createRealtimeEmulator, EMULATOR_API_KEY, type RealtimeEmulatorOptions } from './emulator.js';
import { sendWebResponse, toWebRequest } from './node-adapter.js';

/** Where the dev server mints browser client secrets, in both modes. */
export const DEV_CLIENT_SECRET_PATH = '/api/realtime/client-secret';

/** The emulator's Realtime endpoint, at the dev server's own origin. */
export const DEV_REALTIME_PATH = '/v1/realtime';
/** OpenAI's Realtime endpoint, used in dev when a key is set (kept here: this module must not import browser code). */
const OPENAI_REALTIME_URL = 'wss://api.openai.com/v1/realtime';

export interface RealtimeDevServerOptions {
  /**
   * A standard API key. When set, the client-secret route mints real secrets
   * from OpenAI and no emulator runs. @default process.env.OPENAI_API_KEY
   */
  readonly apiKey?: string;
  /** The session config each minted secret starts from. */
  readonly session?: RealtimeSessionCreateRequestInit;
  /** Where the client-secret route is served. @default DEV_CLIENT_SECRET_PATH */
  readonly clientSecretPath?: string;
  /** Options of the local emulator. */
  readonly emulator?: RealtimeEmulatorOptions;
}

type Middlewares = {
  use(handler: (request: IncomingMessage, response: ServerResponse, next: () => void) => void): void;
};

/**
 * A Vite plugin (Storybook included) that gives the dev server a live
 * Realtime endpoint at its own origin:
 * - without a key, the local emulator at `/v1/realtime` (WebSocket and REST);
 * - with `OPENAI_API_KEY`, nothing local: browsers connect to OpenAI.
 * Either way, `POST /api/realtime/client-secret` mints an `ek_…` secret for
 * the browser, and the standard key never leaves the server. Browser code
 * finds the matching endpoint in `import.meta.env.VITE_REALTIME_URL`
 * (`/v1/realtime` for the emulator, OpenAI's URL otherwise).
 *
 * @example
 * ```ts
 * // vite.config.ts
 * import { realtimeDevServer } from 'react-realtime-session/server';
 * export default defineConfig({ plugins: [react(), realtimeDevServer()] });
 * ```
 */
export function realtimeDevServer(options: RealtimeDevServerOptions = {}): Plugin {
  const secretPath = options.clientSecretPath ?? DEV_CLIENT_SECRET_PATH;

  const apiKey = () => options.apiKey ?? process.env['OPENAI_API_KEY'];
  const usesEmulator = () => {
    const key = apiKey();
    return key === undefined || key === '';
  };

  function attach(middlewares: Middlewares, httpServer: HttpServer | null): void {
    const emulator = usesEmulator() ? createRealtimeEmulator(options.emulator) : undefined;
    // Created on first use: in emulator mode its upstream is this very server, whose port is known only once it listens.
    let mint: ((request: Request) => Promise<Response>) | undefined;
    const minter = () =>
      (mint ??= createClientSecretHandler({
        apiKey: emulator === undefined ? (apiKey() as string) : (options.emulator?.apiKey ?? EMULATOR_API_KEY),
        ...(options.session === undefined ? {} : { session: options.session }),
        ...(emulator === undefined
          ? {}
          : { baseURL: `http://127.0.0.1:${(httpServer?.address() as AddressInfo | null)?.port ?? 0}/v1` }),
      }));
    middlewares.use((request, response, next) => {
      if ((request.url ?? '').split('?')[0] === secretPath) {
        void minter()(toWebRequest(request)).then((answer) => sendWebResponse(answer, response));
        return;
      }
      if (emulator?.handleRequest(request, response) === true) return;
      next();
    });
    if (emulator !== undefined && httpServer !== null) {
      // Vite's own HMR socket listens on other paths; the emulator takes only /v1/realtime.
      httpServer.on('upgrade', (request, socket, head) => emulator.handleUpgrade(request, socket, head));
      httpServer.on('close', () => void emulator.close());
    }
  }

  return {
    name: 'react-realtime-session:dev-server',
    // Tells browser code which endpoint this dev server pairs with its client secrets.
    config(_config, { command }) {
      if (command !== 'serve') return {};
      const url = usesEmulator() ? DEV_REALTIME_PATH : OPENAI_REALTIME_URL;
      return { define: { 'import.meta.env.VITE_REALTIME_URL': JSON.stringify(url) } };
    },
    configureServer(server) {
      // In middleware mode (Storybook) Vite has no server of its own; the host passes it as the HMR server.
      const hmr = server.config.server.hmr;
      const hostServer = typeof hmr === 'object' && hmr.server !== undefined ? hmr.server : null;
      attach(server.middlewares, (server.httpServer ?? hostServer) as HttpServer | null);
    },
    configurePreviewServer(server) {
      attach(server.middlewares, server.httpServer as HttpServer | null);
    },
  };
}
