import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

function requestUrl(request: IncomingMessage): URL {
  try {
    return new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
  } catch {
    // A malformed Host header is the client's problem; the path is all a handler needs.
    return new URL(request.url ?? '/', 'http://localhost');
  }
}

/**
 * A Node request as a web `Request`, so `(Request) => Promise<Response>` handlers can serve it.
 * If the client aborts mid-body, the body stream errors: reading it rejects, and a handler
 * that reads it must catch that (the request's own `error` is heard by the stream, so it is
 * never thrown as an unheard event).
 */
export function toWebRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(requestUrl(request), {
    method: request.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * Writes a web `Response` to a Node response. It never throws for a client
 * that has gone away (an aborted request): there is no one left to answer,
 * so the answer is dropped.
 */
export async function sendWebResponse(response: Response, target: ServerResponse): Promise<void> {
  const gone = () => target.destroyed || target.writableEnded || target.headersSent;
  if (gone()) {
    await response.body?.cancel().catch(() => undefined);
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  if (gone()) return;
  target.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  target.end(body);
}
