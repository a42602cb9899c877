import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReasoningEffortPicker, useReasoningEffortField } from '../../src/components/reasoning-effort-picker/index.js';
import { RealtimeReasoning, RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { describeFieldContract } from './field-contract.js';

const reasoning = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const plain = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });

const group = () => screen.getByRole('group', { name: /Reasoning effort/ });
const option = (name: string) => within(group()).getByRole('radio', { name: new RegExp(`^${name}`) });
const LABELS: Readonly<Record<string, string>> = {
  minimal: 'Minimal',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  xhigh: 'Extra high',
};

describeFieldContract({
  name: 'ReasoningEffortPicker',
  Component: ReasoningEffortPicker,
  path: 'reasoning',
  request: reasoning,
  edit: (user) => user.click(option('High')),
  edited: new RealtimeReasoning({ effort: 'high' }),
  expectShown: (value) => expect(option(LABELS[value?.effort ?? ''] ?? 'none')).toBeChecked(),
  apiDefault: new RealtimeReasoning({ effort: 'low' }),
  serverValue: { json: { reasoning: { effort: 'medium' } }, value: new RealtimeReasoning({ effort: 'medium' }) },
  invalid: plain.copyWith({ reasoning: { effort: 'high' } }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ReasoningEffortPicker', () => {
  it('offers minimal to extra high in order, marks low as the default and shows it, and reports a choice (uncontrolled)', async () => {
    const onValueChange = vi.fn();
    render(<ReasoningEffortPicker defaultValue={reasoning} onValueChange={onValueChange} />);
    const names = within(group())
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent);
    expect(names).toEqual(['Minimal', 'LowDefault', 'Medium', 'High', 'Extra high']);
    // Unspecified, the effort shown is the one the API uses.
    expect(within(group()).getAllByRole('radio', { checked: true })).toEqual([option('Low')]);
    expect(within(group()).getAllByText('Default')).toHaveLength(2);
    await userEvent.click(option('High'));
    expect(option('High')).toBeChecked();
    expect((onValueChange.mock.calls[0]?.[0] as RealtimeSessionCreateRequest).toJson()).toEqual({
      model: 'gpt-realtime-2',
      reasoning: { effort: 'high' },
    });
  });

  it('follows a controlled value', async () => {
    const onValueChange = vi.fn();
    const { rerender } = render(<ReasoningEffortPicker value={reasoning} onValueChange={onValueChange} />);
    await userEvent.click(option('Medium'));
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(option('Medium')).not.toBeChecked();
    rerender(<ReasoningEffortPicker value={reasoning.copyWith({ reasoning: { effort: 'medium' } })} />);
    expect(option('Medium')).toBeChecked();
  });

  it('is disabled, and says why, on a model that cannot reason', () => {
    render(<ReasoningEffortPicker defaultValue={plain} />);
    for (const radio of within(group()).getAllByRole('radio')) {
      expect(radio).toBeDisabled();
      expect(radio).not.toBeChecked();
      // Marked like every other disabled option, whatever disabled it.
      expect(radio.closest('label')).toHaveAttribute('data-disabled');
    }
    const description = screen.getByText(/gpt-realtime does not reason/);
    expect(group().getAttribute('aria-describedby')?.split(' ')).toContain(description.id);
  });

  it('shows a leftover effort on a non-reasoning model as invalid, and can remove it', async () => {
    const onValueChange = vi.fn();
    render(
      <ReasoningEffortPicker
        defaultValue={plain.copyWith({ reasoning: { effort: 'high' } })}
        onValueChange={onValueChange}
      />,
    );
    expect(group()).toHaveAttribute('aria-invalid', 'true');
    const message = screen.getByText('is only supported by reasoning models, not gpt-realtime');
    expect(group().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    await userEvent.click(screen.getByRole('button', { name: 'Remove reasoning' }));
    expect((onValueChange.mock.calls[0]?.[0] as RealtimeSessionCreateRequest).reasoning).toBeUndefined();
    expect(screen.queryByText('is only supported by reasoning models, not gpt-realtime')).not.toBeInTheDocument();
  });

  it('disabled turns it off even on a reasoning model', () => {
    render(<ReasoningEffortPicker defaultValue={reasoning} disabled />);
    for (const radio of within(group()).getAllByRole('radio')) {
      expect(radio).toBeDisabled();
      expect(radio.closest('label')).toHaveAttribute('data-disabled');
    }
  });

  it('runs a user onClick on the clear button first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    const clicks: string[] = [];
    function Clear() {
      const { getClearButtonProps } = useReasoningEffortField({
        defaultValue: plain.copyWith({ reasoning: { effort: 'high' } }),
        onValueChange,
      });
      return (
        <>
          <button
            {...getClearButtonProps({
              onClick: (event) => {
                clicks.push('vetoed');
                event.preventDefault();
              },
            })}
          >
            Vetoed
          </button>
          <button {...getClearButtonProps({ onClick: () => clicks.push('allowed') })}>Allowed</button>
        </>
      );
    }
    render(<Clear />);
    await userEvent.click(screen.getByRole('button', { name: 'Vetoed' }));
    expect(onValueChange).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Allowed' }));
    expect(clicks).toEqual(['vetoed', 'allowed']);
    expect((onValueChange.mock.calls[0]?.[0] as RealtimeSessionCreateRequest).reasoning).toBeUndefined();
  });

  it('edits the draft of a session store', async () => {
    const store = createSessionStore({ initial: reasoning, batchNotify: act });
    render(
      <RealtimeSessionProvider session={store}>
        <ReasoningEffortPicker />
      </RealtimeSessionProvider>,
    );
    await userEvent.click(option('Minimal'));
    expect(store.getSnapshot().draft.reasoning?.effort).toBe('minimal');
    expect(group()).toHaveAttribute('data-status', 'dirty');
  });

  it.each([
    ['reasoning model', { defaultValue: reasoning }],
    ['chosen effort', { defaultValue: reasoning.copyWith({ reasoning: { effort: 'xhigh' } }) }],
    ['unsupported model', { defaultValue: plain }],
    ['invalid leftover', { defaultValue: plain.copyWith({ reasoning: { effort: 'low' } }) }],
    ['disabled', { defaultValue: reasoning, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<ReasoningEffortPicker {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('applies an effort to a live session (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    try {
      render(
        <LiveSession emulator={emulator} initial={reasoning}>
          <ReasoningEffortPicker />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      // A fresh session reports the effort it uses; the draft leaves it unspecified.
      await waitFor(() => expect(option('Low')).toBeChecked());
      expect(within(group()).getByText('Server value')).toBeInTheDocument();
      await userEvent.click(option('Medium'));
      await waitFor(() => expect(group()).toHaveAttribute('data-status', 'synced'));
      expect(within(group()).getByText('Applied')).toBeInTheDocument();
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});
