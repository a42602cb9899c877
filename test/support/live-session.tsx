import { useEffect, type ReactNode } from 'react';
import WebSocket from 'ws';
import type { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { responseCreateEvent } from '../../src/protocol/index.js';
import { RealtimeSessionProvider, useRealtimeSession } from '../../src/react/index.js';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { EMULATOR_API_KEY, startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
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

/**
 * A fresh emulator on loopback for each test of the enclosing `describe`, closed after the test once
 * its components are unmounted. Returns the running one; calling it outside a test throws.
 */
export function emulatorPerTest(): () => RunningRealtimeEmulator {
  let emulator: RunningRealtimeEmulator | undefined;
  beforeEach(async () => {
    emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1', responseDeltaMs: 5 });
  });
  afterEach(async () => {
    cleanup();
    await emulator?.close();
    emulator = undefined;
  });
  return () => {
    if (emulator === undefined) throw new Error('The emulator runs only inside a test.');
    return emulator;
  };
}
