/*
 * useRealtimeSession's tracked result: a component re-renders only when a property it read changed.
 * The server is the scripted fake transport, and every step runs inside act, so each count is exact.
 */
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { Profiler, StrictMode, useEffect, type ReactNode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import {
  RealtimeSessionProvider,
  useRealtimeSession,
  useSessionField,
  type UseRealtimeSessionReturn,
} from '../../src/react/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { createFakeTransport, type FakeTransport } from '../session/fake-transport.js';

const initial = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'Be brief.',
  audio: { output: { voice: 'marin' } },
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/**
 * Mounts a component that calls the hook and shows `view(session)`, counting its commits with a
 * Profiler (it has no child components, so each commit is one render of it).
 */
function mountProbe(view: (session: UseRealtimeSessionReturn) => ReactNode, options: { strict?: boolean } = {}) {
  const fake = createFakeTransport();
  const probe = { renders: 0, store: undefined as RealtimeSessionStore | undefined, fake };
  function Probe() {
    const session = useRealtimeSession({ initial, transport: fake });
    useEffect(() => {
      probe.store = session.store;
    }, [session.store]);
    return <>{view(session)}</>;
  }
  const tree = (
    <Profiler id="probe" onRender={() => (probe.renders += 1)}>
      <Probe />
    </Profiler>
  );
  render(options.strict === true ? <StrictMode>{tree}</StrictMode> : tree);
  return probe;
}

function storeOf(probe: { store: RealtimeSessionStore | undefined }): RealtimeSessionStore {
  if (probe.store === undefined) throw new Error('the probe has not mounted');
  return probe.store;
}

/** Opens the session and lets the server acknowledge the whole draft, as after any connect. */
function openAndSync(fake: FakeTransport): void {
  act(() => fake.open());
  act(() => fake.ack());
}

/** Three instruction edits, each committed, sent and acknowledged: draft, pending and applied all change. */
function editInstructions(store: RealtimeSessionStore, fake: FakeTransport): void {
  for (const text of ['One.', 'One. Two.', 'One. Two. Three.']) {
    act(() => void store.update({ instructions: text }).catch(() => undefined));
    act(() => store.commit());
    act(() => fake.ack());
  }
}

describe('useRealtimeSession tracks which properties a component reads', () => {
  it('a component reading only status ignores edits and acknowledgements, and re-renders on status changes', () => {
    const probe = mountProbe((session) => <p>status: {session.status}</p>);
    openAndSync(probe.fake);
    expect(screen.getByText('status: open')).toBeInTheDocument();
    const before = probe.renders;

    editInstructions(storeOf(probe), probe.fake);
    expect(storeOf(probe).getSnapshot().applied?.instructions).toBe('One. Two. Three.');
    expect(probe.renders).toBe(before);

    act(() => probe.fake.status_('closed'));
    expect(screen.getByText('status: closed')).toBeInTheDocument();
    expect(probe.renders).toBe(before + 1);
  });

  it('a component reading draft re-renders on each edit', () => {
    const probe = mountProbe((session) => <p>instructions: {session.draft.instructions}</p>);
    openAndSync(probe.fake);
    const before = probe.renders;
    for (const [i, text] of ['A', 'AB', 'ABC'].entries()) {
      act(
        () =>
          void storeOf(probe)
            .update({ instructions: text })
            .catch(() => undefined),
      );
      expect(screen.getByText(`instructions: ${text}`)).toBeInTheDocument();
      expect(probe.renders).toBe(before + i + 1);
    }
  });

  it('a component reading nothing renders once, through connect, edits, acknowledgements and a close', () => {
    const probe = mountProbe((session) => <RealtimeSessionProvider session={session}>static</RealtimeSessionProvider>);
    openAndSync(probe.fake);
    editInstructions(storeOf(probe), probe.fake);
    act(() => probe.fake.status_('closed'));
    expect(probe.renders).toBe(1);
  });

  it('destructuring tracks only the names it takes', () => {
    const probe = mountProbe((session) => {
      const { status, update } = session;
      return (
        <button type="button" onClick={() => void update({ instructions: 'Clicked.' })}>
          {status}
        </button>
      );
    });
    openAndSync(probe.fake);
    const before = probe.renders;
    act(() => screen.getByRole('button').click());
    editInstructions(storeOf(probe), probe.fake);
    expect(probe.renders).toBe(before);
    act(() => probe.fake.status_('closed'));
    expect(screen.getByRole('button')).toHaveTextContent('closed');
    expect(probe.renders).toBe(before + 1);
  });

  it('a component reading snapshot re-renders on any change', () => {
    const probe = mountProbe((session) => <p>{session.snapshot.pending.length} pending</p>);
    openAndSync(probe.fake);
    const before = probe.renders;
    act(() => void storeOf(probe).update({ instructions: 'Sent at once.' }, { coalesce: false }));
    expect(screen.getByText('1 pending')).toBeInTheDocument();
    act(() => probe.fake.ack());
    expect(screen.getByText('0 pending')).toBeInTheDocument();
    expect(probe.renders).toBe(before + 2);
  });

  it('behaves the same under StrictMode', () => {
    const probe = mountProbe((session) => <p>status: {session.status}</p>, { strict: true });
    openAndSync(probe.fake);
    const before = probe.renders;
    editInstructions(storeOf(probe), probe.fake);
    expect(probe.renders).toBe(before);
    act(() => probe.fake.status_('closed'));
    expect(screen.getByText('status: closed')).toBeInTheDocument();
  });

  it('a property first read in a later render shows the store as it is, like the slice hooks beside it', () => {
    const fake = createFakeTransport();
    let store: RealtimeSessionStore | undefined;
    function Instructions() {
      return <p>field: {useSessionField('instructions').value}</p>;
    }
    function Settings(props: { readonly showDraft: boolean }) {
      const session = useRealtimeSession({ initial, transport: fake });
      useEffect(() => {
        store = session.store;
      }, [session.store]);
      return (
        <RealtimeSessionProvider session={session}>
          <p>status: {session.status}</p>
          {props.showDraft && <p>draft: {session.draft.instructions}</p>}
          <Instructions />
        </RealtimeSessionProvider>
      );
    }
    const view = render(<Settings showDraft={false} />);
    act(() => void store?.update({ instructions: 'Edited unseen.' }).catch(() => undefined));
    expect(screen.getByText('field: Edited unseen.')).toBeInTheDocument();
    view.rerender(<Settings showDraft />);
    expect(screen.getByText('draft: Edited unseen.')).toBeInTheDocument();
    // Read once, draft is tracked from now on.
    act(() => void store?.update({ instructions: 'Edited again.' }).catch(() => undefined));
    expect(screen.getByText('draft: Edited again.')).toBeInTheDocument();
  });

  it('a property first read outside render is current, and tracked from then on', () => {
    const fake = createFakeTransport();
    const { result } = renderHook(() => useRealtimeSession({ initial, transport: fake }));
    act(() => void result.current.update({ instructions: 'Before any read.' }).catch(() => undefined));
    expect(result.current.draft.instructions).toBe('Before any read.');
    act(() => void result.current.update({ instructions: 'After the read.' }).catch(() => undefined));
    expect(result.current.draft.instructions).toBe('After the read.');
  });

  it('keeps the result object while nothing it tracks changes, so it can sit in dependency arrays', () => {
    const fake = createFakeTransport();
    const { result } = renderHook(() => {
      const session = useRealtimeSession({ initial, transport: fake });
      void session.status;
      return session;
    });
    act(() => fake.open());
    const opened = result.current;
    act(() => fake.ack());
    act(() => void opened.update({ instructions: 'Edited.' }).catch(() => undefined));
    expect(result.current).toBe(opened);
    act(() => fake.status_('closed'));
    expect(result.current).not.toBe(opened);
    expect(result.current.store).toBe(opened.store);
    expect(result.current.update).toBe(opened.update);
  });

  it('spreads and serializes with every property, and spreading tracks them all', () => {
    const probe = mountProbe((session) => {
      const copy = { ...session };
      return <p>copy: {copy.draft.instructions}</p>;
    });
    const before = probe.renders;
    act(
      () =>
        void storeOf(probe)
          .update({ instructions: 'Spread.' })
          .catch(() => undefined),
    );
    expect(screen.getByText('copy: Spread.')).toBeInTheDocument();
    expect(probe.renders).toBe(before + 1);

    const { result } = renderHook(() => useRealtimeSession({ initial, autoConnect: false }));
    expect(Object.keys(result.current)).toEqual(
      expect.arrayContaining(['store', 'snapshot', 'status', 'draft', 'applied', 'update', 'on']),
    );
    const json = JSON.parse(
      JSON.stringify({ status: result.current.status, draft: result.current.draft, spread: { ...result.current } }),
    ) as { status: string; spread: { status: string; draft: { instructions: string } } };
    expect(json.spread.status).toBe('idle');
    expect(json.spread.draft.instructions).toBe('Be brief.');
  });

  it('hydrates server HTML without a mismatch or a second render', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let renders = 0;
    function Agent() {
      const session = useRealtimeSession({ initial, autoConnect: false });
      return (
        <Profiler id="agent" onRender={() => (renders += 1)}>
          <p>
            {session.status}: {session.draft.instructions}
          </p>
        </Profiler>
      );
    }
    const container = document.createElement('div');
    container.innerHTML = renderToString(<Agent />);
    document.body.append(container);
    let root: Root | undefined;
    act(() => {
      root = hydrateRoot(container, <Agent />);
    });
    expect(container).toHaveTextContent('idle: Be brief.');
    expect(renders).toBe(1);
    expect(errors).not.toHaveBeenCalled();
    act(() => root?.unmount());
    container.remove();
  });
});
