import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useVoiceField, VoicePicker } from '../../src/components/voice-picker/index.js';
import { RealtimeCustomVoice, RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { emulatorPerTest, LiveSession } from '../support/live-session.js';
import { describeFieldContract, openSession } from './field-contract.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', audio: { output: { voice: 'marin' } } });
const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });

const voiceGroup = () => screen.getByRole('group', { name: /^Voice/ });
const speedGroup = () => screen.getByRole('group', { name: /^Speed/ });
const radio = (name: string) => within(voiceGroup()).getByRole('radio', { name: new RegExp(`^${name}`) });
const speedBox = () => screen.getByRole('textbox', { name: 'Speed' });
const slider = () => screen.getByRole('slider', { name: 'Speed slider' });
const customId = () => screen.getByRole('textbox', { name: 'Custom voice ID' });

describeFieldContract({
  name: 'VoicePicker',
  Component: VoicePicker,
  path: 'audio.output.voice',
  request: unspecified,
  edit: (user) => user.click(radio('Cedar')),
  edited: 'cedar',
  expectShown: (value) =>
    expect(
      radio(typeof value === 'string' ? value.replace(/^./, (c) => c.toUpperCase()) : 'Custom voice'),
    ).toBeChecked(),
  apiDefault: 'alloy',
  serverValue: { json: { audio: { output: { voice: 'marin' } } }, value: 'marin' },
  invalid: unspecified.copyWith({ audio: { output: { voice: new RealtimeCustomVoice({ id: '' }) } } }),
  // The first audio the assistant sends locks the voice for the rest of the conversation.
  lock: (transport) =>
    transport.frame({ type: 'output_audio_buffer.started', event_id: 'event_a', response_id: 'resp_1' }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

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
      await userEvent.type(customId(), 'voice_1');
      const last = onValueChange.mock.calls.at(-1)?.[0] as RealtimeSessionCreateRequest;
      expect(last.audio?.output?.voice).toEqual(new RealtimeCustomVoice({ id: 'voice_1' }));
    });

    it('shows an unspecified speed as the default, in the box and on the slider', () => {
      render(<VoicePicker defaultValue={unspecified} />);
      expect(speedBox()).toHaveValue('1');
      expect(slider()).toHaveValue('1');
      expect(within(speedGroup()).getByText('Default')).toBeInTheDocument();
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
      await userEvent.clear(speedBox());
      await userEvent.type(speedBox(), '2');
      expect(speedBox()).toHaveAttribute('aria-invalid', 'true');
      const message = screen.getByText('must be between 0.25 and 1.5');
      expect(speedBox().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
      expect(within(speedGroup()).getByText('Invalid')).toBeInTheDocument();
    });

    it.each([
      ['-', '{Backspace}1.2'],
      ['abc', '{Backspace>3}1.2'],
    ])('keeps half-typed text (%s) in the box and shows the speed as invalid', async (text, fix) => {
      const onValueChange = vi.fn();
      render(<VoicePicker defaultValue={request} onValueChange={onValueChange} />);
      await userEvent.clear(speedBox());
      await userEvent.type(speedBox(), text);
      expect(speedBox()).toHaveValue(text);
      expect(speedBox()).toHaveAttribute('aria-invalid', 'true');
      expect(speedGroup()).toHaveAttribute('data-status', 'invalid');
      expect(within(speedGroup()).getByText('Invalid')).toBeInTheDocument();
      const message = within(speedGroup()).getByText(`“${text}” is not a number yet.`);
      expect(speedBox().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
      await userEvent.type(speedBox(), fix);
      expect(speedGroup()).not.toHaveAttribute('data-status', 'invalid');
      const last = onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest;
      expect(last.audio?.output?.speed).toBe(1.2);
    });

    it('lets an emptied box be retyped, and an emptied box left makes the speed unspecified', async () => {
      const onValueChange = vi.fn();
      render(
        <VoicePicker
          defaultValue={request.copyWith({ audio: { output: { speed: 2 } } })}
          onValueChange={onValueChange}
        />,
      );
      await userEvent.clear(speedBox());
      expect(speedBox()).toHaveValue('');
      await userEvent.type(speedBox(), '1.2');
      expect(speedBox()).toHaveValue('1.2');
      expect(speedBox()).not.toHaveAttribute('aria-invalid');
      await userEvent.clear(speedBox());
      await userEvent.tab();
      const last = onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest;
      expect(last.audio?.output?.speed).toBeUndefined();
      // Unspecified again: the box shows the speed the API uses, marked Default.
      expect(speedBox()).toHaveValue('1');
      expect(within(speedGroup()).getByText('Default')).toBeInTheDocument();
    });

    it('hides the error of a new custom voice until its id input is left', async () => {
      render(<VoicePicker defaultValue={request} />);
      await userEvent.click(radio('Custom voice'));
      expect(customId()).toBeEnabled();
      expect(customId()).not.toHaveAttribute('aria-invalid');
      expect(screen.queryByText('must not be empty')).toBeNull();
      expect(within(voiceGroup()).getByText('Incomplete')).toBeInTheDocument();
      await userEvent.click(customId());
      await userEvent.tab();
      expect(customId()).toHaveAttribute('aria-invalid', 'true');
      const message = screen.getByText('must not be empty');
      expect(customId().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    });

    it('shows an empty custom voice id it was given as invalid at once', () => {
      render(
        <VoicePicker
          defaultValue={request.copyWith({ audio: { output: { voice: new RealtimeCustomVoice({ id: '' }) } } })}
        />,
      );
      expect(customId()).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByText('must not be empty')).toBeInTheDocument();
    });

    it('disables the voices the model does not have, and they look like every other disabled option', () => {
      render(<VoicePicker defaultValue={new RealtimeSessionCreateRequest({ model: 'gpt-4o-realtime-preview' })} />);
      expect(radio('Marin')).toBeDisabled();
      expect(radio('Marin').closest('label')).toHaveTextContent('Not on gpt-4o-realtime-preview');
      expect(radio('Marin').closest('label')).toHaveAttribute('data-disabled');
      expect(radio('Alloy')).toBeEnabled();
      expect(radio('Alloy').closest('label')).not.toHaveAttribute('data-disabled');
    });
  });

  it('disabled turns every control off, and marks every option disabled', () => {
    render(<VoicePicker defaultValue={request} disabled />);
    for (const control of [...screen.getAllByRole('radio'), slider(), speedBox(), customId()]) {
      expect(control).toBeDisabled();
    }
    for (const option of screen.getAllByRole('radio')) expect(option.closest('label')).toHaveAttribute('data-disabled');
  });

  it('without a value or a provider, says what it needs', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<VoicePicker />)).toThrow(
      'VoicePicker needs a value or defaultValue, or must be used within <RealtimeSessionProvider>.',
    );
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    const seen: string[] = [];
    function Vetoing() {
      const { state, getOptionProps } = useVoiceField({ defaultValue: request, onValueChange });
      return state.options.map((option) => (
        <label key={option.voice}>
          <input
            {...getOptionProps(option.voice, {
              onChange: (event) => {
                seen.push(option.voice);
                event.preventDefault();
              },
            })}
          />
          {option.voice}
        </label>
      ));
    }
    render(<Vetoing />);
    await userEvent.click(screen.getByRole('radio', { name: 'cedar' }));
    expect(seen).toEqual(['cedar']);
    expect(onValueChange).not.toHaveBeenCalled();
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
      // Not open, so the edit waits: its badge says it is not sent yet.
      expect(within(voiceGroup()).getByText('Not sent')).toBeInTheDocument();
    });

    it('sends a drag of 20 slider steps as a few session.updates, the last value last', () => {
      vi.useFakeTimers();
      const { store, transport } = renderOnOpenSession();
      const before = transport.updates().length;
      const steps = Array.from({ length: 20 }, (_, index) => Math.round((0.5 + index * 0.05) * 100) / 100);
      for (const speed of steps) {
        fireEvent.change(slider(), { target: { value: String(speed) } });
        // About 60 input events a second, as a pointer drag fires them.
        act(() => vi.advanceTimersByTime(16));
      }
      act(() => vi.advanceTimersByTime(100));
      const sent = transport.updates().slice(before);
      expect(sent.length).toBeGreaterThan(0);
      // One per 50 ms drag window at most: a 320 ms drag sends about six updates, not twenty.
      expect(sent.length).toBeLessThanOrEqual(7);
      const speeds = sent.map((update) => update.session.audio?.output?.speed);
      expect(speeds.at(-1)).toBe(steps.at(-1));
      expect(store.getSnapshot().draft.audio?.output?.speed).toBe(steps.at(-1));
      expect(speedBox()).toHaveValue(String(steps.at(-1)));
    });

    it('sends a typed speed once the box is left', async () => {
      const { transport } = renderOnOpenSession({ coalesceMs: 60_000 });
      const before = transport.updates().length;
      await userEvent.clear(speedBox());
      await userEvent.type(speedBox(), '1.25');
      expect(transport.updates().length).toBe(before);
      await userEvent.tab();
      const sent = transport.updates().slice(before);
      expect(sent.map((update) => update.session.audio?.output?.speed)).toEqual([1.25]);
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
  const emulator = emulatorPerTest();

  const live: { store?: RealtimeSessionStore } = {};
  const Live = (props: { readonly initial?: RealtimeSessionCreateRequest }) => (
    <LiveSession emulator={emulator()} initial={props.initial ?? request} onStore={(store) => (live.store = store)}>
      <VoicePicker />
    </LiveSession>
  );

  it('shows what a fresh session uses for what the draft leaves unspecified: alloy at speed 1', async () => {
    render(<Live initial={unspecified} />);
    await screen.findByText('status: open');
    await waitFor(() => expect(radio('Alloy')).toBeChecked());
    expect(speedBox()).toHaveValue('1');
    expect(slider()).toHaveValue('1');
    expect(within(voiceGroup()).getByText('Server value')).toBeInTheDocument();
    expect(within(speedGroup()).getByText('Server value')).toBeInTheDocument();
  });

  it('applies a new voice, then after the assistant speaks holds the next one until Reconnect to apply', async () => {
    const { container } = render(<Live />);
    await screen.findByText('status: open');
    await userEvent.click(radio('Cedar'));
    await waitFor(() => expect(voiceGroup()).toHaveAttribute('data-status', 'synced'));
    expect(within(voiceGroup()).getByText('Applied')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Speak' }));
    // The first audio output locks the voice, and the note says so before any edit waits on it.
    const note = await screen.findByText(/The voice cannot change once the assistant has spoken/);
    expect(note).toHaveTextContent(/the conversation restarts/);
    await userEvent.click(radio('Sage'));
    await waitFor(() => expect(voiceGroup()).toHaveAttribute('data-status', 'locked'));
    const noteBox = note.closest('.rrs-note');
    expect(voiceGroup().getAttribute('aria-describedby')?.split(' ')).toContain(noteBox?.id);
    expect(await axeViolations(container)).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Reconnect to apply' }));
    await waitFor(() => expect(voiceGroup()).toHaveAttribute('data-status', 'synced'), { timeout: 3000 });
    expect(radio('Sage')).toBeChecked();
  });

  it('never sends an out-of-range or half-typed speed, and never calls it Applied', async () => {
    render(<Live />);
    await screen.findByText('status: open');
    await userEvent.clear(speedBox());
    await userEvent.type(speedBox(), '9');
    expect(speedBox()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('must be between 0.25 and 1.5')).toBeInTheDocument();
    await userEvent.clear(speedBox());
    await userEvent.type(speedBox(), '-');
    await userEvent.tab();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(speedGroup()).toHaveAttribute('data-status', 'invalid');
    expect(within(speedGroup()).queryByText('Applied')).toBeNull();
    const store = live.store!;
    const sentSpeeds = store.eventLog
      .entries()
      .filter((entry) => entry.type === 'session.update')
      .map((entry) => JSON.stringify(entry.payload));
    expect(sentSpeeds.some((payload) => payload.includes('"speed"'))).toBe(false);
  });
});

/** A VoicePicker on an open session over the scripted transport, the server at voice marin and speed 1. */
function renderOnOpenSession(options: { readonly coalesceMs?: number } = {}) {
  const session = openSession(request, { audio: { output: { voice: 'marin', speed: 1 } } }, options);
  render(
    <RealtimeSessionProvider session={session.store}>
      <VoicePicker />
    </RealtimeSessionProvider>,
  );
  return session;
}
