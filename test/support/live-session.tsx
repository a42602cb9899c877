import { useEffect, type ReactNode } from 'react';
import WebSocket from 'ws';
import type { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { responseCreateEvent } from '../../src/protocol/index.js';
import { RealtimeSessionProvider, useRealtimeSession } from '../../src/react/index.js';
import { EMULATOR_API_KEY, type RunningRealtimeEmulator } from '../../src/server/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { actNotify } from './react.js';

/** A live session against the emulator for component tests, with a Speak button and a status line. */
export function LiveSession(props: {
  readonly emulator: RunningRealtimeEmulator;
  readonly initial: RealtimeSessionCreateRequest;
  readonly onStore?: (store: RealtimeSessionStore) => void;
  readonly children: ReactNode;
}) {
  const { emulator, onStore } = props;
  const session = useRealtimeSession({
    initial: props.initial,
    url: `${emulator.url.replace(/^http/, 'ws')}/realtime`,
    WebSocket,
    batchNotify: actNotify,
    getClientSecret: async ({ model }) => {
      const response = await fetch(`${emulator.url}/realtime/client_secrets`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${EMULATOR_API_KEY}` },
        body: JSON.stringify({ session: { type: 'realtime', model } }),
      });
      return (await response.json()) as { value: string };
    },
  });
  useEffect(() => {
    onStore?.(session.store);
  }, [onStore, session.store]);
  return (
    <RealtimeSessionProvider session={session}>
      <p>status: {session.status}</p>
      <button type="button" onClick={() => session.send(responseCreateEvent())}>
        Speak
      </button>
      {props.children}
    </RealtimeSessionProvider>
  );
}
