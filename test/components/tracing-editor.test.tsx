import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TracingEditor, useTracingField } from '../../src/components/tracing-editor/index.js';
import {
  isOff,
  RealtimeOff,
  RealtimeSessionCreateRequest,
  RealtimeTracingConfig,
  type RealtimeTracing,
} from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { describeFieldContract, openSession } from './field-contract.js';

const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const supportBot = new RealtimeTracingConfig({ workflowName: 'support-bot' });
const custom = unspecified.copyWith({
  tracing: new RealtimeTracingConfig({ workflowName: 'support-bot', groupId: 'eu', metadata: { tier: 'gold', n: 2 } }),
});

const group = () => screen.getByRole('group', { name: 'Tracing' });
const mode = (name: string) => within(group()).getByRole('radio', { name: new RegExp(`^${name}`) });
const workflowBox = () => screen.getByRole('textbox', { name: 'Workflow name' });
const groupBox = () => screen.getByRole('textbox', { name: 'Group ID' });
const tracingOf = (next: unknown) => (next as RealtimeSessionCreateRequest).tracing;

describeFieldContract({
  name: 'TracingEditor',
  Component: TracingEditor,
  path: 'tracing',
  request: unspecified,
  edit: (user) => user.click(mode('Auto')),
  edited: 'auto',
  expectShown: (value) => {
    if (value instanceof RealtimeTracingConfig) {
      expect(mode('Custom')).toBeChecked();
      expect(workflowBox()).toHaveValue(value.workflowName ?? '');
    } else {
      expect(mode(value === 'auto' ? 'Auto' : 'Off')).toBeChecked();
    }
  },
  apiDefault: RealtimeOff,
  serverValue: { json: { tracing: { workflow_name: 'support-bot' } }, value: supportBot },
  invalid: unspecified.copyWith({ tracing: new RealtimeTracingConfig({ workflowName: ' ' }) }),
  // The server reports tracing on: from then on the session's tracing cannot change.
  lock: (transport) =>
    transport.frame({
      type: 'session.updated',
      event_id: 'event_t',
      session: { type: 'realtime', model: 'gpt-realtime', tracing: { workflow_name: 'support-bot' } },
    }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('TracingEditor', () => {
  it('switches between off, auto and custom, and brings custom settings back', async () => {
    const onValueChange = vi.fn();
    render(<TracingEditor defaultValue={custom} onValueChange={onValueChange} />);
    expect(mode('Custom')).toBeChecked();
    expect(workflowBox()).toHaveValue('support-bot');
    expect(groupBox()).toHaveValue('eu');
    await userEvent.click(mode('Off'));
    expect(isOff(tracingOf(onValueChange.mock.lastCall?.[0]))).toBe(true);
    expect(screen.queryByRole('textbox', { name: 'Workflow name' })).toBeNull();
    await userEvent.click(mode('Auto'));
    expect(tracingOf(onValueChange.mock.lastCall?.[0])).toBe('auto');
    await userEvent.click(mode('Custom'));
    expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).toJson().tracing).toEqual({
      workflow_name: 'support-bot',
      group_id: 'eu',
      metadata: { tier: 'gold', n: 2 },
    });
  });

  it('edits the names, and an emptied name is left to the server rather than sent empty', async () => {
    const onValueChange = vi.fn();
    render(<TracingEditor defaultValue={custom} onValueChange={onValueChange} />);
    await userEvent.clear(workflowBox());
    const wire = () => (onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).toJson().tracing;
    expect(wire()).toEqual({ group_id: 'eu', metadata: { tier: 'gold', n: 2 } });
    await userEvent.type(workflowBox(), 'triage');
    expect(wire()).toEqual({ workflow_name: 'triage', group_id: 'eu', metadata: { tier: 'gold', n: 2 } });
  });

  it('edits metadata rows, keeping values that are not strings as JSON', async () => {
    const onValueChange = vi.fn();
    render(<TracingEditor defaultValue={custom} onValueChange={onValueChange} />);
    const metadata = () =>
      ((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).tracing as RealtimeTracingConfig).metadata;
    expect(screen.getByRole('textbox', { name: 'Entry 2 value' })).toHaveValue('2');
    await userEvent.type(screen.getByRole('textbox', { name: 'Entry 2 value' }), '0');
    expect(metadata()).toEqual({ tier: 'gold', n: 20 });
    await userEvent.click(screen.getByRole('button', { name: 'Add entry' }));
    expect(metadata()).toEqual({ tier: 'gold', n: 20, entry_3: '' });
    await userEvent.type(screen.getByRole('textbox', { name: 'Entry 3 value' }), 'yes');
    expect(metadata()).toEqual({ tier: 'gold', n: 20, entry_3: 'yes' });
  });

  it('keeps rows whose names collide in the box, invalid, without changing the metadata', async () => {
    const onValueChange = vi.fn();
    render(<TracingEditor defaultValue={custom} onValueChange={onValueChange} />);
    const name = screen.getByRole('textbox', { name: 'Entry 2 name' });
    await userEvent.clear(name);
    expect(screen.getByText('Entry 2 needs a name.')).toBeInTheDocument();
    await userEvent.type(name, 'tier');
    expect(screen.getByText('Entry names must differ: “tier” is used twice.')).toBeInTheDocument();
    expect(group()).toHaveAttribute('data-status', 'invalid');
    const calls = onValueChange.mock.calls.length;
    await userEvent.type(name, '2');
    expect(screen.queryByText(/must differ/)).toBeNull();
    expect(onValueChange.mock.calls.length).toBe(calls + 1);
    expect(
      ((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).tracing as RealtimeTracingConfig).metadata,
    ).toEqual({ tier: 'gold', tier2: 2 });
  });

  it('shows an invalid setting on its box, named', () => {
    render(
      <TracingEditor
        defaultValue={unspecified.copyWith({ tracing: new RealtimeTracingConfig({ workflowName: '' }) })}
      />,
    );
    expect(workflowBox()).toHaveAttribute('aria-invalid', 'true');
    expect(groupBox()).not.toHaveAttribute('aria-invalid');
    const error = screen.getByText('Workflow name must not be empty.');
    expect(workflowBox().getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
  });

  it('shows a value the API does not list, invalid', () => {
    render(<TracingEditor defaultValue={unspecified.copyWith({ tracing: 'always' as RealtimeTracing })} />);
    expect(mode('always')).toBeChecked();
    expect(group()).toHaveAttribute('data-status', 'invalid');
  });

  it('is locked once the session traces: the lock note shows before any edit, and an edit waits', async () => {
    const { store, transport } = openSession(unspecified, { tracing: 'auto' });
    render(
      <RealtimeSessionProvider session={store}>
        <TracingEditor />
      </RealtimeSessionProvider>,
    );
    expect(mode('Auto')).toBeChecked();
    expect(screen.getByText(/Tracing cannot change once enabled/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reconnect to apply' })).toBeNull();
    const before = transport.updates().length;
    await userEvent.click(mode('Off'));
    expect(group()).toHaveAttribute('data-status', 'locked');
    expect(within(group()).getByText('Locked')).toBeInTheDocument();
    expect(transport.updates().length).toBe(before);
    await userEvent.click(screen.getByRole('button', { name: 'Revert tracing' }));
    expect(mode('Auto')).toBeChecked();
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    let calls = 0;
    function Vetoing() {
      const { getModeProps } = useTracingField({ defaultValue: unspecified, onValueChange });
      return (
        <label>
          <input
            {...getModeProps('auto', {
              onChange: (event) => {
                calls += 1;
                event.preventDefault();
              },
            })}
          />
          Auto
        </label>
      );
    }
    render(<Vetoing />);
    await userEvent.click(screen.getByRole('radio', { name: 'Auto' }));
    expect(calls).toBe(1);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it.each([
    ['custom', { defaultValue: custom }],
    ['disabled', { defaultValue: custom, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<TracingEditor {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('in a live session, applies tracing, then holds the next change until Reconnect to apply (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    const live: { store?: RealtimeSessionStore } = {};
    try {
      const { container } = render(
        <LiveSession emulator={emulator} initial={unspecified} onStore={(store) => (live.store = store)}>
          <TracingEditor />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      await waitFor(() => expect(mode('Off')).toBeChecked());
      expect(within(group()).getByText('Server value')).toBeInTheDocument();
      // Custom settings are filled in first: sent as typed, the first letter would lock tracing.
      await userEvent.click(mode('Custom'));
      await userEvent.type(workflowBox(), 'support-bot');
      await userEvent.type(groupBox(), 'eu');
      await userEvent.tab();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const updates = live.store?.eventLog.entries().filter((entry) => entry.type === 'session.update') ?? [];
      expect(updates.some((entry) => JSON.stringify(entry.payload).includes('"tracing"'))).toBe(false);
      await userEvent.click(screen.getByRole('button', { name: 'Turn on tracing' }));
      await waitFor(() => expect(group()).toHaveAttribute('data-status', 'synced'));
      expect(live.store?.getSnapshot().applied?.toJson().tracing).toEqual({
        workflow_name: 'support-bot',
        group_id: 'eu',
      });
      // Tracing is on: the next change waits for a new session.
      await screen.findByText(/Tracing cannot change once enabled/);
      await userEvent.click(mode('Off'));
      await waitFor(() => expect(group()).toHaveAttribute('data-status', 'locked'));
      expect(await axeViolations(container)).toEqual([]);
      await userEvent.click(screen.getByRole('button', { name: 'Reconnect to apply' }));
      await waitFor(() => expect(group()).toHaveAttribute('data-status', 'synced'), { timeout: 3000 });
      expect(mode('Off')).toBeChecked();
      expect(screen.queryByText(/Tracing cannot change once enabled/)).toBeNull();
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});
