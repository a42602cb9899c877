import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { Profiler, createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionDiff, sessionJsonLines } from '../../src/components/session-diff/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { openSession } from './field-contract.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime',
  instructions: 'Be brief.',
  audio: { input: { format: { type: 'audio/pcm', rate: 24000 } }, output: { voice: 'marin' } },
});

const panel = () => screen.getByRole('region', { name: 'Session config' });
const side = (name: 'Draft' | 'Applied') => screen.getByRole('figure', { name });
const linesOf = (name: 'Draft' | 'Applied', field: string) => [
  ...side(name).querySelectorAll<HTMLElement>(`[data-field="${field}"]`),
];
const summary = () => screen.queryByRole('list', { name: 'Edits not applied' });

function renderDiff(store: RealtimeSessionStore) {
  return render(
    <RealtimeSessionProvider session={store}>
      <SessionDiff />
    </RealtimeSessionProvider>,
  );
}

afterEach(() => {
  cleanup();
});

describe('sessionJsonLines', () => {
  it('prints exactly what JSON.stringify does, tagging each field', () => {
    const json = {
      type: 'realtime',
      model: 'gpt-realtime',
      tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' } }],
      audio: { input: { turn_detection: { type: 'server_vad' } }, output: { voice: 'marin', speed: 1.1 }, extra: {} },
      include: [],
    };
    const lines = sessionJsonLines(json);
    expect(lines.map((line) => line.text).join('\n')).toBe(JSON.stringify(json, null, 2));
    expect(lines.filter((line) => line.field === 'tools')).toHaveLength(9);
    expect(lines.filter((line) => line.first === true).map((line) => line.field)).toEqual([
      'model',
      'tools',
      'audio.input.turn_detection',
      'audio.output.voice',
      'audio.output.speed',
      'include',
    ]);
    // Keys that are not fields, and the braces around the audio sides, belong to none.
    expect(lines.find((line) => line.text.includes('"type": "realtime"'))?.field).toBeUndefined();
    expect(lines.find((line) => line.text.includes('"extra"'))?.field).toBeUndefined();
  });

  it('prints an empty config', () => {
    expect(sessionJsonLines({}).map((line) => line.text)).toEqual(['{', '}']);
  });
});

describe('SessionDiff', () => {
  it('shows the draft, and says nothing is applied without a session', async () => {
    renderDiff(createSessionStore({ initial: request, batchNotify: act }));
    expect(within(side('Draft')).getByText(/"instructions": "Be brief\."/)).toBeInTheDocument();
    expect(linesOf('Draft', 'audio.input.format')).toHaveLength(4);
    expect(linesOf('Draft', 'audio.output.voice')[0]).toHaveAttribute('data-status', 'dirty');
    expect(linesOf('Draft', 'audio.output.voice')[0]).not.toHaveAttribute('data-highlight');
    expect(within(side('Applied')).getByText('No session yet: nothing is applied.')).toBeInTheDocument();
    expect(summary()).toBeNull();
    expect(await axeViolations(panel())).toEqual([]);
  });

  it('masks MCP authorization and headers', () => {
    const withSecrets = request.copyWith({
      tools: [
        {
          type: 'mcp',
          serverLabel: 'crm',
          serverUrl: 'https://mcp.example.com',
          authorization: 'tok-secret',
          headers: { 'X-Api-Key': 'key-secret' },
        },
      ],
    });
    const { store, transport } = openSession(withSecrets);
    renderDiff(store);
    expect(transport.updates()).toHaveLength(1);
    const text = panel().textContent ?? '';
    expect(text).not.toContain('tok-secret');
    expect(text).not.toContain('key-secret');
    expect(within(side('Draft')).getByText(/"authorization": "\[redacted\]"/)).toBeInTheDocument();
    expect(within(side('Applied')).getByText(/"X-Api-Key": "\[redacted\]"/)).toBeInTheDocument();
  });

  it('marks a pending field on both sides until the server applies it', async () => {
    const { store, transport } = openSession(request);
    renderDiff(store);
    act(() => void store.setField('audio.output.voice', 'cedar'));
    const [draftVoice] = linesOf('Draft', 'audio.output.voice');
    expect(draftVoice).toHaveAttribute('data-status', 'pending');
    expect(draftVoice).toHaveAttribute('data-highlight', 'true');
    expect(draftVoice).toHaveTextContent('"voice": "cedar" ← pending');
    expect(linesOf('Applied', 'audio.output.voice')[0]).toHaveTextContent('"voice": "marin"');
    expect(linesOf('Applied', 'audio.output.voice')[0]).toHaveAttribute('data-highlight', 'true');
    expect(within(summary() as HTMLElement).getByRole('listitem')).toHaveTextContent('Pending audio.output.voice');
    expect(await axeViolations(panel())).toEqual([]);

    act(() => transport.ack());
    expect(linesOf('Draft', 'audio.output.voice')[0]).toHaveAttribute('data-status', 'synced');
    expect(linesOf('Draft', 'audio.output.voice')[0]).not.toHaveAttribute('data-highlight');
    expect(linesOf('Applied', 'audio.output.voice')[0]).toHaveTextContent('"voice": "cedar"');
    expect(summary()).toBeNull();
  });

  it('marks a rejected field and gives the server’s reason', async () => {
    const { store, transport } = openSession(request);
    renderDiff(store);
    act(() => void store.setField('instructions', 'Speak like a pirate.'));
    act(() => store.commit());
    act(() =>
      transport.reject({ code: 'invalid_value', message: 'Instructions refused.', param: 'session.instructions' }),
    );
    expect(linesOf('Draft', 'instructions')[0]).toHaveAttribute('data-status', 'rejected');
    expect(linesOf('Draft', 'instructions')[0]).toHaveTextContent('← rejected');
    expect(within(summary() as HTMLElement).getByRole('listitem')).toHaveTextContent(
      'Rejected instructions — Instructions refused.',
    );
    expect(await axeViolations(panel())).toEqual([]);
  });

  it('marks a locked field with the lock’s explanation', () => {
    const { store, transport } = openSession(request);
    renderDiff(store);
    act(() => transport.frame({ type: 'output_audio_buffer.started', event_id: 'event_a', response_id: 'resp_1' }));
    act(() => void store.setField('audio.output.voice', 'sage'));
    expect(linesOf('Draft', 'audio.output.voice')[0]).toHaveAttribute('data-status', 'locked');
    expect(within(summary() as HTMLElement).getByRole('listitem')).toHaveTextContent(
      /Locked audio\.output\.voice — The voice cannot change once the assistant has spoken/,
    );
  });

  it('takes a session prop and labels, and puts other props on the root', () => {
    const ref = createRef<HTMLElement>();
    render(
      <SessionDiff
        ref={ref}
        session={createSessionStore({ initial: request })}
        label="Config"
        draftLabel="Yours"
        appliedLabel="Server"
        className="mine"
        style={{ maxWidth: 500 }}
        data-testid="diff"
      />,
    );
    const root = screen.getByTestId('diff');
    expect(ref.current).toBe(root);
    expect(root).toHaveClass('rrs-session-diff', 'mine');
    expect(root).toHaveStyle({ maxWidth: '500px' });
    expect(screen.getByRole('region', { name: 'Config' })).toBe(root);
    expect(screen.getByRole('figure', { name: 'Yours' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Server' })).toBeInTheDocument();
  });

  it('does not re-render for a session change it does not show', () => {
    const { store, transport } = openSession(request);
    let renders = 0;
    render(
      <Profiler id="diff" onRender={() => (renders += 1)}>
        <SessionDiff session={store} />
      </Profiler>,
    );
    const before = renders;
    // A server error about nothing the diff shows changes the snapshot, not the diff's slice.
    act(() =>
      transport.frame({
        type: 'error',
        event_id: 'event_x',
        error: { type: 'server_error', code: 'oops', message: 'unrelated', param: null, event_id: null },
      }),
    );
    expect(store.getSnapshot().errors.at(-1)?.message).toBe('unrelated');
    expect(renders).toBe(before);
  });

  it('shows what a live session applied (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    const live: { store?: RealtimeSessionStore } = {};
    try {
      render(
        <LiveSession emulator={emulator} initial={request} onStore={(store) => (live.store = store)}>
          <SessionDiff />
        </LiveSession>,
      );
      await screen.findByText('status: open', undefined, { timeout: 5000 });
      await waitFor(() => expect(linesOf('Applied', 'audio.output.voice')[0]).toHaveTextContent('"marin"'));
      act(() => void live.store?.setField('audio.output.voice', 'cedar'));
      await waitFor(() => expect(linesOf('Applied', 'audio.output.voice')[0]).toHaveTextContent('"cedar"'));
      expect(linesOf('Draft', 'audio.output.voice')[0]).toHaveAttribute('data-status', 'synced');
      // The server reports its defaults too: the applied side has fields the draft leaves out.
      expect(linesOf('Applied', 'audio.output.speed').length).toBeGreaterThan(0);
      expect(linesOf('Draft', 'audio.output.speed')).toHaveLength(0);
      expect(summary()).toBeNull();
      expect(await axeViolations(panel())).toEqual([]);
    } finally {
      cleanup();
      await emulator.close();
    }
  }, 20_000);
});
