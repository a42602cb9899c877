import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParallelToolCallsToggle } from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';

const reasoning = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const plain = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const toggle = () => screen.getByRole('switch', { name: 'Parallel tool calls' });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ParallelToolCallsToggle', () => {
  it('shows the API default (on) and writes an explicit value when toggled (uncontrolled)', async () => {
    const onValueChange = vi.fn();
    render(<ParallelToolCallsToggle defaultValue={reasoning} onValueChange={onValueChange} />);
    expect(toggle()).toBeChecked();
    expect(screen.getByText('Default')).toBeInTheDocument();
    await userEvent.click(toggle());
    expect(toggle()).not.toBeChecked();
    expect(toggle()).toHaveAttribute('data-state', 'unchecked');
    expect((onValueChange.mock.calls[0]?.[0] as RealtimeSessionCreateRequest).parallelToolCalls).toBe(false);
  });

  it('is operable from the keyboard', async () => {
    render(<ParallelToolCallsToggle defaultValue={reasoning} />);
    toggle().focus();
    await userEvent.keyboard(' ');
    expect(toggle()).not.toBeChecked();
  });

  it('follows a controlled value', async () => {
    const onValueChange = vi.fn();
    const { rerender } = render(<ParallelToolCallsToggle value={reasoning} onValueChange={onValueChange} />);
    await userEvent.click(toggle());
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(toggle()).toBeChecked();
    rerender(<ParallelToolCallsToggle value={reasoning.copyWith({ parallelToolCalls: false })} />);
    expect(toggle()).not.toBeChecked();
  });

  it('is disabled on a model that cannot reason, and says why', () => {
    render(<ParallelToolCallsToggle defaultValue={plain} />);
    expect(toggle()).toBeDisabled();
    expect(toggle()).not.toBeChecked();
    const reason = screen.getByText(/Only reasoning models call tools in parallel; gpt-realtime does not reason/);
    expect(toggle().getAttribute('aria-describedby')?.split(' ')).toContain(reason.id);
  });

  it('shows a leftover value on a non-reasoning model as invalid, and toggling removes it', async () => {
    const onValueChange = vi.fn();
    render(
      <ParallelToolCallsToggle
        defaultValue={plain.copyWith({ parallelToolCalls: false })}
        onValueChange={onValueChange}
      />,
    );
    expect(toggle()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('is only supported by reasoning models, not gpt-realtime')).toBeInTheDocument();
    await userEvent.click(toggle());
    expect((onValueChange.mock.calls[0]?.[0] as RealtimeSessionCreateRequest).parallelToolCalls).toBeUndefined();
    expect(toggle()).toBeDisabled();
  });

  it('edits the draft of a session store', async () => {
    const store = createSessionStore({ initial: reasoning, batchNotify: act });
    render(
      <RealtimeSessionProvider session={store}>
        <ParallelToolCallsToggle />
      </RealtimeSessionProvider>,
    );
    await userEvent.click(toggle());
    expect(store.getSnapshot().draft.parallelToolCalls).toBe(false);
  });

  it.each([
    ['default', { defaultValue: reasoning }],
    ['off', { defaultValue: reasoning.copyWith({ parallelToolCalls: false }) }],
    ['unsupported', { defaultValue: plain }],
    ['invalid', { defaultValue: plain.copyWith({ parallelToolCalls: true }) }],
    ['disabled', { defaultValue: reasoning, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<ParallelToolCallsToggle {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('applies to a live session (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    try {
      const { container } = render(
        <LiveSession emulator={emulator} initial={reasoning}>
          <ParallelToolCallsToggle />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      await userEvent.click(toggle());
      const root = container.querySelector('.rrs-parallel-tool-calls-toggle');
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'));
      expect(screen.getByText('Applied')).toBeInTheDocument();
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});
