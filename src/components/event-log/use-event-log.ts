'use client';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { RealtimeEventLog, RealtimeEventLogEntry, RealtimeSessionStore } from '../../session/index.js';
import { useControllableState, useRealtimeSessionContext } from '../../react/index.js';

/** Which frames to show: all, the client's, or the server's. */
export type EventLogDirection = 'all' | RealtimeEventLogEntry['direction'];

export interface UseEventLogOptions {
  /** The session whose log to show instead of the provider's. */
  readonly session?: RealtimeSessionStore | undefined;
  /** Freezes the list, controlled. */
  readonly paused?: boolean | undefined;
  /** Starts frozen, uncontrolled. @default false */
  readonly defaultPaused?: boolean | undefined;
  /** Called when the user pauses or resumes. */
  readonly onPausedChange?: ((paused: boolean) => void) | undefined;
  /** The type filter to start with: entries whose type contains it (any case) are shown. @default '' */
  readonly defaultFilter?: string | undefined;
  /** @default 'all' */
  readonly defaultDirection?: EventLogDirection | undefined;
}

export interface UseEventLogReturn {
  readonly store: RealtimeSessionStore;
  readonly log: RealtimeEventLog;
  /** What to show: the live (or, paused, the frozen) entries that pass the filters, newest first. */
  readonly entries: readonly RealtimeEventLogEntry[];
  /** How many entries there are to filter, live or frozen. */
  readonly total: number;
  /** The event types in the live log, sorted: suggestions for the filter. */
  readonly types: readonly string[];
  readonly paused: boolean;
  setPaused(paused: boolean): void;
  /** Entries recorded since the list was frozen; 0 while live. */
  readonly newCount: number;
  readonly filter: string;
  setFilter(filter: string): void;
  readonly direction: EventLogDirection;
  setDirection(direction: EventLogDirection): void;
  /** Empties the store's log (and a frozen list with it). */
  clear(): void;
}

const NO_ENTRIES: readonly RealtimeEventLogEntry[] = Object.freeze([]);
// The server renders an empty log: whatever a store logged there, the client's own log differs.
const serverEntries = () => NO_ENTRIES;

/** Entries recorded after `frozen` was taken. Ids grow by one per frame and survive `clear()`, so they count exactly. */
function countNew(live: readonly RealtimeEventLogEntry[], frozen: readonly RealtimeEventLogEntry[]): number {
  const lastFrozen = frozen.at(-1)?.id;
  const lastLive = live.at(-1)?.id;
  if (lastLive === undefined) return 0;
  if (lastFrozen === undefined) return live.length;
  return Math.max(0, lastLive - lastFrozen);
}

/**
 * A session's event log without markup: the frames it sent and received,
 * newest first, filtered by type and direction, and a pause that freezes the
 * list while counting what arrives. Secrets are masked and audio is replaced
 * by its length in the log itself. Subscribes to the log, not the snapshot.
 *
 * @example
 * ```tsx
 * function LastEvents() {
 *   const { entries, paused, setPaused } = useEventLog({ defaultFilter: 'session.' });
 *   return (
 *     <>
 *       <button type="button" aria-pressed={paused} onClick={() => setPaused(!paused)}>Pause</button>
 *       <ol>{entries.map((entry) => <li key={entry.id}>{entry.type}</li>)}</ol>
 *     </>
 *   );
 * }
 * ```
 */
export function useEventLog(options: UseEventLogOptions = {}): UseEventLogReturn {
  const store = useRealtimeSessionContext(options.session);
  const log = store.eventLog;
  const live = useSyncExternalStore(log.subscribe, log.entries, serverEntries);
  const [paused, setPaused] = useControllableState({
    value: options.paused,
    defaultValue: options.defaultPaused ?? false,
    onChange: options.onPausedChange,
    name: 'EventLog',
  });
  const [filter, setFilter] = useState(options.defaultFilter ?? '');
  const [direction, setDirection] = useState<EventLogDirection>(options.defaultDirection ?? 'all');

  // The frozen list is taken in the render that first sees `paused`, whoever set it (a click or a
  // controlled prop): React's pattern for state that follows a prop, with no frame showing the live list.
  const [frozenState, setFrozen] = useState<readonly RealtimeEventLogEntry[] | undefined>(() =>
    paused ? live : undefined,
  );
  let frozen = frozenState;
  if (paused && frozen === undefined) {
    frozen = live;
    setFrozen(live);
  } else if (!paused && frozen !== undefined) {
    frozen = undefined;
    setFrozen(undefined);
  }

  const source = frozen ?? live;
  const entries = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const shown: RealtimeEventLogEntry[] = [];
    for (let index = source.length - 1; index >= 0; index--) {
      const entry = source[index];
      if (entry === undefined) continue;
      if (direction !== 'all' && entry.direction !== direction) continue;
      if (needle !== '' && !entry.type.toLowerCase().includes(needle)) continue;
      shown.push(entry);
    }
    return shown;
  }, [source, filter, direction]);
  const types = useMemo(() => [...new Set(live.map((entry) => entry.type))].sort(), [live]);

  const clear = useCallback(() => {
    log.clear();
    setFrozen((current) => (current === undefined ? current : NO_ENTRIES));
  }, [log]);

  return {
    store,
    log,
    entries,
    total: source.length,
    types,
    paused,
    setPaused,
    newCount: frozen === undefined ? 0 : countNew(live, frozen),
    filter,
    setFilter,
    direction,
    setDirection,
    clear,
  };
}
