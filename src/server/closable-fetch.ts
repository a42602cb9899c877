import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

/** The `fetch` signature the MCP SDK's transports accept. */
export type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

/** A `fetch` over its own sockets, and the means to close every one of them. */
export interface ClosableFetch {
  readonly fetch: FetchLike;
  /** Destroys every socket the fetch opened, in use or not; later calls fail. */
  close(): void;
}

/** Statuses whose responses have no body, so `new Response()` refuses one. */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/**
 * A minimal `fetch` on `node:http` and `node:https` with agents of its own.
 *
 * Why not the global `fetch`: in Node 20 aborting a request whose response has not begun leaves undici's socket
 * open until the server answers or undici's 300 s headers timeout, so every listing of a server that hangs
 * would leave a connection behind. Here `close()` destroys the agents, and with them every socket.
 *
 * Enough of `fetch` for the MCP SDK's streamable HTTP transport: string or byte bodies, an `AbortSignal`,
 * streamed response bodies. Redirects are never followed, as with `redirect: 'manual'` (the SDK follows them
 * itself), and bodies are not decompressed (no `Accept-Encoding` is sent).
 *
 * @example
 * ```ts
 * const http = createClosableFetch();
 * try {
 *   const response = await http.fetch('http://127.0.0.1:8080/mcp', { method: 'POST', body: '{}' });
 * } finally {
 *   http.close();
 * }
 * ```
 */
export function createClosableFetch(): ClosableFetch {
  const agents = { http: new HttpAgent({ keepAlive: false }), https: new HttpsAgent({ keepAlive: false }) };
  let closed = false;

  const fetch: FetchLike = (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      if (closed) return reject(new Error('This fetch has been closed.'));
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      if (!secure && target.protocol !== 'http:')
        return reject(new TypeError(`Unsupported URL scheme ${target.protocol}`));
      const body = requestBody(init.body);
      if (body instanceof Error) return reject(body);
      const options = {
        method: init.method ?? 'GET',
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        ...(init.signal === undefined || init.signal === null ? {} : { signal: init.signal }),
      };
      const onResponse = (message: IncomingMessage) => {
        const response = toWebResponse(message, options.method);
        if (response instanceof Error) {
          message.destroy();
          reject(response);
        } else resolve(response);
      };
      const request = secure
        ? httpsRequest(target, { ...options, agent: agents.https }, onResponse)
        : httpRequest(target, { ...options, agent: agents.http }, onResponse);
      // After the response, errors reach its body stream; `on`, not `once`, so a second one is not unheard.
      request.on('error', reject);
      request.end(body);
    });

  return {
    fetch,
    close() {
      closed = true;
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function requestBody(body: RequestInit['body']): string | Uint8Array | undefined | Error {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return new TypeError('Only string and byte request bodies are supported.');
}

function toWebResponse(message: IncomingMessage, method: string): Response | Error {
  const status = message.statusCode ?? 0;
  if (status < 200 || status > 599) return new Error(`Unexpected HTTP status ${status}`);
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index] ?? '', raw[index + 1] ?? '');
  const bodyless = NULL_BODY_STATUSES.has(status) || method.toUpperCase() === 'HEAD';
  if (bodyless) message.on('error', () => undefined).resume();
  // Readable.toWeb's stream type is node:stream/web's, structurally the global one.
  const body = bodyless ? null : (Readable.toWeb(message) as ReadableStream<Uint8Array>);
  return new Response(body, { status, statusText: message.statusMessage ?? '', headers });
}
