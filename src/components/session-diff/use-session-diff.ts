'use client';
import { useMemo } from 'react';
import {
  redactSecrets,
  REALTIME_SESSION_FIELD_PATHS,
  type RealtimeSessionCreateRequest,
  type RealtimeSessionFieldPath,
} from '../../model/index.js';
import type {
  RealtimeSessionSnapshot,
  RealtimeSessionStore,
  SessionFieldState,
  SessionFieldStatus,
} from '../../session/index.js';
import { useRealtimeSessionContext, useSessionSelector } from '../../react/index.js';
import { sessionJsonLines, type SessionJsonLine } from './json-lines.js';

export interface UseSessionDiffOptions {
  /** The session to show instead of the provider's. */
  readonly session?: RealtimeSessionStore | undefined;
}

/** The statuses a diff calls out: edits that have not reached the live session. */
export type SessionDiffHighlight = 'pending' | 'rejected' | 'locked';

/** A field the diff calls out, with the reason in words where there is one. */
export interface SessionDiffField {
  readonly path: RealtimeSessionFieldPath;
  readonly status: SessionDiffHighlight;
  /** The server's refusal, the lock's explanation, or the timeout of a re-sent update. */
  readonly message: string | undefined;
}

export interface UseSessionDiffReturn {
  readonly store: RealtimeSessionStore;
  /** The draft's wire JSON, secrets masked, as lines tagged with their field. */
  readonly draft: readonly SessionJsonLine[];
  /** The server's effective config the same way; `undefined` until a session is created. */
  readonly applied: readonly SessionJsonLine[] | undefined;
  /** Every field's status. */
  readonly statuses: Readonly<Record<RealtimeSessionFieldPath, SessionFieldStatus>>;
  /** The pending, rejected and locked fields, in form order. */
  readonly highlighted: readonly SessionDiffField[];
}

const HIGHLIGHTED: ReadonlySet<SessionFieldStatus> = new Set<SessionDiffHighlight>(['pending', 'rejected', 'locked']);

interface DiffSlice {
  readonly draft: RealtimeSessionCreateRequest;
  readonly applied: RealtimeSessionCreateRequest | undefined;
  /** Each field's state, in `REALTIME_SESSION_FIELD_PATHS` order; snapshots share unchanged ones. */
  readonly states: readonly SessionFieldState[];
}

const selectDiff = (snapshot: RealtimeSessionSnapshot): DiffSlice => ({
  draft: snapshot.draft,
  applied: snapshot.applied,
  states: REALTIME_SESSION_FIELD_PATHS.map((path) => snapshot.fields[path]),
});

const sameDiff = (a: DiffSlice, b: DiffSlice) =>
  a.draft === b.draft && a.applied === b.applied && a.states.every((state, index) => state === b.states[index]);

/** Wire JSON with MCP `authorization` and `headers` masked: a config view must never show them. */
const linesOf = (request: RealtimeSessionCreateRequest) =>
  sessionJsonLines(redactSecrets(request.toJson()) as Readonly<Record<string, unknown>>);

function messageOf(state: SessionFieldState): string | undefined {
  if (state.status === 'locked') return state.lock?.message;
  return state.error?.message;
}

/**
 * The draft and the applied config as JSON lines tagged with their fields,
 * plus the fields whose edits have not reached the live session (pending,
 * rejected, locked), without markup. Secrets are masked. Re-renders only
 * when the draft, the applied config or a field's state changes.
 *
 * @example
 * ```tsx
 * function DraftJson() {
 *   const { draft, statuses } = useSessionDiff();
 *   return (
 *     <pre>
 *       {draft.map((line, index) => (
 *         <div key={index} data-status={line.field && statuses[line.field]}>{line.text}</div>
 *       ))}
 *     </pre>
 *   );
 * }
 * ```
 */
export function useSessionDiff(options: UseSessionDiffOptions = {}): UseSessionDiffReturn {
  const store = useRealtimeSessionContext(options.session);
  const { draft, applied, states } = useSessionSelector(selectDiff, sameDiff, store);
  const draftLines = useMemo(() => linesOf(draft), [draft]);
  const appliedLines = useMemo(() => (applied === undefined ? undefined : linesOf(applied)), [applied]);
  const { statuses, highlighted } = useMemo(() => {
    const byPath = {} as Record<RealtimeSessionFieldPath, SessionFieldStatus>;
    const called: SessionDiffField[] = [];
    REALTIME_SESSION_FIELD_PATHS.forEach((path, index) => {
      const state = states[index];
      if (state === undefined) return;
      byPath[path] = state.status;
      if (HIGHLIGHTED.has(state.status)) {
        called.push({ path, status: state.status as SessionDiffHighlight, message: messageOf(state) });
      }
    });
    return { statuses: byPath, highlighted: called };
  }, [states]);
  return { store, draft: draftLines, applied: appliedLines, statuses, highlighted };
}
