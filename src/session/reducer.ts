import {
  isOff,
  readSessionField,
  REALTIME_SESSION_FIELD_PATHS,
  RealtimeSessionCreateRequest,
  sessionFieldJson,
  sessionFieldOfPath,
  validateSessionRequest,
  writeSessionField,
  type ConfigIssue,
  type JsonObject,
  type RealtimeSessionFieldPath,
} from '../model/index.js';
import { jsonEqual } from '../model/json.js';
import type {
  RealtimeSessionSnapshot,
  SessionAction,
  SessionError,
  SessionFieldRejection,
  SessionFieldState,
  SessionLock,
} from './types.js';

/** How many errors the snapshot keeps; older ones drop off. */
export const MAX_SESSION_ERRORS = 20;

const NO_ISSUES: readonly ConfigIssue[] = Object.freeze([]);
const NO_LOCKS: RealtimeSessionSnapshot['locks'] = Object.freeze({});
const NO_REJECTIONS: RealtimeSessionSnapshot['rejections'] = Object.freeze({});

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
      sessionId: undefined,
      expiresAt: undefined,
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
  return next === state ? state : derive(next, state);
}

/** A fresh server session: nothing acknowledged yet, nothing in flight, no locks. */
function withoutSession(state: RealtimeSessionSnapshot): RealtimeSessionSnapshot {
  return { ...state, acknowledged: undefined, pending: Object.freeze([]), locks: NO_LOCKS };
}

function apply(state: RealtimeSessionSnapshot, action: SessionAction): RealtimeSessionSnapshot {
  switch (action.type) {
    case 'edit': {
      if (action.draft === state.draft) return state;
      return { ...state, draft: action.draft, rejections: staleRejectionsDropped(state.rejections, action.draft) };
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
        pending: Object.freeze([]),
        locks: Object.freeze({ model: lock('model', 'connected'), ...tracingLock(applied) }),
        sessionId,
        expiresAt,
      };
    }
    case 'session_updated': {
      const applied = shareFields(state.applied, action.event.session);
      const [answered, ...rest] = state.pending;
      const locks = { ...state.locks, ...tracingLock(applied) };
      return {
        ...state,
        applied,
        acknowledged: answered?.request ?? state.acknowledged,
        pending: answered === undefined ? state.pending : Object.freeze(rest),
        locks: Object.keys(locks).length === Object.keys(state.locks).length ? state.locks : Object.freeze(locks),
      };
    }
    case 'server_error':
      return serverError(state, action.event, action.at);
    case 'protocol_error': {
      const { code, message, eventType } = action.error;
      const text = eventType === undefined ? message : `${message} (${eventType})`;
      return withError(state, { source: 'protocol', code, message: text, at: action.at });
    }
    case 'audio_output_started':
      if (state.locks['audio.output.voice'] !== undefined || state.status !== 'open') return state;
      return {
        ...state,
        locks: Object.freeze({ ...state.locks, 'audio.output.voice': lock('audio.output.voice', 'audio_output') }),
      };
    case 'sent':
      return { ...state, pending: Object.freeze([...state.pending, action.update]) };
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
) {
  const { code, message, param, event_id: eventId } = event.error;
  const field = param == null ? undefined : sessionFieldOfPath(param);
  const error: SessionError = Object.freeze({
    source: 'server' as const,
    code: code ?? event.error.type,
    message,
    ...(param == null ? {} : { param }),
    ...(field === undefined ? {} : { field }),
    ...(eventId == null ? {} : { eventId }),
    at,
  });
  const rejected = eventId == null ? undefined : state.pending.find((update) => update.eventId === eventId);
  const next = withError(state, error);
  if (rejected === undefined) return next;
  // The API refuses an update whole; the fault is pinned on its `param` when that names a field.
  const faulty = field !== undefined ? [field] : rejected.fields;
  const sentJson = rejected.request.toJson() as unknown as JsonObject;
  const rejections: Record<string, SessionFieldRejection> = { ...state.rejections };
  for (const path of faulty) rejections[path] = Object.freeze({ value: sessionFieldJson(sentJson, path), error });
  return {
    ...next,
    pending: Object.freeze(state.pending.filter((update) => update !== rejected)),
    rejections: Object.freeze(rejections),
  };
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
): RealtimeSessionSnapshot['rejections'] {
  const paths = Object.keys(rejections) as RealtimeSessionFieldPath[];
  if (paths.length === 0) return rejections;
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

/** Recomputes issues and field states, reusing every part that did not change. */
function derive(
  state: RealtimeSessionSnapshot,
  previous: RealtimeSessionSnapshot | undefined,
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
  const draftJson = state.draft.toJson() as unknown as JsonObject;
  const ackJson = state.acknowledged?.toJson() as unknown as JsonObject | undefined;
  const pendingJson = state.pending.map((update) => update.request.toJson() as unknown as JsonObject);

  let changed = previous === undefined;
  const fields = {} as Record<RealtimeSessionFieldPath, SessionFieldState>;
  for (const path of REALTIME_SESSION_FIELD_PATHS) {
    const draftValue = sessionFieldJson(draftJson, path);
    const fieldIssues = issuesByField.get(path) ?? NO_ISSUES;
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
    const fieldState: SessionFieldState = {
      status,
      issues: fieldIssues,
      ...(status === 'rejected' && rejection !== undefined ? { error: rejection.error } : {}),
      ...(fieldLock === undefined ? {} : { lock: fieldLock }),
    };
    const before = previous?.fields[path];
    if (before !== undefined && sameFieldState(before, fieldState)) {
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

function sameFieldState(a: SessionFieldState, b: SessionFieldState): boolean {
  return (
    a.status === b.status &&
    a.error === b.error &&
    a.lock === b.lock &&
    a.issues.length === b.issues.length &&
    a.issues.every((issue, index) => sameIssue(issue, b.issues[index]))
  );
}

function sameIssue(a: ConfigIssue, b: ConfigIssue | undefined): boolean {
  return b !== undefined && a.path === b.path && a.code === b.code && a.message === b.message;
}
