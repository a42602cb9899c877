'use client';
import type { ReactNode } from 'react';
import type { RealtimeSessionStore } from '../session/index.js';
import { RealtimeSessionContext } from './context.js';
import type { UseRealtimeSessionReturn } from './use-realtime-session.js';

export interface RealtimeSessionProviderProps {
  /** The session to share: what `useRealtimeSession()` returned, or a store from `createSessionStore()`. */
  readonly session: UseRealtimeSessionReturn | RealtimeSessionStore;
  readonly children?: ReactNode;
}

/**
 * Shares a session with every hook and form component below it. The context
 * holds the store, which never changes, so the provider itself re-renders
 * nothing; components subscribe to the slices they show.
 *
 * @example
 * ```tsx
 * function VoiceAgentSettings() {
 *   const session = useRealtimeSession({ initial, getClientSecret });
 *   return (
 *     <RealtimeSessionProvider session={session}>
 *       <VoicePicker />
 *     </RealtimeSessionProvider>
 *   );
 * }
 * ```
 */
export function RealtimeSessionProvider({ session, children }: RealtimeSessionProviderProps) {
  const store = 'store' in session ? session.store : session;
  return <RealtimeSessionContext.Provider value={store}>{children}</RealtimeSessionContext.Provider>;
}
