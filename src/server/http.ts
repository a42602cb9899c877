import type { IncomingMessage, ServerResponse } from 'node:http';

/** The error body shape the Realtime API uses, for HTTP answers and `error` events alike. */
export interface ApiErrorBody {
  readonly type: string;
  readonly code: string;
  readonly message: string;
  readonly param: string | null;
  /**
   * The emulator's own addition, in a field the API does not use: the field
   * at fault where the API names none (`param: null`), so a client (the
   * kit's store) can still place the error.
   */
  readonly kit_param?: string;
}

export function apiError(code: string, message: string, param: string | null = null, kitParam?: string): ApiErrorBody {
  return {
    type: 'invalid_request_error',
    code,
    message,
    param,
    ...(kitParam === undefined ? {} : { kit_param: kitParam }),
  };
}

/** The error body for a failure of the emulator itself, never of the client's input. */
export function serverError(message: string): ApiErrorBody {
  return { type: 'server_error', code: 'server_error', message, param: null };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'access-control-allow-origin': '*',
  });
  response.end(text);
}

/** Reads a request body up to `limitBytes`; a larger one is refused with 413 before it is all buffered. */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limitBytes) {
      reject(new HttpError(413, apiError('request_too_large', `The request body is over ${limitBytes} bytes.`)));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new HttpError(413, apiError('request_too_large', `The request body is over ${limitBytes} bytes.`)));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The bearer token of an `Authorization` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The secret a browser passes in the `openai-insecure-api-key.<secret>` subprotocol, if any. */
export function subprotocolSecret(header: string | undefined): string | undefined {
  const protocols = (header ?? '').split(',').map((protocol) => protocol.trim());
  if (!protocols.includes('realtime')) return undefined;
  const prefix = 'openai-insecure-api-key.';
  return protocols.find((protocol) => protocol.startsWith(prefix))?.slice(prefix.length);
}
