'use client';
import { useDebugValue, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { RealtimeSessionCreateRequest } from '../model/index.js';
import type { RealtimeServerEvent } from '../protocol/index.js';
import {
  createSessionStore,
  type RealtimeSessionSnapshot,
  type RealtimeSessionStatus,
  type RealtimeSessionStore,
  type SessionError,
} from '../session/index.js';
import {
  clientSecretFrom,
  createWebRTCTransport,
  createWebSocketTransport,
  readDevEndpoint,
  type RealtimeClientSecretContext,
  type RealtimeClientSecretResult,
  type RealtimeReconnectOptions,
  type RealtimeTransport,
  type WebRTCTransportOptions,
  type WebSocketConstructor,
} from '../transport/index.js';

export interface UseRealtimeSessionOptions {
  /** The config the session starts from. Read once, when the hook mounts. */
  readonly initial: RealtimeSessionCreateRequest;
  /**
   * Fetches an ephemeral `ek_…` client secret from your server (never put a
   * standard API key in the browser). With it, the hook opens a session over
   * the `transport` chosen. The latest function is always called, so an inline arrow is fine.
   * @default under `realtimeDevServer()`, the dev server's own client-secret route
   */
  readonly getClientSecret?: (context: RealtimeClientSecretContext) => Promise<RealtimeClientSecretResult>;
  /**
   * The Realtime endpoint. Changing it moves the session to a new connection.
   * @default under `realtimeDevServer()`, the dev server's endpoint (its
   * emulator, or OpenAI when it has a key); otherwise `'wss://api.openai.com/v1/realtime'`
   */
  readonly url?: string;
  /** The WebSocket class. Changing it moves the session to a new connection. @default globalThis.WebSocket */
  readonly WebSocket?: WebSocketConstructor;
  /** How dropped connections are retried. Read when a connection is created. */
  readonly reconnect?: RealtimeReconnectOptions;
  /**
   * How the session connects. `'websocket'` carries the events only: the app moves any audio itself.
   * `'webrtc'` makes the browser's microphone and speakers part of the call (see `webrtc` and
   * `useRealtimeMedia`). A transport of your own is used instead of `getClientSecret`/`url`. Changing
   * it moves the session to a new connection.
   * @default 'websocket'
   */
  readonly transport?: RealtimeTransport | 'websocket' | 'webrtc';
  /**
   * With `transport: 'webrtc'`: where the server's audio plays, a microphone stream of your own (never
   * stopped by the session) or the constraints to ask for one, and the peer connection's configuration.
   * Read when a connection is created.
   */
  readonly webrtc?: Pick<
    WebRTCTransportOptions,
    'audioElement' | 'mediaStream' | 'audioConstraints' | 'rtcConfiguration'
  >;
  /**
   * Connect on mount and disconnect on unmount. With nothing to connect to
   * (no `transport`, no `getClientSecret`, no dev server), the session stays
   * `idle` with a `no_endpoint` error in `snapshot.errors` that says what to pass.
   * @default true
   */
  readonly autoConnect?: boolean;
  /** The text coalescing window; can change without reconnecting. @default 150 */
  readonly coalesceMs?: number;
  /** Every server event. */
  readonly onEvent?: (event: RealtimeServerEvent) => void;
  /** Each new server, protocol or transport error. */
  readonly onError?: (error: SessionError) => void;
  /** Each status change. */
  readonly onStatusChange?: (status: RealtimeSessionStatus, previous: RealtimeSessionStatus) => void;
  /** Wraps store notifications; tests pass `act`. Read once. */
  readonly batchNotify?: (notify: () => void) => void;
}

/**
 * What {@link useRealtimeSession} returns: the current snapshot and stable actions.
 *
 * `snapshot`, `status`, `draft` and `applied` are tracked getters: reading one
 * subscribes the component to it (see {@link useRealtimeSession}). `store` and
 * the actions never change and track nothing.
 */
export interface UseRealtimeSessionReturn {
  /** The store, for `RealtimeSessionProvider` and the slice hooks. */
  readonly store: RealtimeSessionStore;
  /** The whole current snapshot. Reading it re-renders the component on every change. */
  readonly snapshot: RealtimeSessionSnapshot;
  readonly status: RealtimeSessionStatus;
  readonly draft: RealtimeSessionCreateRequest;
  readonly applied: RealtimeSessionCreateRequest | undefined;
  readonly update: RealtimeSessionStore['update'];
  readonly commit: RealtimeSessionStore['commit'];
  readonly connect: RealtimeSessionStore['connect'];
  readonly disconnect: RealtimeSessionStore['disconnect'];
  readonly reconnect: RealtimeSessionStore['reconnect'];
  readonly revert: RealtimeSessionStore['revert'];
  readonly send: RealtimeSessionStore['send'];
  readonly on: RealtimeSessionStore['on'];
}

/** The properties of the return that come from the snapshot, and how each is read from it. */
const TRACKED = {
  snapshot: (snapshot: RealtimeSessionSnapshot): unknown => snapshot,
  status: (snapshot: RealtimeSessionSnapshot): unknown => snapshot.status,
  draft: (snapshot: RealtimeSessionSnapshot): unknown => snapshot.draft,
  applied: (snapshot: RealtimeSessionSnapshot): unknown => snapshot.applied,
} as const;
type TrackedKey = keyof typeof TRACKED;

/** One return object and the snapshot its getters read. */
interface SessionView {
  snapshot: RealtimeSessionSnapshot;
  readonly result: UseRealtimeSessionReturn;
}

/** The external-store side of the hook: views that change identity only when a property that was read changed. */
interface TrackedSession {
  readonly getView: () => UseRealtimeSessionReturn;
  readonly getServerView: () => UseRealtimeSessionReturn;
  /** The status, without tracking it (for `useDebugValue`). */
  readonly peekStatus: () => RealtimeSessionStatus;
}

function createTrackedSession(store: RealtimeSessionStore): TrackedSession {
  // Kept for the component's life, as TanStack Query's tracked results do: a property read once, even in a
  // handler, stays subscribed, so a branch that skips it this render cannot hide a change it shows next time.
  const tracked = new Set<TrackedKey>();

  const createView = (snapshot: RealtimeSessionSnapshot): SessionView => {
    const view: { snapshot: RealtimeSessionSnapshot; result?: UseRealtimeSessionReturn } = { snapshot };
    const read = (key: TrackedKey) => {
      tracked.add(key);
      return view.snapshot;
    };
    // Getters in a literal are enumerable, so spreading or JSON.stringify still sees every property (and tracks it).
    view.result = {
      store,
      get snapshot() {
        return read('snapshot');
      },
      get status() {
        return read('status').status;
      },
      get draft() {
        return read('draft').draft;
      },
      get applied() {
        return read('applied').applied;
      },
      update: store.update,
      commit: store.commit,
      connect: store.connect,
      disconnect: store.disconnect,
      reconnect: store.reconnect,
      revert: store.revert,
      send: store.send,
      on: store.on,
    };
    return view as SessionView;
  };

  let current = createView(store.getSnapshot());
  let server: SessionView | undefined;

  const trackedChanged = (from: RealtimeSessionSnapshot, to: RealtimeSessionSnapshot) => {
    for (const key of tracked) if (!Object.is(TRACKED[key](from), TRACKED[key](to))) return true;
    return false;
  };

  return {
    getView() {
      const snapshot = store.getSnapshot();
      if (snapshot === current.snapshot) return current.result;
      if (trackedChanged(current.snapshot, snapshot)) {
        current = createView(snapshot);
        return current.result;
      }
      // Same view, so React keeps the render, but moved to the latest snapshot: every tracked value is
      // equal in both, and a property first read later (a render for another reason, a handler) then sees
      // the store as it is, not as it was at the last render, which would tear from the slice hooks.
      current.snapshot = snapshot;
      return current.result;
    },
    getServerView() {
      // Hydration renders the server snapshot; while the store still holds it, share the client's view so
      // React finds nothing changed after hydrating and renders no second time.
      server ??= current.snapshot === store.getServerSnapshot() ? current : createView(store.getServerSnapshot());
      return server.result;
    },
    peekStatus: () => current.snapshot.status,
  };
}

/** What makes a connection "the same": a change in any of these opens a new one. */
interface ConnectionIdentity {
  /** The transport given, or the kind of the one the hook builds. */
  readonly transport: RealtimeTransport | 'websocket' | 'webrtc';
  readonly url: string | undefined;
  readonly WebSocket: WebSocketConstructor | undefined;
  readonly hasClientSecret: boolean;
}

function identityOf(options: UseRealtimeSessionOptions): ConnectionIdentity {
  return {
    transport: options.transport ?? 'websocket',
    url: options.url,
    WebSocket: options.WebSocket,
    hasClientSecret: options.getClientSecret !== undefined,
  };
}

function sameIdentity(a: ConnectionIdentity, b: ConnectionIdentity): boolean {
  return (
    a.transport === b.transport &&
    a.url === b.url &&
    a.WebSocket === b.WebSocket &&
    a.hasClientSecret === b.hasClientSecret
  );
}

/**
 * A live Realtime session whose config follows your edits: edit the draft,
 * and the hook sends the minimal `session.update`, tracks acknowledgements,
 * rejections and locks, and re-applies everything after a reconnect.
 *
 * The store is created once. It is safe under StrictMode (a double mount
 * opens one connection: one socket, or one call and one microphone prompt
 * with `transport: 'webrtc'`) and during server rendering (nothing touches `window`
 * until the effect connects). Actions are stable; callbacks always see the
 * latest props.
 *
 * The result is tracked: `snapshot`, `status`, `draft` and `applied` are
 * getters that record which of them the component reads, and the component
 * re-renders only when one of those changes (`Object.is`; reading `snapshot`
 * means any change). A parent that shows `session.status` and holds the form
 * fields is not re-rendered by typing in them; each field re-renders through
 * its own slice hook. A property read once, in a render or a handler, stays
 * tracked for the component's life. Destructuring reads what it names
 * (`const { status } = useRealtimeSession(…)` tracks `status` only); spreading
 * or `JSON.stringify` reads, and so tracks, all four. `store` and the actions
 * track nothing. The result object keeps its identity until a tracked
 * property changes, so it is safe in dependency arrays.
 *
 * @example
 * ```tsx
 * const initial = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', instructions: 'Be brief.' });
 *
 * function Agent() {
 *   const session = useRealtimeSession({
 *     initial,
 *     getClientSecret: async () => (await fetch('/api/realtime/client-secret', { method: 'POST' })).json(),
 *   });
 *   // Reads status only: editing the voice re-renders VoicePicker, not Agent.
 *   return (
 *     <RealtimeSessionProvider session={session}>
 *       <p>{session.status}</p>
 *       <VoicePicker />
 *     </RealtimeSessionProvider>
 *   );
 * }
 * ```
 */
export function useRealtimeSession(options: UseRealtimeSessionOptions): UseRealtimeSessionReturn {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const createTransport = (from: UseRealtimeSessionOptions): RealtimeTransport | undefined => {
    if (typeof from.transport === 'object') return from.transport;
    // The page's own dev server, when it announces one, fills in whatever the options leave out.
    const devEndpoint = from.url === undefined || from.getClientSecret === undefined ? readDevEndpoint() : undefined;
    const url = from.url ?? devEndpoint?.url;
    const fallbackSecret = devEndpoint === undefined ? undefined : clientSecretFrom(devEndpoint.clientSecretPath);
    if (from.getClientSecret === undefined && fallbackSecret === undefined) return undefined;
    const common = {
      model: from.initial.model,
      getClientSecret: (context: RealtimeClientSecretContext) => {
        const current = latest.current.getClientSecret ?? fallbackSecret;
        if (current === undefined) throw new Error('getClientSecret was removed');
        return current(context);
      },
      ...(url === undefined ? {} : { url }),
      ...(from.reconnect === undefined ? {} : { reconnect: from.reconnect }),
    };
    if (from.transport === 'webrtc') {
      const { audioElement, mediaStream, audioConstraints, rtcConfiguration } = from.webrtc ?? {};
      return createWebRTCTransport({
        ...common,
        ...(audioElement === undefined ? {} : { audioElement }),
        ...(mediaStream === undefined ? {} : { mediaStream }),
        ...(audioConstraints === undefined ? {} : { audioConstraints }),
        ...(rtcConfiguration === undefined ? {} : { rtcConfiguration }),
      });
    }
    return createWebSocketTransport({
      ...common,
      ...(from.WebSocket === undefined ? {} : { WebSocket: from.WebSocket }),
    });
  };

  const [store] = useState(() =>
    createSessionStore({
      initial: options.initial,
      ...(typeof options.transport === 'object' ? { transport: options.transport } : {}),
      ...(options.coalesceMs === undefined ? {} : { coalesceMs: options.coalesceMs }),
      ...(options.batchNotify === undefined ? {} : { batchNotify: options.batchNotify }),
    }),
  );

  // The connection is built in an effect: finding the dev server's endpoint reads the page, which
  // rendering (and a server render) must not. A new url, WebSocket class or transport (or transport kind)
  // means a new connection; other option changes do not.
  const identity = useRef<ConnectionIdentity | undefined>(undefined);
  const nextIdentity = identityOf(options);
  useEffect(() => {
    if (identity.current !== undefined && sameIdentity(identity.current, nextIdentity)) return;
    identity.current = nextIdentity;
    store.setTransport(createTransport(latest.current));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the identity fields are the dependencies
  }, [store, nextIdentity.transport, nextIdentity.url, nextIdentity.WebSocket, nextIdentity.hasClientSecret]);

  useEffect(() => {
    if (options.coalesceMs !== undefined) store.setOptions({ coalesceMs: options.coalesceMs });
  }, [store, options.coalesceMs]);

  useEffect(() => {
    const offEvents = store.on('*', (event) => latest.current.onEvent?.(event));
    const offState = store.subscribe((next, prev) => {
      if (next.status !== prev.status) latest.current.onStatusChange?.(next.status, prev.status);
      if (next.errors !== prev.errors) {
        for (const error of next.errors) if (!prev.errors.includes(error)) latest.current.onError?.(error);
      }
    });
    return () => {
      offEvents();
      offState();
    };
  }, [store]);

  // Unmount disconnects, but one task later: StrictMode's unmount-remount cancels it, so one connection serves both
  // mounts (for WebRTC that also spares the user a second microphone prompt).
  const pendingDisconnect = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    clearTimeout(pendingDisconnect.current);
    return () => {
      pendingDisconnect.current = setTimeout(() => store.disconnect(), 0);
    };
  }, [store]);

  const autoConnect = options.autoConnect ?? true;
  useEffect(() => {
    if (autoConnect && store.getSnapshot().status === 'idle') store.connect();
  }, [store, autoConnect]);

  const [tracking] = useState(() => createTrackedSession(store));
  // Every store change reaches getView, which keeps the same view (and so no render) unless a tracked
  // property changed; React's own consistency checks then see exactly what the component would show.
  const session = useSyncExternalStore(store.subscribe, tracking.getView, tracking.getServerView);
  useDebugValue(tracking, (value) => value.peekStatus());
  return session;
}
