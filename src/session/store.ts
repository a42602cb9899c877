import {
  changedSessionFields,
  RealtimeError,
  RealtimeSessionCreateRequest,
  type ConfigIssue,
  type CopyWithPatch,
  writeSessionField,
  type RealtimeSessionCreateRequestInit,
  type RealtimeSessionFieldPath,
  type RealtimeSessionFieldValues,
} from '../model/index.js';
import {
  parseServerEvent,
  sessionUpdateEvent,
  type RealtimeClientEvent,
  type RealtimeServerEvent,
} from '../protocol/index.js';
import { RealtimeTransportError, type RealtimeTransport, type RealtimeTransportEvent } from '../transport/index.js';
import { createEventLog, type RealtimeEventLog } from './event-log.js';
import { planSessionUpdate } from './plan.js';
import { initialSessionState, RATE_LIMIT_CODE, sessionReducer } from './reducer.js';
import type { PendingSessionUpdate, RealtimeSessionSnapshot, SessionAction, SessionError } from './types.js';

/** Text fields: typing in them is coalesced instead of sent per keystroke. */
const TEXT_FIELDS: ReadonlySet<RealtimeSessionFieldPath> = new Set(['instructions']);
/** Numeric fields a slider drags: each window of a drag sends once. */
const DRAG_FIELDS: ReadonlySet<RealtimeSessionFieldPath> = new Set(['audio.output.speed']);

const NO_ENDPOINT_ERROR = new RealtimeTransportError(
  'no_endpoint',
  'No Realtime endpoint to connect to. Pass getClientSecret (and url, for a server other than OpenAI) or a transport; ' +
    "in a Vite app, realtimeDevServer() from 'react-realtime-session/server' provides one in development.",
);

/** The coalescing window for text edits. */
export const DEFAULT_COALESCE_MS = 150;
/** The coalescing window for drags (sliders, number spinners): about three frames. */
export const DEFAULT_DRAG_COALESCE_MS = 50;
/** How many frames the event log keeps. */
export const DEFAULT_EVENT_LOG_SIZE = 200;
/** How long an update may go unanswered before it times out and is re-sent. */
export const DEFAULT_ACK_TIMEOUT_MS = 10_000;
/** The first wait after a `rate_limit_exceeded`; each further one in a row doubles it, up to 8 s. */
const RATE_LIMIT_BASE_MS = 250;
const RATE_LIMIT_MAX_MS = 8_000;

export interface SessionStoreOptions {
  /** The config the session starts from. */
  readonly initial: RealtimeSessionCreateRequest;
  /** The connection; without one the store is an offline draft until `setTransport()`. */
  readonly transport?: RealtimeTransport;
  /** Trailing window in which text edits are coalesced into one `session.update`. @default 150 */
  readonly coalesceMs?: number;
  /** Trailing window in which drag edits (a slider, a number input) are coalesced. @default 50 */
  readonly dragCoalesceMs?: number;
  /** Frames kept by the event log. @default 200 */
  readonly eventLogSize?: number;
  /** Largest server frame parsed. @default 4 MiB */
  readonly maxFrameBytes?: number;
  /**
   * How long a `session.update` may go unanswered. Then its `update()`
   * promises reject with reason `timeout`, the fields show it, and the store
   * re-sends what the server has not confirmed. If nothing at all arrived
   * since it was sent, the socket is taken for dead and replaced.
   * @default 10000
   */
  readonly ackTimeoutMs?: number;
  /**
   * Wraps each listener notification; React tests pass `act` here. Notifications
   * are already batched: a burst of changes in one task notifies once.
   * @default (notify) => notify()
   */
  readonly batchNotify?: (notify: () => void) => void;
}

/** A change to the draft: a whole new request, a `copyWith` patch, or a function of the current draft. */
export type SessionChange =
  | RealtimeSessionCreateRequest
  | CopyWithPatch<RealtimeSessionCreateRequestInit>
  | ((draft: RealtimeSessionCreateRequest) => RealtimeSessionCreateRequest);

export interface SessionUpdateOptions {
  /**
   * Coalesce this edit with others in a trailing window instead of sending it
   * at once: `'text'` (or `true`) uses the text window (`coalesceMs`), `'drag'`
   * the short drag window (`dragCoalesceMs`), for sliders and number inputs.
   * The last value of a window always goes out.
   * @default 'text' when the edit only touches text fields (`instructions`),
   * 'drag' when it touches only those and the output speed, false otherwise
   */
  readonly coalesce?: boolean | 'text' | 'drag';
}

/** Why an `update()` did not reach the live session. */
export type SessionUpdateFailure = 'invalid' | 'locked' | 'rejected' | 'closed' | 'timeout';

/**
 * The rejection of an `update()` promise. The draft keeps the edit in every
 * case; the field's status says the same thing for the UI.
 *
 * @example
 * ```ts
 * try {
 *   await store.update({ audio: { output: { voice: 'cedar' } } });
 * } catch (error) {
 *   if (error instanceof RealtimeSessionUpdateError && error.reason === 'locked') store.reconnect();
 * }
 * ```
 */
export class RealtimeSessionUpdateError extends RealtimeError {
  /** Why the edit was not applied; the same value as `code`. */
  readonly reason: SessionUpdateFailure;
  declare readonly code: SessionUpdateFailure;
  /** The field at fault. */
  readonly field: RealtimeSessionFieldPath | undefined;
  /** Validation issues, when `reason` is `invalid`. */
  readonly issues: readonly ConfigIssue[];
  /** The server's error, when `reason` is `rejected`. */
  readonly serverError: SessionError | undefined;

  constructor(
    reason: SessionUpdateFailure,
    message: string,
    details: { field?: RealtimeSessionFieldPath; issues?: readonly ConfigIssue[]; serverError?: SessionError } = {},
  ) {
    super(reason, message);
    this.name = 'RealtimeSessionUpdateError';
    this.reason = reason;
    this.field = details.field;
    this.issues = details.issues ?? [];
    this.serverError = details.serverError;
  }
}

/** Server event types `on()` can listen to; `*` is every event. */
export type SessionEventType = RealtimeServerEvent['type'] | '*';
/** The event a handler of `type` receives. */
export type SessionEventOf<TType extends SessionEventType> = TType extends '*'
  ? RealtimeServerEvent
  : Extract<RealtimeServerEvent, { type: TType }>;

/**
 * A live session's config as a framework-free store: draft, pending and
 * applied layers, per-field status, locks and errors. Follows the standard
 * external-store contract (`subscribe` / `getSnapshot` / `getServerSnapshot`).
 */
export interface RealtimeSessionStore {
  /** The current snapshot; the same object until something changes. */
  getSnapshot(): RealtimeSessionSnapshot;
  /** The snapshot used for server rendering and hydration: the initial one. */
  getServerSnapshot(): RealtimeSessionSnapshot;
  /** Calls `listener(next, prev)` after each change (batched); returns the unsubscribe function. */
  subscribe(listener: (next: RealtimeSessionSnapshot, prev: RealtimeSessionSnapshot) => void): () => void;
  /**
   * Changes the draft and syncs it. Resolves with the applied config once the
   * server acknowledged the edit; rejects with a {@link RealtimeSessionUpdateError}
   * (`invalid`, `locked`, `rejected`, `closed`, `timeout`) or, for input the model cannot
   * read, a `RealtimeConfigError`. The draft keeps the edit either way, and the
   * promise is safe to ignore: an ignored rejection is not reported as unhandled.
   */
  update(change: SessionChange, options?: SessionUpdateOptions): Promise<RealtimeSessionCreateRequest | undefined>;
  /**
   * Sets one field of the draft and syncs it, like `update()`; `undefined`
   * makes the field unspecified. The edit names its field, so nothing else is
   * compared or re-derived: the way form controls write.
   *
   * @example
   * ```ts
   * store.setField('audio.output.voice', 'cedar');
   * store.setField('audio.output.speed', 1.2, { coalesce: 'drag' });
   * ```
   */
  setField<P extends RealtimeSessionFieldPath>(
    path: P,
    value: RealtimeSessionFieldValues[P] | undefined,
    options?: SessionUpdateOptions,
  ): Promise<RealtimeSessionCreateRequest | undefined>;
  /** Sends coalesced edits now (for example when a text field loses focus). */
  commit(): void;
  /**
   * Opens the session. Does nothing while one is open or opening. Without a
   * transport it stays `idle` and records a `no_endpoint` error saying what to pass.
   */
  connect(): void;
  /** Closes the session; pending updates are dropped, the draft stays. */
  disconnect(): void;
  /** Replaces the live session with a fresh one, which applies locked edits (a new model, a new voice). */
  reconnect(): void;
  /** Sets a field of the draft back to its acknowledged value (or the initial one without a session). */
  revert(field: RealtimeSessionFieldPath): void;
  /** Sends any other client event (`response.create`, audio…). Throws when not connected. */
  send(event: RealtimeClientEvent): void;
  /** Listens to server events of one type, or `*` for all; returns the unsubscribe function. */
  on<TType extends SessionEventType>(type: TType, handler: (event: SessionEventOf<TType>) => void): () => void;
  /** The bounded, redacted log of frames sent and received. */
  readonly eventLog: RealtimeEventLog;
  /** Swaps the connection; an active session moves to the new transport. Subscribers are notified either way. */
  setTransport(transport: RealtimeTransport | undefined): void;
  /**
   * The connection the store talks through, if any: for what a transport offers beyond events, such as the
   * WebRTC transport's `media`. It is not part of the snapshot; `setTransport()` notifies subscribers, so
   * `useSyncExternalStore(store.subscribe, () => store.transport)` follows it.
   */
  readonly transport: RealtimeTransport | undefined;
  /** Changes options that need no reconnect. */
  setOptions(options: Pick<SessionStoreOptions, 'coalesceMs' | 'dragCoalesceMs' | 'ackTimeoutMs'>): void;
}

/**
 * The `update()` promises waiting on one set of fields. Their outcome depends
 * only on those fields' states, so they settle together: a burst of 10k edits
 * of one field is one group to check, not 10k.
 */
interface Waiter {
  readonly fields: readonly RealtimeSessionFieldPath[];
  readonly promises: {
    readonly resolve: (applied: RealtimeSessionCreateRequest | undefined) => void;
    readonly reject: (error: Error) => void;
  }[];
}

/**
 * Creates a session store. It touches no network until `connect()`, so it can
 * be created during a server render.
 *
 * @example
 * ```ts
 * const store = createSessionStore({
 *   initial: new RealtimeSessionCreateRequest({ model: 'gpt-realtime', instructions: 'Be brief.' }),
 *   transport: createWebSocketTransport({ model: 'gpt-realtime', getClientSecret }),
 * });
 * store.connect();
 * await store.update({ audio: { output: { voice: 'marin' } } }); // resolves once the server applied it
 * store.getSnapshot().fields['audio.output.voice'].status; // 'synced'
 * ```
 */
export function createSessionStore(options: SessionStoreOptions): RealtimeSessionStore {
  let state = initialSessionState(options.initial);
  const serverSnapshot = state;
  let transport = options.transport;
  let coalesceMs = options.coalesceMs ?? DEFAULT_COALESCE_MS;
  let dragCoalesceMs = options.dragCoalesceMs ?? DEFAULT_DRAG_COALESCE_MS;
  const batchNotify = options.batchNotify ?? ((notify: () => void) => notify());
  const eventLog = createEventLog(options.eventLogSize ?? DEFAULT_EVENT_LOG_SIZE);
  const listeners = new Set<(next: RealtimeSessionSnapshot, prev: RealtimeSessionSnapshot) => void>();
  const handlers = new Map<string, Set<(event: RealtimeServerEvent) => void>>();
  /** By field set (the paths joined), in the order the sets were first edited. */
  const waiters = new Map<string, Waiter>();
  let coalesceTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the open coalescing window ends: a shorter window asked for later moves it closer. */
  let coalesceDeadline = 0;
  let ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  let ackTimer: { readonly eventId: string; readonly handle: ReturnType<typeof setTimeout> } | undefined;
  /** When the last server frame arrived: an unanswered update with nothing received since means a dead socket. */
  let lastReceivedAt = 0;
  let rateLimitedInARow = 0;
  let rateLimitTimer: ReturnType<typeof setTimeout> | undefined;
  let batchDepth = 0;
  let notifyFrom: RealtimeSessionSnapshot | undefined;
  let unsubscribeTransport = transport?.events(onTransportEvent);

  function notify(): void {
    const prev = notifyFrom;
    notifyFrom = undefined;
    if (prev === undefined || prev === state) return;
    const next = state;
    batchNotify(() => {
      for (const listener of [...listeners]) listener(next, prev);
    });
  }

  /** Runs `work` and notifies once for everything it changed. */
  function batch(work: () => void): void {
    batchDepth += 1;
    try {
      work();
    } finally {
      batchDepth -= 1;
      if (batchDepth === 0) {
        settleWaiters();
        armAckTimer();
        notify();
      }
    }
  }

  function dispatch(action: SessionAction): void {
    const prev = state;
    state = sessionReducer(state, action);
    if (state !== prev && notifyFrom === undefined) notifyFrom = prev;
  }

  function flush(): void {
    // After a rate limit the server is asked again only once its backoff has passed.
    if (rateLimitTimer !== undefined) return;
    const plan = planSessionUpdate(state);
    if (plan === undefined || transport === undefined) return;
    const event = sessionUpdateEvent(plan.session);
    try {
      transport.send(event);
    } catch (error) {
      dispatch({ type: 'send_failed', error: error as Error, at: Date.now() });
      return;
    }
    eventLog.record('sent', event, Date.now());
    dispatch({ type: 'sent', update: { eventId: event.event_id, sentAt: Date.now(), ...plan } });
  }

  /** One timer, always for the oldest update in flight. */
  function armAckTimer(): void {
    const oldest = state.pending[0];
    if (oldest?.eventId === ackTimer?.eventId) return;
    clearTimeout(ackTimer?.handle);
    ackTimer = undefined;
    if (oldest === undefined) return;
    const wait = Math.max(0, oldest.sentAt + ackTimeoutMs - Date.now());
    ackTimer = { eventId: oldest.eventId, handle: setTimeout(() => batch(() => ackTimedOut(oldest)), wait) };
  }

  function ackTimedOut(oldest: PendingSessionUpdate): void {
    ackTimer = undefined;
    // Partial confirmations replace the entry, so it is found again by its event id.
    const update = state.pending.find((item) => item.eventId === oldest.eventId);
    if (update === undefined) return;
    const silent = lastReceivedAt <= update.sentAt;
    dispatch({ type: 'ack_timeout', eventId: update.eventId, at: Date.now() });
    const seconds = Math.round(ackTimeoutMs / 100) / 10;
    for (const [key, waiter] of waiters) {
      if (!waiter.fields.some((field) => update.awaiting.includes(field))) continue;
      waiters.delete(key);
      const error = new RealtimeSessionUpdateError(
        'timeout',
        `The server did not acknowledge the change within ${seconds} s; it is being sent again.`,
        waiter.fields[0] === undefined ? {} : { field: waiter.fields[0] },
      );
      for (const promise of waiter.promises) promise.reject(error);
    }
    if (silent && transport !== undefined) {
      // Not a frame since the update left: the socket is half-open. A fresh session re-applies the draft.
      startFreshSession(transport);
      return;
    }
    flushUnlessCoalescing();
  }

  function rateLimited(): void {
    // The other refusals of one burst belong to the wait already running; only a refused retry waits longer.
    if (rateLimitTimer !== undefined) return;
    rateLimitedInARow += 1;
    const exponential = Math.min(RATE_LIMIT_MAX_MS, RATE_LIMIT_BASE_MS * 2 ** (rateLimitedInARow - 1));
    rateLimitTimer = setTimeout(
      () => {
        rateLimitTimer = undefined;
        batch(flushUnlessCoalescing);
      },
      exponential / 2 + Math.random() * (exponential / 2),
    );
  }

  /** Replaces the live session with a new one on `connection`; its `session.created` gets the whole draft. */
  function startFreshSession(connection: RealtimeTransport): void {
    clearTimers();
    dispatch({ type: 'reconnect' });
    connection.connect({ model: state.draft.model });
  }

  function clearTimers(): void {
    clearTimeout(coalesceTimer);
    coalesceTimer = undefined;
    clearTimeout(rateLimitTimer);
    rateLimitTimer = undefined;
  }

  function flushNow(): void {
    clearTimeout(coalesceTimer);
    coalesceTimer = undefined;
    flush();
  }

  /** Sends unless a coalescing window is open: its timer will send. */
  function flushUnlessCoalescing(): void {
    if (coalesceTimer === undefined) flush();
  }

  function settleWaiters(): void {
    for (const [key, waiter] of waiters) {
      const outcome = outcomeOf(state, waiter.fields);
      if (outcome === 'wait') continue;
      waiters.delete(key);
      for (const promise of waiter.promises) {
        if (outcome === 'applied') promise.resolve(state.applied);
        else promise.reject(outcome);
      }
    }
  }

  function emit(event: RealtimeServerEvent): void {
    for (const key of [event.type, '*']) {
      for (const handler of [...(handlers.get(key) ?? [])]) {
        try {
          handler(event);
        } catch (error) {
          // A failing handler must not stop the session; report it the way an event listener's error is.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  }

  function receive(data: unknown): void {
    const at = Date.now();
    lastReceivedAt = at;
    const parsed = parseServerEvent(
      data,
      options.maxFrameBytes === undefined ? {} : { maxFrameBytes: options.maxFrameBytes },
    );
    if (!parsed.ok) {
      eventLog.record('received', data, at);
      dispatch({ type: 'protocol_issue', issue: parsed.issue, at });
      return;
    }
    const { event } = parsed;
    eventLog.record('received', event.raw, at);
    switch (event.type) {
      case 'session.created':
        // A fresh session has its own rate budget: a wait left over from the old one would only delay the draft.
        rateLimitedInARow = 0;
        clearTimeout(rateLimitTimer);
        rateLimitTimer = undefined;
        dispatch({ type: 'session_created', event });
        // A fresh session gets the whole draft at once, coalescing or not.
        flushNow();
        break;
      case 'session.updated':
        rateLimitedInARow = 0;
        dispatch({ type: 'session_updated', event });
        flushUnlessCoalescing();
        break;
      case 'error':
        dispatch({ type: 'server_error', event, at });
        if (event.error.code === RATE_LIMIT_CODE) rateLimited();
        else flushUnlessCoalescing();
        break;
      case 'response.output_audio.delta':
      case 'output_audio_buffer.started':
        dispatch({ type: 'audio_output_started' });
        break;
      case 'conversation.item.added':
      case 'conversation.item.done':
        // Only MCP listings are kept in the snapshot; the rest of the conversation is the app's, through on().
        if (event.item.type === 'mcp_list_tools') {
          dispatch({
            type: 'mcp_list_tools_item',
            phase: event.type === 'conversation.item.added' ? 'added' : 'done',
            item: event.item,
          });
        }
        break;
      case 'mcp_list_tools.in_progress':
      case 'mcp_list_tools.completed':
      case 'mcp_list_tools.failed':
        dispatch({ type: 'mcp_list_tools', event });
        break;
      default:
        break;
    }
    emit(event);
  }

  function onTransportEvent(event: RealtimeTransportEvent): void {
    batch(() => {
      if (event.type === 'message') {
        try {
          receive(event.data);
        } catch (error) {
          // Nothing a server sends may throw inside the socket's listener: that would stop a Node client.
          dispatch({
            type: 'protocol_issue',
            issue: { code: 'invalid_event', message: `frame could not be handled: ${String(error)}` },
            at: Date.now(),
          });
        }
        return;
      }
      if (event.status !== 'open') clearTimers();
      dispatch({
        type: 'transport',
        status: event.status,
        ...(event.error === undefined ? {} : { error: event.error }),
        at: Date.now(),
      });
    });
  }

  function requireTransport(): RealtimeTransport {
    if (transport === undefined) {
      throw new Error(
        'This session store has no transport: pass `transport` to createSessionStore() or call setTransport().',
      );
    }
    return transport;
  }

  /** Applies an edit of `fields` and syncs it: at once, or at the end of its coalescing window. */
  function edit(
    next: RealtimeSessionCreateRequest,
    fields: readonly RealtimeSessionFieldPath[],
    updateOptions: SessionUpdateOptions = {},
  ): Promise<RealtimeSessionCreateRequest | undefined> {
    let resolve!: Waiter['promises'][number]['resolve'];
    let reject!: Waiter['promises'][number]['reject'];
    const promise = new Promise<RealtimeSessionCreateRequest | undefined>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Marked handled so fire-and-forget edits from forms never raise "unhandled rejection"; awaiting still sees it.
    promise.catch(() => {});
    batch(() => {
      dispatch({ type: 'edit', draft: next, fields });
      const key = fields.join('|');
      const waiter = waiters.get(key) ?? { fields, promises: [] };
      waiter.promises.push({ resolve, reject });
      waiters.set(key, waiter);
      if (state.status !== 'open' || fields.length === 0) return;
      const window = coalesceWindow(fields, updateOptions.coalesce);
      if (window === undefined) flushNow();
      else coalesceWithin(window);
    });
    return promise;
  }

  function coalesceWindow(
    fields: readonly RealtimeSessionFieldPath[],
    coalesce: SessionUpdateOptions['coalesce'],
  ): number | undefined {
    const kind =
      coalesce ??
      (fields.every((field) => TEXT_FIELDS.has(field))
        ? 'text'
        : fields.every((field) => TEXT_FIELDS.has(field) || DRAG_FIELDS.has(field))
          ? 'drag'
          : false);
    return kind === false ? undefined : kind === 'drag' ? dragCoalesceMs : coalesceMs;
  }

  /**
   * Trailing window: the first edit opens it, later ones ride along, its end
   * sends them together. A shorter window asked for while one is open brings
   * its end closer, so a drag never waits for a text window.
   */
  function coalesceWithin(windowMs: number): void {
    const deadline = Date.now() + windowMs;
    if (coalesceTimer !== undefined && coalesceDeadline <= deadline) return;
    clearTimeout(coalesceTimer);
    coalesceDeadline = deadline;
    coalesceTimer = setTimeout(() => batch(flushNow), windowMs);
  }

  const isActive = () => state.status === 'connecting' || state.status === 'open' || state.status === 'reconnecting';

  return {
    getSnapshot: () => state,
    getServerSnapshot: () => serverSnapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    update(change, updateOptions) {
      let next: RealtimeSessionCreateRequest;
      try {
        next = nextDraft(state.draft, change);
      } catch (error) {
        const failed = Promise.reject(error as Error);
        failed.catch(() => {});
        return failed;
      }
      return edit(next, changedSessionFields(state.draft, next), updateOptions);
    },
    setField(path, value, updateOptions) {
      const next = writeSessionField(state.draft, path, value);
      return edit(next, next === state.draft ? [] : [path], updateOptions);
    },
    commit() {
      batch(flushNow);
    },
    connect() {
      if (transport === undefined) {
        // Nothing to dial is a configuration problem the UI should show, not a crash of the component that connects.
        if (state.errors.at(-1)?.code !== NO_ENDPOINT_ERROR.code) {
          batch(() => dispatch({ type: 'transport', status: 'idle', error: NO_ENDPOINT_ERROR, at: Date.now() }));
        }
        return;
      }
      const connection = transport;
      if (isActive()) return;
      batch(() => {
        dispatch({ type: 'connect' });
        connection.connect({ model: state.draft.model });
      });
    },
    disconnect() {
      batch(() => {
        clearTimers();
        transport?.close();
        dispatch({ type: 'disconnect' });
      });
    },
    reconnect() {
      const connection = requireTransport();
      batch(() => startFreshSession(connection));
    },
    revert(field) {
      batch(() => {
        dispatch({ type: 'revert', field });
        flushUnlessCoalescing();
      });
    },
    send(event) {
      requireTransport().send(event);
      eventLog.record('sent', event, Date.now());
    },
    on(type, handler) {
      const set = handlers.get(type) ?? new Set();
      handlers.set(type, set);
      const entry = handler as (event: RealtimeServerEvent) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    eventLog,
    setTransport(nextTransport) {
      if (nextTransport === transport) return;
      const before = state;
      const wasActive = isActive();
      unsubscribeTransport?.();
      transport?.close();
      transport = nextTransport;
      unsubscribeTransport = transport?.events(onTransportEvent);
      if (wasActive) {
        batch(() => {
          if (transport === undefined) dispatch({ type: 'disconnect' });
          else startFreshSession(transport);
        });
      }
      // The snapshot does not hold the transport, so a swap that changed nothing in it is announced with the
      // same snapshot: readers of `transport` (useRealtimeMedia) move to the new one's media.
      if (state === before) {
        const same = state;
        batchNotify(() => {
          for (const listener of [...listeners]) listener(same, same);
        });
      }
    },
    get transport() {
      return transport;
    },
    setOptions(next) {
      if (next.coalesceMs !== undefined) coalesceMs = next.coalesceMs;
      if (next.dragCoalesceMs !== undefined) dragCoalesceMs = next.dragCoalesceMs;
      if (next.ackTimeoutMs !== undefined) ackTimeoutMs = next.ackTimeoutMs;
    },
  };
}

function nextDraft(draft: RealtimeSessionCreateRequest, change: SessionChange): RealtimeSessionCreateRequest {
  const next =
    typeof change === 'function'
      ? change(draft)
      : change instanceof RealtimeSessionCreateRequest
        ? change
        : draft.copyWith(change);
  if (!(next instanceof RealtimeSessionCreateRequest)) {
    throw new TypeError('update(): the change must produce a RealtimeSessionCreateRequest.');
  }
  return next;
}

/** Whether an edit of `fields` is applied, still on its way, or failed (and why). */
function outcomeOf(
  state: RealtimeSessionSnapshot,
  fields: readonly RealtimeSessionFieldPath[],
): 'applied' | 'wait' | RealtimeSessionUpdateError {
  if (fields.length === 0) return 'applied';
  for (const field of fields) {
    const { status, issues, lock, error } = state.fields[field];
    if (status === 'invalid') {
      return new RealtimeSessionUpdateError('invalid', `${field}: ${issues[0]?.message ?? 'invalid'}`, {
        field,
        issues,
      });
    }
    if (status === 'locked') {
      return new RealtimeSessionUpdateError('locked', `${field}: ${lock?.message ?? 'locked'}`, { field });
    }
    if (status === 'rejected') {
      return new RealtimeSessionUpdateError('rejected', `${field}: ${error?.message ?? 'rejected by the server'}`, {
        field,
        ...(error === undefined ? {} : { serverError: error }),
      });
    }
  }
  if (state.status === 'closed' || state.status === 'failed') {
    return new RealtimeSessionUpdateError('closed', `The session is ${state.status}; the edit stays in the draft.`);
  }
  return state.status === 'open' && fields.every((field) => state.fields[field].status === 'synced')
    ? 'applied'
    : 'wait';
}
