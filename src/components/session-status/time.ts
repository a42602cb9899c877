'use client';
import { useSyncExternalStore } from 'react';

const subscribeNothing = () => () => {};

/**
 * False while the server renders and while React hydrates that markup, true
 * afterwards (and from the first render of a client-only tree). Times are
 * shown in the reader's zone only once it is true: the server's zone and
 * locale differ from the browser's, and a mismatch would break hydration.
 *
 * @example
 * ```tsx
 * const hydrated = useHydrated();
 * return <time dateTime={iso}>{hydrated ? date.toLocaleTimeString() : iso}</time>;
 * ```
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

/**
 * A time of day the same on every machine (UTC, ISO 8601), for markup that
 * must match between server and client: `12:04:05Z`, or `12:04:05.120Z` with
 * `milliseconds`.
 *
 * @example
 * ```ts
 * utcTimeOfDay(new Date(Date.UTC(2025, 0, 1, 12, 4, 5, 120)), true); // '12:04:05.120Z'
 * ```
 */
export function utcTimeOfDay(date: Date, milliseconds = false): string {
  const iso = date.toISOString();
  return `${iso.slice(11, milliseconds ? 23 : 19)}Z`;
}
