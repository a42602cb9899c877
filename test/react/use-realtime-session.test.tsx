import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import {
  RealtimeSessionProvider,
  useRealtimeSession,
  useRealtimeSessionContext,
  useSessionField,
  useSessionSelector,
  type UseRealtimeSessionOptions,
} from '../../src/react/index.js';
import { DEV_ENDPOINT_META_NAME, devEndpointContent } from '../../src/protocol/index.js';
import { EMULATOR_API_KEY, startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore } from '../../src/session/index.js';
import { actNotify } from '../support/react.js';

const initial = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'Be brief.',
  audio: { output: { voice: 'marin' } },
});

/** `ws` with a count of sockets opened, so tests can tell one connection from two. */
class CountingWebSocket extends WebSocket {
  static opened = 0;
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    CountingWebSocket.opened += 1;
  }
}

let emulator: RunningRealtimeEmulator;
let secretsMinted = 0;

async function getClientSecret(context: { model: string }) {
  secretsMinted += 1;
  return mintFrom(emulator.url)(context);
}

function liveOptions(overrides: Partial<UseRealtimeSessionOptions> = {}): UseRealtimeSessionOptions {
  return {
    initial,
    getClientSecret,
    url: `${emulator.url.replace(/^http/, 'ws')}/realtime`,
    WebSocket: CountingWebSocket,
    batchNotify: actNotify,
    ...overrides,
  };
}

beforeEach(async () => {
  CountingWebSocket.opened = 0;
  secretsMinted = 0;
  emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1', responseDeltaMs: 5 });
});

afterEach(async () => {
  cleanup();
  await emulator.close();
});

function Status(props: { options: UseRealtimeSessionOptions }) {
  const session = useRealtimeSession(props.options);
  return <p>status: {session.status}</p>;
}

describe('useRealtimeSession', () => {
  describe('given StrictMode, which mounts, unmounts and remounts', () => {
    it('opens exactly one socket, and unmounting closes it', async () => {
      const view = render(
        <StrictMode>
          <Status options={liveOptions()} />
        </StrictMode>,
      );
      await screen.findByText('status: open');
      // Give a second connection, if one were on its way, time to show up.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(CountingWebSocket.opened).toBe(1);
      expect(secretsMinted).toBe(1);
      expect(emulator.emulator.sessionCount).toBe(1);
      view.unmount();
      await waitFor(() => expect(emulator.emulator.sessionCount).toBe(0));
    });
  });

  it('syncs edits with the live session and reports them applied', async () => {
    const { result } = renderHook(() => useRealtimeSession(liveOptions()));
    await waitFor(() => expect(result.current.status).toBe('open'));
    await act(() => result.current.update({ audio: { output: { voice: 'cedar' } } }));
    expect(result.current.applied?.audio?.output?.voice).toBe('cedar');
    expect(result.current.snapshot.fields['audio.output.voice'].status).toBe('synced');
  });

  it('keeps actions stable across renders and calls the latest callbacks', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { result, rerender } = renderHook(
      (props: { onStatusChange: typeof first }) =>
        useRealtimeSession(liveOptions({ onStatusChange: props.onStatusChange, autoConnect: false })),
      { initialProps: { onStatusChange: first } },
    );
    const actions = { ...result.current };
    rerender({ onStatusChange: second });
    for (const name of [
      'update',
      'commit',
      'connect',
      'disconnect',
      'reconnect',
      'revert',
      'send',
      'on',
      'store',
    ] as const) {
      expect(result.current[name], name).toBe(actions[name]);
    }
    act(() => result.current.connect());
    await waitFor(() => expect(result.current.status).toBe('open'));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('connecting', 'idle');
    expect(second).toHaveBeenCalledWith('open', 'connecting');
  });

  it('reports new errors through onError', async () => {
    const onError = vi.fn();
    const { result } = renderHook(() => useRealtimeSession(liveOptions({ onError })));
    await waitFor(() => expect(result.current.status).toBe('open'));
    const { tools } = RealtimeSessionCreateRequest.fromJson({
      model: 'gpt-realtime-2',
      tools: [{ type: 'function', name: 'x', not_a_real_key: 1 }],
    });
    await act(() => result.current.update({ tools }).catch(() => undefined));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ source: 'server', code: 'unknown_parameter' }));
  });

  it('changes coalescing and callbacks without reconnecting, and moves to a new socket when the url changes', async () => {
    const { result, rerender } = renderHook(
      (props: Partial<UseRealtimeSessionOptions>) => useRealtimeSession(liveOptions(props)),
      { initialProps: {} },
    );
    await waitFor(() => expect(result.current.status).toBe('open'));
    rerender({
      coalesceMs: 40,
      getClientSecret: (context: { model: string }) => getClientSecret(context),
      onEvent: () => {},
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(CountingWebSocket.opened).toBe(1);

    const other = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    try {
      rerender({ url: `${other.url.replace(/^http/, 'ws')}/realtime`, getClientSecret: mintFrom(other.url) });
      await waitFor(() => expect(other.emulator.sessionCount).toBe(1));
      await waitFor(() => expect(result.current.status).toBe('open'));
      expect(CountingWebSocket.opened).toBe(2);
      await waitFor(() => expect(emulator.emulator.sessionCount).toBe(0));
    } finally {
      await other.close();
    }
  });

  it('without any endpoint, opens no socket, stays idle with an error naming the fix, and still edits', async () => {
    const { result } = renderHook(() =>
      useRealtimeSession({ initial, WebSocket: CountingWebSocket, batchNotify: actNotify }),
    );
    await waitFor(() => expect(result.current.snapshot.errors).toHaveLength(1));
    expect(result.current.snapshot.errors[0]).toMatchObject({ source: 'transport', code: 'no_endpoint' });
    expect(result.current.snapshot.errors[0]?.message).toMatch(/getClientSecret.*realtimeDevServer\(\)/);
    act(() => void result.current.update({ instructions: 'Offline.' }));
    await waitFor(() => expect(result.current.draft.instructions).toBe('Offline.'));
    expect(result.current.status).toBe('idle');
    expect(CountingWebSocket.opened).toBe(0);
  });

  describe('given a page served by realtimeDevServer() (its endpoint meta tag)', () => {
    const secretPath = '/api/realtime/client-secret';
    let secretRequests: { contentType: string | null; body: unknown }[];

    beforeEach(() => {
      secretRequests = [];
      const meta = document.createElement('meta');
      meta.name = DEV_ENDPOINT_META_NAME;
      meta.content = devEndpointContent({
        url: `${emulator.url.replace(/^http/, 'ws')}/realtime`,
        clientSecretPath: secretPath,
      });
      document.head.append(meta);
      // The page's own secret route, as the dev server serves it: it mints from the emulator.
      const realFetch = globalThis.fetch;
      vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input) !== secretPath) return realFetch(input, init);
        const body = JSON.parse(String(init?.body)) as { session: { model: string } };
        secretRequests.push({ contentType: new Headers(init?.headers).get('content-type'), body });
        return realFetch(`${emulator.url}/realtime/client_secrets`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${EMULATOR_API_KEY}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      });
    });
    afterEach(() => {
      document.head.querySelector(`meta[name="${DEV_ENDPOINT_META_NAME}"]`)?.remove();
      vi.unstubAllGlobals();
    });

    it("connects with { initial } alone, minting through the page's secret route", async () => {
      const { result } = renderHook(() =>
        useRealtimeSession({ initial, WebSocket: CountingWebSocket, batchNotify: actNotify }),
      );
      await waitFor(() => expect(result.current.status).toBe('open'));
      await waitFor(() => expect(result.current.applied?.audio?.output?.voice).toBe('marin'));
      expect(secretRequests).toEqual([
        { contentType: 'application/json', body: { session: { type: 'realtime', model: 'gpt-realtime-2' } } },
      ]);
      expect(emulator.emulator.sessionCount).toBe(1);
    });

    it("uses the page's endpoint with a getClientSecret of its own", async () => {
      const { result } = renderHook(() =>
        useRealtimeSession({ initial, getClientSecret, WebSocket: CountingWebSocket, batchNotify: actNotify }),
      );
      await waitFor(() => expect(result.current.status).toBe('open'));
      expect(secretsMinted).toBe(1);
      expect(secretRequests).toEqual([]);
    });
  });
});

function mintFrom(baseUrl: string) {
  return async ({ model }: { model: string }) => {
    const response = await fetch(`${baseUrl}/realtime/client_secrets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${EMULATOR_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ session: { type: 'realtime', model } }),
    });
    return (await response.json()) as { value: string };
  };
}

describe('RealtimeSessionProvider and the slice hooks', () => {
  it('useRealtimeSessionContext throws a clear error outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useRealtimeSessionContext())).toThrow(
      'useRealtimeSessionContext must be used within <RealtimeSessionProvider>',
    );
  });

  it('accepts an explicit store instead of the context', () => {
    const store = createSessionStore({ initial });
    const { result } = renderHook(() => useSessionField('instructions', store));
    expect(result.current.value).toBe('Be brief.');
  });

  describe('given a voice field and an instructions field', () => {
    // Commits are counted with React's Profiler, one per field, so nothing is mutated during render.
    const renders = { voice: 0, instructions: 0, status: 0 };
    const count = (id: string) => {
      renders[id as keyof typeof renders] += 1;
    };
    function Fields() {
      return (
        <>
          <Profiler id="voice" onRender={count}>
            <Voice />
          </Profiler>
          <Profiler id="instructions" onRender={count}>
            <Instructions />
          </Profiler>
          <Profiler id="status" onRender={count}>
            <Status />
          </Profiler>
        </>
      );
    }
    function Voice() {
      const voice = useSessionField('audio.output.voice');
      return <p data-status={voice.status}>voice: {String(voice.value)}</p>;
    }
    function Instructions() {
      const instructions = useSessionField('instructions');
      return <p>instructions: {instructions.value}</p>;
    }
    function Status() {
      const status = useSessionSelector((snapshot) => snapshot.status);
      return <p>status: {status}</p>;
    }
    beforeEach(() => {
      renders.voice = 0;
      renders.instructions = 0;
      renders.status = 0;
    });

    it('editing instructions re-renders only the instructions field (offline store)', () => {
      const store = createSessionStore({ initial, batchNotify: act });
      render(
        <RealtimeSessionProvider session={store}>
          <Fields />
        </RealtimeSessionProvider>,
      );
      expect(renders).toEqual({ voice: 1, instructions: 1, status: 1 });
      act(() => void store.update({ instructions: 'Be very brief.' }));
      expect(screen.getByText('instructions: Be very brief.')).toBeTruthy();
      expect(renders).toEqual({ voice: 1, instructions: 2, status: 1 });
      act(() => void store.update({ audio: { output: { voice: 'cedar' } } }));
      expect(screen.getByText('voice: cedar')).toBeTruthy();
      expect(renders.voice).toBe(2);
      expect(renders.instructions).toBe(2);
    });

    it('typing instructions into a live session never re-renders the voice field', async () => {
      function Agent() {
        const session = useRealtimeSession(liveOptions({ coalesceMs: 20 }));
        return (
          <RealtimeSessionProvider session={session}>
            {/* Not memoized: the agent reads nothing from the session, so it never re-renders them itself. */}
            <Fields />
            <button type="button" onClick={() => void session.update({ instructions: 'Typed live.' })}>
              type
            </button>
          </RealtimeSessionProvider>
        );
      }
      render(<Agent />);
      await screen.findByText('status: open');
      await waitFor(() => expect(screen.getByText(/^voice:/).getAttribute('data-status')).toBe('synced'));
      const voiceRenders = renders.voice;
      act(() => screen.getByRole('button').click());
      await screen.findByText('instructions: Typed live.');
      // The server's ack replaces the applied config; the voice slice in it is unchanged.
      await screen.findByText('instructions: Typed live.');
      await waitFor(() => expect(renders.instructions).toBeGreaterThanOrEqual(2));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(renders.voice).toBe(voiceRenders);
      expect(renders.instructions).toBeGreaterThan(1);
    });

    it('useSessionField exposes status, lock and a setter that syncs', async () => {
      const { result } = renderHook(() => {
        const session = useRealtimeSession(liveOptions());
        return { session, voice: useSessionField('audio.output.voice', session.store) };
      });
      await waitFor(() => expect(result.current.voice.status).toBe('synced'));
      await act(() => result.current.voice.setValue('sage'));
      expect(result.current.voice.value).toBe('sage');
      expect(result.current.voice.appliedValue).toBe('sage');
      act(() => result.current.voice.revert());
      expect(result.current.voice.value).toBe('sage');
    });
  });
});
