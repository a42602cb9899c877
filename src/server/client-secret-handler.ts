import {
  DEFAULT_REALTIME_MODEL,
  RealtimeClientSecretCreateRequest,
  RealtimeConfigError,
  RealtimeSessionCreateRequest,
  validateClientSecretRequest,
  type ConfigIssue,
  type RealtimeSessionCreateRequestInit,
} from '../model/index.js';
import { OPENAI_API_BASE_URL } from '../protocol/index.js';

export interface ClientSecretHandlerOptions {
  /** Your standard API key. It stays on the server: never sent to the caller, never in a response. */
  readonly apiKey: string;
  /** The API base. @default OPENAI_API_BASE_URL */
  readonly baseURL?: string;
  /** The session config every secret starts from; a caller's `session` fields override it. */
  readonly session?: RealtimeSessionCreateRequest | RealtimeSessionCreateRequestInit;
  /** Lifetime of each secret, 10–7200 s. @default 600 */
  readonly expiresAfterSeconds?: number;
  /** Largest request body accepted. @default 16 KiB */
  readonly maxBodyBytes?: number;
  /**
   * How long the API has to answer, body included. Past it the caller gets
   * 504 `upstream_timeout` instead of a request that hangs. @default 10000
   */
  readonly timeoutMs?: number;
  /** The fetch to reach the API with (tests, proxies). It is passed an `AbortSignal`. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

const DEFAULT_SESSION = new RealtimeSessionCreateRequest({ model: DEFAULT_REALTIME_MODEL });
const DEFAULT_TIMEOUT_MS = 10_000;
const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' };

/** An error answer in the API's shape (`{ error: { type, code, message } }`), never cached. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  issues?: readonly ConfigIssue[],
): Response {
  const error = { type: 'invalid_request_error', code, message, ...(issues ? { issues } : {}) };
  return new Response(JSON.stringify({ error }), { status, headers: JSON_HEADERS });
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
 * Settles as `work` does, or rejects once `signal` aborts: a fetch or a body
 * that ignores the signal still cannot hold the caller past the deadline.
 */
function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * The forms a key can take in a response: as is, escaped inside a JSON
 * string, and URL-encoded (an upstream may echo a request URL or header).
 * Longest first, so a form containing another is replaced whole.
 */
function keyForms(key: string): string[] {
  const forms = new Set([key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key)]);
  return [...forms].filter((form) => form !== '').sort((a, b) => b.length - a.length);
}

/**
 * A route handler that mints ephemeral `ek_…` client secrets for browsers.
 * It validates the caller's optional `{ session }` config with the model,
 * forwards `POST {baseURL}/realtime/client_secrets` with your key, and
 * answers `{ value, expires_at, session }`. Works wherever a
 * `(Request) => Promise<Response>` does: Next.js route handlers, Hono, Bun,
 * or Node through the Vite plugin.
 *
 * Callers send `application/json` (or no body at all, which means `{}`):
 * anything else gets 415, because a cross-site page can send a form or
 * `text/plain` without a CORS preflight, but not JSON. Every answer is JSON
 * with `cache-control: no-store`: an API that does not answer within
 * `timeoutMs` gives 504 `upstream_timeout`, one that answers something other
 * than JSON gives 502 `upstream_invalid_response`, an API error keeps its
 * status (5xx becomes 502), and the key is scrubbed from everything returned.
 *
 * @example
 * ```ts
 * // app/api/realtime/client-secret/route.ts (Next.js)
 * export const POST = createClientSecretHandler({
 *   apiKey: process.env.OPENAI_API_KEY!,
 *   session: { model: 'gpt-realtime-2', audio: { output: { voice: 'marin' } } },
 *   timeoutMs: 5_000,
 * });
 * ```
 */
export function createClientSecretHandler(
  options: ClientSecretHandlerOptions,
): (request: Request) => Promise<Response> {
  const baseURL = (options.baseURL ?? OPENAI_API_BASE_URL).replace(/\/+$/, '');
  const limit = options.maxBodyBytes ?? 16 * 1024;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new RangeError('timeoutMs must be a positive number.');
  const base =
    options.session === undefined
      ? DEFAULT_SESSION
      : options.session instanceof RealtimeSessionCreateRequest
        ? options.session
        : new RealtimeSessionCreateRequest(options.session);
  // Whatever the upstream says, the key must not come back out, in any encoding.
  const forms = keyForms(options.apiKey);
  const scrub = (text: string) => forms.reduce((scrubbed, form) => scrubbed.split(form).join('[redacted]'), text);

  return async (request) => {
    if (request.method !== 'POST') return errorResponse(405, 'method_not_allowed', 'Use POST.');
    const contentType = request.headers.get('content-type');
    const isJson =
      contentType !== null && (contentType.split(';')[0] ?? '').trim().toLowerCase() === 'application/json';
    if (contentType !== null && !isJson) {
      return errorResponse(415, 'unsupported_media_type', 'Send the body as application/json.');
    }
    let text: string | undefined;
    try {
      text = await readLimited(request, limit);
    } catch {
      // The caller went away mid-body (or its stream broke): nobody will read this answer, but it must not throw.
      return errorResponse(400, 'unreadable_body', 'The request body could not be read.');
    }
    if (text === undefined) return errorResponse(413, 'request_too_large', `The body is over ${limit} bytes.`);
    const empty = text.trim() === '';
    if (!isJson && !empty) return errorResponse(415, 'unsupported_media_type', 'Send the body as application/json.');
    let body: unknown;
    try {
      body = empty ? {} : JSON.parse(text);
    } catch {
      return errorResponse(400, 'invalid_json', 'The body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return errorResponse(400, 'invalid_type', 'The body must be a JSON object such as { "session": { … } }.');
    }
    const asked = (body as Record<string, unknown>)['session'] ?? {};
    if (typeof asked !== 'object' || asked === null || Array.isArray(asked)) {
      return errorResponse(400, 'invalid_type', 'session must be an object.');
    }
    let secretRequest: RealtimeClientSecretCreateRequest;
    try {
      const session = RealtimeSessionCreateRequest.fromJson({ ...base.toJson(), ...asked });
      const unknown = session.unknownKeys()[0];
      if (unknown !== undefined) {
        return errorResponse(400, 'unknown_parameter', `Unknown parameter: 'session.${unknown}'.`);
      }
      secretRequest = new RealtimeClientSecretCreateRequest({
        session,
        ...(options.expiresAfterSeconds === undefined
          ? {}
          : { expiresAfter: { seconds: options.expiresAfterSeconds } }),
      });
    } catch (error) {
      if (!(error instanceof RealtimeConfigError)) throw error;
      return errorResponse(400, error.code, `session.${error.message}`, [
        { ...error.toIssue(), path: `session.${error.path}` },
      ]);
    }
    const issues = validateClientSecretRequest(secretRequest);
    if (issues.length > 0) return errorResponse(400, 'invalid_config', 'The session config is invalid.', issues);

    // One deadline for the whole exchange: an API that sends headers and then stalls mid-body is as stuck as one that never answers.
    const deadline = AbortSignal.timeout(timeoutMs);
    let upstream: Response;
    let answer: string;
    try {
      upstream = await beforeDeadline(
        (options.fetch ?? fetch)(`${baseURL}/realtime/client_secrets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(secretRequest.toJson()),
          signal: deadline,
        }),
        deadline,
      );
      answer = scrub(await beforeDeadline(upstream.text(), deadline));
    } catch {
      if (deadline.aborted) {
        return errorResponse(504, 'upstream_timeout', `The Realtime API did not answer within ${timeoutMs} ms.`);
      }
      return errorResponse(502, 'upstream_unreachable', 'The Realtime API could not be reached.');
    }
    try {
      JSON.parse(answer);
    } catch {
      // An HTML error page from a proxy or load balancer: labelled as JSON, it would break the caller's parser.
      const type = upstream.headers.get('content-type');
      return errorResponse(
        502,
        'upstream_invalid_response',
        `The Realtime API answered HTTP ${upstream.status} with a body that is not JSON${type === null ? '' : ` (${type})`}.`,
      );
    }
    // A 4xx is the caller's or the config's to fix, so it passes through; anything else that is not a success is the API's.
    const status = upstream.ok ? 200 : upstream.status >= 400 && upstream.status < 500 ? upstream.status : 502;
    return new Response(answer, { status, headers: JSON_HEADERS });
  };
}
