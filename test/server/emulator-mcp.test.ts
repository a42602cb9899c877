import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseServerEvent } from '../../src/protocol/index.js';
import { startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
import {
  SAMPLE_MCP_TOOLS,
  startDownServer,
  startMcpServer,
  startSilentServer,
  type McpTestServer,
} from '../support/mcp-servers.js';
import { connect, update, wsUrl, type TestClient } from './realtime-test-client.js';

// The emulator lists a session's MCP servers as the API does, over real MCP servers on loopback.

type Json = Record<string, unknown>;
const apiKey = 'sk-test-mcp';
let emulator: RunningRealtimeEmulator;
const servers: McpTestServer[] = [];

beforeAll(async () => {
  emulator = await startRealtimeEmulator({ apiKey, port: 0, mcpListTimeoutMs: 400 });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(start: Promise<McpTestServer>): Promise<McpTestServer> {
  const started = await start;
  servers.push(started);
  return started;
}

async function openSession(): Promise<TestClient> {
  const client = await connect(wsUrl(emulator.url), { apiKey });
  await client.next('session.created');
  return client;
}

const mcpTool = (label: string, url: string, extra: Json = {}) => ({
  type: 'mcp',
  server_label: label,
  server_url: url,
  ...extra,
});

/** The listing events of one server, from its item's `conversation.item.added` to `.completed` or `.failed`. */
async function listingOf(client: TestClient, label: string, from = 0): Promise<{ itemId: string; end: Json }> {
  const added = await client.find(
    (event) => event['type'] === 'conversation.item.added' && (event['item'] as Json)['server_label'] === label,
    from,
  );
  const itemId = String((added['item'] as Json)['id']);
  await client.find((event) => event['type'] === 'mcp_list_tools.in_progress' && event['item_id'] === itemId, from);
  const end = await client.find(
    (event) =>
      (event['type'] === 'mcp_list_tools.completed' || event['type'] === 'mcp_list_tools.failed') &&
      event['item_id'] === itemId,
    from,
    3000,
  );
  return { itemId, end };
}

describe('MCP tools in a session', () => {
  it('lists the tools of a server the session gains, with the item the API reports', async () => {
    const mcp = await server(startMcpServer());
    const client = await openSession();
    await update(client, { tools: [mcpTool('docs', mcp.url)] });
    const { itemId, end } = await listingOf(client, 'docs');
    expect(end['type']).toBe('mcp_list_tools.completed');
    const done = await client.find(
      (event) => event['type'] === 'conversation.item.done' && (event['item'] as Json)['id'] === itemId,
    );
    expect(done['item']).toMatchObject({
      type: 'mcp_list_tools',
      server_label: 'docs',
      tools: SAMPLE_MCP_TOOLS.map((tool) => ({ name: tool.name, input_schema: tool.inputSchema })),
    });
    // Every event of the listing is one the protocol layer types.
    for (const event of client.events) {
      const parsed = parseServerEvent(JSON.stringify(event));
      expect(parsed.ok && parsed.event.type).toBe(event['type']);
    }
    client.send({ type: 'conversation.item.retrieve', item_id: itemId });
    expect(((await client.next('conversation.item.retrieved'))['item'] as Json)['tools']).toHaveLength(
      SAMPLE_MCP_TOOLS.length,
    );
    await client.close();
  });

  it('keeps only allowed_tools, and sends the authorization and headers as the API would', async () => {
    const mcp = await server(startMcpServer({ bearerToken: 'tok_123' }));
    const client = await openSession();
    const allowed = SAMPLE_MCP_TOOLS[0]?.name ?? '';
    await update(client, {
      tools: [
        mcpTool('private', mcp.url, {
          authorization: 'tok_123',
          headers: { 'X-Team': 'blue' },
          allowed_tools: [allowed],
        }),
      ],
    });
    const { itemId, end } = await listingOf(client, 'private');
    expect(end['type']).toBe('mcp_list_tools.completed');
    const done = await client.find(
      (event) => event['type'] === 'conversation.item.done' && (event['item'] as Json)['id'] === itemId,
    );
    expect(((done['item'] as Json)['tools'] as Json[]).map((tool) => tool['name'])).toStrictEqual([allowed]);
    expect(mcp.requests.every((request) => request.headers['x-team'] === 'blue')).toBe(true);
    await client.close();
  });

  it('fails as unauthorized, unreachable or timed out, saying why and never the token', async () => {
    const locked = await server(startMcpServer({ bearerToken: 'right' }));
    const down = await server(startDownServer());
    const silent = await server(startSilentServer());
    const client = await openSession();
    await update(client, {
      tools: [
        mcpTool('locked', locked.url, { authorization: 'wrong-token' }),
        mcpTool('down', down.url),
        mcpTool('silent', silent.url),
      ],
    });
    const reasons = await Promise.all(
      ['locked', 'down', 'silent'].map(async (label) => (await listingOf(client, label)).end),
    );
    expect(reasons.map((event) => event['type'])).toStrictEqual([
      'mcp_list_tools.failed',
      'mcp_list_tools.failed',
      'mcp_list_tools.failed',
    ]);
    expect(reasons.map((event) => (event['kit_error'] as Json)['reason'])).toStrictEqual([
      'unauthorized',
      'unreachable',
      'timeout',
    ]);
    const listingEvents = client.events.filter((event) => String(event['type']).startsWith('mcp_list_tools.'));
    expect(JSON.stringify(listingEvents)).not.toContain('wrong-token');
    await client.close();
  });

  it('says a connector is out of its reach rather than pretending to list it', async () => {
    const client = await openSession();
    await update(client, { tools: [{ type: 'mcp', server_label: 'mail', connector_id: 'connector_gmail' }] });
    const { end } = await listingOf(client, 'mail');
    expect(end).toMatchObject({
      type: 'mcp_list_tools.failed',
      kit_error: { reason: 'protocol_error', message: expect.stringContaining('server_url only') },
    });
    await client.close();
  });

  it('lists a server again when its tool changes, and not when it does not', async () => {
    const mcp = await server(startMcpServer());
    const client = await openSession();
    await update(client, { tools: [mcpTool('docs', mcp.url)] });
    await listingOf(client, 'docs');
    const from = client.events.length;
    await update(client, { tools: [mcpTool('docs', mcp.url)], instructions: 'same tools' });
    await update(client, { tools: [mcpTool('docs', mcp.url, { allowed_tools: ['search_docs'] })] });
    const again = await listingOf(client, 'docs', from);
    expect(again.end['type']).toBe('mcp_list_tools.completed');
    const listings = client.events.slice(from).filter((event) => event['type'] === 'mcp_list_tools.in_progress');
    expect(listings).toHaveLength(1);
    // Removed and added back unchanged, it is a new tool of the session: listed again.
    await update(client, { tools: [] });
    const back = client.events.length;
    await update(client, { tools: [mcpTool('docs', mcp.url, { allowed_tools: ['search_docs'] })] });
    expect((await listingOf(client, 'docs', back)).end['type']).toBe('mcp_list_tools.completed');
    await client.close();
  });

  it('lists the MCP servers of a minted secret’s session when it opens', async () => {
    const mcp = await server(startMcpServer());
    const minted = await fetch(`${emulator.url}/realtime/client_secrets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ session: { type: 'realtime', tools: [mcpTool('docs', mcp.url)] } }),
    });
    const { value } = (await minted.json()) as { value: string };
    const client = await connect(wsUrl(emulator.url), { apiKey: value });
    await client.next('session.created');
    expect((await listingOf(client, 'docs')).end['type']).toBe('mcp_list_tools.completed');
    await client.close();
  });
});
