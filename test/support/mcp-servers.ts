// Real MCP servers on loopback for tests: the SDK's own server and streamable HTTP transport on `node:http`,
// plus servers that are down, silent or hang up, for the failures a Realtime session's MCP tool can meet.
//
// The servers use the SDK's low-level `Server` rather than `McpServer`: `McpServer` cannot paginate
// `tools/list`, and tools given as JSON Schema make the `input_schema` a test expects exact.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';

/** A tool a test server offers, in MCP's wire form, and what calling it answers. */
export interface McpTestTool {
  readonly name: string;
  readonly description?: string;
  /** JSON Schema of the arguments; MCP requires `type: 'object'`. */
  readonly inputSchema: { readonly type: 'object'; readonly [keyword: string]: unknown };
  readonly annotations?: NonNullable<Tool['annotations']>;
  /** The text `tools/call` answers. @default the tool's name and arguments as JSON */
  readonly call?: (args: Readonly<Record<string, unknown>>) => string | Promise<string>;
}

/** One HTTP request as a test server received it. */
export interface McpRecordedRequest {
  readonly httpMethod: string;
  readonly headers: IncomingHttpHeaders;
  /** The JSON-RPC methods in a POST body (`initialize`, `tools/list`…); empty for other requests. */
  readonly rpcMethods: readonly string[];
  /** The `cursor` param of a `tools/list` request, if any. */
  readonly cursor?: string;
}

/** A running loopback test server. */
export interface McpTestServer {
  /** The MCP endpoint: `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** Every HTTP request received, in order. */
  readonly requests: readonly McpRecordedRequest[];
  /** TCP connections open right now: 0 once a client has let go of the server. */
  readonly openConnections: number;
  /** Stops listening and cuts every connection. Safe to call twice. */
  close(): Promise<void>;
}

export interface McpTestServerOptions {
  /** @default {@link SAMPLE_MCP_TOOLS} */
  readonly tools?: readonly McpTestTool[];
  /** Answers 401 (body echoing the `Authorization` it got) unless the request has `Authorization: Bearer <token>`. */
  readonly bearerToken?: string;
  /** Splits `tools/list` into pages of this many tools, linked by `nextCursor`. */
  readonly pageSize?: number;
  /** Every `tools/list` page points to a next page, forever, as a broken server would. */
  readonly paginateForever?: boolean;
  /** Answers every POST with this HTTP status and a body that echoes the request's headers, as a careless server might. */
  readonly failWithStatus?: number;
  /** Answers `initialize` but never `tools/list`, until the client gives up or the server closes. */
  readonly stallToolsList?: boolean;
}

/** Three tools a typical server offers: one with a schema, one read-only, one destructive. */
export const SAMPLE_MCP_TOOLS: readonly McpTestTool[] = [
  {
    name: 'get_weather',
    description: 'Current weather for a city.',
    inputSchema: {
      type: 'object',
      properties: {
        city: { type: 'string', description: 'City name' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      },
      required: ['city'],
      additionalProperties: false,
    },
    call: (args) => `Sunny in ${String(args['city'])}.`,
  },
  {
    name: 'search_docs',
    description: 'Searches the documentation.',
    inputSchema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
    annotations: { title: 'Search docs', readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'delete_file',
    inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
    annotations: { readOnlyHint: false, destructiveHint: true },
  },
];

/** The largest request body a test server reads; MCP requests here are far smaller. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts a real MCP server (stateless streamable HTTP) on 127.0.0.1 and a free port.
 *
 * @example
 * ```ts
 * const server = await startMcpServer({ bearerToken: 'secret' });
 * // … list its tools at server.url …
 * await server.close();
 * ```
 */
export async function startMcpServer(options: McpTestServerOptions = {}): Promise<McpTestServer> {
  const tools = options.tools ?? SAMPLE_MCP_TOOLS;
  const requests: McpRecordedRequest[] = [];
  // Stalled handlers wait for this, so closing the server lets them go.
  const closing = new AbortController();

  const http = createServer((request, response) => {
    void (async () => {
      const body = request.method === 'POST' ? await readJson(request) : undefined;
      requests.push(recordOf(request, body));
      if (options.bearerToken !== undefined && request.headers.authorization !== `Bearer ${options.bearerToken}`) {
        const got = request.headers.authorization ?? 'nothing';
        response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' });
        response.end(`Unauthorized: got ${got}`);
        return;
      }
      if (options.failWithStatus !== undefined && request.method === 'POST') {
        response.writeHead(options.failWithStatus, { 'content-type': 'text/plain' });
        response.end(`Failed. Your request headers were ${JSON.stringify(request.headers)}`);
        return;
      }
      // Stateless: no session, so no standalone SSE stream for a GET and nothing to DELETE.
      if (request.method !== 'POST') {
        response.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      // A stateless transport serves one request, so each request gets its own server and transport.
      const server = mcpServerFor(tools, options, closing.signal);
      // Without a sessionIdGenerator the transport is stateless.
      const transport = new StreamableHTTPServerTransport({});
      response.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(request, response, body);
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  const base = await listenOnLoopback(http);
  return {
    url: `${base}/mcp`,
    requests,
    get openConnections() {
      return countConnections(http);
    },
    close: async () => {
      closing.abort();
      await closeHttpServer(http);
    },
  };
}

/**
 * A URL where nothing listens: a port that was free a moment ago, bound and closed again.
 *
 * @example
 * ```ts
 * const down = await startDownServer(); // listing down.url fails as unreachable
 * ```
 */
export async function startDownServer(): Promise<McpTestServer> {
  const http = createServer();
  const base = await listenOnLoopback(http);
  await closeHttpServer(http);
  return { url: `${base}/mcp`, requests: [], openConnections: 0, close: async () => undefined };
}

/**
 * A server that accepts every connection and request and never answers any.
 *
 * @example
 * ```ts
 * const silent = await startSilentServer(); // listing with timeoutMs: 300 times out
 * ```
 */
export async function startSilentServer(): Promise<McpTestServer> {
  const requests: McpRecordedRequest[] = [];
  const http = createServer((request) => {
    requests.push(recordOf(request, undefined));
    request.resume();
  });
  return serverAt(http, requests);
}

/**
 * A server that cuts each connection as soon as a request arrives, without a byte of answer.
 *
 * @example
 * ```ts
 * const hangUp = await startHangUpServer(); // listing fails as unreachable (connection reset)
 * ```
 */
export async function startHangUpServer(): Promise<McpTestServer> {
  const requests: McpRecordedRequest[] = [];
  const http = createServer((request) => {
    requests.push(recordOf(request, undefined));
    request.socket.destroy();
  });
  return serverAt(http, requests);
}

// ---------------------------------------------------------------- internals

function mcpServerFor(tools: readonly McpTestTool[], options: McpTestServerOptions, closing: AbortSignal): Server {
  const server = new Server({ name: 'test-mcp-server', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async (request, extra) => {
    if (options.stallToolsList === true) {
      await untilEither(extra.signal, closing);
      return { tools: [] };
    }
    const listed = tools.map(toWireTool);
    if (options.paginateForever === true) {
      const page = Number(request.params?.cursor ?? 0);
      return { tools: listed.slice(0, 1), nextCursor: String(page + 1) };
    }
    const pageSize = options.pageSize ?? listed.length;
    const start = Number(request.params?.cursor ?? 0);
    const end = start + Math.max(1, pageSize);
    return { tools: listed.slice(start, end), ...(end < listed.length ? { nextCursor: String(end) } : {}) };
  });
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = tools.find((candidate) => candidate.name === request.params.name);
    if (tool === undefined)
      return { content: [{ type: 'text', text: `No tool ${request.params.name}` }], isError: true };
    const args = request.params.arguments ?? {};
    const text = tool.call === undefined ? JSON.stringify({ tool: tool.name, arguments: args }) : await tool.call(args);
    return { content: [{ type: 'text', text }] };
  });
  return server;
}

function toWireTool(tool: McpTestTool): Tool {
  return {
    name: tool.name,
    inputSchema: tool.inputSchema,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    ...(tool.annotations === undefined ? {} : { annotations: tool.annotations }),
  };
}

function untilEither(first: AbortSignal, second: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (first.aborted || second.aborted) return resolve();
    first.addEventListener('abort', () => resolve(), { once: true });
    second.addEventListener('abort', () => resolve(), { once: true });
  });
}

function recordOf(request: IncomingMessage, body: unknown): McpRecordedRequest {
  const messages = Array.isArray(body) ? (body as unknown[]) : body === undefined ? [] : [body];
  const rpcMethods: string[] = [];
  let cursor: string | undefined;
  for (const message of messages) {
    if (typeof message !== 'object' || message === null) continue;
    const { method, params } = message as { method?: unknown; params?: { cursor?: unknown } };
    if (typeof method === 'string') rpcMethods.push(method);
    if (method === 'tools/list' && typeof params?.cursor === 'string') cursor = params.cursor;
  }
  return {
    httpMethod: request.method ?? '',
    headers: request.headers,
    rpcMethods,
    ...(cursor === undefined ? {} : { cursor }),
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

async function serverAt(http: HttpServer, requests: readonly McpRecordedRequest[]): Promise<McpTestServer> {
  const base = await listenOnLoopback(http);
  return {
    url: `${base}/mcp`,
    requests,
    get openConnections() {
      return countConnections(http);
    },
    close: () => closeHttpServer(http),
  };
}

const connectionCounts = new WeakMap<HttpServer, { open: number }>();

function countConnections(http: HttpServer): number {
  return connectionCounts.get(http)?.open ?? 0;
}

async function listenOnLoopback(http: HttpServer): Promise<string> {
  const count = { open: 0 };
  connectionCounts.set(http, count);
  http.on('connection', (socket) => {
    count.open += 1;
    socket.once('close', () => {
      count.open -= 1;
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function closeHttpServer(http: HttpServer): Promise<void> {
  if (!http.listening) return Promise.resolve();
  return new Promise((resolve) => {
    http.close(() => resolve());
    // Kept-alive and never-answered connections would hold close() open.
    http.closeAllConnections();
  });
}
