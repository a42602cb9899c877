import { afterEach, describe, expect, it } from 'vitest';
import { listMcpTools, type McpListing, type McpServerTarget } from '../../src/server/index.js';
import type { McpClientSdk } from '../../src/server/mcp-listing.js';
import {
  startDownServer,
  startHangUpServer,
  startMcpServer,
  startSilentServer,
  type McpTestServer,
  type McpTestServerOptions,
} from '../support/mcp-servers.js';

const TOKEN = 'mcp-access-token-5f0c2b9e';
const HEADER_SECRET = 'header-secret-a81d44';

const servers: McpTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function started(server: Promise<McpTestServer>): Promise<McpTestServer> {
  const running = await server;
  servers.push(running);
  return running;
}
const mcpServer = (options?: McpTestServerOptions) => started(startMcpServer(options));
const target = (server: McpTestServer, extra: Partial<McpServerTarget> = {}): McpServerTarget => ({
  server_label: 'docs',
  server_url: server.url,
  ...extra,
});

function toolsOf(listing: McpListing) {
  if (!listing.ok) throw new Error(`expected tools, got ${listing.reason}: ${listing.message}`);
  return listing.tools;
}
function failureOf(listing: McpListing) {
  if (listing.ok) throw new Error(`expected a failure, got ${listing.tools.length} tools`);
  return listing;
}
/** Resolves once the client has let go of every connection (Connection: close), or after ~1 s. */
async function connectionsAfterListing(server: McpTestServer): Promise<number> {
  for (let attempt = 0; attempt < 50 && server.openConnections > 0; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return server.openConnections;
}

describe('listMcpTools', () => {
  it("lists a server's tools in the Realtime API's mcp_list_tools shape", async () => {
    const server = await mcpServer();
    const tools = toolsOf(await listMcpTools(target(server)));

    expect(tools).toEqual([
      {
        name: 'get_weather',
        description: 'Current weather for a city.',
        input_schema: {
          type: 'object',
          properties: {
            city: { type: 'string', description: 'City name' },
            unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
          },
          required: ['city'],
          additionalProperties: false,
        },
      },
      {
        name: 'search_docs',
        description: 'Searches the documentation.',
        input_schema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
        annotations: { title: 'Search docs', readOnlyHint: true, openWorldHint: false },
      },
      {
        name: 'delete_file',
        input_schema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
        annotations: { readOnlyHint: false, destructiveHint: true },
      },
    ]);
    // Absent optional fields are left out, not set to undefined.
    expect(Object.keys(tools[2] ?? {})).toEqual(['name', 'input_schema', 'annotations']);
    expect(Object.isFrozen(tools)).toBe(true);
    expect(server.requests.flatMap((request) => request.rpcMethods)).toEqual([
      'initialize',
      'notifications/initialized',
      'tools/list',
    ]);
  });

  it('leaves no connection open once it has answered', async () => {
    const server = await mcpServer();
    toolsOf(await listMcpTools(target(server)));
    expect(await connectionsAfterListing(server)).toBe(0);
  });

  it('follows nextCursor through every page of tools/list', async () => {
    const server = await mcpServer({ pageSize: 1 });
    const tools = toolsOf(await listMcpTools(target(server)));

    expect(tools.map((tool) => tool.name)).toEqual(['get_weather', 'search_docs', 'delete_file']);
    const listRequests = server.requests.filter((request) => request.rpcMethods.includes('tools/list'));
    expect(listRequests.map((request) => request.cursor)).toEqual([undefined, '1', '2']);
  });

  it('stops a server that paginates forever after a bounded number of pages', async () => {
    const server = await mcpServer({ paginateForever: true });
    const failure = failureOf(await listMcpTools(target(server)));

    expect(failure.reason).toBe('protocol_error');
    expect(failure.message).toContain('past 20 pages');
    expect(server.requests.filter((request) => request.rpcMethods.includes('tools/list'))).toHaveLength(20);
  });

  describe('authorization and headers', () => {
    it('sends authorization as a Bearer token, which the server accepts', async () => {
      const server = await mcpServer({ bearerToken: TOKEN });
      const tools = toolsOf(await listMcpTools(target(server, { authorization: TOKEN })));

      expect(tools).toHaveLength(3);
      expect(server.requests.every((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    });

    it('does not double a Bearer prefix the value already has', async () => {
      const server = await mcpServer({ bearerToken: TOKEN });
      toolsOf(await listMcpTools(target(server, { authorization: `Bearer ${TOKEN}` })));
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    });

    it('reports a wrong token as unauthorized, without the token', async () => {
      const server = await mcpServer({ bearerToken: 'the-right-token' });
      const failure = failureOf(await listMcpTools(target(server, { authorization: TOKEN })));

      expect(failure.reason).toBe('unauthorized');
      expect(failure.message).toContain('HTTP 401');
      expect(failure.message).toContain("'docs'");
      expect(failure.message).toContain(server.url);
      expect(failure.message).not.toContain(TOKEN);
    });

    it('reports a missing token as unauthorized', async () => {
      const server = await mcpServer({ bearerToken: TOKEN });
      const failure = failureOf(await listMcpTools(target(server)));

      expect(failure.reason).toBe('unauthorized');
      expect(failure.message).toContain('no authorization was given');
    });

    it('reports HTTP 403 as unauthorized', async () => {
      const server = await mcpServer({ failWithStatus: 403 });
      expect(failureOf(await listMcpTools(target(server))).reason).toBe('unauthorized');
    });

    it('sends the custom headers with every request', async () => {
      const server = await mcpServer();
      toolsOf(await listMcpTools(target(server, { headers: { 'X-Api-Key': HEADER_SECRET, 'X-Tenant': 'acme' } })));

      expect(server.requests.length).toBeGreaterThan(0);
      for (const request of server.requests) {
        expect(request.headers['x-api-key']).toBe(HEADER_SECRET);
        expect(request.headers['x-tenant']).toBe('acme');
      }
    });

    it('lets authorization win over an Authorization among the headers', async () => {
      const server = await mcpServer({ bearerToken: TOKEN });
      const headers = { authorization: 'Bearer stale-token' };
      toolsOf(await listMcpTools(target(server, { authorization: TOKEN, headers })));
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    });

    it('keeps the token and header values out of a message that quotes what the server said', async () => {
      // The server echoes every request header into its 500 page, which a protocol_error quotes.
      const server = await mcpServer({ failWithStatus: 500 });
      const failure = failureOf(
        await listMcpTools(target(server, { authorization: TOKEN, headers: { 'X-Api-Key': HEADER_SECRET } })),
      );

      expect(failure.reason).toBe('protocol_error');
      expect(failure.message).toContain('[redacted]');
      expect(failure.message).not.toContain(TOKEN);
      expect(failure.message).not.toContain(HEADER_SECRET);
    });
  });

  describe('allowed_tools', () => {
    const namesFor = async (allowed: Exclude<McpServerTarget['allowed_tools'], undefined>) => {
      const server = await mcpServer();
      return toolsOf(await listMcpTools(target(server, { allowed_tools: allowed }))).map((tool) => tool.name);
    };

    it('keeps only the listed names', async () => {
      expect(await namesFor(['delete_file', 'get_weather', 'not_on_server'])).toEqual(['get_weather', 'delete_file']);
    });

    it('keeps the names of a filter', async () => {
      expect(await namesFor({ tool_names: ['search_docs'] })).toEqual(['search_docs']);
    });

    it('keeps only tools annotated readOnlyHint for read_only: true', async () => {
      expect(await namesFor({ read_only: true })).toEqual(['search_docs']);
    });

    it('applies both parts of a filter together', async () => {
      expect(await namesFor({ tool_names: ['get_weather', 'search_docs'], read_only: true })).toEqual(['search_docs']);
      expect(await namesFor({ tool_names: ['get_weather'], read_only: true })).toEqual([]);
    });

    it('keeps every tool for null, an empty filter or read_only: false', async () => {
      const all = ['get_weather', 'search_docs', 'delete_file'];
      expect(await namesFor(null)).toEqual(all);
      expect(await namesFor({})).toEqual(all);
      expect(await namesFor({ read_only: false })).toEqual(all);
    });
  });

  describe('failures', () => {
    it('reports a closed port as unreachable', async () => {
      const down = await started(startDownServer());
      const failure = failureOf(await listMcpTools(target(down, { authorization: TOKEN })));

      expect(failure.reason).toBe('unreachable');
      expect(failure.message).toContain('ECONNREFUSED');
      expect(failure.message).toContain(down.url);
      expect(failure.message).not.toContain(TOKEN);
    });

    it('reports a connection the server cuts as unreachable', async () => {
      const hangUp = await started(startHangUpServer());
      const failure = failureOf(await listMcpTools(target(hangUp)));

      expect(failure.reason).toBe('unreachable');
      expect(hangUp.requests.length).toBeGreaterThan(0);
    });

    it('times out promptly on a server that never answers, and lets go of it', async () => {
      const silent = await started(startSilentServer());
      const startedAt = performance.now();
      const failure = failureOf(await listMcpTools(target(silent, { authorization: TOKEN }), { timeoutMs: 300 }));
      const elapsed = performance.now() - startedAt;

      expect(failure.reason).toBe('timeout');
      expect(failure.message).toContain('300 ms');
      expect(failure.message).not.toContain(TOKEN);
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(1500);
      expect(silent.requests.length).toBeGreaterThan(0);
      expect(await connectionsAfterListing(silent)).toBe(0);
    });

    it('times out when the server initializes but never lists its tools', async () => {
      const server = await mcpServer({ stallToolsList: true });
      const startedAt = performance.now();
      const failure = failureOf(await listMcpTools(target(server), { timeoutMs: 300 }));

      expect(failure.reason).toBe('timeout');
      expect(performance.now() - startedAt).toBeLessThan(1500);
      expect(server.requests.some((request) => request.rpcMethods.includes('tools/list'))).toBe(true);
    });

    it("ends as a timeout, at once, when the caller's signal aborts", async () => {
      const silent = await started(startSilentServer());
      const caller = new AbortController();
      const startedAt = performance.now();
      const listing = listMcpTools(target(silent), { signal: caller.signal, timeoutMs: 10_000 });
      setTimeout(() => caller.abort(), 50);
      const failure = failureOf(await listing);

      expect(failure.reason).toBe('timeout');
      expect(failure.message).toContain('cancelled');
      expect(performance.now() - startedAt).toBeLessThan(1000);
      expect(await connectionsAfterListing(silent)).toBe(0);
    });

    it('leaves no timer running, whether it lists or times out', async () => {
      const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
      const server = await mcpServer();
      const silent = await started(startSilentServer());
      // Timers of the test's own setup end first, so the count starts from what is left running.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const before = timers();

      toolsOf(await listMcpTools(target(server)));
      failureOf(await listMcpTools(target(silent), { timeoutMs: 100 }));

      expect(timers()).toBeLessThanOrEqual(before);
    });

    it('does not start when the signal has already aborted', async () => {
      const server = await mcpServer();
      const failure = failureOf(await listMcpTools(target(server), { signal: AbortSignal.abort() }));

      expect(failure.reason).toBe('timeout');
      expect(server.requests).toHaveLength(0);
    });

    it('reports a server that is not MCP as a protocol error', async () => {
      const server = await mcpServer({ failWithStatus: 404 });
      const failure = failureOf(await listMcpTools(target(server)));

      expect(failure.reason).toBe('protocol_error');
      expect(failure.message).toContain("MCP server 'docs'");
    });

    it('returns a failure, never throws, for a target whose JSON breaks its types', async () => {
      const broken = {
        server_label: 'docs',
        server_url: 42,
        headers: { 'X-Api-Key': 7 },
      } as unknown as McpServerTarget;
      expect(failureOf(await listMcpTools(broken)).reason).toBe('protocol_error');
    });

    it('reports a server_url that is not http(s) as a protocol error, without connecting', async () => {
      const failure = failureOf(await listMcpTools({ server_label: 'docs', server_url: 'ftp://127.0.0.1/mcp' }));
      expect(failure.reason).toBe('protocol_error');
    });

    it('leaves a query string, where keys hide, out of messages', async () => {
      const down = await started(startDownServer());
      const failure = failureOf(await listMcpTools(target(down, { server_url: `${down.url}?key=query-secret` })));

      expect(failure.reason).toBe('unreachable');
      expect(failure.message).toContain(`${down.url}?…`);
      expect(failure.message).not.toContain('query-secret');
    });

    it('says what to install when the SDK cannot be loaded', async () => {
      const server = await mcpServer();
      const loadSdk = () => Promise.reject(new Error("Cannot find package '@modelcontextprotocol/sdk'"));
      const failure = failureOf(await listMcpTools(target(server, { authorization: TOKEN }), { loadSdk }));

      expect(failure.reason).toBe('sdk_missing');
      expect(failure.message).toContain('npm install -D @modelcontextprotocol/sdk');
      expect(failure.message).not.toContain(TOKEN);
      expect(server.requests).toHaveLength(0);
    });

    // Failures loopback cannot produce (DNS, several addresses refusing) take the shapes Node's fetch gives them.
    it.each([
      ['an unknown host', Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }), 'ENOTFOUND'],
      [
        'every address of a host refusing',
        Object.assign(new TypeError('fetch failed'), {
          cause: new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })]),
        }),
        'ECONNREFUSED',
      ],
    ])('reports %s as unreachable', async (_case, connectError, code) => {
      const failure = failureOf(
        await listMcpTools(
          { server_label: 'docs', server_url: 'https://mcp.example.test/mcp' },
          { loadSdk: async () => sdkWhoseConnectFails(connectError) },
        ),
      );
      expect(failure).toMatchObject({ reason: 'unreachable', message: expect.stringContaining(code) as unknown });
    });
  });
});

/** An SDK stand-in whose client fails to connect with `error`, as fetch would. */
function sdkWhoseConnectFails(error: Error): McpClientSdk {
  return {
    Client: class {
      connect = () => Promise.reject(error);
      listTools = () => Promise.reject(new Error('not connected'));
      close = () => Promise.resolve();
    },
    StreamableHTTPClientTransport: class {},
    StreamableHTTPError: class extends Error {
      readonly code = undefined;
    },
  };
}
