import {
  RealtimeClientSecretCreateRequest,
  RealtimeConfigError,
  RealtimeSessionCreateRequest,
  validateClientSecretRequest,
  type ConfigIssue,
  type RealtimeSessionCreateRequestInit,
} from '../model/index.js';

export interface ClientSecretHandlerOptions {
  /** Your standard API key. It stays on the server: never sent to the caller, never in a response. */
  readonly apiKey: string;
  /** The API base. @default 'https://api.openai.com/v1' */
  readonly baseURL?: string;
  /** The session config every secret starts from; a caller's `session` fields override it. */
  readonly session?: RealtimeSessionCreateRequest | RealtimeSessionCreateRequestInit;
  /** Lifetime of each secret, 10–7200 s. @default 600 */
  readonly expiresAfterSeconds?: number;
  /** Largest request body accepted. @default 16 KiB */
  readonly maxBodyBytes?: number;
  /** The fetch to reach the API with (tests, proxies). @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

const DEFAULT_SESSION = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

function failure(status: number, code: string, message: string, issues?: readonly ConfigIssue[]): Response {
  return json(status, { error: { type: 'invalid_request_error', code, message, ...(issues ? { issues } : {}) } });
}

async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return undefined;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/**
 * A route handler that mints ephemeral `ek_…` client secrets for browsers.
 * It validates the caller's optional `{ session }` config with the model,
 * forwards `POST {baseURL}/realtime/client_secrets` with your key, and
 * answers `{ value, expires_at, session }`. Works wherever a
 * `(Request) => Promise<Response>` does: Next.js route handlers, Hono, Bun,
 * or Node through the Vite plugin.
 *
 * @example
 * ```ts
 * // app/api/realtime/client-secret/route.ts (Next.js)
 * export const POST = createClientSecretHandler({
 *   apiKey: process.env.OPENAI_API_KEY!,
 *   session: { model: 'gpt-realtime-2', audio: { output: { voice: 'marin' } } },
 * });
 * ```
 */
export function createClientSecretHandler(
  options: ClientSecretHandlerOptions,
): (request: Request) => Promise<Response> {
  const baseURL = (options.baseURL ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
  const limit = options.maxBodyBytes ?? 16 * 1024;
  const base =
    options.session === undefined
      ? DEFAULT_SESSION
      : options.session instanceof RealtimeSessionCreateRequest
        ? options.session
        : new RealtimeSessionCreateRequest(options.session);
  // Whatever the upstream says, the key must not come back out.
  const scrub = (text: string) => (options.apiKey === '' ? text : text.split(options.apiKey).join('[redacted]'));

  return async (request) => {
    if (request.method !== 'POST') return failure(405, 'method_not_allowed', 'Use POST.');
    const text = await readLimited(request, limit);
    if (text === undefined) return failure(413, 'request_too_large', `The body is over ${limit} bytes.`);
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return failure(400, 'invalid_json', 'The body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return failure(400, 'invalid_type', 'The body must be a JSON object such as { "session": { … } }.');
    }
    const asked = (body as Record<string, unknown>)['session'] ?? {};
    if (typeof asked !== 'object' || asked === null || Array.isArray(asked)) {
      return failure(400, 'invalid_type', 'session must be an object.');
    }
    let secretRequest: RealtimeClientSecretCreateRequest;
    try {
      const session = RealtimeSessionCreateRequest.fromJson({ ...base.toJson(), ...asked });
      const unknown = session.unknownKeys()[0];
      if (unknown !== undefined) return failure(400, 'unknown_parameter', `Unknown parameter: 'session.${unknown}'.`);
      secretRequest = new RealtimeClientSecretCreateRequest({
        session,
        ...(options.expiresAfterSeconds === undefined
          ? {}
          : { expiresAfter: { seconds: options.expiresAfterSeconds } }),
      });
    } catch (error) {
      if (!(error instanceof RealtimeConfigError)) throw error;
      return failure(400, error.code, `session.${error.message}`, [
        { ...error.toIssue(), path: `session.${error.path}` },
      ]);
    }
    const issues = validateClientSecretRequest(secretRequest);
    if (issues.length > 0) return failure(400, 'invalid_config', 'The session config is invalid.', issues);

    let upstream: Response;
    try {
      upstream = await (options.fetch ?? fetch)(`${baseURL}/realtime/client_secrets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(secretRequest.toJson()),
      });
    } catch {
      return failure(502, 'upstream_unreachable', 'The Realtime API could not be reached.');
    }
    const answer = scrub(await upstream.text());
    if (!upstream.ok) {
      return new Response(answer, {
        status: upstream.status >= 500 ? 502 : upstream.status,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    }
    return new Response(answer, {
      status: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  };
}
