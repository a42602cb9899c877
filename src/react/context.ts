'use client';
import { createContext, useContext } from 'react';
import type { RealtimeSessionStore } from '../session/index.js';

/**
 * The store of the nearest `RealtimeSessionProvider`. Shared with src/components through this layer's
 * index.ts; not part of the public API (read it with `useRealtimeSessionContext`).
 */
export const RealtimeSessionContext = createContext<RealtimeSessionStore | null>(null);
RealtimeSessionContext.displayName = 'RealtimeSessionContext';

/**
 * The session store of the nearest {@link RealtimeSessionProvider}, or
 * `store` when one is given. Throws outside a provider, so a missing
 * provider is found at once rather than as a silently empty form.
 *
 * @example
 * ```tsx
 * function ConnectButton() {
 *   const session = useRealtimeSessionContext();
 *   return <button onClick={() => session.connect()}>Connect</button>;
 * }
 * ```
 */
export function useRealtimeSessionContext(store?: RealtimeSessionStore): RealtimeSessionStore {
  const fromContext = useContext(RealtimeSessionContext);
  const resolved = store ?? fromContext;
  if (resolved === null) {
    throw new Error('useRealtimeSessionContext must be used within <RealtimeSessionProvider>, or be given a store.');
  }
  return resolved;
}
