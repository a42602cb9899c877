import { stat, readFile } from 'node:fs/promises';
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger, Plugin, PreviewServer } from 'vite';
import type { RealtimeSessionCreateRequestInit } from '../model/index.js';
import {
  DEV_ENDPOINT_META_NAME,
  devEndpointContent,
  OPENAI_API_BASE_URL,
  realtimeWebSocketUrl,
} from '../protocol/index.js';
import { createClientSecretHandler, errorResponse } from './client-secret-handler.js';
import { createRealtimeEmulator, EMULATOR_API_KEY, type RealtimeEmulatorOptions } from './emulator.js';
import { sendWebResponse, toWebRequest } from './node-adapter.js';

/** Where the dev server mints browser client secrets, in both modes. */
export const DEV_CLIENT_SECRET_PATH = '/api/realtime/client-secret';

/** The emulator's Realtime endpoint, at the dev server's own origin. */
export const DEV_REALTIME_PATH = '/v1/realtime';

export interface RealtimeDevServerOptions {
  /**
   * A standard API key. When set, the client-secret route mints real secrets
   * from OpenAI and no emulator runs. @default process.env.OPENAI_API_KEY
   */
  readonly apiKey?: string;
  /**
   * The API base key mode mints its secrets from; pages are pointed at its
   * WebSocket twin (`https://host/v1` → `wss://host/v1/realtime`). For a proxy
   * or a local stand-in; unused without a key. @default OPENAI_API_BASE_URL
   */
  readonly baseURL?: string;
  /** The session config each minted secret starts from. */
  readonly session?: RealtimeSessionCreateRequestInit;
  /** Where the client-secret route is served. @default DEV_CLIENT_SECRET_PATH */
  readonly clientSecretPath?: string;
  /** Options of the local emulator. */
  readonly emulator?: RealtimeEmulatorOptions;
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
type Middlewares = { use(handler: Middleware): void };

function pathnameOf(url: string | undefined): string {
  return (url ?? '/').split(/[?#]/)[0] ?? '/';
}

/**
 * Whether a browser sent this request from another site. Key-mode secrets
 * spend the user's key, so only pages of the dev server itself may mint them.
 * Requests without `Origin` (curl, server code) are not browser cross-site requests.
 */
function isCrossSite(request: IncomingMessage): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    const from = new URL(origin);
    // Parsed with the origin's scheme so default ports compare equal (`Host: localhost` vs `http://localhost:80`).
    return from.host !== new URL(`${from.protocol}//${request.headers.host ?? ''}`).host;
  } catch {
    return true; // `Origin: null` (sandboxed frames, file://) or garbage: not this server's page.
  }
}

/** Escapes a value for a double-quoted HTML attribute. */
function escapeAttribute(value: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };
  return value.replace(/[&"'<>]/g, (character) => entities[character] ?? character);
}

/** Puts `tag` at the end of `<head>`, falling back as Vite does for pages without one (never before the doctype). */
function injectIntoHead(html: string, tag: string): string {
  const before = /<\/head>/i.exec(html) ?? /<body[\s>]/i.exec(html);
  if (before) return html.slice(0, before.index) + tag + html.slice(before.index);
  const after = /<html[^>]*>/i.exec(html) ?? /<!doctype html>/i.exec(html);
  if (!after) return tag + html;
  const end = after.index + after[0].length;
  return html.slice(0, end) + tag + html.slice(end);
}

/**
 * A middleware that serves the build's HTML pages with `tag` injected, for
 * the preview server. Registered twice: before Vite's static files (which
 * would serve `/page.html` as is) with `stripBase`, and after Vite's HTML
 * fallback (which has rewritten `/`, `/foo/`, `/foo` and SPA routes to their
 * `.html` file, with its exact rules) without. Anything else goes on to Vite.
 */
function previewHtml(server: PreviewServer, tag: () => string, stripBase: boolean): Middleware {
  const { config } = server;
  const outDir = path.resolve(config.root, (config.environments['client'] ?? config).build.outDir);
  const base = config.base;
  return (request, response, next) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || response.writableEnded) return next();
    let pathname = pathnameOf(request.url);
    if (stripBase && base !== '/' && base !== '') {
      if (!pathname.startsWith(base)) return next();
      pathname = pathname.slice(base.length - 1);
    }
    let file: string;
    try {
      file = path.resolve(outDir, `.${decodeURIComponent(pathname)}`);
    } catch {
      return next();
    }
    if (!file.endsWith('.html') || !file.startsWith(outDir + path.sep)) return next();
    stat(file)
      .then(async (stats) => (stats.isFile() ? readFile(file, 'utf8') : undefined))
      .then(
        (page) => {
          if (page === undefined) return next();
          const html = Buffer.from(injectIntoHead(page, tag()));
          response.writeHead(200, {
            ...config.preview.headers,
            'content-type': 'text/html; charset=utf-8',
            'content-length': html.byteLength,
            'cache-control': 'no-cache',
          });
          response.end(request.method === 'HEAD' ? undefined : html);
        },
        // Unreadable (gone, a permission): Vite's own middlewares answer as they would without the plugin.
        () => next(),
      )
      // Only a throw while answering lands here; next() must not run twice, so the answer is cut.
      .catch(() => response.destroy());
  };
}

/**
 * A Vite plugin (Storybook included) that gives the dev and preview servers
 * a live Realtime endpoint at their own origin:
 * - without a key, the local emulator at `/v1/realtime` (WebSocket and REST);
 * - with `OPENAI_API_KEY`, nothing local: browsers connect to OpenAI, and the
 *   client-secret route answers same-origin requests only (403 otherwise),
 *   since each secret spends your key.
 *
 * Either way, `POST /api/realtime/client-secret` mints an `ek_…` secret for
 * the browser, and the standard key never leaves the server. Every HTML page
 * the dev or preview server serves gets a
 * `<meta name="react-realtime-session:endpoint">` naming the endpoint and the
 * secret route (see `DEV_ENDPOINT_META_NAME` in the main entry), which
 * `useRealtimeSession` reads when it is given no endpoint: zero config. A
 * `vite build` carries none of it: the plugin applies to `serve` only.
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
  const baseURL = (options.baseURL ?? OPENAI_API_BASE_URL).replace(/\/+$/, '');

  const apiKey = () => options.apiKey ?? process.env['OPENAI_API_KEY'];
  const usesEmulator = () => {
    const key = apiKey();
    return key === undefined || key === '';
  };
  const endpointContent = () =>
    devEndpointContent({
      url: usesEmulator() ? DEV_REALTIME_PATH : realtimeWebSocketUrl(baseURL),
      clientSecretPath: secretPath,
    });

  function attach(middlewares: Middlewares, httpServer: HttpServer | null, logger: Logger): void {
    const emulator = usesEmulator() ? createRealtimeEmulator(options.emulator) : undefined;
    // Created on first use: in emulator mode its upstream is this very server, whose port is known only once it listens.
    let mint: ((request: Request) => Promise<Response>) | undefined;
    const minter = () =>
      (mint ??= createClientSecretHandler({
        apiKey: emulator === undefined ? (apiKey() as string) : (options.emulator?.apiKey ?? EMULATOR_API_KEY),
        ...(options.session === undefined ? {} : { session: options.session }),
        baseURL:
          emulator === undefined
            ? baseURL
            : `http://127.0.0.1:${(httpServer?.address() as AddressInfo | null)?.port ?? 0}/v1`,
      }));
    // Async so that anything thrown (a malformed request included) becomes a rejection the caller catches.
    const answer = async (request: IncomingMessage) => {
      if (emulator === undefined && isCrossSite(request)) {
        return errorResponse(
          403,
          'cross_origin_forbidden',
          "Client secrets are minted for this server's own pages only.",
        );
      }
      return minter()(toWebRequest(request));
    };
    middlewares.use((request, response, next) => {
      if (pathnameOf(request.url) === secretPath) {
        // A rejection left unheard here would take the whole dev server down.
        answer(request)
          .then((reply) => sendWebResponse(reply, response))
          .catch(async (error: unknown) => {
            logger.error(`[react-realtime-session] client secret: ${String(error)}`, { timestamp: true });
            await sendWebResponse(
              errorResponse(500, 'internal_error', 'The client secret could not be minted.'),
              response,
            );
          })
          .catch(() => response.destroy());
        return;
      }
      if (emulator?.handleRequest(request, response) === true) return;
      next();
    });
    if (emulator !== undefined && httpServer !== null) {
      // Vite's own HMR socket listens on other paths; the emulator takes only /v1/realtime.
      httpServer.on('upgrade', (request, socket, head) => emulator.handleUpgrade(request, socket, head));
      httpServer.on('close', () => {
        emulator.close().catch((error: unknown) => logger.error(`[react-realtime-session] emulator: ${String(error)}`));
      });
    }
  }

  return {
    name: 'react-realtime-session:dev-server',
    // Dev and preview only: a production build must not point its pages at a dev endpoint.
    apply: 'serve',
    transformIndexHtml: {
      // Runs on every page the dev server renders, Storybook's iframe.html included (its builder calls transformIndexHtml).
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { name: DEV_ENDPOINT_META_NAME, content: endpointContent() }, injectTo: 'head' },
      ],
    },
    configureServer(server) {
      // In middleware mode (Storybook) Vite has no server of its own; the host passes it as the HMR server.
      const hmr = server.config.server.hmr;
      const hostServer = typeof hmr === 'object' && hmr.server !== undefined ? hmr.server : null;
      attach(server.middlewares, (server.httpServer ?? hostServer) as HttpServer | null, server.config.logger);
    },
    configurePreviewServer(server) {
      attach(server.middlewares, server.httpServer as HttpServer | null, server.config.logger);
      // Preview serves the built files as they are, without transformIndexHtml: the meta goes in on the way out.
      const tag = () => `<meta name="${DEV_ENDPOINT_META_NAME}" content="${escapeAttribute(endpointContent())}">`;
      server.middlewares.use(previewHtml(server, tag, true));
      return () => server.middlewares.use(previewHtml(server, tag, false));
    },
  };
}
