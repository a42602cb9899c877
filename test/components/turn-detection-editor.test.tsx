import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  TURN_DETECTION_MODES,
  TurnDetectionEditor,
  useTurnDetectionField,
} from '../../src/components/turn-detection-editor/index.js';
import {
  RealtimeOff,
  RealtimeSemanticVad,
  RealtimeServerVad,
  RealtimeSessionCreateRequest,
  sessionFieldDefault,
  type JsonObject,
} from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { emulatorPerTest, LiveSession } from '../support/live-session.js';
import { describeFieldContract, openSession } from './field-contract.js';

const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const withTurn = (turnDetection: RealtimeServerVad | RealtimeSemanticVad | typeof RealtimeOff) =>
  unspecified.copyWith({ audio: { input: { turnDetection } } });
const whisper = unspecified.copyWith({ audio: { input: { transcription: { model: 'gpt-realtime-whisper' } } } });

const group = () => screen.getByRole('group', { name: /^Turn detection/ });
const MODE_NAMES = { off: /^Off \(push-to-talk\)/, server_vad: /^Server VAD/, semantic_vad: /^Semantic VAD/ } as const;
const mode = (name: keyof typeof MODE_NAMES) => within(group()).getByRole('radio', { name: MODE_NAMES[name] });
const box = (name: string) => screen.getByRole('textbox', { name });
const slider = () => screen.getByRole('slider', { name: 'Threshold slider' });
const eagerness = (name: string) => screen.getByRole('radio', { name: new RegExp(`^${name}`) });
const flag = (name: RegExp) => screen.getByRole('checkbox', { name });
/** The wire JSON of the turn detection in a reported request. */
const sent = (mock: ReturnType<typeof vi.fn>) =>
  ((mock.mock.lastCall?.[0] as RealtimeSessionCreateRequest).toJson() as unknown as JsonObject)['audio'] as
    { input?: { turn_detection?: unknown } } | undefined;

describeFieldContract({
  name: 'TurnDetectionEditor',
  Component: TurnDetectionEditor,
  path: 'audio.input.turn_detection',
  request: unspecified,
  edit: (user) => user.click(mode('semantic_vad')),
  edited: new RealtimeSemanticVad(),
  expectShown: (value) =>
    expect(
      mode(value === undefined ? 'server_vad' : value === RealtimeOff ? 'off' : (value as RealtimeServerVad).type),
    ).toBeChecked(),
  apiDefault: sessionFieldDefault('audio.input.turn_detection'),
  serverValue: {
    json: { audio: { input: { turn_detection: { type: 'semantic_vad', eagerness: 'high' } } } },
    value: new RealtimeSemanticVad({ eagerness: 'high' }),
  },
  invalid: withTurn(new RealtimeServerVad({ threshold: 2 })),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

// Typing runs one event per character; on a busy machine that outlasts the default 5 s.
const TYPING = { timeout: 20_000 };

describe('TurnDetectionEditor', () => {
  it('offers off, server VAD and semantic VAD, and shows the API defaults of an unspecified turn detection', () => {
    render(<TurnDetectionEditor defaultValue={unspecified} />);
    const names = within(group())
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent);
    expect(names).toEqual(['Off (push-to-talk)', 'Server VADDefault', 'Semantic VAD']);
    expect(mode('server_vad')).toBeChecked();
    // Unset settings show the API default greyed, not as a value someone set.
    expect(box('Threshold')).toHaveValue('');
    expect(box('Threshold')).toHaveAttribute('placeholder', '0.5');
    expect(slider()).toHaveValue('0.5');
    expect(box('Prefix padding (ms)')).toHaveAttribute('placeholder', '300');
    expect(box('Silence duration (ms)')).toHaveAttribute('placeholder', '200');
    expect(box('Idle timeout (ms)')).toHaveValue('');
    expect(flag(/^Respond when the user stops/)).toBeChecked();
    expect(flag(/^Stop the answer when the user speaks/)).toBeChecked();
    expect(screen.queryByRole('radio', { name: /^Low/ })).toBeNull();
  });

  it('sends only the setting typed, on a server VAD with nothing else set', TYPING, async () => {
    const onValueChange = vi.fn();
    render(<TurnDetectionEditor defaultValue={unspecified} onValueChange={onValueChange} />);
    await userEvent.type(box('Threshold'), '0.7');
    expect(sent(onValueChange)?.input?.turn_detection).toEqual({ type: 'server_vad', threshold: 0.7 });
    expect(slider()).toHaveValue('0.7');
    fireEvent.change(slider(), { target: { value: '0.35' } });
    expect(sent(onValueChange)?.input?.turn_detection).toEqual({ type: 'server_vad', threshold: 0.35 });
    expect(box('Threshold')).toHaveValue('0.35');
    await userEvent.clear(box('Threshold'));
    expect(sent(onValueChange)?.input?.turn_detection).toEqual({ type: 'server_vad' });
    expect(slider()).toHaveValue('0.5');
  });

  it(
    'keeps what was set for the other type while switching, and sends only the chosen type’s settings',
    TYPING,
    async () => {
      const onValueChange = vi.fn();
      render(<TurnDetectionEditor defaultValue={unspecified} onValueChange={onValueChange} />);
      await userEvent.type(box('Threshold'), '0.7');
      await userEvent.type(box('Silence duration (ms)'), '500');
      await userEvent.type(box('Idle timeout (ms)'), '10000');

      await userEvent.click(mode('semantic_vad'));
      expect(sent(onValueChange)?.input?.turn_detection).toEqual({ type: 'semantic_vad' });
      expect(eagerness('Auto')).toBeChecked();
      await userEvent.click(eagerness('High'));
      expect(sent(onValueChange)?.input?.turn_detection).toEqual({ type: 'semantic_vad', eagerness: 'high' });

      await userEvent.click(mode('server_vad'));
      expect(sent(onValueChange)?.input?.turn_detection).toEqual({
        type: 'server_vad',
        threshold: 0.7,
        silence_duration_ms: 500,
        idle_timeout_ms: 10000,
      });
      expect(box('Threshold')).toHaveValue('0.7');
      expect(box('Silence duration (ms)')).toHaveValue('500');

      // Through off as well: push-to-talk is null on the wire.
      await userEvent.click(mode('off'));
      expect(sent(onValueChange)?.input?.turn_detection).toBeNull();
      expect(screen.queryByRole('textbox', { name: 'Threshold' })).toBeNull();
      await userEvent.click(mode('semantic_vad'));
      expect(sent(onValueChange)?.input?.turn_detection).toEqual({ type: 'semantic_vad', eagerness: 'high' });
      expect(eagerness('High')).toBeChecked();
    },
  );

  it('carries the settings both types share over to the other type', async () => {
    const onValueChange = vi.fn();
    render(<TurnDetectionEditor defaultValue={unspecified} onValueChange={onValueChange} />);
    await userEvent.click(flag(/^Respond when the user stops/));
    expect(sent(onValueChange)?.input?.turn_detection).toEqual({ type: 'server_vad', create_response: false });
    await userEvent.click(mode('semantic_vad'));
    expect(sent(onValueChange)?.input?.turn_detection).toEqual({ type: 'semantic_vad', create_response: false });
    expect(flag(/^Respond when the user stops/)).not.toBeChecked();
    await userEvent.click(flag(/^Stop the answer when the user speaks/));
    await userEvent.click(mode('server_vad'));
    expect(sent(onValueChange)?.input?.turn_detection).toEqual({
      type: 'server_vad',
      create_response: false,
      interrupt_response: false,
    });
  });

  it('reads an explicit off, and a semantic VAD with its eagerness', () => {
    const { unmount } = render(<TurnDetectionEditor defaultValue={withTurn(RealtimeOff)} />);
    expect(mode('off')).toBeChecked();
    expect(within(group()).queryByText('Default', { selector: '.rrs-label .rrs-tag' })).toBeNull();
    unmount();
    render(<TurnDetectionEditor defaultValue={withTurn(new RealtimeSemanticVad({ eagerness: 'low' }))} />);
    expect(mode('semantic_vad')).toBeChecked();
    expect(eagerness('Low')).toBeChecked();
    expect(screen.queryByRole('textbox', { name: 'Threshold' })).toBeNull();
  });

  describe('validation', () => {
    it('shows an out-of-range idle timeout under its box, wired to it, and accepts a valid one', async () => {
      render(<TurnDetectionEditor defaultValue={unspecified} />);
      await userEvent.type(box('Idle timeout (ms)'), '100');
      expect(box('Idle timeout (ms)')).toHaveAttribute('aria-invalid', 'true');
      const message = screen.getByText('must be between 5000 and 30000');
      expect(box('Idle timeout (ms)').getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
      expect(group()).toHaveAttribute('data-status', 'invalid');
      // The group points at the same message, once.
      expect(group().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
      expect(screen.getAllByText('must be between 5000 and 30000')).toHaveLength(1);
      await userEvent.type(box('Idle timeout (ms)'), '00');
      expect(box('Idle timeout (ms)')).not.toHaveAttribute('aria-invalid');
      expect(group()).not.toHaveAttribute('data-status', 'invalid');
    });

    it('keeps a half-typed number in its box and marks the field invalid until it parses', async () => {
      const onValueChange = vi.fn();
      render(<TurnDetectionEditor defaultValue={unspecified} onValueChange={onValueChange} />);
      await userEvent.type(box('Threshold'), '0.');
      expect(box('Threshold')).toHaveValue('0.');
      expect(box('Threshold')).toHaveAttribute('aria-invalid', 'true');
      expect(group()).toHaveAttribute('data-status', 'invalid');
      const message = screen.getByText('“0.” is not a number yet.');
      expect(box('Threshold').getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
      await userEvent.type(box('Threshold'), '6');
      expect(group()).not.toHaveAttribute('data-status', 'invalid');
      expect(sent(onValueChange)?.input?.turn_detection).toEqual({ type: 'server_vad', threshold: 0.6 });
    });

    it('says a whole number is needed for the padding', async () => {
      render(<TurnDetectionEditor defaultValue={withTurn(new RealtimeServerVad({ prefixPaddingMs: 2.5 }))} />);
      expect(box('Prefix padding (ms)')).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByText('must be a whole number')).toBeInTheDocument();
    });
  });

  it('disables VAD, with the reason, while the transcription model needs turn detection off', async () => {
    const onValueChange = vi.fn();
    render(<TurnDetectionEditor defaultValue={whisper} onValueChange={onValueChange} />);
    expect(mode('server_vad')).toBeDisabled();
    expect(mode('semantic_vad')).toBeDisabled();
    expect(mode('semantic_vad').closest('label')).toHaveTextContent('Not with gpt-realtime-whisper');
    expect(mode('off')).toBeEnabled();
    expect(within(group()).getByText(/gpt-realtime-whisper needs turn detection off/)).toBeInTheDocument();
    expect(box('Threshold')).toBeDisabled();
    await userEvent.click(mode('off'));
    expect(sent(onValueChange)?.input?.turn_detection).toBeNull();
  });

  it('disabled turns every control off', () => {
    render(<TurnDetectionEditor defaultValue={unspecified} disabled />);
    for (const control of [...screen.getAllByRole('radio'), ...screen.getAllByRole('checkbox'), slider()]) {
      expect(control).toBeDisabled();
    }
  });

  it('works with a parent that keeps the state', async () => {
    function Parent() {
      const [value, setValue] = useState(unspecified);
      return (
        <>
          <TurnDetectionEditor value={value} onValueChange={setValue} />
          <output aria-label="Chosen">{JSON.stringify(value.toJson().audio ?? null)}</output>
        </>
      );
    }
    render(<Parent />);
    await userEvent.click(mode('semantic_vad'));
    await userEvent.click(eagerness('Medium'));
    expect(screen.getByRole('status', { name: 'Chosen' })).toHaveTextContent(
      '{"input":{"turn_detection":{"type":"semantic_vad","eagerness":"medium"}}}',
    );
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    function Vetoing() {
      const { getModeOptionProps } = useTurnDetectionField({ defaultValue: unspecified, onValueChange });
      return TURN_DETECTION_MODES.map((option) => (
        <label key={option}>
          <input {...getModeOptionProps(option, { onChange: (event) => event.preventDefault() })} />
          {option}
        </label>
      ));
    }
    render(<Vetoing />);
    await userEvent.click(screen.getByRole('radio', { name: 'off' }));
    expect(onValueChange).not.toHaveBeenCalled();
  });

  describe('connected to a session store', () => {
    it('edits a server value from what the server has, so its other settings stay', async () => {
      const { store } = openSession(unspecified, {
        audio: { input: { turn_detection: { type: 'server_vad', threshold: 0.6, silence_duration_ms: 800 } } },
      });
      render(
        <RealtimeSessionProvider session={store}>
          <TurnDetectionEditor />
        </RealtimeSessionProvider>,
      );
      expect(box('Threshold')).toHaveValue('0.6');
      expect(within(group()).getByText('Server value')).toBeInTheDocument();
      await userEvent.click(flag(/^Stop the answer when the user speaks/));
      expect(store.getSnapshot().draft.toJson().audio?.input?.turn_detection).toEqual({
        type: 'server_vad',
        threshold: 0.6,
        silence_duration_ms: 800,
        interrupt_response: false,
      });
    });

    it('sends a slider drag as a few session.updates, the last value last', () => {
      vi.useFakeTimers();
      const { store, transport } = openSession(unspecified);
      render(
        <RealtimeSessionProvider session={store}>
          <TurnDetectionEditor />
        </RealtimeSessionProvider>,
      );
      const before = transport.updates().length;
      const steps = Array.from({ length: 12 }, (_, index) => Math.round((0.3 + index * 0.05) * 100) / 100);
      for (const value of steps) {
        fireEvent.change(slider(), { target: { value: String(value) } });
        act(() => vi.advanceTimersByTime(16));
      }
      act(() => vi.advanceTimersByTime(100));
      const thresholds = transport
        .updates()
        .slice(before)
        .map((update) => update.session.audio?.input?.turn_detection);
      expect(thresholds.length).toBeGreaterThan(0);
      expect(thresholds.length).toBeLessThan(steps.length);
      expect(thresholds.at(-1)).toEqual({ type: 'server_vad', threshold: steps.at(-1) });
    });
  });

  describe('accessibility', () => {
    it.each([
      ['default', { defaultValue: unspecified }],
      ['off', { defaultValue: withTurn(RealtimeOff) }],
      ['semantic', { defaultValue: withTurn(new RealtimeSemanticVad({ eagerness: 'high' })) }],
      ['invalid', { defaultValue: withTurn(new RealtimeServerVad({ threshold: 2, idleTimeoutMs: 10 })) }],
      ['unavailable', { defaultValue: whisper }],
      ['disabled', { defaultValue: unspecified, disabled: true }],
    ] as const)('has no axe violations: %s', async (_name, props) => {
      const { container } = render(<TurnDetectionEditor {...props} />);
      expect(await axeViolations(container)).toEqual([]);
    });
  });
});

describe('TurnDetectionEditor in a live session (emulator)', () => {
  const emulator = emulatorPerTest();

  it(
    'shows the server’s turn detection, applies semantic VAD, and never sends server VAD settings with it',
    TYPING,
    async () => {
      const live: { store?: RealtimeSessionStore } = {};
      render(
        <LiveSession emulator={emulator()} initial={unspecified} onStore={(store) => (live.store = store)}>
          <TurnDetectionEditor />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      await waitFor(() => expect(box('Threshold')).toHaveValue('0.5'));
      expect(mode('server_vad')).toBeChecked();
      expect(within(group()).getByText('Server value')).toBeInTheDocument();

      await userEvent.click(mode('semantic_vad'));
      await userEvent.click(eagerness('High'));
      await waitFor(() => expect(group()).toHaveAttribute('data-status', 'synced'));
      expect(within(group()).getByText('Applied')).toBeInTheDocument();
      expect(eagerness('High')).toBeChecked();
      const updates = live
        .store!.eventLog.entries()
        .filter((entry) => entry.type === 'session.update')
        .map((entry) => JSON.stringify(entry.payload));
      expect(updates.some((payload) => payload.includes('"semantic_vad"'))).toBe(true);
      for (const payload of updates.filter((item) => item.includes('"semantic_vad"'))) {
        expect(payload).not.toMatch(/threshold|prefix_padding_ms|silence_duration_ms|idle_timeout_ms/);
      }
    },
  );
});

it('keeps working without a provider only with a value', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  expect(() => render(<TurnDetectionEditor />)).toThrow(
    'TurnDetectionEditor needs a value or defaultValue, or must be used within <RealtimeSessionProvider>.',
  );
  cleanup();
  const store = createSessionStore({ initial: unspecified, batchNotify: act });
  render(
    <RealtimeSessionProvider session={store}>
      <TurnDetectionEditor />
    </RealtimeSessionProvider>,
  );
  expect(mode('server_vad')).toBeChecked();
});
