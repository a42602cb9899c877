import {
  isEmptySessionUpdate,
  sessionFieldJson,
  readSessionField,
  REALTIME_SESSION_FIELD_PATHS,
  sessionUpdateFor,
  writeSessionField,
  type JsonObject,
  type RealtimeSessionFieldPath,
  type RealtimeSessionUpdateJson,
} from '../model/index.js';
import { HELD_STATUSES, issuesOf } from './reducer.js';
import type { PendingSessionUpdate, RealtimeSessionSnapshot } from './types.js';

/**
 * The `session.update` the store should send now, or `undefined` when there
 * is nothing to send (no open session, nothing new, or the sendable draft is
 * invalid).
 *
 * Fields that are invalid, locked or rejected, and those another field's
 * problem holds (`heldBy`), are held back at their acknowledged value so the
 * rest of the draft still syncs; if what remains fails validation as a
 * whole, nothing is sent. The payload is the diff
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
    const field = state.fields[path];
    if (HELD_STATUSES.has(field.status) || field.heldBy !== undefined)
      sendable = writeSessionField(sendable, path, readSessionField(base, path));
  }
  if (issuesOf(sendable).length > 0) return undefined;
  const inFlight = state.pending.at(-1)?.request ?? base;
  if (isEmptySessionUpdate(sessionUpdateFor(inFlight, sendable))) return undefined;
  const session = sessionUpdateFor(base, sendable);
  if (isEmptySessionUpdate(session)) return undefined;
  const fields = fieldsOf(session);
  return { session, request: sendable, fields, awaiting: fields };
}

/** The fields a payload changes, in form order: its keys, read rather than diffed again. The model never travels in one. */
function fieldsOf(session: RealtimeSessionUpdateJson): readonly RealtimeSessionFieldPath[] {
  const json = session as unknown as JsonObject;
  return REALTIME_SESSION_FIELD_PATHS.filter((path) => path !== 'model' && sessionFieldJson(json, path) !== undefined);
}
