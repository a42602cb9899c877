'use client';
import { useCallback, useState } from 'react';
import { REALTIME_SESSION_FIELD_PATHS, type RealtimeSessionFieldPath } from '../../model/index.js';
import type {
  RealtimeSessionSnapshot,
  RealtimeSessionStatus,
  RealtimeSessionStore,
  SessionError,
} from '../../session/index.js';
import { useRealtimeSessionContext, useSessionSelector } from '../../react/index.js';

export interface UseSessionStatusOptions {
  /** The session to show instead of the provider's. */
  readonly session?: RealtimeSessionStore | undefined;
}

/** The fields whose edits have not reached the live session, by why. */
export interface SessionFieldCounts {
  /** Sent, waiting for `session.updated`. */
  readonly pending: readonly RealtimeSessionFieldPath[];
  /** Refused by the server; the draft keeps the value. */
  readonly rejected: readonly RealtimeSessionFieldPath[];
  /** Edited, but the live session cannot take the change until `reconnect()`. */
  readonly locked: readonly RealtimeSessionFieldPath[];
}

export interface UseSessionStatusReturn {
  readonly store: RealtimeSessionStore;
  readonly status: RealtimeSessionStatus;
  /** The status in words: "Connected", "Reconnecting…". */
  readonly statusText: string;
  /**
   * Why the connection is down: the transport error that came with the
   * current status (a failure, a drop, no endpoint), kept after a disconnect.
   * Cleared when a new attempt starts or the session opens.
   */
  readonly connectionError: SessionError | undefined;
  /** The server's `sess_…` id, once a session was created. */
  readonly sessionId: string | undefined;
  /** When the server session expires, in epoch seconds. */
  readonly expiresAt: number | undefined;
  readonly fields: SessionFieldCounts;
  /** True when there is no connection to use: Connect is offered instead of Disconnect and Reconnect. */
  readonly canConnect: boolean;
  readonly connect: () => void;
  readonly disconnect: () => void;
  readonly reconnect: () => void;
}

const STATUS_TEXT: Readonly<Record<RealtimeSessionStatus, string>> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
  failed: 'Connection failed',
};

/** Statuses in which the newest transport error, found on mount, is taken as the reason for them. */
const DOWN_WITH_REASON: ReadonlySet<RealtimeSessionStatus> = new Set(['idle', 'reconnecting', 'failed']);
const NOT_CONNECTED: ReadonlySet<RealtimeSessionStatus> = new Set(['idle', 'closed', 'failed']);

interface StatusSlice {
  readonly status: RealtimeSessionStatus;
  readonly sessionId: string | undefined;
  readonly expiresAt: number | undefined;
  readonly transportError: SessionError | undefined;
  readonly fields: SessionFieldCounts;
}

function selectStatus(snapshot: RealtimeSessionSnapshot): StatusSlice {
  const pending: RealtimeSessionFieldPath[] = [];
  const rejected: RealtimeSessionFieldPath[] = [];
  const locked: RealtimeSessionFieldPath[] = [];
  for (const path of REALTIME_SESSION_FIELD_PATHS) {
    const { status } = snapshot.fields[path];
    if (status === 'pending') pending.push(path);
    else if (status === 'rejected') rejected.push(path);
    else if (status === 'locked') locked.push(path);
  }
  return {
    status: snapshot.status,
    sessionId: snapshot.sessionId,
    expiresAt: snapshot.expiresAt,
    transportError: newestTransportError(snapshot.errors),
    fields: { pending, rejected, locked },
  };
}

function newestTransportError(errors: readonly SessionError[]): SessionError | undefined {
  for (let index = errors.length - 1; index >= 0; index--) {
    const error = errors[index];
    if (error?.source === 'transport') return error;
  }
  return undefined;
}

const samePaths = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((path, index) => path === b[index]);

// Equal slices keep the previous one, so its lists keep their identity for memoized children.
const sameStatus = (a: StatusSlice, b: StatusSlice) =>
  a.status === b.status &&
  a.sessionId === b.sessionId &&
  a.expiresAt === b.expiresAt &&
  a.transportError === b.transportError &&
  samePaths(a.fields.pending, b.fields.pending) &&
  samePaths(a.fields.rejected, b.fields.rejected) &&
  samePaths(a.fields.locked, b.fields.locked);

/** The connection error shown for one status, and the newest transport error seen when it was decided. */
interface ErrorEpisode {
  readonly status: RealtimeSessionStatus;
  readonly seen: SessionError | undefined;
  readonly error: SessionError | undefined;
}

/**
 * The errors list keeps old transport errors after the connection recovers,
 * so "the newest one" is not the reason for the current status: a
 * `reconnect()` after an earlier failure would show that failure. An error
 * belongs to the status it arrived with (or during); a disconnect keeps it,
 * as the last thing that went wrong; any other change of status drops it.
 */
function nextEpisode(
  previous: ErrorEpisode,
  status: RealtimeSessionStatus,
  seen: SessionError | undefined,
): ErrorEpisode {
  if (previous.status === status && previous.seen === seen) return previous;
  const fresh = seen !== previous.seen ? seen : undefined;
  const kept = previous.status === status || status === 'closed' ? previous.error : undefined;
  return { status, seen, error: fresh ?? kept };
}

/**
 * The session's connection at a glance, without markup: its status in words,
 * why it is down, the server session's id and expiry, the fields whose edits
 * are pending, rejected or locked, and the connection actions. Re-renders only
 * when one of those changes.
 *
 * @example
 * ```tsx
 * function ConnectionBadge() {
 *   const { status, statusText, canConnect, connect, disconnect } = useSessionStatus();
 *   return (
 *     <button type="button" data-status={status} onClick={canConnect ? connect : disconnect}>
 *       {statusText}
 *     </button>
 *   );
 * }
 * ```
 */
export function useSessionStatus(options: UseSessionStatusOptions = {}): UseSessionStatusReturn {
  const store = useRealtimeSessionContext(options.session);
  const slice = useSessionSelector(selectStatus, sameStatus, store);
  const { status, transportError } = slice;

  // State from the previous render (React's documented pattern), not an effect: the error shows in
  // the same render as the status it explains.
  const [episode, setEpisode] = useState<ErrorEpisode>(() => ({
    status,
    seen: transportError,
    error: DOWN_WITH_REASON.has(status) ? transportError : undefined,
  }));
  const current = nextEpisode(episode, status, transportError);
  if (current !== episode) setEpisode(current);

  const connect = useCallback(() => store.connect(), [store]);
  const disconnect = useCallback(() => store.disconnect(), [store]);
  const reconnect = useCallback(() => store.reconnect(), [store]);
  return {
    store,
    status,
    statusText: STATUS_TEXT[status],
    connectionError: status === 'open' || status === 'connecting' ? undefined : current.error,
    sessionId: slice.sessionId,
    expiresAt: slice.expiresAt,
    fields: slice.fields,
    canConnect: NOT_CONNECTED.has(status),
    connect,
    disconnect,
    reconnect,
  };
}
