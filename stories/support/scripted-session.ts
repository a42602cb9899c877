import { useEffect, useState } from 'react';
import type { RealtimeSessionCreateRequest } from '../../src/index.js';
import {
  createSessionStore,
  RealtimeTransportError,
  type RealtimeSessionStore,
  type RealtimeTransport,
  type RealtimeTransportEvent,
  type RealtimeTransportStatus,
} from '../../src/index.js';

type Json = Record<string, unknown>;

/** How the pretend server answers one `session.update`: apply it, never answer, or refuse it. */
export type ScriptedAnswer =
  'ack' | 'hold' | { readonly code: string; readonly message: string; readonly param: string };

/**
 * How the pretend server's listing of one MCP tool's server ends: with these
 * tools, failed (with the emulator's `kit_error`, or without a word as the
 * real API does), or never, so "Listing tools…" stays on screen.
 */
export type ScriptedMcpListing =
  | { readonly tools: readonly { readonly name: string; readonly description?: string }[] }
  | {
      readonly failed: true;
      readonly kitError?: { readonly reason: 'unreachable' | 'unauthorized' | 'timeout'; readonly message: string };
    }
  | 'hold';

/** A pretend Realtime server for stories that need a state the emulator only passes through. */
export interface ScriptedServer {
  /** The answer to each `session.update`, from its `session` payload. @default always 'ack' */
  readonly answer?: (session: Json) => ScriptedAnswer;
  /**
   * Lists the MCP servers of an applied update, as the API does after
   * `session.updated`: once per label, again when its tool changes.
   * Stories run in a browser, where no MCP server can be reached, so the
   * outcome is scripted. @default no listing at all
   */
  readonly listMcp?: (tool: Json) => ScriptedMcpListing;
  /** Never opens: drops once, then gives up with this message. */
  readonly failWith?: string;
}

/**
 * A session store over an in-page transport that plays `server`: states such
 * as a pending update, a rejection or a failed connection stay on screen, so
 * a story can show them (the live emulator passes through them in milliseconds).
 */
export function createScriptedSession(initial: RealtimeSessionCreateRequest, server: ScriptedServer = {}) {
  const listeners = new Set<(event: RealtimeTransportEvent) => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let status: RealtimeTransportStatus = 'idle';
  let config: Json = {};
  const emit = (event: RealtimeTransportEvent) => {
    if (event.type === 'status') status = event.status;
    for (const listener of [...listeners]) listener(event);
  };
  // Answers arrive a little later, as from a server: never inside the store's own send().
  const later = (work: () => void, ms = 30) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timers.add(timer);
  };
  const frame = (data: Json) => emit({ type: 'message', data: JSON.stringify(data) });
  /** Each MCP label, and the tool JSON it was last listed with. */
  const listedAs = new Map<string, string>();
  let listings = 0;
  const listMcpTools = (tools: unknown) => {
    if (server.listMcp === undefined || !Array.isArray(tools)) return;
    for (const tool of tools as Json[]) {
      const label = tool['server_label'];
      if (tool['type'] !== 'mcp' || typeof label !== 'string' || listedAs.get(label) === JSON.stringify(tool)) continue;
      listedAs.set(label, JSON.stringify(tool));
      const outcome = server.listMcp(tool);
      const id = `item_mcp_list_${++listings}`;
      const item = { id, type: 'mcp_list_tools', server_label: label, tools: [] };
      frame({ type: 'conversation.item.added', event_id: `event_${id}_a`, item });
      frame({ type: 'mcp_list_tools.in_progress', event_id: `event_${id}_p`, item_id: id });
      if (outcome === 'hold') continue;
      later(() => {
        if ('failed' in outcome) {
          frame({
            type: 'mcp_list_tools.failed',
            event_id: `event_${id}_f`,
            item_id: id,
            ...(outcome.kitError === undefined ? {} : { kit_error: outcome.kitError }),
          });
          return;
        }
        frame({ type: 'mcp_list_tools.completed', event_id: `event_${id}_c`, item_id: id });
        frame({
          type: 'conversation.item.done',
          event_id: `event_${id}_d`,
          item: { ...item, tools: outcome.tools.map((listed) => ({ ...listed, input_schema: { type: 'object' } })) },
        });
      }, 300);
    }
  };

  const transport: RealtimeTransport = {
    get status() {
      return status;
    },
    connect(options) {
      emit({ type: 'status', status: 'connecting' });
      if (server.failWith !== undefined) {
        const message = server.failWith;
        later(() => {
          emit({
            type: 'status',
            status: 'reconnecting',
            attempt: 1,
            error: new RealtimeTransportError('connection_failed', 'The socket closed before it opened (1006).'),
          });
          later(() =>
            emit({ type: 'status', status: 'failed', error: new RealtimeTransportError('retries_exhausted', message) }),
          );
        });
        return;
      }
      later(() => {
        config = {
          type: 'realtime',
          model: options?.model ?? initial.model,
          output_modalities: ['audio'],
          audio: { output: { voice: 'alloy', speed: 1 } },
        };
        emit({ type: 'status', status: 'open' });
        frame({
          type: 'session.created',
          event_id: 'event_created',
          session: { ...config, id: 'sess_story_001', expires_at: Math.floor(Date.now() / 1000) + 30 * 60 },
        });
      });
    },
    send(event) {
      if (status !== 'open') throw new RealtimeTransportError('not_open', `cannot send ${event.type}: ${status}`);
      if (event.type !== 'session.update') return;
      const session = event.session as unknown as Json;
      const answer = server.answer?.(session) ?? 'ack';
      if (answer === 'hold') return;
      later(() => {
        if (answer !== 'ack') {
          frame({
            type: 'error',
            event_id: 'event_error',
            error: { type: 'invalid_request_error', ...answer, event_id: event.event_id },
          });
          return;
        }
        config = merge(config, session);
        frame({ type: 'session.updated', event_id: 'event_updated', session: config });
        listMcpTools(config['tools']);
      });
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (status !== 'closed') emit({ type: 'status', status: 'closed' });
    },
    events(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  // A held update must stay pending for the story's life, not time out and be re-sent.
  return createSessionStore({ initial, transport, ackTimeoutMs: 60 * 60 * 1000 });
}

/** A `session.update` applied as the API does: fields replace, the audio sides merge key by key. */
function merge(config: Json, update: Json): Json {
  const next: Json = { ...config, ...update };
  const audio = update['audio'] as Json | undefined;
  if (audio !== undefined) {
    const before = (config['audio'] ?? {}) as Json;
    next['audio'] = Object.fromEntries(
      ['input', 'output'].map((side) => [
        side,
        { ...(before[side] as Json | undefined), ...(audio[side] as Json | undefined) },
      ]),
    );
  }
  return next;
}

/**
 * A scripted session for one story: connected on mount, `afterOpen` run once
 * the session is open and has applied its draft (to make an edit the server then answers), closed on unmount.
 */
export function useScriptedSession(
  make: () => RealtimeSessionStore,
  afterOpen?: (store: RealtimeSessionStore) => void,
): RealtimeSessionStore {
  const [store] = useState(make);
  useEffect(() => {
    let done = false;
    const run = () => {
      const snapshot = store.getSnapshot();
      // Once the draft the session opened with is applied, so the story's edit is the only one in flight.
      if (done || snapshot.status !== 'open' || snapshot.pending.length > 0) return;
      done = true;
      afterOpen?.(store);
    };
    const unsubscribe = store.subscribe(run);
    store.connect();
    return () => {
      unsubscribe();
      store.disconnect();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one session per story mount
  }, [store]);
  return store;
}
