import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TruncationEditor, useTruncationField } from '../../src/components/truncation-editor/index.js';
import {
  RealtimeSessionCreateRequest,
  RealtimeTruncation,
  type RealtimeTruncationMode,
} from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { describeFieldContract, openSession } from './field-contract.js';

const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const ratio = (retentionRatio: number, postInstructions?: number) =>
  new RealtimeTruncation(
    postInstructions === undefined ? { retentionRatio } : { retentionRatio, tokenLimits: { postInstructions } },
  );
const retaining = unspecified.copyWith({ truncation: ratio(0.5, 8000) });

const group = () => screen.getByRole('group', { name: 'Truncation' });
const strategy = (name: string) => within(group()).getByRole('radio', { name: new RegExp(`^${name}`) });
const ratioBox = () => screen.getByRole('textbox', { name: 'Retention ratio' });
const ratioSlider = () => screen.getByRole('slider', { name: 'Retention ratio slider' });
const tokensBox = () => screen.getByRole('textbox', { name: 'Token limit' });

describeFieldContract({
  name: 'TruncationEditor',
  Component: TruncationEditor,
  path: 'truncation',
  request: unspecified,
  edit: (user) => user.click(strategy('Disabled')),
  edited: 'disabled',
  expectShown: (value) => {
    if (value instanceof RealtimeTruncation) {
      expect(strategy('Retention ratio')).toBeChecked();
      expect(ratioBox()).toHaveValue(String(value.retentionRatio));
    } else {
      expect(strategy(value === 'disabled' ? 'Disabled' : 'Auto')).toBeChecked();
    }
  },
  apiDefault: 'auto',
  serverValue: {
    json: { truncation: { type: 'retention_ratio', retention_ratio: 0.5 } },
    value: ratio(0.5),
  },
  invalid: unspecified.copyWith({ truncation: ratio(2) }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('TruncationEditor', () => {
  it('starts a retention ratio at 0.8, and shows the ratio and token limit only for it', async () => {
    const onValueChange = vi.fn();
    render(<TruncationEditor defaultValue={unspecified} onValueChange={onValueChange} />);
    expect(strategy('Auto')).toBeChecked();
    expect(screen.queryByRole('textbox', { name: 'Retention ratio' })).toBeNull();
    await userEvent.click(strategy('Retention ratio'));
    const next = onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest;
    expect(next.toJson().truncation).toEqual({ type: 'retention_ratio', retention_ratio: 0.8 });
    expect(ratioBox()).toHaveValue('0.8');
    expect(ratioSlider()).toHaveValue('0.8');
    expect(tokensBox()).toHaveValue('');
  });

  it('edits the ratio and the token limit, and an emptied limit uses the model’s', async () => {
    const onValueChange = vi.fn();
    render(<TruncationEditor defaultValue={retaining} onValueChange={onValueChange} />);
    expect(ratioBox()).toHaveValue('0.5');
    expect(tokensBox()).toHaveValue('8000');
    await userEvent.clear(ratioBox());
    await userEvent.type(ratioBox(), '0.75');
    const wire = () => (onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).toJson().truncation;
    expect(wire()).toEqual({
      type: 'retention_ratio',
      retention_ratio: 0.75,
      token_limits: { post_instructions: 8000 },
    });
    await userEvent.clear(tokensBox());
    expect(wire()).toEqual({ type: 'retention_ratio', retention_ratio: 0.75 });
    await userEvent.type(tokensBox(), '5000');
    expect(wire()).toEqual({
      type: 'retention_ratio',
      retention_ratio: 0.75,
      token_limits: { post_instructions: 5000 },
    });
  });

  it('keeps a retention ratio left for another strategy, and brings it back', async () => {
    const onValueChange = vi.fn();
    render(<TruncationEditor defaultValue={retaining} onValueChange={onValueChange} />);
    await userEvent.click(strategy('Auto'));
    expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).truncation).toBe('auto');
    await userEvent.click(strategy('Retention ratio'));
    expect(ratioBox()).toHaveValue('0.5');
    expect(tokensBox()).toHaveValue('8000');
  });

  it('shows out-of-range, fractional and half-typed numbers as invalid, naming the box', async () => {
    const onValueChange = vi.fn();
    render(<TruncationEditor defaultValue={retaining} onValueChange={onValueChange} />);
    await userEvent.clear(tokensBox());
    await userEvent.type(tokensBox(), '1.5');
    expect(tokensBox()).toHaveAttribute('aria-invalid', 'true');
    expect(ratioBox()).not.toHaveAttribute('aria-invalid');
    const error = screen.getByText('Token limit must be a whole number.');
    expect(tokensBox().getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    await userEvent.clear(ratioBox());
    await userEvent.type(ratioBox(), '0.');
    expect(ratioBox()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/Retention ratio: “0\.” is not a number yet\./)).toBeInTheDocument();
    expect(group()).toHaveAttribute('data-status', 'invalid');
    await userEvent.type(ratioBox(), '5');
    expect(ratioBox()).not.toHaveAttribute('aria-invalid');
    await userEvent.clear(ratioBox());
    expect(screen.getByText(/Retention ratio: enter a ratio from 0 to 1\./)).toBeInTheDocument();
    const ratios = onValueChange.mock.calls.map(
      ([next]) => ((next as RealtimeSessionCreateRequest).truncation as RealtimeTruncation).retentionRatio,
    );
    expect(ratios.every((value) => value >= 0 && value <= 1)).toBe(true);
  });

  it('shows a strategy the API does not list, invalid, until another is picked', async () => {
    const onValueChange = vi.fn();
    render(
      <TruncationEditor
        defaultValue={unspecified.copyWith({ truncation: 'newer_mode' as RealtimeTruncationMode })}
        onValueChange={onValueChange}
      />,
    );
    const unknown = strategy('newer_mode');
    expect(unknown).toBeChecked();
    expect(unknown.closest('label')).toHaveTextContent('Unknown');
    expect(group()).toHaveAttribute('data-status', 'invalid');
    await userEvent.click(strategy('Auto'));
    expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).truncation).toBe('auto');
  });

  it('sends a slider drag as a few session.updates, the last value last', () => {
    vi.useFakeTimers();
    const { store, transport } = openSession(retaining, {
      truncation: { type: 'retention_ratio', retention_ratio: 0.5, token_limits: { post_instructions: 8000 } },
    });
    render(
      <RealtimeSessionProvider session={store}>
        <TruncationEditor />
      </RealtimeSessionProvider>,
    );
    const before = transport.updates().length;
    const steps = Array.from({ length: 10 }, (_, index) => Math.round((0.5 + index * 0.05) * 100) / 100);
    for (const step of steps) {
      fireEvent.change(ratioSlider(), { target: { value: String(step) } });
      act(() => vi.advanceTimersByTime(16));
    }
    act(() => vi.advanceTimersByTime(100));
    const sent = transport.updates().slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(4);
    const last = sent.at(-1)?.session.truncation as { retention_ratio: number };
    expect(last.retention_ratio).toBe(steps.at(-1));
    expect(ratioBox()).toHaveValue(String(steps.at(-1)));
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    let calls = 0;
    function Vetoing() {
      const { getStrategyProps } = useTruncationField({ defaultValue: unspecified, onValueChange });
      return (
        <label>
          <input
            {...getStrategyProps('disabled', {
              onChange: (event) => {
                calls += 1;
                event.preventDefault();
              },
            })}
          />
          Disabled
        </label>
      );
    }
    render(<Vetoing />);
    await userEvent.click(screen.getByRole('radio', { name: 'Disabled' }));
    expect(calls).toBe(1);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it.each([
    ['retention ratio', { defaultValue: retaining }],
    ['invalid ratio', { defaultValue: unspecified.copyWith({ truncation: ratio(1.5, -1) }) }],
    ['disabled', { defaultValue: retaining, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<TruncationEditor {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('applies a retention ratio to a live session (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    const live: { store?: RealtimeSessionStore } = {};
    try {
      const { container } = render(
        <LiveSession emulator={emulator} initial={unspecified} onStore={(store) => (live.store = store)}>
          <TruncationEditor />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      await waitFor(() => expect(strategy('Auto')).toBeChecked());
      expect(within(group()).getByText('Server value')).toBeInTheDocument();
      await userEvent.click(strategy('Retention ratio'));
      await userEvent.clear(ratioBox());
      await userEvent.type(ratioBox(), '0.6');
      await userEvent.tab();
      const root = container.querySelector('.rrs-truncation-editor');
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'));
      expect(within(group()).getByText('Applied')).toBeInTheDocument();
      expect(live.store?.getSnapshot().applied?.toJson().truncation).toEqual({
        type: 'retention_ratio',
        retention_ratio: 0.6,
      });
      expect(await axeViolations(container)).toEqual([]);
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});
