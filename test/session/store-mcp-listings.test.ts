import { beforeEach, describe, expect, it } from 'vitest';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import {
  createSessionStore,
  MCP_LISTING_FAILED_MESSAGE,
  type RealtimeSessionSnapshot,
  type RealtimeSessionStore,
} from '../../src/session/index.js';
import { createFakeTransport, type FakeTransport } from './fake-transport.js';

const crm = { type: 'mcp', server_label: 'crm', server_url: 'https://mcp.example.com/mcp' };
const docs = { type: 'mcp', server_label: 'docs', server_url: 'https://docs.example.com/mcp' };
const withMcp = RealtimeSessionCreateRequest.fromJson({ model: 'gpt-realtime', tools: [crm, docs] });

const weatherTools = [
  {
    name: 'get_weather',
    description: 'Current weather for a city.',
    input_schema: { type: 'object', properties: { city: { type: 'string' } } },
    annotations: { readOnlyHint: true },
  },
  { name: 'search_docs', input_schema: { type: 'object' } },
];

let transport: FakeTransport;
let store: RealtimeSessionStore;
const snapshot = () => store.getSnapshot();
const listings = () => snapshot().mcpListings;

/** An open session whose first update (the MCP tools) the server applied. */
beforeEach(() => {
  transport = createFakeTransport();
  store = createSessionStore({ initial: withMcp, transport });
  store.connect();
  transport.open();
  transport.ack();
});

/** The server's frames for a listing of `label` in item `id`, as the API sends them. */
const server = {
  added: (id: string, label = 'crm') =>
    transport.frame({
      type: 'conversation.item.added',
      event_id: 'event_a',
      previous_item_id: null,
      item: { id, type: 'mcp_list_tools', server_label: label, tools: [] },
    }),
  inProgress: (id: string) => transport.frame({ type: 'mcp_list_tools.in_progress', event_id: 'event_p', item_id: id }),
  completed: (id: string) => transport.frame({ type: 'mcp_list_tools.completed', event_id: 'event_c', item_id: id }),
  done: (id: string, tools: readonly unknown[] = weatherTools, label = 'crm') =>
    transport.frame({
      type: 'conversation.item.done',
      event_id: 'event_d',
      item: { id, type: 'mcp_list_tools', server_label: label, tools },
    }),
  failed: (id: string, kitError?: object) =>
    transport.frame({
      type: 'mcp_list_tools.failed',
      event_id: 'event_f',
      item_id: id,
      ...(kitError === undefined ? {} : { kit_error: kitError }),
    }),
};

/** Records every snapshot the store notifies, to prove what did (not) change. */
function notifications(): RealtimeSessionSnapshot[] {
  const seen: RealtimeSessionSnapshot[] = [];
  store.subscribe((next) => seen.push(next));
  return seen;
}

describe('the MCP listings of a session', () => {
  it('starts empty, and reads any label, even an Object.prototype name, as absent', () => {
    expect(listings()).toEqual({});
    expect(listings()['constructor']).toBeUndefined();
    expect(listings()['__proto__']).toBeUndefined();
  });

  it('goes listing → listed with the tools’ names and descriptions', () => {
    server.added('item_1');
    expect(listings()['crm']).toEqual({ serverLabel: 'crm', status: 'listing', itemId: 'item_1', tools: [] });
    server.inProgress('item_1');
    server.completed('item_1');
    // The tools come with the item's `done`; until then the listing is still on its way.
    expect(listings()['crm']?.status).toBe('listing');
    server.done('item_1');
    expect(listings()['crm']).toEqual({
      serverLabel: 'crm',
      status: 'listed',
      itemId: 'item_1',
      tools: [{ name: 'get_weather', description: 'Current weather for a city.' }, { name: 'search_docs' }],
    });
    expect(Object.isFrozen(listings())).toBe(true);
    expect(Object.isFrozen(listings()['crm'])).toBe(true);
    expect(Object.isFrozen(listings()['crm']?.tools[0])).toBe(true);
  });

  it('keeps each label apart', () => {
    server.added('item_1', 'crm');
    server.added('item_2', 'docs');
    server.done('item_2', weatherTools.slice(1), 'docs');
    expect(listings()['crm']?.status).toBe('listing');
    expect(listings()['docs']).toMatchObject({ status: 'listed', tools: [{ name: 'search_docs' }] });
  });

  it('fails with the emulator’s reason and message (its kit_error)', () => {
    server.added('item_1');
    server.inProgress('item_1');
    server.failed('item_1', { reason: 'unreachable', message: 'Could not reach http://127.0.0.1:9/mcp.' });
    expect(listings()['crm']).toEqual({
      serverLabel: 'crm',
      status: 'failed',
      itemId: 'item_1',
      tools: [],
      error: { reason: 'unreachable', message: 'Could not reach http://127.0.0.1:9/mcp.' },
    });
    // The API may still finalize the failed item, with no tools: it stays failed.
    server.done('item_1', []);
    expect(listings()['crm']?.status).toBe('failed');
  });

  it('fails with a generic message when the server says nothing about why, as the real API does', () => {
    server.added('item_1');
    server.failed('item_1');
    expect(listings()['crm']?.error).toEqual({ message: MCP_LISTING_FAILED_MESSAGE });
    // A kit_error it cannot read is as good as none: no reason it does not know, no empty message.
    server.added('item_2');
    server.failed('item_2', { reason: 'because', message: '' });
    expect(listings()['crm']).toMatchObject({ status: 'failed', error: { message: MCP_LISTING_FAILED_MESSAGE } });
    expect(listings()['crm']?.error).not.toHaveProperty('reason');
  });

  it('replaces a listing when the server lists the label again, ignoring the old item’s late events', () => {
    server.added('item_1');
    server.done('item_1');
    const first = listings()['crm'];
    // A session.update changed the tool: a new item, the same label.
    server.added('item_2');
    expect(listings()['crm']).toEqual({ serverLabel: 'crm', status: 'listing', itemId: 'item_2', tools: [] });
    server.done('item_1');
    server.failed('item_1');
    expect(listings()['crm']?.itemId).toBe('item_2');
    expect(listings()['crm']?.status).toBe('listing');
    server.done('item_2', weatherTools.slice(0, 1));
    expect(listings()['crm']).toMatchObject({ status: 'listed', tools: [{ name: 'get_weather' }] });
    expect(listings()['crm']).not.toBe(first);
  });

  it('ignores items other than MCP listings, and keeps every reference', () => {
    const before = snapshot();
    const seen = notifications();
    transport.frame({
      type: 'conversation.item.added',
      event_id: 'event_a',
      item: { id: 'item_m', type: 'message', role: 'assistant', content: [] },
    });
    transport.frame({
      type: 'conversation.item.done',
      event_id: 'event_d',
      item: { id: 'item_f', type: 'function_call', name: 'f', arguments: '{}' },
    });
    expect(snapshot()).toBe(before);
    expect(seen).toEqual([]);
  });

  it('changes nothing for malformed events: an unknown item id, an item without an id or label', () => {
    server.added('item_1');
    server.done('item_1');
    const before = snapshot();
    const seen = notifications();
    server.inProgress('item_unknown');
    server.completed('item_unknown');
    server.failed('item_unknown', { reason: 'timeout', message: 'Timed out.' });
    server.done('item_unknown');
    transport.frame({
      type: 'conversation.item.added',
      item: { type: 'mcp_list_tools', server_label: 'x', tools: [] },
    });
    transport.frame({ type: 'conversation.item.added', item: { id: 'item_9', type: 'mcp_list_tools', tools: [] } });
    // The same item announced again, and the same tools again, are no news either.
    server.added('item_1');
    server.done('item_1');
    expect(snapshot()).toBe(before);
    expect(seen).toEqual([]);
  });

  it('reads the tools defensively: entries without a string name are skipped', () => {
    server.added('item_1');
    server.done('item_1', [{ name: 'ok', description: 7 }, { description: 'nameless' }, null, 'text']);
    expect(listings()['crm']?.tools).toEqual([{ name: 'ok' }]);
  });

  it('keeps the fields, draft and other parts of the snapshot as they were', () => {
    const before = snapshot();
    server.added('item_1');
    const after = snapshot();
    expect(after).not.toBe(before);
    expect(after.fields).toBe(before.fields);
    expect(after.draft).toBe(before.draft);
    expect(after.applied).toBe(before.applied);
    expect(after.errors).toBe(before.errors);
  });

  it('drops the listing of a tool the session no longer has', () => {
    server.added('item_1', 'crm');
    server.added('item_2', 'docs');
    void store.update((draft) => draft.copyWith({ tools: draft.tools?.slice(1) ?? null }));
    transport.ack();
    expect(Object.keys(listings())).toEqual(['docs']);
    const kept = listings();
    // An update that keeps every listed label keeps the record itself.
    void store.update({ instructions: 'Be brief.' });
    store.commit();
    transport.ack();
    expect(listings()).toBe(kept);
  });

  it('clears every listing when the connection drops, on reconnect() and on disconnect()', () => {
    server.added('item_1');
    transport.status_('reconnecting');
    expect(listings()).toEqual({});
    transport.open();
    expect(snapshot().status).toBe('open');
    server.added('item_2');
    store.reconnect();
    expect(listings()).toEqual({});
    transport.open();
    server.added('item_3');
    store.disconnect();
    expect(listings()).toEqual({});
  });

  it('starts empty in a new session, which lists its servers again', () => {
    server.added('item_1');
    server.done('item_1');
    transport.open();
    expect(listings()).toEqual({});
    server.added('item_5');
    expect(listings()['crm']).toMatchObject({ status: 'listing', itemId: 'item_5' });
  });

  it('keeps a label named __proto__ as its own key', () => {
    server.added('item_1', '__proto__');
    expect(Object.keys(listings())).toEqual(['__proto__']);
    expect(listings()['__proto__']).toMatchObject({ serverLabel: '__proto__', status: 'listing' });
  });
});
