import {
  changedSessionFields,
  isEmptySessionUpdate,
  readSessionField,
  REALTIME_SESSION_FIELD_PATHS,
  sessionUpdateFor,
  writeSessionField,
} from '../model/index.js';
import { issuesOf } from './reducer.js';
import type { PendingSessionUpdate, RealtimeSessionSnapshot } from './types.js';

/** Field statuses whose draft value must not reach the server. */
const HELD = new Set(['invalid', 'locked', 'rejected']);

/**
 * The `session.update` the store should send now, or `undefined` when there
 * is nothing to send (no open session, nothing new, or the sendable draft is
 * invalid).
 *
 * Fields that are invalid, locked or rejected are held back at their
 * acknowledged value so the rest of the draft still syncs; if what remains
 * fails validation as a whole, nothing is sent. The payload is the diff
 * against the last acknowledged request, and nothing is sent when the same
 * request is already in flight.
 */
export function planSessionUpdate(
  state: RealtimeSessionSnapshot,
): Omit<PendingSessionUpdate, 'eventId' | 'sentAt'> | undefined {
  const base = state.acknowledged;
  if (state.status !== 'open' || base === undefined) return undefined;
  let sendable = state.draft;
  for (const path of REALTIME_SESSION_FIELD_PATHS) {
    if (HELD.has(state.fields[path].status)) sendable = writeSessionField(sendable, path, readSessionField(base, path));
  }
  if (issuesOf(sendable).length > 0) return undefined;
  const inFlight = state.pending.at(-1)?.request ?? base;
  if (isEmptySessionUpdate(sessionUpdateFor(inFlight, sendable))) return undefined;
  const session = sessionUpdateFor(base, sendable);
  if (isEmptySessionUpdate(session)) return undefined;
  // The model never travels in an update: it is fixed by the connection.
  const fields = changedSessionFields(base, sendable).filter((path) => path !== 'model');
  return { session, request: sendable, fields, awaiting: fields };
}
