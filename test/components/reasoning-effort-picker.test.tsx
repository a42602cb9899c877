import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReasoningEffortPicker } from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';

const reasoning = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const plain = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const group = () => screen.getByRole('group', { name: /Reasoning effort/ });
const option = (name: string) => within(group()).getByRole('radio', { name: new RegExp(`^${name}`) });

describe('ReasoningEffortPicker', () => {
  it('offers minimal to extra high in order, marks low as the default, and reports a choice (uncontrolled)', async () => {
    const onValueChange = vi.fn();
    render(<ReasoningEffortPicker defaultValue={reasoning} onValueChange={onValueChange} />);
    const names = within(group())
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent);
    expect(names).toEqual(['Minimal', 'LowDefault', 'Medium', 'High', 'Extra high']);
    for (const radio of within(group()).getAllByRole('radio')) expect(radio).not.toBeChecked();
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
    for (const radio of within(group()).getAllByRole('radio')) expect(radio).toBeDisabled();
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
    for (const radio of within(group()).getAllByRole('radio')) expect(radio).toBeDisabled();
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
      await userEvent.click(option('Medium'));
      await waitFor(() => expect(group()).toHaveAttribute('data-status', 'synced'));
      expect(within(group()).getByText('Applied')).toBeInTheDocument();
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});
