import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventLog } from '../../src/components/event-log/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { openSession } from './field-contract.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', audio: { output: { voice: 'marin' } } });

const panel = () => screen.getByRole('region', { name: 'Event log' });
const list = () => screen.getByRole('list', { name: 'Events, newest first' });
const rows = () => within(list()).getAllByRole('button');
const rowTypes = () =>
  within(list())
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('data-type'));
const pause = () => screen.getByRole('button', { name: 'Pause' });
const liveStatus = () => within(panel()).getByRole('status');

function renderLog(store: RealtimeSessionStore, props: Parameters<typeof EventLog>[0] = {}) {
  return render(
    <RealtimeSessionProvider session={store}>
      <EventLog {...props} />
    </RealtimeSessionProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('EventLog', () => {
  it('says so when nothing was logged', async () => {
    renderLog(createSessionStore({ initial: request }));
    expect(within(panel()).getByText('No events yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Events, newest first' })).toBeNull();
    expect(pause()).toHaveAttribute('aria-pressed', 'false');
    expect(liveStatus()).toHaveTextContent('');
    expect(await axeViolations(panel())).toEqual([]);
  });

  it('lists sent and received frames, newest first', async () => {
    const { store } = openSession(request);
    renderLog(store);
    expect(rowTypes()).toEqual(['session.updated', 'session.update', 'session.created']);
    const [updated, update] = within(list()).getAllByRole('listitem');
    expect(updated).toHaveAttribute('data-direction', 'received');
    expect(update).toHaveAttribute('data-direction', 'sent');
    expect(rows()[1]).toHaveAccessibleName(/sent session\.update evt_/);
    expect(await axeViolations(panel())).toEqual([]);
  });

  it('follows new entries while live', () => {
    const { store, transport } = openSession(request);
    renderLog(store);
    act(() => void store.setField('audio.output.voice', 'cedar'));
    expect(rowTypes()[0]).toBe('session.update');
    act(() => transport.ack());
    expect(rowTypes()[0]).toBe('session.updated');
    expect(rowTypes()).toHaveLength(5);
  });

  it('filters by type (any case) and direction, and suggests the types seen', async () => {
    const { store } = openSession(request);
    const { container } = renderLog(store);
    const filter = screen.getByRole('combobox', { name: 'Filter by type' });
    expect([...container.querySelectorAll('datalist option')].map((option) => option.getAttribute('value'))).toEqual([
      'session.created',
      'session.update',
      'session.updated',
    ]);
    await userEvent.type(filter, 'UPDATE');
    expect(rowTypes()).toEqual(['session.updated', 'session.update']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Direction' }), 'Sent');
    expect(rowTypes()).toEqual(['session.update']);
    await userEvent.clear(filter);
    await userEvent.type(filter, 'response');
    expect(within(panel()).getByText('No events match the filters.')).toBeInTheDocument();
    expect(await axeViolations(panel())).toEqual([]);
  });

  it('opens a row to its payload as JSON, with secrets masked', async () => {
    const withSecret = request.copyWith({
      tools: [{ type: 'mcp', serverLabel: 'crm', serverUrl: 'https://mcp.example.com', authorization: 'tok-secret' }],
    });
    const { store } = openSession(withSecret);
    renderLog(store, { defaultFilter: 'session.update', defaultDirection: 'sent' });
    const [row] = rows();
    if (row === undefined) throw new Error('no row');
    expect(row).toHaveAttribute('aria-expanded', 'false');
    expect(row).not.toHaveAttribute('aria-controls');
    await userEvent.click(row);
    expect(row).toHaveAttribute('aria-expanded', 'true');
    const payload = document.getElementById(row.getAttribute('aria-controls') ?? '');
    expect(payload).toHaveTextContent('"type": "session.update"');
    expect(payload).toHaveTextContent('"authorization": "[redacted]"');
    expect(panel()).not.toHaveTextContent('tok-secret');
    expect(await axeViolations(panel())).toEqual([]);
    await userEvent.click(row);
    expect(row).toHaveAttribute('aria-expanded', 'false');
    expect(payload).not.toBeInTheDocument();
  });

  it('shows audio as its length', async () => {
    const { store, transport } = openSession(request);
    renderLog(store, { defaultFilter: 'audio' });
    act(() =>
      transport.frame({
        type: 'response.output_audio.delta',
        event_id: 'event_d',
        response_id: 'resp_1',
        item_id: 'item_1',
        output_index: 0,
        content_index: 0,
        delta: 'A'.repeat(4000),
      }),
    );
    await userEvent.click(rows()[0] as HTMLElement);
    expect(within(list()).getByText(/"delta": "\[base64 audio, 4000 chars\]"/)).toBeInTheDocument();
  });

  it('freezes the list while paused, counts what arrives, and catches up on resume', async () => {
    const { store, transport } = openSession(request);
    renderLog(store);
    await userEvent.click(pause());
    expect(pause()).toHaveAttribute('aria-pressed', 'true');
    expect(panel()).toHaveAttribute('data-paused', 'true');
    expect(liveStatus()).toHaveTextContent('Paused: 0 new events.');
    act(() => void store.setField('audio.output.voice', 'cedar'));
    expect(liveStatus()).toHaveTextContent('Paused: 1 new event.');
    act(() => transport.ack());
    expect(rowTypes()).toEqual(['session.updated', 'session.update', 'session.created']);
    expect(liveStatus()).toHaveTextContent('Paused: 2 new events.');
    expect(await axeViolations(panel())).toEqual([]);
    await userEvent.click(pause());
    expect(pause()).toHaveAttribute('aria-pressed', 'false');
    expect(liveStatus()).toHaveTextContent('');
    expect(rowTypes()).toHaveLength(5);
  });

  it('is controllable: paused follows the prop and reports clicks', async () => {
    const onPausedChange = vi.fn();
    const { store, transport } = openSession(request);
    function Controlled() {
      const [paused, setPaused] = useState(true);
      return (
        <EventLog
          session={store}
          paused={paused}
          onPausedChange={(next) => {
            onPausedChange(next);
            setPaused(next);
          }}
        />
      );
    }
    render(<Controlled />);
    act(() => transport.frame({ type: 'rate_limits.updated', event_id: 'event_r', rate_limits: [] }));
    expect(rowTypes()).toHaveLength(3);
    expect(liveStatus()).toHaveTextContent('Paused: 1 new event.');
    await userEvent.click(pause());
    expect(onPausedChange).toHaveBeenCalledWith(false);
    expect(rowTypes()).toHaveLength(4);
  });

  it('clears the log, paused or not', async () => {
    const { store, transport } = openSession(request);
    renderLog(store, { defaultPaused: true });
    expect(rowTypes()).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(store.eventLog.entries()).toHaveLength(0);
    expect(within(panel()).getByText('No events yet.')).toBeInTheDocument();
    act(() => transport.frame({ type: 'rate_limits.updated', event_id: 'event_r', rate_limits: [] }));
    expect(liveStatus()).toHaveTextContent('Paused: 1 new event.');
    await userEvent.click(pause());
    expect(rowTypes()).toEqual(['rate_limits.updated']);
  });

  it('puts other props on the root and merges className and style', () => {
    const ref = createRef<HTMLElement>();
    render(
      <EventLog
        ref={ref}
        session={createSessionStore({ initial: request })}
        label="Frames"
        className="mine"
        style={{ maxHeight: 400 }}
        data-testid="log"
      />,
    );
    const root = screen.getByTestId('log');
    expect(ref.current).toBe(root);
    expect(root).toHaveClass('rrs-event-log', 'mine');
    expect(root).toHaveStyle({ maxHeight: '400px' });
    expect(screen.getByRole('region', { name: 'Frames' })).toBe(root);
  });

  it('renders an empty log on the server', () => {
    const { store } = openSession(request);
    const html = renderToString(<EventLog session={store} />);
    expect(html).toContain('No events yet.');
  });

  it('logs a live session (emulator), audio included', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1', responseDeltaMs: 5 });
    try {
      render(
        <LiveSession emulator={emulator} initial={request}>
          <EventLog />
        </LiveSession>,
      );
      await screen.findByText('status: open', undefined, { timeout: 5000 });
      await waitFor(() => expect(rowTypes()).toContain('session.created'));
      await userEvent.click(screen.getByRole('button', { name: 'Speak' }));
      await waitFor(() => expect(rowTypes()).toContain('response.output_audio.delta'), { timeout: 5000 });
      await userEvent.type(screen.getByRole('combobox', { name: 'Filter by type' }), 'output_audio.delta');
      const [row] = rows();
      await userEvent.click(row as HTMLElement);
      expect(within(list()).getByText(/"delta": "\[base64 audio, \d+ chars\]"/)).toBeInTheDocument();
      expect(await axeViolations(panel())).toEqual([]);
    } finally {
      cleanup();
      await emulator.close();
    }
  }, 20_000);
});
