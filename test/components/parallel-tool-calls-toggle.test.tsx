import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParallelToolCallsToggle, useParallelToolCallsField } from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { describeFieldContract } from './field-contract.js';

const reasoning = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const plain = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const toggle = () => screen.getByRole('switch', { name: 'Parallel tool calls' });

describeFieldContract({
  name: 'ParallelToolCallsToggle',
  Component: ParallelToolCallsToggle,
  path: 'parallel_tool_calls',
  request: reasoning,
  edit: (user) => user.click(toggle()),
  edited: false,
  expectShown: (value) => (value === false ? expect(toggle()).not.toBeChecked() : expect(toggle()).toBeChecked()),
  apiDefault: true,
  serverValue: { json: { parallel_tool_calls: false }, value: false },
  invalid: plain.copyWith({ parallelToolCalls: true }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ParallelToolCallsToggle', () => {
  it('is operable from the keyboard', async () => {
    render(<ParallelToolCallsToggle defaultValue={reasoning} />);
    toggle().focus();
    await userEvent.keyboard(' ');
    expect(toggle()).not.toBeChecked();
    expect(toggle()).toHaveAttribute('data-state', 'unchecked');
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

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    const { result } = renderHookless(onValueChange);
    await userEvent.click(toggle());
    expect(result.calls).toBe(1);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it.each([
    ['off', { defaultValue: reasoning.copyWith({ parallelToolCalls: false }) }],
    ['unsupported', { defaultValue: plain }],
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
      // The API does not report this field, so a fresh session shows the API's default.
      expect(toggle()).toBeChecked();
      expect(screen.getByText('Default')).toBeInTheDocument();
      await userEvent.click(toggle());
      const root = container.querySelector('.rrs-parallel-tool-calls-toggle');
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'));
      expect(screen.getByText('Applied')).toBeInTheDocument();
      expect(toggle()).not.toBeChecked();
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});

/** The toggle built from its headless hook, with a user onChange that vetoes the change. */
function renderHookless(onValueChange: (next: RealtimeSessionCreateRequest) => void) {
  const result = { calls: 0 };
  function Vetoing() {
    const { getSwitchProps, field } = useParallelToolCallsField({ defaultValue: reasoning, onValueChange });
    return (
      <label>
        <input
          {...getSwitchProps({
            onChange: (event) => {
              result.calls += 1;
              event.preventDefault();
            },
          })}
          aria-describedby={field.ids.descriptionId}
        />
        Parallel tool calls
      </label>
    );
  }
  render(<Vetoing />);
  return { result };
}
