import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IncludePicker, useIncludeField } from '../../src/components/include-picker/index.js';
import { RealtimeIncludable, RealtimeSessionCreateRequest, RealtimeTranscription } from '../../src/model/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { describeFieldContract } from './field-contract.js';

const LOGPROBS = RealtimeIncludable.inputAudioTranscriptionLogprobs;
const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const transcribed = unspecified.copyWith({
  audio: { input: { transcription: new RealtimeTranscription({ model: 'gpt-4o-transcribe' }) } },
});
const logprobs = () => screen.getByRole('checkbox', { name: 'Input transcription logprobs' });

describeFieldContract({
  name: 'IncludePicker',
  Component: IncludePicker,
  path: 'include',
  request: unspecified,
  edit: (user) => user.click(logprobs()),
  edited: [LOGPROBS],
  expectShown: (value) =>
    value?.includes(LOGPROBS) === true ? expect(logprobs()).toBeChecked() : expect(logprobs()).not.toBeChecked(),
  apiDefault: [],
  serverValue: { json: { include: [LOGPROBS] }, value: [LOGPROBS] },
  invalid: unspecified.copyWith({ include: ['item.newer_thing' as RealtimeIncludable] }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('IncludePicker', () => {
  it('offers each value the API lists, with its wire name as the tooltip', () => {
    render(<IncludePicker defaultValue={unspecified} />);
    expect(screen.getAllByRole('checkbox')).toHaveLength(Object.values(RealtimeIncludable).length);
    expect(logprobs().closest('label')).toHaveAttribute('title', LOGPROBS);
  });

  it('checks and unchecks from the keyboard, reporting each list', async () => {
    const onValueChange = vi.fn();
    render(<IncludePicker defaultValue={unspecified} onValueChange={onValueChange} />);
    logprobs().focus();
    await userEvent.keyboard(' ');
    expect(logprobs()).toBeChecked();
    expect(logprobs()).toHaveAttribute('data-state', 'checked');
    await userEvent.keyboard(' ');
    const lists = onValueChange.mock.calls.map(([next]) => (next as RealtimeSessionCreateRequest).include);
    expect(lists).toEqual([[LOGPROBS], []]);
  });

  it('shows a value the API does not list as invalid, and unchecking removes it', async () => {
    const onValueChange = vi.fn();
    render(
      <IncludePicker
        defaultValue={unspecified.copyWith({ include: [LOGPROBS, 'item.newer_thing' as RealtimeIncludable] })}
        onValueChange={onValueChange}
      />,
    );
    const unknown = screen.getByRole('checkbox', { name: /item\.newer_thing/ });
    expect(unknown).toBeChecked();
    expect(unknown).toHaveAttribute('aria-invalid', 'true');
    expect(logprobs()).not.toHaveAttribute('aria-invalid');
    const error = screen.getByText(/“item\.newer_thing” must be one of/);
    expect(unknown.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    await userEvent.click(unknown);
    expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).include).toEqual([LOGPROBS]);
    expect(screen.queryByRole('checkbox', { name: /item\.newer_thing/ })).toBeNull();
  });

  it('says when transcription is off, since logprobs come with transcriptions', () => {
    const { unmount } = render(<IncludePicker defaultValue={unspecified} />);
    expect(screen.getByText(/Input audio transcription is off/)).toBeInTheDocument();
    unmount();
    render(<IncludePicker defaultValue={transcribed} />);
    expect(screen.queryByText(/Input audio transcription is off/)).toBeNull();
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    let calls = 0;
    function Vetoing() {
      const { state, getCheckboxProps } = useIncludeField({ defaultValue: unspecified, onValueChange });
      return state.options.map((option) => (
        <label key={option.value}>
          <input
            {...getCheckboxProps(option.value, {
              onChange: (event) => {
                calls += 1;
                event.preventDefault();
              },
            })}
          />
          {option.label}
        </label>
      ));
    }
    render(<Vetoing />);
    await userEvent.click(logprobs());
    expect(calls).toBe(1);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it.each([
    ['checked', { defaultValue: transcribed.copyWith({ include: [LOGPROBS] }) }],
    ['disabled', { defaultValue: unspecified, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<IncludePicker {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('applies to a live session (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    const live: { store?: RealtimeSessionStore } = {};
    try {
      const { container } = render(
        <LiveSession emulator={emulator} initial={transcribed} onStore={(store) => (live.store = store)}>
          <IncludePicker />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      // The server reports an empty include as null: the picker shows the API default, nothing checked.
      expect(logprobs()).not.toBeChecked();
      await userEvent.click(logprobs());
      const root = container.querySelector('.rrs-include-picker');
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'));
      expect(screen.getByText('Applied')).toBeInTheDocument();
      expect(live.store?.getSnapshot().applied?.include).toEqual([LOGPROBS]);
      expect(logprobs()).toBeChecked();
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});
