import {
  isOff,
  jsonCarries,
  jsonEqual,
  readSessionField,
  RealtimeMcpTool,
  REALTIME_SESSION_FIELD_PATHS,
  RealtimeSessionCreateRequest,
  sessionFieldJson,
  sessionFieldOfPath,
  validateSessionRequest,
  writeSessionField,
  type ConfigIssue,
  type JsonObject,
  type JsonValue,
  type RealtimeSessionFieldPath,
} from '../model/index.js';
import type { McpListToolsEvent, RealtimeMcpListToolsItem } from '../protocol/index.js';
import type {
  McpListedToolSummary,
  McpToolListing,
  McpToolListingError,
  PendingSessionUpdate,
  RealtimeSessionSnapshot,
  SessionAction,
  SessionError,
  SessionFieldHold,
  SessionFieldRejection,
  SessionFieldState,
  SessionLock,
} from './types.js';

/** How many errors the snapshot keeps; older ones drop off. */
export const MAX_SESSION_ERRORS = 20;

const NO_ISSUES: readonly ConfigIssue[] = Object.freeze([]);
const NO_LOCKS: RealtimeSessionSnapshot['locks'] = Object.freeze({});
const NO_REJECTIONS: RealtimeSessionSnapshot['rejections'] = Object.freeze({});
const NO_ERRORS: readonly SessionError[] = Object.freeze([]);
const NO_PENDING: readonly PendingSessionUpdate[] = Object.freeze([]);
// Null-prototype, so a label such as `constructor` or `__proto__` reads as absent, not as Object.prototype's.
const NO_MCP_LISTINGS: RealtimeSessionSnapshot['mcpListings'] = Object.freeze(
  Object.create(null) as Record<string, McpToolListing>,
);
const NO_LISTED_TOOLS: readonly McpListedToolSummary[] = Object.freeze([]);

/** The server's code for "too many events": not a verdict on the value, so the update is retried, not rejected. */
export const RATE_LIMIT_CODE = 'rate_limit_exceeded';

/** Error codes that name their field even when the server sends `param: null` (it does for the voice). */
const FIELD_OF_ERROR_CODE: Readonly<Record<string, RealtimeSessionFieldPath>> = {
  cannot_update_voice: 'audio.output.voice',
  cannot_update_model: 'model',
  cannot_update_tracing: 'tracing',
};

const LOCK_MESSAGES: Readonly<Record<SessionLock['reason'], string>> = {
  connected: 'The model of a live session cannot change. Reconnect to use the new model.',
  audio_output: 'The voice cannot change once the assistant has spoken. Reconnect to use the new voice.',
  tracing_enabled: 'Tracing cannot change once enabled. Reconnect to apply the change.',
};

function lock(field: RealtimeSessionFieldPath, reason: SessionLock['reason']): SessionLock {
  return Object.freeze({ field, reason, message: LOCK_MESSAGES[reason] });
}

// Validation walks the whole request; drafts are immutable, so each is validated once.
const issuesCache = new WeakMap<RealtimeSessionCreateRequest, readonly ConfigIssue[]>();

/** The validation issues of a request, memoized per instance. */
export function issuesOf(request: RealtimeSessionCreateRequest): readonly ConfigIssue[] {
  let issues = issuesCache.get(request);
  if (issues === undefined) {
    const found = validateSessionRequest(request);
    issues = found.length === 0 ? NO_ISSUES : Object.freeze(found);
    issuesCache.set(request, issues);
  }
  return issues;
}

/**
 * The first snapshot of a store.
 *
 * @example
 * ```ts
 * const state = initialSessionState(new RealtimeSessionCreateRequest({ model: 'gpt-realtime' }));
 * state.status; // 'idle'
 * ```
 */
export function initialSessionState(initial: RealtimeSessionCreateRequest): RealtimeSessionSnapshot {
  return derive(
    {
      status: 'idle',
      draft: initial,
      initial,
      applied: undefined,
      acknowledged: undefined,
      pending: Object.freeze([]),
      fields: {} as RealtimeSessionSnapshot['fields'],
      issues: NO_ISSUES,
      errors: Object.freeze([]),
      rejections: NO_REJECTIONS,
      locks: NO_LOCKS,
      unmatchedErrors: NO_ERRORS,
      timeouts: NO_REJECTIONS,
      sessionId: undefined,
      expiresAt: undefined,
      mcpListings: NO_MCP_LISTINGS,
    },
    undefined,
  );
}

/**
 * The session store's reducer: pure, one case per action. Returns `state`
 * itself when the action changes nothing, so nobody is notified.
 */
export function sessionReducer(state: RealtimeSessionSnapshot, action: SessionAction): RealtimeSessionSnapshot {
  const next = apply(state, action);
  if (next === state) return state;
  // An edit or a send says which fields it touched: only those can change status (or others' issues).
  // An MCP listing touches none: the draft and what is in flight are as they were.
  const touched =
    action.type === 'edit'
      ? action.fields
      : action.type === 'sent'
        ? action.update.fields
        : action.type === 'mcp_list_tools_item' || action.type === 'mcp_list_tools'
          ? NO_FIELDS
          : undefined;
  return derive(next, state, touched);
}

const NO_FIELDS: readonly RealtimeSessionFieldPath[] = Object.freeze([]);

/**
 * A fresh server session: nothing acknowledged yet, nothing in flight, no
 * locks, no MCP listings (the next session lists its servers again, and until
 * then an old listing would claim tools the model may no longer have).
 */
function withoutSession(state: RealtimeSessionSnapshot): RealtimeSessionSnapshot {
  return {
    ...state,
    acknowledged: undefined,
    pending: NO_PENDING,
    locks: NO_LOCKS,
    unmatchedErrors: NO_ERRORS,
    timeouts: NO_REJECTIONS,
    mcpListings: NO_MCP_LISTINGS,
  };
}

function apply(state: RealtimeSessionSnapshot, action: SessionAction): RealtimeSessionSnapshot {
  switch (action.type) {
    case 'edit': {
      if (action.draft === state.draft) return state;
      return {
        ...state,
        draft: action.draft,
        rejections: staleRejectionsDropped(state.rejections, action.draft, action.fields),
        timeouts: staleRejectionsDropped(state.timeouts, action.draft, action.fields),
      };
    }
    case 'revert': {
      const source = state.acknowledged ?? state.initial;
      const draft = writeSessionField(state.draft, action.field, readSessionField(source, action.field));
      const { [action.field]: _dropped, ...rejections } = state.rejections;
      if (draft === state.draft && _dropped === undefined) return state;
      return { ...state, draft, rejections };
    }
    case 'connect':
      return state.status === 'connecting' ? state : { ...withoutSession(state), status: 'connecting' };
    case 'reconnect':
      return { ...withoutSession(state), status: 'reconnecting' };
    case 'disconnect':
      return state.status === 'closed' ? state : { ...withoutSession(state), status: 'closed' };
    case 'transport':
      return transportChanged(state, action);
    case 'session_created': {
      const { session, sessionId, expiresAt } = action.event;
      const applied = shareFields(state.applied, session);
      return {
        ...state,
        status: 'open',
        applied,
        // The diff base of a new session is the empty request: every specified draft field is sent.
        acknowledged: new RealtimeSessionCreateRequest({ model: session.model }),
        pending: NO_PENDING,
        unmatchedErrors: NO_ERRORS,
        timeouts: NO_REJECTIONS,
        locks: Object.freeze({ model: lock('model', 'connected'), ...tracingLock(applied) }),
        sessionId,
        expiresAt,
        mcpListings: NO_MCP_LISTINGS,
      };
    }
    case 'session_updated': {
      const next = acknowledged(state, shareFields(state.applied, action.event.session));
      const mcpListings = listingsOfAppliedTools(next.mcpListings, next.applied);
      return mcpListings === next.mcpListings ? next : { ...next, mcpListings };
    }
    case 'server_error':
      return serverError(state, action.event, action.at);
    case 'protocol_issue': {
      const { code, message, eventType } = action.issue;
      const text = eventType === undefined ? message : `${message} (${eventType})`;
      return withError(state, { source: 'protocol', code, message: text, at: action.at });
    }
    case 'audio_output_started':
      if (state.locks['audio.output.voice'] !== undefined || state.status !== 'open') return state;
      return {
        ...state,
        locks: Object.freeze({ ...state.locks, 'audio.output.voice': lock('audio.output.voice', 'audio_output') }),
      };
    case 'sent': {
      // An older update whose every awaited field the new one sends again is superseded: its answer
      // no longer decides anything. Dropping it keeps the list as short as the set of fields in
      // flight, so a slider dragged for a minute costs what one edit does.
      const { fields } = action.update;
      const kept = state.pending.filter((update) => !update.awaiting.every((field) => fields.includes(field)));
      return { ...state, pending: Object.freeze([...kept, action.update]) };
    }
    case 'mcp_list_tools_item':
      return mcpListToolsItem(state, action.phase, action.item);
    case 'mcp_list_tools':
      return mcpListToolsEvent(state, action.event);
    case 'ack_timeout':
      return timedOut(state, action.eventId, action.at);
    case 'send_failed':
      return withError(state, {
        source: 'transport',
        code: 'send_failed',
        message: action.error.message,
        at: action.at,
      });
    default:
      return action satisfies never;
  }
}

/** What a failed listing says when the server does not say why: the real API never does. */
export const MCP_LISTING_FAILED_MESSAGE =
  "The Realtime server did not say why it could not list this MCP server's tools.";

const MCP_LISTING_FAILURE_REASONS: ReadonlySet<string> = new Set<NonNullable<McpToolListingError['reason']>>([
  'sdk_missing',
  'unreachable',
  'unauthorized',
  'timeout',
  'protocol_error',
]);

/** `listings` with `label` set to `listing`, as a new frozen null-prototype record. */
function withListing(
  listings: RealtimeSessionSnapshot['mcpListings'],
  label: string,
  listing: McpToolListing,
): RealtimeSessionSnapshot['mcpListings'] {
  const next = Object.assign(Object.create(null) as Record<string, McpToolListing>, listings);
  // Defined, not assigned, so even a label `__proto__` becomes an own key.
  Object.defineProperty(next, label, { value: listing, enumerable: true, writable: true, configurable: true });
  return Object.freeze(next);
}

/** The listing `itemId` belongs to, if it is the current one of its label: events of superseded items are stale. */
function listingOfItem(listings: RealtimeSessionSnapshot['mcpListings'], itemId: string): McpToolListing | undefined {
  return Object.values(listings).find((listing) => listing.itemId === itemId);
}

/**
 * The tools of an `mcp_list_tools` item. The parser checks only that `item`
 * is an object, so each entry is read defensively: one without a string
 * `name` is skipped rather than shown as `undefined`.
 */
function listedToolsOf(item: RealtimeMcpListToolsItem): readonly McpListedToolSummary[] {
  const tools: unknown = item.tools;
  if (!Array.isArray(tools) || tools.length === 0) return NO_LISTED_TOOLS;
  const summaries: McpListedToolSummary[] = [];
  for (const tool of tools as readonly unknown[]) {
    if (typeof tool !== 'object' || tool === null) continue;
    const { name, description } = tool as { readonly name?: unknown; readonly description?: unknown };
    if (typeof name !== 'string') continue;
    summaries.push(
      Object.freeze(typeof description === 'string' && description !== '' ? { name, description } : { name }),
    );
  }
  return Object.freeze(summaries);
}

function sameListedTools(a: readonly McpListedToolSummary[], b: readonly McpListedToolSummary[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((tool, index) => tool.name === b[index]?.name && tool.description === b[index]?.description))
  );
}

/**
 * An `mcp_list_tools` item: `added` starts a listing of its label, replacing
 * any earlier one (a `session.update` that changed the MCP tool makes the
 * server list again, in a new item); `done` brings the tools of the current
 * listing. An item whose id or label is not a string is not one the events
 * could name, so it is ignored.
 */
function mcpListToolsItem(
  state: RealtimeSessionSnapshot,
  phase: 'added' | 'done',
  item: RealtimeMcpListToolsItem,
): RealtimeSessionSnapshot {
  const { id, server_label: label } = item as { readonly id?: unknown; readonly server_label?: unknown };
  if (typeof id !== 'string' || id === '' || typeof label !== 'string' || label === '') return state;
  const before = Object.hasOwn(state.mcpListings, label) ? state.mcpListings[label] : undefined;
  let listing: McpToolListing;
  if (phase === 'added') {
    if (before?.itemId === id) return state;
    listing = { serverLabel: label, status: 'listing', itemId: id, tools: NO_LISTED_TOOLS };
  } else {
    // Only the current listing's item counts: a `done` of an item never added, or of one a newer listing
    // superseded (the server may still finish the old one), would put back tools the session no longer lists.
    // A failed listing stays failed: the API may finalize its item, with no tools, after the failure.
    if (before?.itemId !== id || before.status === 'failed') return state;
    const tools = listedToolsOf(item);
    if (before.status === 'listed' && sameListedTools(before.tools, tools)) return state;
    listing = { ...before, status: 'listed', tools: sameListedTools(before.tools, tools) ? before.tools : tools };
  }
  return { ...state, mcpListings: withListing(state.mcpListings, label, Object.freeze(listing)) };
}

/**
 * `mcp_list_tools.in_progress` / `.completed` / `.failed`, for the item of a
 * current listing; any other item id (unknown, or superseded) changes
 * nothing. `completed` changes nothing either: the tools come with the
 * item's `conversation.item.done` right after it, and marking the listing
 * done before would show it with no tools for a moment.
 */
function mcpListToolsEvent(state: RealtimeSessionSnapshot, event: McpListToolsEvent): RealtimeSessionSnapshot {
  const listing = listingOfItem(state.mcpListings, event.item_id);
  if (listing === undefined) return state;
  switch (event.type) {
    case 'mcp_list_tools.in_progress':
    case 'mcp_list_tools.completed':
      return state;
    case 'mcp_list_tools.failed': {
      const error = mcpListingErrorOf(event.kit_error);
      if (
        listing.status === 'failed' &&
        listing.error?.reason === error.reason &&
        listing.error?.message === error.message
      ) {
        return state;
      }
      const failed: McpToolListing = Object.freeze({ ...listing, status: 'failed', tools: NO_LISTED_TOOLS, error });
      return { ...state, mcpListings: withListing(state.mcpListings, listing.serverLabel, failed) };
    }
    default:
      return event.type satisfies never;
  }
}

/** The emulator's `kit_error`, read defensively (the parser does not check it); else the generic failure. */
function mcpListingErrorOf(kitError: unknown): McpToolListingError {
  if (typeof kitError !== 'object' || kitError === null) return Object.freeze({ message: MCP_LISTING_FAILED_MESSAGE });
  const { reason, message } = kitError as { readonly reason?: unknown; readonly message?: unknown };
  const text = typeof message === 'string' && message.trim() !== '' ? message : MCP_LISTING_FAILED_MESSAGE;
  return Object.freeze(
    typeof reason === 'string' && MCP_LISTING_FAILURE_REASONS.has(reason)
      ? { reason: reason as NonNullable<McpToolListingError['reason']>, message: text }
      : { message: text },
  );
}

/**
 * The listings whose label is still an MCP tool of the applied config: a
 * tool removed or renamed takes its old listing with it.
 */
function listingsOfAppliedTools(
  listings: RealtimeSessionSnapshot['mcpListings'],
  applied: RealtimeSessionCreateRequest | undefined,
): RealtimeSessionSnapshot['mcpListings'] {
  const labels = Object.keys(listings);
  if (labels.length === 0) return listings;
  const live = new Set(
    (applied?.tools ?? []).flatMap((tool) => (tool instanceof RealtimeMcpTool ? [tool.serverLabel] : [])),
  );
  if (labels.every((label) => live.has(label))) return listings;
  const kept = Object.create(null) as Record<string, McpToolListing>;
  for (const label of labels) {
    if (live.has(label)) Object.defineProperty(kept, label, { value: listings[label], enumerable: true });
  }
  return Object.freeze(kept);
}

function transportChanged(
  state: RealtimeSessionSnapshot,
  action: Extract<SessionAction, { type: 'transport' }>,
): RealtimeSessionSnapshot {
  const withTransportError = (next: RealtimeSessionSnapshot) =>
    action.error === undefined
      ? next
      : withError(next, {
          source: 'transport',
          code: (action.error as { code?: string }).code ?? 'connection_failed',
          message: action.error.message,
          at: action.at,
        });
  switch (action.status) {
    case 'idle':
      // Staying idle can still have a reason (nothing to connect to).
      return withTransportError(state);
    case 'open':
      // A socket being open is not a session yet: that starts with `session.created`.
      return state;
    case 'connecting':
      // A user's `reconnect()` stays `reconnecting` while the fresh socket opens.
      if (state.status === 'reconnecting' || state.status === 'connecting') return state;
      return { ...withoutSession(state), status: 'connecting' };
    case 'reconnecting':
      return withTransportError({ ...withoutSession(state), status: 'reconnecting' });
    case 'closed':
      return state.status === 'closed' ? state : { ...withoutSession(state), status: 'closed' };
    case 'failed':
      return withTransportError({ ...withoutSession(state), status: 'failed' });
    default:
      return action.status satisfies never;
  }
}

function serverError(
  state: RealtimeSessionSnapshot,
  event: Extract<SessionAction, { type: 'server_error' }>['event'],
  at: number,
): RealtimeSessionSnapshot {
  const { code, message, param, event_id: eventId, kit_param: kitParam } = event.error;
  const named = param ?? kitParam;
  const field = (named == null ? undefined : sessionFieldOfPath(named)) ?? FIELD_OF_ERROR_CODE[code ?? ''];
  const error: SessionError = Object.freeze({
    source: 'server' as const,
    code: code ?? event.error.type,
    message,
    ...(param == null ? {} : { param }),
    ...(field === undefined ? {} : { field }),
    ...(eventId == null ? {} : { eventId }),
    at,
  });
  const next = withError(state, error);
  if (error.code === RATE_LIMIT_CODE) {
    // Which update was refused does not matter: updates carry absolute values, so the store
    // drops what is in flight and re-sends the whole diff once the backoff has passed.
    return state.pending.length === 0 ? next : { ...next, pending: NO_PENDING, unmatchedErrors: NO_ERRORS };
  }
  const rejected =
    eventId != null
      ? state.pending.find((update) => update.eventId === eventId)
      : // Without an event_id, a named field points at the oldest update awaiting it: the server answers in order.
        field === undefined
        ? undefined
        : state.pending.find((update) => update.awaiting.includes(field));
  if (rejected !== undefined) return rejectUpdate(next, rejected, error);
  // No event_id and no field: the next acknowledgement shows which update this refused (see `acknowledged`).
  if (state.pending.length === 0 || eventId != null) return next;
  return { ...next, unmatchedErrors: Object.freeze([...state.unmatchedErrors, error]) };
}

/**
 * The server refused `update` whole. The fault is pinned on the error's
 * field when it names one (by `param`, or by its code); the update's other
 * fields were not applied either, so they go back to `dirty` and are re-sent.
 * A refused voice change is the voice lock, learnt from the server.
 */
function rejectUpdate(
  state: RealtimeSessionSnapshot,
  update: PendingSessionUpdate,
  error: SessionError,
): RealtimeSessionSnapshot {
  const pending = Object.freeze(state.pending.filter((item) => item !== update));
  if (error.code === 'cannot_update_voice') {
    return {
      ...state,
      pending,
      locks: Object.freeze({ ...state.locks, 'audio.output.voice': lock('audio.output.voice', 'audio_output') }),
    };
  }
  const faulty = error.field !== undefined ? [error.field] : update.awaiting;
  const sentJson = update.request.toJson() as unknown as JsonObject;
  const rejections: Record<string, SessionFieldRejection> = { ...state.rejections };
  for (const path of faulty) rejections[path] = Object.freeze({ value: sessionFieldJson(sentJson, path), error });
  return { ...state, pending, rejections: Object.freeze(rejections) };
}

/**
 * Reconciles a `session.updated` with the updates in flight, by content: it
 * confirms each awaited field whose value it carries. A confirmation of a
 * newer update settles the same field of older ones (the server applies
 * updates in order, so theirs was overwritten). Once a newer update is fully
 * confirmed, any older one still awaiting was answered with an error that
 * named no `event_id`: it takes the matching unmatched error as its
 * rejection, or without one is dropped so its fields are re-sent. A duplicate
 * or unsolicited `session.updated` confirms only values it really carries.
 */
function acknowledged(state: RealtimeSessionSnapshot, applied: RealtimeSessionCreateRequest): RealtimeSessionSnapshot {
  const appliedJson = applied.toJson() as unknown as JsonObject;
  let base = state.acknowledged;
  const settled = new Set<RealtimeSessionFieldPath>();
  const remaining: PendingSessionUpdate[] = [];
  let newestAnswered = -1;
  for (let index = state.pending.length - 1; index >= 0; index--) {
    const update = state.pending[index] as PendingSessionUpdate;
    const sent = update.session as unknown as JsonObject;
    const awaiting: RealtimeSessionFieldPath[] = [];
    let confirmedAny = false;
    for (const path of update.awaiting) {
      if (settled.has(path)) continue;
      if (!jsonCarries(sessionFieldJson(appliedJson, path), sessionFieldJson(sent, path))) {
        awaiting.push(path);
        continue;
      }
      confirmedAny = true;
      settled.add(path);
      if (base !== undefined) base = writeSessionField(base, path, readSessionField(update.request, path));
    }
    if (awaiting.length === 0 && confirmedAny && newestAnswered === -1) newestAnswered = index;
    if (awaiting.length > 0) {
      remaining.unshift(awaiting.length === update.awaiting.length ? update : Object.freeze({ ...update, awaiting }));
    }
  }
  // A value that repeats (a slider going back and forth) can be confirmed by the answer to an older update,
  // and the server may have applied something else since. Wherever the server no longer carries the
  // acknowledged value and nothing is on its way, the field is re-sent rather than believed synced.
  if (base !== undefined) {
    const baseJson = base.toJson() as unknown as JsonObject;
    for (const path of REALTIME_SESSION_FIELD_PATHS) {
      const acknowledgedValue = sessionFieldJson(baseJson, path);
      if (acknowledgedValue === undefined || remaining.some((update) => update.awaiting.includes(path))) continue;
      if (!jsonCarries(sessionFieldJson(appliedJson, path), acknowledgedValue)) {
        base = writeSessionField(base, path, undefined);
      }
    }
  }
  const locks = { ...state.locks, ...tracingLock(applied) };
  let next: RealtimeSessionSnapshot = {
    ...state,
    applied,
    acknowledged: base,
    pending: remaining.length === state.pending.length && settled.size === 0 ? state.pending : Object.freeze(remaining),
    timeouts: settled.size === 0 ? state.timeouts : without(state.timeouts, settled),
    locks: Object.keys(locks).length === Object.keys(state.locks).length ? state.locks : Object.freeze(locks),
  };
  if (newestAnswered === -1) return next;
  const older = new Set(state.pending.slice(0, newestAnswered).map((update) => update.eventId));
  const unanswered = next.pending.filter((update) => older.has(update.eventId));
  const errors = [...state.unmatchedErrors];
  for (const update of unanswered) {
    const matching = errors.findIndex((error) => error.field === undefined || update.awaiting.includes(error.field));
    const error = matching === -1 ? undefined : errors.splice(matching, 1)[0];
    next =
      error === undefined
        ? { ...next, pending: Object.freeze(next.pending.filter((item) => item !== update)) }
        : rejectUpdate(next, update, error);
  }
  return { ...next, unmatchedErrors: NO_ERRORS };
}

/**
 * An update went unanswered: its fields show the timeout and are re-sent by
 * the store. A field whose same value already timed out once is rejected, so
 * a server that never answers it is not asked forever.
 */
function timedOut(state: RealtimeSessionSnapshot, eventId: string, at: number): RealtimeSessionSnapshot {
  const update = state.pending.find((item) => item.eventId === eventId);
  if (update === undefined) return state;
  const error: SessionError = Object.freeze({
    source: 'timeout' as const,
    code: 'ack_timeout',
    message: 'The server did not acknowledge this change in time; it is being sent again.',
    eventId,
    at,
  });
  const sentJson = update.request.toJson() as unknown as JsonObject;
  const timeouts: Record<string, SessionFieldRejection> = { ...state.timeouts };
  const rejections: Record<string, SessionFieldRejection> = { ...state.rejections };
  for (const path of update.awaiting) {
    const value: JsonValue | undefined = sessionFieldJson(sentJson, path);
    const before = timeouts[path];
    if (before !== undefined && jsonEqual(before.value, value)) {
      rejections[path] = Object.freeze({
        value,
        error: Object.freeze({ ...error, message: 'The server never acknowledged this value. Edit or revert it.' }),
      });
      delete timeouts[path];
    } else timeouts[path] = Object.freeze({ value, error });
  }
  return {
    ...withError(state, error),
    pending: Object.freeze(state.pending.filter((item) => item !== update)),
    timeouts: Object.freeze(timeouts),
    rejections: Object.freeze(rejections),
  };
}

function without<T>(
  record: Readonly<Partial<Record<RealtimeSessionFieldPath, T>>>,
  paths: ReadonlySet<RealtimeSessionFieldPath>,
): Readonly<Partial<Record<RealtimeSessionFieldPath, T>>> {
  const keys = Object.keys(record) as RealtimeSessionFieldPath[];
  if (!keys.some((key) => paths.has(key))) return record;
  return Object.freeze(Object.fromEntries(keys.filter((key) => !paths.has(key)).map((key) => [key, record[key]])));
}

function withError(state: RealtimeSessionSnapshot, error: SessionError): RealtimeSessionSnapshot {
  const errors = [...state.errors, Object.freeze(error)];
  return { ...state, errors: Object.freeze(errors.slice(-MAX_SESSION_ERRORS)) };
}

function tracingLock(applied: RealtimeSessionCreateRequest | undefined): Partial<Record<'tracing', SessionLock>> {
  const tracing = applied?.tracing;
  return tracing === undefined || isOff(tracing) ? {} : { tracing: lock('tracing', 'tracing_enabled') };
}

/** Rejections stay only while the draft still holds the refused value. */
function staleRejectionsDropped(
  rejections: RealtimeSessionSnapshot['rejections'],
  draft: RealtimeSessionCreateRequest,
  edited: readonly RealtimeSessionFieldPath[],
): RealtimeSessionSnapshot['rejections'] {
  const paths = Object.keys(rejections) as RealtimeSessionFieldPath[];
  if (!paths.some((path) => edited.includes(path))) return rejections;
  const json = draft.toJson() as unknown as JsonObject;
  const kept = paths.filter((path) => jsonEqual(rejections[path]?.value, sessionFieldJson(json, path)));
  if (kept.length === paths.length) return rejections;
  return Object.freeze(Object.fromEntries(kept.map((path) => [path, rejections[path]])));
}

/**
 * `next`, with every field whose value equals `previous`'s taken from
 * `previous`, so untouched branches keep their identity when the server
 * sends its whole config again.
 */
export function shareFields(
  previous: RealtimeSessionCreateRequest | undefined,
  next: RealtimeSessionCreateRequest,
): RealtimeSessionCreateRequest {
  if (previous === undefined) return next;
  if (previous.equals(next)) return previous;
  let shared = next;
  // Containers first, so `applied.audio` itself keeps its identity when only other fields changed.
  const audioBefore = previous.audio;
  if (audioBefore !== undefined && next.audio !== undefined) {
    if (audioBefore.equals(next.audio)) shared = shared.copyWith({ audio: audioBefore });
    else {
      for (const side of ['input', 'output'] as const) {
        const sideBefore = audioBefore[side];
        const audio = shared.audio;
        if (sideBefore !== undefined && audio?.[side]?.equals(sideBefore) === true) {
          shared = shared.copyWith({ audio: audio.copyWith({ [side]: sideBefore }) });
        }
      }
    }
  }
  const before = previous.toJson() as unknown as JsonObject;
  const after = next.toJson() as unknown as JsonObject;
  for (const path of REALTIME_SESSION_FIELD_PATHS) {
    const value = readSessionField(previous, path);
    if (value !== undefined && jsonEqual(sessionFieldJson(before, path), sessionFieldJson(after, path))) {
      shared = writeSessionField(shared, path, value);
    }
  }
  return shared;
}

/** Field statuses whose draft value must not reach the server. */
export const HELD_STATUSES: ReadonlySet<SessionFieldState['status']> = new Set(['invalid', 'locked', 'rejected']);

/**
 * Recomputes issues and field states, reusing every part that did not
 * change. After an edit or a send only the fields it touched, and those whose
 * issues moved, are derived again. (A send supersedes only updates whose
 * fields it carries, so it touches no others.)
 */
function derive(
  state: RealtimeSessionSnapshot,
  previous: RealtimeSessionSnapshot | undefined,
  touched?: readonly RealtimeSessionFieldPath[],
): RealtimeSessionSnapshot {
  const issues = issuesOf(state.draft);
  const issuesByField = new Map<RealtimeSessionFieldPath, ConfigIssue[]>();
  for (const issue of issues) {
    const field = sessionFieldOfPath(issue.path);
    if (field === undefined) continue;
    const list = issuesByField.get(field) ?? [];
    list.push(issue);
    issuesByField.set(field, list);
  }
  let draftJson: JsonObject | undefined;
  let ackJson: JsonObject | undefined;
  let pendingJson: readonly JsonObject[] | undefined;

  const fields = {} as Record<RealtimeSessionFieldPath, SessionFieldState>;
  for (const path of REALTIME_SESSION_FIELD_PATHS) {
    const fieldIssues = issuesByField.get(path) ?? NO_ISSUES;
    const before = previous?.fields[path];
    if (
      touched !== undefined &&
      before !== undefined &&
      !touched.includes(path) &&
      sameIssues(before.issues, fieldIssues)
    ) {
      fields[path] = before;
      continue;
    }
    draftJson ??= state.draft.toJson() as unknown as JsonObject;
    ackJson ??= state.acknowledged?.toJson() as unknown as JsonObject | undefined;
    pendingJson ??= state.pending.map((update) => update.request.toJson() as unknown as JsonObject);
    const draftValue = sessionFieldJson(draftJson, path);
    const fieldLock = state.locks[path];
    const rejection = state.rejections[path];
    const ackValue = ackJson === undefined ? undefined : sessionFieldJson(ackJson, path);
    const differs = ackJson === undefined ? draftValue !== undefined : !jsonEqual(ackValue, draftValue);
    const status: SessionFieldState['status'] =
      fieldIssues.length > 0
        ? 'invalid'
        : fieldLock !== undefined && differs
          ? 'locked'
          : rejection !== undefined && jsonEqual(rejection.value, draftValue)
            ? 'rejected'
            : !differs
              ? 'synced'
              : pendingJson.some((json) => jsonEqual(sessionFieldJson(json, path), draftValue))
                ? 'pending'
                : 'dirty';
    const timeout = status === 'pending' || status === 'dirty' ? state.timeouts[path] : undefined;
    fields[path] = {
      status,
      issues: fieldIssues,
      ...(status === 'rejected' && rejection !== undefined ? { error: rejection.error } : {}),
      ...(timeout === undefined ? {} : { error: timeout.error }),
      ...(fieldLock === undefined ? {} : { lock: fieldLock }),
    };
  }
  const holds = holdsOf(state, fields);
  let changed = previous === undefined;
  for (const path of REALTIME_SESSION_FIELD_PATHS) {
    let fieldState = fields[path];
    const hold = holds.get(path);
    if (hold !== undefined && fieldState.status === 'dirty') fieldState = { ...fieldState, heldBy: hold };
    else if (fieldState.heldBy !== undefined) fieldState = withoutHold(fieldState);
    const before = previous?.fields[path];
    if (before !== undefined && (before === fieldState || sameFieldState(before, fieldState))) {
      fields[path] = before;
    } else {
      fields[path] = Object.freeze(fieldState);
      changed = true;
    }
  }
  return Object.freeze({
    ...state,
    issues,
    fields: changed || previous === undefined ? Object.freeze(fields) : previous.fields,
  });
}

const NO_HOLDS: ReadonlyMap<RealtimeSessionFieldPath, SessionFieldHold> = new Map();

/** Edits of a blocking field that unblock the others, where one is obvious. */
const HOLD_FIXES: Partial<Record<RealtimeSessionFieldPath, { readonly value: JsonValue; readonly label: string }>> = {
  tool_choice: { value: 'auto', label: 'Set tool choice to auto' },
};

/**
 * Which edited fields cannot be sent because of another field's problem.
 * The fields that cannot be sent themselves are held at their acknowledged
 * value; when what remains is still invalid, each edited field that makes it
 * valid once held back is held by the remaining problem (all of them when no
 * single one does), so every other edit still syncs.
 */
function holdsOf(
  state: RealtimeSessionSnapshot,
  fields: Readonly<Record<RealtimeSessionFieldPath, SessionFieldState>>,
): ReadonlyMap<RealtimeSessionFieldPath, SessionFieldHold> {
  const base = state.acknowledged;
  if (base === undefined) return NO_HOLDS;
  let sendable = state.draft;
  let anyHeld = false;
  const edited: RealtimeSessionFieldPath[] = [];
  for (const path of REALTIME_SESSION_FIELD_PATHS) {
    const { status } = fields[path];
    if (HELD_STATUSES.has(status)) {
      anyHeld = true;
      sendable = writeSessionField(sendable, path, readSessionField(base, path));
    } else if (status === 'dirty') edited.push(path);
  }
  // With nothing held the sendable request is the draft, and a draft without issues holds nothing back.
  if (!anyHeld || edited.length === 0) return NO_HOLDS;
  const blocking = issuesOf(sendable)[0];
  if (blocking === undefined) return NO_HOLDS;
  const blocker = sessionFieldOfPath(blocking.path) ?? edited[0] ?? 'model';
  const fix = HOLD_FIXES[blocker];
  const hold: SessionFieldHold = Object.freeze({
    field: blocker,
    message: blocking.message,
    ...(fix === undefined ? {} : { fix: Object.freeze({ field: blocker, ...fix }) }),
  });
  const culprits = edited.filter(
    (path) => issuesOf(writeSessionField(sendable, path, readSessionField(base, path))).length === 0,
  );
  return new Map((culprits.length > 0 ? culprits : edited).map((path) => [path, hold]));
}

/** A reused field state whose hold was released. */
function withoutHold(state: SessionFieldState): SessionFieldState {
  const rest: { -readonly [K in keyof SessionFieldState]?: SessionFieldState[K] } = { ...state };
  delete rest.heldBy;
  return rest as SessionFieldState;
}

function sameIssues(a: readonly ConfigIssue[], b: readonly ConfigIssue[]): boolean {
  return a === b || (a.length === b.length && a.every((issue, index) => sameIssue(issue, b[index])));
}

function sameFieldState(a: SessionFieldState, b: SessionFieldState): boolean {
  return (
    a.status === b.status &&
    a.error === b.error &&
    a.lock === b.lock &&
    a.heldBy?.field === b.heldBy?.field &&
    a.heldBy?.message === b.heldBy?.message &&
    sameIssues(a.issues, b.issues)
  );
}

function sameIssue(a: ConfigIssue, b: ConfigIssue | undefined): boolean {
  return b !== undefined && a.path === b.path && a.code === b.code && a.message === b.message;
}
