import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, createRef } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionStatus } from '../../src/components/session-status/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { RealtimeTransportError } from '../../src/transport/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { createFakeTransport } from '../session/fake-transport.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', audio: { output: { voice: 'marin' } } });
const EXPIRES_AT = Date.UTC(2025, 0, 1, 12, 30, 0) / 1000;

const status = () => screen.getByRole('status', { name: 'Connection' });
const panel = () => screen.getByRole('region', { name: 'Session' });
const button = (name: string) => screen.getByRole('button', { name });
const count = (kind: string) => panel().querySelector(`[data-status="${kind}"][data-count]`);

function scripted() {
  const transport = createFakeTransport();
  const store = createSessionStore({ initial: request, transport, batchNotify: act });
  return { transport, store };
}

function renderStatus(store: RealtimeSessionStore) {
  return render(
    <RealtimeSessionProvider session={store}>
      <SessionStatus />
    </RealtimeSessionProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('SessionStatus', () => {
  it('shows an idle session with Connect, and Reconnect off', async () => {
    renderStatus(createSessionStore({ initial: request, batchNotify: act }));
    expect(status()).toHaveTextContent('Not connected');
    expect(status()).toHaveAttribute('aria-live', 'polite');
    expect(panel()).toHaveAttribute('data-status', 'idle');
    expect(button('Connect')).toBeEnabled();
    expect(button('Reconnect')).toBeDisabled();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(panel()).getByText('None yet')).toBeInTheDocument();
    expect(count('pending')).toHaveTextContent('0');
    expect(await axeViolations(panel())).toEqual([]);
  });

  it('says why Connect did nothing when there is no endpoint', async () => {
    renderStatus(createSessionStore({ initial: request, batchNotify: act }));
    await userEvent.click(button('Connect'));
    expect(status()).toHaveTextContent('Not connected');
    expect(screen.getByRole('alert')).toHaveTextContent(/No Realtime endpoint to connect to/);
    expect(screen.getByRole('alert')).toHaveAttribute('data-code', 'no_endpoint');
    expect(await axeViolations(panel())).toEqual([]);
  });

  it('follows a session from Connect to open, with its id and expiry, and keeps focus on the one button', async () => {
    const { transport, store } = scripted();
    renderStatus(store);
    const connect = button('Connect');
    await userEvent.click(connect);
    expect(status()).toHaveTextContent('Connecting…');
    // Connect became Disconnect in place, so keyboard focus stays where it was.
    expect(button('Disconnect')).toBe(connect);
    expect(document.activeElement).toBe(connect);
    act(() => transport.open({ id: 'sess_123', expires_at: EXPIRES_AT }));
    act(() => transport.ack());
    expect(status()).toHaveTextContent('Connected');
    expect(panel()).toHaveAttribute('data-status', 'open');
    expect(within(panel()).getByText('sess_123')).toBeInTheDocument();
    const time = panel().querySelector('time');
    expect(time).toHaveAttribute('dateTime', '2025-01-01T12:30:00.000Z');
    expect(time).toHaveTextContent(new Date(EXPIRES_AT * 1000).toLocaleTimeString());
    expect(button('Reconnect')).toBeEnabled();
    expect(await axeViolations(panel())).toEqual([]);
  });

  it('counts pending, rejected and locked fields and names them', async () => {
    const { transport, store } = scripted();
    renderStatus(store);
    act(() => {
      store.connect();
      transport.open();
      transport.ack();
    });
    act(() => void store.setField('audio.output.voice', 'cedar'));
    expect(count('pending')).toHaveAttribute('data-count', '1');
    expect(count('pending')).toHaveTextContent('1 (voice)');
    act(() =>
      transport.reject({ code: 'invalid_value', message: 'no such voice', param: 'session.audio.output.voice' }),
    );
    expect(count('pending')).toHaveAttribute('data-count', '0');
    expect(count('rejected')).toHaveTextContent('1 (voice)');
    act(() => transport.frame({ type: 'output_audio_buffer.started', event_id: 'event_a', response_id: 'resp_1' }));
    act(() => void store.setField('audio.output.voice', 'sage'));
    expect(count('rejected')).toHaveAttribute('data-count', '0');
    expect(count('locked')).toHaveTextContent('1 (voice)');
    expect(await axeViolations(panel())).toEqual([]);
  });

  it('shows the transport error of a drop and of a failure, and clears it when a new attempt starts', async () => {
    const { transport, store } = scripted();
    renderStatus(store);
    act(() => {
      store.connect();
      transport.open();
    });
    act(() => transport.status_('reconnecting', new RealtimeTransportError('connection_failed', 'socket dropped')));
    expect(status()).toHaveTextContent('Reconnecting…');
    expect(screen.getByRole('alert')).toHaveTextContent('socket dropped');
    act(() => transport.open());
    expect(screen.queryByRole('alert')).toBeNull();

    act(() => transport.status_('failed', new RealtimeTransportError('retries_exhausted', 'gave up after 5 tries')));
    expect(status()).toHaveTextContent('Connection failed');
    expect(screen.getByRole('alert')).toHaveTextContent('gave up after 5 tries');
    expect(await axeViolations(panel())).toEqual([]);
    await userEvent.click(button('Connect'));
    expect(status()).toHaveTextContent('Connecting…');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not blame a later reconnect on an old failure, and keeps the error after Disconnect', async () => {
    const { transport, store } = scripted();
    renderStatus(store);
    act(() => {
      store.connect();
      transport.status_('failed', new RealtimeTransportError('retries_exhausted', 'old failure'));
    });
    act(() => {
      store.connect();
      transport.open();
    });
    await userEvent.click(button('Reconnect'));
    expect(status()).toHaveTextContent('Reconnecting…');
    expect(screen.queryByRole('alert')).toBeNull();

    act(() => transport.status_('reconnecting', new RealtimeTransportError('connection_failed', 'socket dropped')));
    await userEvent.click(button('Disconnect'));
    expect(status()).toHaveTextContent('Disconnected');
    expect(screen.getByRole('alert')).toHaveTextContent('socket dropped');
    expect(button('Connect')).toBeEnabled();
    expect(button('Reconnect')).toBeDisabled();
  });

  it('takes a session prop instead of the provider', async () => {
    const { transport, store } = scripted();
    render(<SessionStatus session={store} label="Voice agent" />);
    expect(screen.getByRole('region', { name: 'Voice agent' })).toBeInTheDocument();
    await userEvent.click(button('Connect'));
    act(() => transport.open());
    await userEvent.click(button('Reconnect'));
    expect(transport.connects).toHaveLength(2);
    await userEvent.click(button('Disconnect'));
    expect(store.getSnapshot().status).toBe('closed');
  });

  it('puts other props on the root and merges className and style', () => {
    const ref = createRef<HTMLElement>();
    render(
      <SessionStatus
        ref={ref}
        session={createSessionStore({ initial: request })}
        className="mine"
        style={{ maxWidth: 300 }}
        data-testid="status"
        aria-label="Agent connection"
      />,
    );
    const root = screen.getByTestId('status');
    expect(ref.current).toBe(root);
    expect(root.tagName).toBe('SECTION');
    expect(root).toHaveClass('rrs-session-status', 'mine');
    expect(root).toHaveStyle({ maxWidth: '300px' });
    expect(screen.getByRole('region', { name: 'Agent connection' })).toBe(root);
  });

  it('does not re-render for draft edits that change none of its counts', () => {
    const store = createSessionStore({ initial: request, batchNotify: act });
    let renders = 0;
    render(
      <Profiler id="status" onRender={() => (renders += 1)}>
        <SessionStatus session={store} />
      </Profiler>,
    );
    const before = renders;
    act(() => void store.setField('instructions', 'Be brief.'));
    act(() => void store.setField('audio.output.voice', 'cedar'));
    expect(renders).toBe(before);
  });

  it('renders on the server and hydrates to the live state without a mismatch', async () => {
    const { transport, store } = scripted();
    act(() => {
      store.connect();
      transport.open({ id: 'sess_ssr', expires_at: EXPIRES_AT });
    });
    // The server renders the store's server snapshot: the session as it starts.
    const html = renderToString(<SessionStatus session={store} />);
    expect(html).toContain('Not connected');
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    await act(async () => {
      hydrateRoot(container, <SessionStatus session={store} />);
    });
    expect(errors).not.toHaveBeenCalled();
    expect(container).toHaveTextContent('sess_ssr');
    expect(container.querySelector('time')).toHaveTextContent(new Date(EXPIRES_AT * 1000).toLocaleTimeString());
    container.remove();
  });

  it('follows a live session (emulator): connect, reconnect, disconnect', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    try {
      render(
        <LiveSession emulator={emulator} initial={request}>
          <SessionStatus />
        </LiveSession>,
      );
      await waitFor(() => expect(status()).toHaveTextContent('Connected'), { timeout: 5000 });
      const firstId = within(panel()).getByText(/^sess_/).textContent;
      expect(panel().querySelector('time')).toHaveAttribute('dateTime');
      await userEvent.click(button('Reconnect'));
      await waitFor(
        () => {
          expect(status()).toHaveTextContent('Connected');
          expect(within(panel()).getByText(/^sess_/).textContent).not.toBe(firstId);
        },
        { timeout: 5000 },
      );
      await userEvent.click(button('Disconnect'));
      await waitFor(() => expect(status()).toHaveTextContent('Disconnected'));
      expect(screen.queryByRole('alert')).toBeNull();
      expect(await axeViolations(panel())).toEqual([]);
    } finally {
      cleanup();
      await emulator.close();
    }
  }, 20_000);
});
