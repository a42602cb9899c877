// Lists a remote MCP server's tools the way the Realtime API does when a session gains an MCP tool: over MCP's
// streamable HTTP transport, with the tool's `authorization` and `headers`, filtered by its `allowed_tools`.
//
// The MCP SDK is an optional peer dependency: it is imported only when a listing is asked for, so the emulator
// runs without it. Every failure is returned as a value whose message never carries a credential.
import { createClosableFetch, type FetchLike } from './closable-fetch.js';

/** A filter on an MCP server's tools (wire JSON of the Realtime API's MCP tool filter). */
export interface McpToolFilter {
  /** Only tools with these names. */
  readonly tool_names?: readonly string[];
  /** When `true`, only tools annotated `readOnlyHint: true`. */
  readonly read_only?: boolean;
}

/**
 * What the emulator needs of a session's MCP tool: the wire JSON of the Realtime API's MCP tool, so a
 * `RealtimeMcpToolJson` with a `server_url` can be passed as is.
 */
export interface McpServerTarget {
  /** Names the server in messages, as it does in the API's items. */
  readonly server_label: string;
  /** The server's streamable HTTP endpoint. */
  readonly server_url: string;
  /** An OAuth access token, sent as `Authorization: Bearer <token>`. A secret. */
  readonly authorization?: string;
  /** Extra request headers. Their values are secrets. `null` sends none. */
  readonly headers?: Readonly<Record<string, string>> | null;
  /** Tool names, or a filter, that the listing keeps. Absent or `null` keeps every tool. */
  readonly allowed_tools?: readonly string[] | McpToolFilter | null;
}

/** An MCP tool's behaviour hints; servers may add their own keys. */
export interface McpToolAnnotations {
  readonly title?: string;
  readonly readOnlyHint?: boolean;
  readonly destructiveHint?: boolean;
  readonly idempotentHint?: boolean;
  readonly openWorldHint?: boolean;
  readonly [hint: string]: unknown;
}

/** One tool as the Realtime API reports it in an `mcp_list_tools` item. */
export interface McpListedTool {
  readonly name: string;
  /** The JSON Schema of the tool's arguments, as the server gave it. */
  readonly input_schema: Readonly<Record<string, unknown>>;
  readonly description?: string;
  readonly annotations?: McpToolAnnotations;
}

/**
 * Why a listing failed:
 * - `sdk_missing`: `@modelcontextprotocol/sdk` could not be loaded;
 * - `unreachable`: no connection (refused, unknown host, reset);
 * - `unauthorized`: the server answered HTTP 401 or 403;
 * - `timeout`: no complete answer within `timeoutMs`, or the caller's signal aborted;
 * - `protocol_error`: anything else, such as a reply that is not MCP or a JSON-RPC error.
 */
export type McpListingFailureReason = 'sdk_missing' | 'unreachable' | 'unauthorized' | 'timeout' | 'protocol_error';

/** The outcome of {@link listMcpTools}: the tools, or why there are none. Messages never contain credentials. */
export type McpListing =
  | { readonly ok: true; readonly tools: readonly McpListedTool[] }
  | { readonly ok: false; readonly reason: McpListingFailureReason; readonly message: string };

/** Options of {@link listMcpTools}. */
export interface ListMcpToolsOptions {
  /** The whole listing (connection, initialization, every page) must finish within this. @default 10000 */
  readonly timeoutMs?: number;
  /** Aborting it ends the listing at once, as a `timeout`. */
  readonly signal?: AbortSignal;
  /** Loads the MCP SDK; tests replace it. @default a dynamic import of `@modelcontextprotocol/sdk` */
  readonly loadSdk?: () => Promise<McpClientSdk>;
}

// ---------------------------------------------------------------- the SDK, as far as the listing uses it

// Structural types rather than the SDK's own, so the published declarations never name the optional peer.
// `loadMcpClientSdk` below assigns the real SDK to them, so `tsc` proves they still match it.

/** How long one SDK request may take and what cancels it. */
export interface McpSdkRequestOptions {
  readonly signal: AbortSignal;
  readonly timeout: number;
}

/** A tool as the SDK's `listTools()` returns it. */
export interface McpSdkTool {
  readonly name: string;
  readonly description?: string | undefined;
  readonly inputSchema: Readonly<Record<string, unknown>>;
  readonly annotations?: Readonly<Record<string, unknown>> | undefined;
}

/** The SDK's `Client`, as far as the listing uses it. */
export interface McpSdkClient {
  connect(transport: object, options: McpSdkRequestOptions): Promise<void>;
  listTools(
    params: { cursor: string } | undefined,
    options: McpSdkRequestOptions,
  ): Promise<{ readonly tools: readonly McpSdkTool[]; readonly nextCursor?: string | undefined }>;
  close(): Promise<void>;
}

/** The parts of `@modelcontextprotocol/sdk` the listing uses. */
export interface McpClientSdk {
  readonly Client: new (info: { name: string; version: string }) => McpSdkClient;
  readonly StreamableHTTPClientTransport: new (
    url: URL,
    options: { requestInit: RequestInit; fetch: FetchLike },
  ) => object;
  /** Thrown for an HTTP error status; its `code` is the status. */
  readonly StreamableHTTPError: abstract new (...args: never[]) => Error & { readonly code: number | undefined };
}

/** The command that makes the SDK available, quoted in the `sdk_missing` message. */
export const MCP_SDK_INSTALL_COMMAND = 'npm install -D @modelcontextprotocol/sdk';

const DEFAULT_TIMEOUT_MS = 10_000;
/** Node turns a longer timer into 1 ms, with a warning. */
const LONGEST_TIMER_MS = 2_147_483_647;
/** A server that paginates past this is taken to be looping: a session's tools fit in far fewer pages. */
const MAX_PAGES = 20;
/** An SDK error message quoted in a `protocol_error` is cut to this, so a server's HTML page stays out. */
const MAX_DETAIL_LENGTH = 200;
/** How deep `cause` chains are followed to find a socket error. */
const MAX_CAUSE_DEPTH = 6;
/** What the client calls itself in MCP's `initialize`. */
const CLIENT_INFO = { name: 'react-realtime-session-emulator', version: '1' };

/** Socket and DNS error codes (Node's and undici's) that mean the server could not be reached. */
const UNREACHABLE_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CLOSED: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

/** JSON-RPC code of the SDK's `McpError` when a request times out or is cancelled. */
const MCP_REQUEST_TIMEOUT_CODE = -32001;

async function loadMcpClientSdk(): Promise<McpClientSdk> {
  const [client, transport] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
  ]);
  return {
    Client: client.Client,
    StreamableHTTPClientTransport: transport.StreamableHTTPClientTransport,
    StreamableHTTPError: transport.StreamableHTTPError,
  };
}

// ---------------------------------------------------------------- listing

/** Stands in for the SDK's error class before the SDK is loaded: nothing is an instance of it. */
class NoSdkError extends Error {
  declare readonly code: number | undefined;
}

/** A failure found on the way, thrown inside the listing and returned as a value by {@link listMcpTools}. */
class McpListingProblem extends Error {
  constructor(
    readonly reason: McpListingFailureReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Lists the tools of a session's MCP tool as the Realtime API would: connects to `server_url` over MCP's
 * streamable HTTP transport, sends `authorization` as a Bearer token and `headers` as request headers, reads
 * every page of `tools/list`, keeps the tools `allowed_tools` allows, and maps them to the API's shape.
 *
 * Node only. Loads `@modelcontextprotocol/sdk` when called; without it the result is `sdk_missing`. Never
 * throws: every failure is a result, and its message names the server but never a token or header value.
 * The connection is closed before the promise settles, whatever the outcome.
 *
 * @example
 * ```ts
 * const listing = await listMcpTools(
 *   { server_label: 'docs', server_url: 'https://mcp.example.com/mcp', authorization: token },
 *   { timeoutMs: 5000 },
 * );
 * if (listing.ok) console.log(listing.tools.map((tool) => tool.name));
 * else console.warn(listing.reason, listing.message);
 * ```
 */
export async function listMcpTools(target: McpServerTarget, options: ListMcpToolsOptions = {}): Promise<McpListing> {
  const secrets = secretsOf(target);
  const server = describeServer(target);
  const timeoutMs = timeoutOf(options.timeoutMs);
  const fail = (reason: McpListingFailureReason, message: string): McpListing => ({
    ok: false,
    reason,
    message: redact(message, secrets),
  });
  if (options.signal?.aborted === true) return fail('timeout', `Listing the tools of ${server} was cancelled.`);

  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error(`listing timed out after ${timeoutMs} ms`)), timeoutMs);
  const cancelledByCaller = new Error('listing cancelled by the caller');
  const cancel = () => deadline.abort(cancelledByCaller);
  options.signal?.addEventListener('abort', cancel, { once: true });
  let sdk: McpClientSdk | undefined;
  let client: McpSdkClient | undefined;
  const http = createClosableFetch();
  try {
    sdk = await untilAborted(loadSdk(options.loadSdk, server), deadline.signal);
    const url = serverUrlOf(target, server);
    const transport = new sdk.StreamableHTTPClientTransport(url, {
      requestInit: { headers: requestHeaders(target) },
      fetch: http.fetch,
    });
    client = new sdk.Client(CLIENT_INFO);
    const connected = client;
    const sdkRequest: SdkRequest = (send) => withOwnSignal(deadline.signal, timeoutMs, send);
    await untilAborted(
      sdkRequest((requestOptions) => connected.connect(transport, requestOptions)),
      deadline.signal,
    );
    const tools = await untilAborted(listEveryPage(connected, sdkRequest, server), deadline.signal);
    return { ok: true, tools: Object.freeze(tools.filter(allowedBy(target.allowed_tools)).map(toListedTool)) };
  } catch (error) {
    if (error instanceof McpListingProblem) return fail(error.reason, error.message);
    if (deadline.signal.aborted || errorCode(error) === MCP_REQUEST_TIMEOUT_CODE) {
      return deadline.signal.reason === cancelledByCaller
        ? fail('timeout', `Listing the tools of ${server} was cancelled.`)
        : fail('timeout', `${server} did not list its tools within ${timeoutMs} ms.`);
    }
    const status = error instanceof (sdk?.StreamableHTTPError ?? NoSdkError) ? error.code : undefined;
    if (status === 401 || status === 403) {
      const sent = target.authorization === undefined ? 'no authorization was given' : 'check its authorization';
      return fail('unauthorized', `${server} refused the request with HTTP ${status}: ${sent}.`);
    }
    const socketError = unreachableCause(error);
    if (socketError !== undefined) return fail('unreachable', `${server} is unreachable: ${socketError}.`);
    return fail('protocol_error', `${server} did not answer as an MCP server: ${detailOf(error)}.`);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
    // Closing aborts the transport's requests in flight, the SSE stream included; closing the fetch then
    // destroys every socket, even one an aborted request left waiting on a server that never answers.
    await client?.close().catch(() => undefined);
    http.close();
  }
}

async function loadSdk(load: (() => Promise<McpClientSdk>) | undefined, server: string): Promise<McpClientSdk> {
  try {
    return await (load ?? loadMcpClientSdk)();
  } catch (error) {
    throw new McpListingProblem(
      'sdk_missing',
      `Listing the tools of ${server} needs @modelcontextprotocol/sdk, an optional peer dependency of ` +
        `react-realtime-session. Install it with \`${MCP_SDK_INSTALL_COMMAND}\` (${detailOf(error)}).`,
    );
  }
}

/** Sends one SDK request with the options it needs to time out with the listing. */
type SdkRequest = <T>(send: (options: McpSdkRequestOptions) => Promise<T>) => Promise<T>;

/**
 * Runs one SDK request with a signal of its own that aborts with `deadline`. The SDK adds an abort listener
 * to a request's signal and never removes it, so one signal shared by every page would gather them.
 */
async function withOwnSignal<T>(
  deadline: AbortSignal,
  timeout: number,
  send: (options: McpSdkRequestOptions) => Promise<T>,
): Promise<T> {
  const own = new AbortController();
  const follow = () => own.abort(deadline.reason);
  if (deadline.aborted) follow();
  deadline.addEventListener('abort', follow, { once: true });
  try {
    return await send({ signal: own.signal, timeout });
  } finally {
    deadline.removeEventListener('abort', follow);
  }
}

async function listEveryPage(client: McpSdkClient, sdkRequest: SdkRequest, server: string): Promise<McpSdkTool[]> {
  const tools: McpSdkTool[] = [];
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const params = cursor === undefined ? undefined : { cursor };
    const result = await sdkRequest((requestOptions) => client.listTools(params, requestOptions));
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (cursor === undefined) return tools;
    if (cursors.has(cursor)) {
      throw new McpListingProblem('protocol_error', `${server} returned the same tools/list cursor twice.`);
    }
    cursors.add(cursor);
  }
  throw new McpListingProblem('protocol_error', `${server} kept paginating tools/list past ${MAX_PAGES} pages.`);
}

function allowedBy(allowed: McpServerTarget['allowed_tools']): (tool: McpSdkTool) => boolean {
  if (allowed === undefined || allowed === null) return () => true;
  if (isStringList(allowed)) return (tool) => allowed.includes(tool.name);
  const { tool_names: names, read_only: readOnly } = allowed;
  return (tool) =>
    (names === undefined || names.includes(tool.name)) &&
    (readOnly !== true || tool.annotations?.['readOnlyHint'] === true);
}

// `Array.isArray` does not narrow a readonly array out of a union.
function isStringList(value: readonly string[] | McpToolFilter): value is readonly string[] {
  return Array.isArray(value);
}

function toListedTool(tool: McpSdkTool): McpListedTool {
  return Object.freeze({
    name: tool.name,
    input_schema: tool.inputSchema,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    ...(tool.annotations === undefined ? {} : { annotations: tool.annotations }),
  });
}

// ---------------------------------------------------------------- the request

/** The headers the API sends: the tool's `headers`, then its `authorization` as a Bearer token. */
function requestHeaders(target: McpServerTarget): Record<string, string> {
  const headers: Record<string, string> = { ...target.headers };
  if (target.authorization !== undefined) {
    // `authorization` wins over an `Authorization` among the headers, whatever its case.
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
    headers['Authorization'] = bearer(target.authorization);
  }
  return headers;
}

/** The API's `authorization` is an access token; a value that already says `Bearer ` is not prefixed again. */
function bearer(authorization: string): string {
  return /^bearer /i.test(authorization) ? authorization : `Bearer ${authorization}`;
}

function serverUrlOf(target: McpServerTarget, server: string): URL {
  const url = URL.canParse(target.server_url) ? new URL(target.server_url) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new McpListingProblem('protocol_error', `${server} has no http(s) server_url.`);
  }
  return url;
}

function timeoutOf(timeoutMs: number | undefined): number {
  if (timeoutMs === undefined || Number.isNaN(timeoutMs)) return DEFAULT_TIMEOUT_MS;
  return Math.min(Math.max(0, timeoutMs), LONGEST_TIMER_MS);
}

/** Settles as `work` does, or rejects once `signal` aborts, so a step that ignores the signal cannot hold us. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

// ---------------------------------------------------------------- messages

/**
 * "MCP server 'docs' (https://host/path)". The query and any user info are left out: a URL may carry a key
 * there, and messages end up in logs.
 */
function describeServer(target: McpServerTarget): string {
  const url = URL.canParse(target.server_url) ? new URL(target.server_url) : undefined;
  const where =
    url === undefined
      ? 'an invalid URL'
      : `${url.protocol}//${url.host}${url.pathname}${url.search === '' ? '' : '?…'}`;
  return `MCP server '${target.server_label}' (${where})`;
}

/** Every credential of the target: the token, the header sent for it, and each header value. */
function secretsOf(target: McpServerTarget): string[] {
  const secrets = [...Object.values(target.headers ?? {})];
  if (target.authorization !== undefined) secrets.push(target.authorization, bearer(target.authorization));
  // Longest first, so a token inside a longer secret does not leave the rest of that secret behind. The type
  // check is for JSON that broke the declared types: listing never throws, not even then.
  return secrets
    .filter((secret) => typeof secret === 'string' && secret.trim() !== '')
    .sort((a, b) => b.length - a.length);
}

function redact(message: string, secrets: readonly string[]): string {
  return secrets.reduce((text, secret) => text.replaceAll(secret, '[redacted]'), message);
}

/** A short account of an unexpected error; the caller redacts it. */
function detailOf(error: unknown): string {
  if (error instanceof Error && error.name === 'ZodError') return 'its reply is not a valid MCP message';
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.length > MAX_DETAIL_LENGTH ? `${firstLine.slice(0, MAX_DETAIL_LENGTH)}…` : firstLine;
}

// ---------------------------------------------------------------- reading errors

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * Why the server could not be reached, found in the error's `cause` chain: fetch rejects with a bare
 * `TypeError('fetch failed')` whose cause holds the socket's code, or an `AggregateError` of them when a host
 * has several addresses.
 */
function unreachableCause(error: unknown, depth = 0): string | undefined {
  if (depth > MAX_CAUSE_DEPTH || typeof error !== 'object' || error === null) return undefined;
  const code = errorCode(error);
  if (typeof code === 'string' && Object.hasOwn(UNREACHABLE_CODES, code)) return `${UNREACHABLE_CODES[code]} (${code})`;
  const nested = [
    ...('cause' in error ? [error.cause] : []),
    ...(error instanceof AggregateError ? (error.errors as unknown[]) : []),
  ];
  for (const inner of nested) {
    const found = unreachableCause(inner, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
