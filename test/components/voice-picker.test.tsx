import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VoicePicker } from '../../src/components/index.js';
import { RealtimeCustomVoice, RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', audio: { output: { voice: 'marin' } } });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const voiceGroup = () => screen.getByRole('group', { name: /Voice/ });
const radio = (name: string) => within(voiceGroup()).getByRole('radio', { name: new RegExp(`^${name}`) });

describe('VoicePicker', () => {
  describe('uncontrolled, with defaultValue', () => {
    it('shows the current voice, marks the recommended ones, and reports a new choice', async () => {
      const onValueChange = vi.fn();
      render(<VoicePicker defaultValue={request} onValueChange={onValueChange} />);
      expect(radio('Marin')).toBeChecked();
      expect(radio('Marin').closest('label')).toHaveTextContent('Recommended');
      expect(radio('Cedar').closest('label')).toHaveTextContent('Recommended');
      expect(radio('Alloy').closest('label')).not.toHaveTextContent('Recommended');
      expect(within(voiceGroup()).getAllByRole('radio')).toHaveLength(11);
      await userEvent.click(radio('Cedar'));
      expect(radio('Cedar')).toBeChecked();
      expect(onValueChange).toHaveBeenCalledTimes(1);
      const next = onValueChange.mock.calls[0]?.[0] as RealtimeSessionCreateRequest;
      expect(next.audio?.output?.voice).toBe('cedar');
      expect(next.model).toBe('gpt-realtime');
    });

    it('is keyboard-operable: arrow keys move the voice', async () => {
      render(<VoicePicker defaultValue={request} />);
      radio('Marin').focus();
      await userEvent.keyboard('{ArrowDown}');
      expect(radio('Cedar')).toBeChecked();
    });

    it('edits a custom voice id', async () => {
      const onValueChange = vi.fn();
      render(<VoicePicker defaultValue={request} onValueChange={onValueChange} />);
      await userEvent.click(radio('Custom voice'));
      await userEvent.type(screen.getByRole('textbox', { name: 'Custom voice ID' }), 'voice_1');
      const last = onValueChange.mock.calls.at(-1)?.[0] as RealtimeSessionCreateRequest;
      expect(last.audio?.output?.voice).toEqual(new RealtimeCustomVoice({ id: 'voice_1' }));
    });
  });

  describe('controlled, with value', () => {
    it('follows value and only reports changes', async () => {
      const onValueChange = vi.fn();
      const { rerender } = render(<VoicePicker value={request} onValueChange={onValueChange} />);
      await userEvent.click(radio('Sage'));
      expect(onValueChange).toHaveBeenCalledTimes(1);
      expect(radio('Marin')).toBeChecked();
      rerender(<VoicePicker value={request.copyWith({ audio: { output: { voice: 'sage' } } })} />);
      expect(radio('Sage')).toBeChecked();
    });

    it('works with a parent that keeps the state', async () => {
      function Parent() {
        const [value, setValue] = useState(request);
        return (
          <>
            <VoicePicker value={value} onValueChange={setValue} />
            <output aria-label="Chosen">{String(value.audio?.output?.voice)}</output>
          </>
        );
      }
      render(<Parent />);
      await userEvent.click(radio('Verse'));
      expect(screen.getByRole('status', { name: 'Chosen' })).toHaveTextContent('verse');
    });

    it('warns when it switches from controlled to uncontrolled', () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { rerender } = render(<VoicePicker value={request} />);
      rerender(<VoicePicker defaultValue={request} />);
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining('VoicePicker is changing from controlled to uncontrolled'),
      );
    });
  });

  describe('validation', () => {
    it('shows an out-of-range speed as invalid, with the message wired to the input', async () => {
      const onValueChange = vi.fn();
      render(<VoicePicker defaultValue={request} onValueChange={onValueChange} />);
      const speed = screen.getByRole('spinbutton', { name: 'Speed value' });
      await userEvent.clear(speed);
      await userEvent.type(speed, '2');
      expect(speed).toHaveAttribute('aria-invalid', 'true');
      const message = screen.getByText('must be between 0.25 and 1.5');
      expect(speed.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
      expect(screen.getByText('Invalid')).toBeInTheDocument();
    });

    it('shows an empty custom voice id as invalid', async () => {
      render(<VoicePicker defaultValue={request} />);
      await userEvent.click(radio('Custom voice'));
      expect(screen.getByRole('textbox', { name: 'Custom voice ID' })).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByText('must not be empty')).toBeInTheDocument();
    });

    it('disables the voices the model does not have', () => {
      render(<VoicePicker defaultValue={new RealtimeSessionCreateRequest({ model: 'gpt-4o-realtime-preview' })} />);
      expect(radio('Marin')).toBeDisabled();
      expect(radio('Marin').closest('label')).toHaveTextContent('Not on gpt-4o-realtime-preview');
      expect(radio('Alloy')).toBeEnabled();
    });
  });

  it('disabled turns every control off', () => {
    render(<VoicePicker defaultValue={request} disabled />);
    for (const control of [
      ...screen.getAllByRole('radio'),
      screen.getByRole('slider'),
      screen.getByRole('spinbutton'),
    ]) {
      expect(control).toBeDisabled();
    }
  });

  it('without a value or a provider, says what it needs', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<VoicePicker />)).toThrow(
      'VoicePicker needs a value or defaultValue, or must be used within <RealtimeSessionProvider>.',
    );
  });

  describe('connected to a session store', () => {
    it('edits the draft and shows the field status', async () => {
      const store = createSessionStore({ initial: request, batchNotify: act });
      render(
        <RealtimeSessionProvider session={store}>
          <VoicePicker />
        </RealtimeSessionProvider>,
      );
      await userEvent.click(radio('Coral'));
      expect(store.getSnapshot().draft.audio?.output?.voice).toBe('coral');
      expect(voiceGroup()).toHaveAttribute('data-status', 'dirty');
      expect(within(voiceGroup()).getByText('Edited')).toBeInTheDocument();
    });
  });

  describe('accessibility', () => {
    it.each([
      ['default', { defaultValue: request }],
      ['invalid speed', { defaultValue: request.copyWith({ audio: { output: { speed: 3 } } }) }],
      [
        'invalid custom voice',
        { defaultValue: request.copyWith({ audio: { output: { voice: new RealtimeCustomVoice({ id: '' }) } } }) },
      ],
      ['model without marin', { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-4o-realtime-preview' }) }],
      ['disabled', { defaultValue: request, disabled: true }],
    ] as const)(
      'has no axe violations: %s (the locked state is checked in the live session below)',
      async (_name, props) => {
        const { container } = render(<VoicePicker {...props} />);
        expect(await axeViolations(container)).toEqual([]);
      },
    );
  });
});

describe('VoicePicker in a live session (emulator)', () => {
  let emulator: RunningRealtimeEmulator;
  beforeEach(async () => {
    emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1', responseDeltaMs: 5 });
  });
  afterEach(async () => {
    cleanup();
    await emulator.close();
  });

  const live: { store?: RealtimeSessionStore } = {};
  const Live = () => (
    <LiveSession emulator={emulator} initial={request} onStore={(store) => (live.store = store)}>
      <VoicePicker />
    </LiveSession>
  );

  it('applies a new voice, then after the assistant speaks holds the next one until Reconnect to apply', async () => {
    const { container } = render(<Live />);
    await screen.findByText('status: open');
    await userEvent.click(radio('Cedar'));
    await waitFor(() => expect(voiceGroup()).toHaveAttribute('data-status', 'synced'));
    expect(within(voiceGroup()).getByText('Applied')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Speak' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: /^Sage/ })).toBeEnabled());
    // Wait until the first audio output has locked the voice.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await userEvent.click(radio('Sage'));
    await waitFor(() => expect(voiceGroup()).toHaveAttribute('data-status', 'locked'));
    const note = screen.getByText(/The voice cannot change once the assistant has spoken/);
    expect(voiceGroup().getAttribute('aria-describedby')?.split(' ')).toContain(note.id);
    expect(await axeViolations(container)).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Reconnect to apply' }));
    await waitFor(() => expect(voiceGroup()).toHaveAttribute('data-status', 'synced'), { timeout: 3000 });
    expect(radio('Sage')).toBeChecked();
  });

  it('never sends an out-of-range speed', async () => {
    render(<Live />);
    await screen.findByText('status: open');
    const speed = screen.getByRole('spinbutton', { name: 'Speed value' });
    await userEvent.clear(speed);
    await userEvent.type(speed, '9');
    expect(speed).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('must be between 0.25 and 1.5')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const store = live.store!;
    expect(store.getSnapshot().fields['audio.output.speed'].status).toBe('invalid');
    const sentSpeeds = store.eventLog
      .entries()
      .filter((entry) => entry.type === 'session.update')
      .map((entry) => JSON.stringify(entry.payload));
    expect(sentSpeeds.some((payload) => payload.includes('"speed"'))).toBe(false);
  });
});
