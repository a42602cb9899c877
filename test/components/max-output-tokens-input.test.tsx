import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MaxOutputTokensInput, useMaxOutputTokensField } from '../../src/components/max-output-tokens-input/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { describeFieldContract, openSession } from './field-contract.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const group = () => screen.getByRole('group', { name: /^Max output tokens/ });
const noLimit = () => within(group()).getByRole('radio', { name: /^No limit/ });
const limit = () => within(group()).getByRole('radio', { name: /^Limit/ });
const box = () => within(group()).getByRole('textbox', { name: 'Tokens' });
const last = (mock: ReturnType<typeof vi.fn>) =>
  (mock.mock.lastCall?.[0] as RealtimeSessionCreateRequest).maxOutputTokens;
const RANGE = "must be between 1 and 4096, or 'inf'";

describeFieldContract({
  name: 'MaxOutputTokensInput',
  Component: MaxOutputTokensInput,
  path: 'max_output_tokens',
  request,
  edit: (user) => user.click(limit()),
  edited: 4096,
  expectShown: (value) => {
    if (typeof value === 'number') {
      expect(limit()).toBeChecked();
      expect(box()).toHaveValue(String(value));
    } else {
      expect(noLimit()).toBeChecked();
    }
  },
  apiDefault: 'inf',
  serverValue: { json: { max_output_tokens: 1000 }, value: 1000 },
  invalid: request.copyWith({ maxOutputTokens: 5000 }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('MaxOutputTokensInput', () => {
  it('shows no limit as the default, with an empty box; typing a number sets a limit', async () => {
    const onValueChange = vi.fn();
    render(<MaxOutputTokensInput defaultValue={request} onValueChange={onValueChange} />);
    expect(noLimit()).toBeChecked();
    expect(within(group()).getAllByText('Default').length).toBeGreaterThan(0);
    expect(box()).toHaveValue('');
    await userEvent.type(box(), '1000');
    expect(limit()).toBeChecked();
    expect(last(onValueChange)).toBe(1000);
  });

  it('goes back to no limit, and picking a limit again brings the last one back', async () => {
    const onValueChange = vi.fn();
    render(
      <MaxOutputTokensInput defaultValue={request.copyWith({ maxOutputTokens: 300 })} onValueChange={onValueChange} />,
    );
    expect(box()).toHaveValue('300');
    await userEvent.click(noLimit());
    expect(last(onValueChange)).toBe('inf');
    expect(box()).toHaveValue('');
    await userEvent.click(limit());
    expect(last(onValueChange)).toBe(300);
    expect(box()).toHaveValue('300');
  });

  it.each([
    ['5000', RANGE],
    ['0', RANGE],
    ['12.5', 'must be a whole number'],
  ])('shows %s as invalid, with the message wired to the box', async (typed, message) => {
    render(<MaxOutputTokensInput defaultValue={request.copyWith({ maxOutputTokens: 100 })} />);
    await userEvent.clear(box());
    await userEvent.type(box(), typed);
    expect(box()).toHaveAttribute('aria-invalid', 'true');
    const error = within(group()).getByText(message);
    expect(box().getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(within(group()).getByText('Invalid')).toBeInTheDocument();
  });

  it('keeps half-typed text in the box, shows it as invalid and never reports it', async () => {
    const onValueChange = vi.fn();
    render(
      <MaxOutputTokensInput defaultValue={request.copyWith({ maxOutputTokens: 100 })} onValueChange={onValueChange} />,
    );
    await userEvent.clear(box());
    await userEvent.type(box(), '12a');
    expect(box()).toHaveValue('12a');
    expect(box()).toHaveAttribute('aria-invalid', 'true');
    expect(group()).toHaveAttribute('data-status', 'invalid');
    const message = within(group()).getByText('“12a” is not a number yet.');
    expect(box().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(last(onValueChange)).toBe(12);
    // Left as it is, the box keeps the text and the field the last good limit.
    await userEvent.tab();
    expect(box()).toHaveValue('12a');
    expect(last(onValueChange)).toBe(12);
    await userEvent.type(box(), '{Backspace}0');
    expect(group()).not.toHaveAttribute('data-status', 'invalid');
    expect(last(onValueChange)).toBe(120);
  });

  it('an emptied box, once left, makes the limit unspecified: no limit, marked Default', async () => {
    const onValueChange = vi.fn();
    render(
      <MaxOutputTokensInput defaultValue={request.copyWith({ maxOutputTokens: 100 })} onValueChange={onValueChange} />,
    );
    await userEvent.clear(box());
    expect(box()).toHaveValue('');
    expect(limit()).toBeChecked();
    await userEvent.tab();
    expect(last(onValueChange)).toBeUndefined();
    expect(noLimit()).toBeChecked();
    expect(document.querySelector('.rrs-max-output-tokens-input')).toHaveAttribute('data-source', 'default');
  });

  it('sends a typed limit once the box is left, never the keystrokes before it', async () => {
    const session = openSession(request, {}, { coalesceMs: 60_000 });
    render(
      <RealtimeSessionProvider session={session.store}>
        <MaxOutputTokensInput />
      </RealtimeSessionProvider>,
    );
    const before = session.transport.updates().length;
    await userEvent.type(box(), '250');
    expect(session.transport.updates().length).toBe(before);
    await userEvent.tab();
    const sent = session.transport.updates().slice(before);
    expect(sent.map((update) => update.session.max_output_tokens)).toEqual([250]);
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    const seen: string[] = [];
    function Vetoing() {
      const { getOptionProps } = useMaxOutputTokensField({ defaultValue: request, onValueChange });
      return (['inf', 'limit'] as const).map((choice) => (
        <label key={choice}>
          <input
            {...getOptionProps(choice, {
              onChange: (event) => {
                seen.push(choice);
                event.preventDefault();
              },
            })}
          />
          {choice}
        </label>
      ));
    }
    render(<Vetoing />);
    await userEvent.click(screen.getByRole('radio', { name: 'limit' }));
    expect(seen).toEqual(['limit']);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it.each([
    ['default', { defaultValue: request }],
    ['limit', { defaultValue: request.copyWith({ maxOutputTokens: 512 }) }],
    ['out of range', { defaultValue: request.copyWith({ maxOutputTokens: 9000 }) }],
    ['disabled', { defaultValue: request, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<MaxOutputTokensInput {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('in a live session (emulator), applies a limit and never sends an out-of-range one', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    const live: { store?: RealtimeSessionStore } = {};
    try {
      render(
        <LiveSession emulator={emulator} initial={request} onStore={(store) => (live.store = store)}>
          <MaxOutputTokensInput />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      await waitFor(() => expect(within(group()).getByText('Server value')).toBeInTheDocument());
      expect(noLimit()).toBeChecked();
      await userEvent.type(box(), '5000');
      await userEvent.tab();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(group()).toHaveAttribute('data-status', 'invalid');
      expect(within(group()).queryByText('Applied')).toBeNull();
      const sent = (live.store?.eventLog.entries() ?? [])
        .filter((entry) => entry.type === 'session.update')
        .map((entry) => JSON.stringify(entry.payload));
      expect(sent.some((payload) => payload.includes('5000'))).toBe(false);
      await userEvent.clear(box());
      await userEvent.type(box(), '800');
      await userEvent.tab();
      await waitFor(() => expect(group()).toHaveAttribute('data-status', 'synced'));
      expect(within(group()).getByText('Applied')).toBeInTheDocument();
      expect(live.store?.getSnapshot().applied?.maxOutputTokens).toBe(800);
    } finally {
      cleanup();
      await emulator.close();
    }
  }, 20_000);
});
