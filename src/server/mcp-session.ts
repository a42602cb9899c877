/*
 * The MCP tools of one emulated session: as the API does, each MCP server in
 * the session's tools is listed when it first appears and again when its tool
 * changes, with an `mcp_list_tools` item and the `mcp_list_tools.*` events.
 */
import { jsonEqual } from '../model/index.js';
import { createEventId } from '../protocol/index.js';
import type { EmulatedConversation } from './conversation.js';
import { isJsonObject } from './guards.js';
import { listMcpTools, type ListMcpToolsOptions, type McpListing, type McpServerTarget } from './mcp-listing.js';

type Json = Record<string, unknown>;

/** What the MCP tools of a session need of it. */
export interface McpSessionContext {
  readonly send: (event: Json) => void;
  readonly conversation: EmulatedConversation;
  /** Bounds each listing. */
  readonly timeoutMs: number;
  /** Lists one server; tests and the emulator's options may replace it. */
  readonly list?: (target: McpServerTarget, options: ListMcpToolsOptions) => Promise<McpListing>;
}

export interface McpSession {
  /** Lists the servers of `tools` that are new or changed since the last call. */
  sync(tools: unknown): void;
  /** Stops every listing in progress (the socket is gone); nothing more is sent. */
  close(): void;
}

/** A connector or a Secure MCP Tunnel (no `server_url`) is OpenAI's to reach; the emulator can only say so. */
const CONNECTOR_LISTING: McpListing = {
  ok: false,
  reason: 'protocol_error',
  message:
    "The emulator lists MCP servers by server_url only; connectors and Secure MCP Tunnels are reached by OpenAI's servers.",
};

/**
 * The MCP side of a session.
 *
 * @example
 * ```ts
 * const mcp = createMcpSession({ send, conversation, timeoutMs: 10_000 });
 * mcp.sync(session.config['tools']); // lists each MCP server once, again when its tool changes
 * ```
 */
export function createMcpSession(context: McpSessionContext): McpSession {
  const list = context.list ?? listMcpTools;
  /** Each server label, and the tool JSON it was last listed with. */
  const listedAs = new Map<string, Json>();
  const inFlight = new Set<AbortController>();
  let closed = false;

  const listOne = (tool: Json, label: string) => {
    const itemId = createEventId('mcpl');
    const item = { id: itemId, object: 'realtime.item', type: 'mcp_list_tools', server_label: label, tools: [] };
    context.send({ type: 'conversation.item.added', previous_item_id: context.conversation.lastItemId, item });
    context.conversation.add(item);
    context.send({ type: 'mcp_list_tools.in_progress', item_id: itemId });
    const controller = new AbortController();
    inFlight.add(controller);
    const listing =
      typeof tool['server_url'] === 'string'
        ? list(tool as unknown as McpServerTarget, { timeoutMs: context.timeoutMs, signal: controller.signal })
        : Promise.resolve(CONNECTOR_LISTING);
    void listing.then((result) => {
      inFlight.delete(controller);
      // A listing of a tool that has since changed again is stale: the newer listing reports instead.
      if (closed || listedAs.get(label) !== tool) return;
      if (!result.ok) {
        context.send({
          type: 'mcp_list_tools.failed',
          item_id: itemId,
          kit_error: { reason: result.reason, message: result.message },
        });
        return;
      }
      const done = { ...item, tools: result.tools };
      context.conversation.replace(done);
      context.send({ type: 'mcp_list_tools.completed', item_id: itemId });
      context.send({ type: 'conversation.item.done', item: done });
    });
  };

  return {
    sync(tools) {
      if (closed) return;
      const mcpTools = (Array.isArray(tools) ? tools : []).filter(
        (tool): tool is Json =>
          isJsonObject(tool) && tool['type'] === 'mcp' && typeof tool['server_label'] === 'string',
      );
      // A server the session no longer has is forgotten, so adding it back lists it again, as a new tool.
      const labels = new Set(mcpTools.map((tool) => tool['server_label']));
      for (const label of listedAs.keys()) if (!labels.has(label)) listedAs.delete(label);
      for (const tool of mcpTools) {
        const label = tool['server_label'] as string;
        if (jsonEqual(listedAs.get(label), tool)) continue;
        listedAs.set(label, tool);
        listOne(tool, label);
      }
    },
    close() {
      closed = true;
      for (const controller of inFlight) controller.abort();
      inFlight.clear();
    },
  };
}
