import type { RealtimeClientEvent, SessionUpdateEvent } from '../../src/protocol/index.js';
import {
  RealtimeTransportError,
  type RealtimeTransport,
  type RealtimeTransportEvent,
  type RealtimeTransportStatus,
} from '../../src/transport/index.js';

type Json = Record<string, unknown>;

/**
 * A scripted transport for store unit tests: records what the store sends and
 * lets the test play the server, frame by frame.
 */
export interface FakeTransport extends RealtimeTransport {
  readonly sent: RealtimeClientEvent[];
  /** The `connect()` calls, with their model. */
  readonly connects: (string | undefined)[];
  closes: number;
  /** `session.update` events sent so far. */
  updates(): SessionUpdateEvent[];
  /** The socket opened and the server said `session.created` with `session` (defaults to just the model). */
  open(session?: Json): void;
  /** Sends a frame as the server would (an object is JSON-encoded; a string goes as is). */
  frame(frame: Json | string): void;
  /**
   * Acknowledges the oldest unanswered `session.update` with `session.updated`
   * carrying `session` as the server's whole config; by default, the config
   * so far with the update applied, as a server would report it.
   */
  ack(session?: Json): void;
  /**
   * Refuses the oldest unanswered `session.update` with an `error` event; with
   * `withEventId: false` the error names no `event_id`, as the API's often do.
   */
  reject(
    error: { code: string; message: string; param?: string | null; kit_param?: string },
    options?: { withEventId?: boolean },
  ): void;
  /** Sets the status as the real transport would and tells the listeners. */
  status_(status: RealtimeTransportStatus, error?: Error): void;
}

export function createFakeTransport(): FakeTransport {
  const listeners = new Set<(event: RealtimeTransportEvent) => void>();
  const sent: RealtimeClientEvent[] = [];
  const connects: (string | undefined)[] = [];
  let status: RealtimeTransportStatus = 'idle';
  let answered = 0;
  let model = 'gpt-realtime';
  /** The config the pretend server holds: what a default ack reports, whole. */
  let serverConfig: Json = {};
  const emit = (event: RealtimeTransportEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const updates = () => sent.filter((event): event is SessionUpdateEvent => event.type === 'session.update');
  const nextUnanswered = () => {
    const update = updates()[answered];
    if (update === undefined) throw new Error('no unanswered session.update');
    answered += 1;
    return update;
  };
  const fake: FakeTransport = {
    sent,
    connects,
    closes: 0,
    get status() {
      return status;
    },
    updates,
    connect(options) {
      connects.push(options?.model);
      if (options?.model !== undefined) model = options.model;
      fake.status_('connecting');
    },
    send(event) {
      if (status !== 'open') throw new RealtimeTransportError('not_open', `cannot send ${event.type}: ${status}`);
      sent.push(event);
    },
    close() {
      fake.closes += 1;
      if (status !== 'closed') fake.status_('closed');
    },
    events(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    open(session = {}) {
      // Each open is a new server session: earlier updates were answered or lost with the old socket.
      answered = updates().length;
      serverConfig = { type: 'realtime', model, ...session };
      fake.status_('open');
      fake.frame({ type: 'session.created', event_id: 'event_c', session: serverConfig });
    },
    frame(frame) {
      emit({ type: 'message', data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
    },
    ack(session) {
      const update = nextUnanswered();
      serverConfig = {
        ...(session ?? applyUpdate(serverConfig, update.session as unknown as Json)),
        type: 'realtime',
        model,
      };
      fake.frame({ type: 'session.updated', event_id: 'event_u', session: serverConfig });
    },
    reject(error, { withEventId = true } = {}) {
      const update = nextUnanswered();
      fake.frame({
        type: 'error',
        event_id: 'event_e',
        error: { type: 'invalid_request_error', param: null, ...error, event_id: withEventId ? update.event_id : null },
      });
    },
    status_(next, error) {
      status = next;
      emit(error === undefined ? { type: 'status', status: next } : { type: 'status', status: next, error });
    },
  };
  return fake;
}

/** A `session.update` applied the way the API does: fields replace, `audio.input` / `audio.output` merge key by key. */
function applyUpdate(config: Json, update: Json): Json {
  const next: Json = { ...config, ...update };
  const audio = update['audio'] as Json | undefined;
  if (audio !== undefined) {
    const before = (config['audio'] ?? {}) as Json;
    next['audio'] = Object.fromEntries(
      ['input', 'output']
        .filter((side) => before[side] !== undefined || audio[side] !== undefined)
        .map((side) => [side, { ...(before[side] as Json | undefined), ...(audio[side] as Json | undefined) }]),
    );
  }
  return next;
}
