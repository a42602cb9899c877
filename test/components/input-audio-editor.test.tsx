import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  INPUT_AUDIO_FORMATS,
  InputAudioEditor,
  transcriptionModelLimits,
  useInputAudioField,
} from '../../src/components/input-audio-editor/index.js';
import {
  RealtimeAudioFormat,
  RealtimeNoiseReduction,
  RealtimeSessionCreateRequest,
  RealtimeTranscription,
  sessionFieldDefault,
  type RealtimeAudioConfigInputJson,
} from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { emulatorPerTest, LiveSession } from '../support/live-session.js';
import { describeFieldContract, openSession } from './field-contract.js';

const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const withTranscription = (init: ConstructorParameters<typeof RealtimeTranscription>[0]) =>
  unspecified.copyWith({ audio: { input: { transcription: new RealtimeTranscription(init) } } });

const formatGroup = () => screen.getByRole('group', { name: /^Input audio format/ });
const noiseGroup = () => screen.getByRole('group', { name: /^Noise reduction/ });
const transcriptionGroup = () => screen.getByRole('group', { name: /^Transcription/ });
const FORMAT_NAMES = {
  'audio/pcm': /^PCM 24 kHz/,
  'audio/pcmu': /^G\.711 μ-law/,
  'audio/pcma': /^G\.711 A-law/,
};
const format = (type: keyof typeof FORMAT_NAMES) =>
  within(formatGroup()).getByRole('radio', { name: FORMAT_NAMES[type] });
const noise = (name: string) => within(noiseGroup()).getByRole('radio', { name: new RegExp(`^${name}`) });
const modelSelect = () => within(transcriptionGroup()).getByRole('combobox', { name: 'Transcription model' });
const textbox = (name: string) => within(transcriptionGroup()).getByRole('textbox', { name });
/** The wire JSON of `audio.input` in the last reported request. */
const input = (mock: ReturnType<typeof vi.fn>) =>
  (mock.mock.lastCall?.[0] as RealtimeSessionCreateRequest).toJson().audio?.input as
    RealtimeAudioConfigInputJson | undefined;

describeFieldContract({
  name: 'InputAudioEditor',
  Component: InputAudioEditor,
  path: 'audio.input.format',
  request: unspecified,
  edit: (user) => user.click(format('audio/pcmu')),
  edited: new RealtimeAudioFormat({ type: 'audio/pcmu' }),
  expectShown: (value) => expect(format(value?.type ?? 'audio/pcm')).toBeChecked(),
  apiDefault: sessionFieldDefault('audio.input.format'),
  serverValue: {
    json: { audio: { input: { format: { type: 'audio/pcma' } } } },
    value: new RealtimeAudioFormat({ type: 'audio/pcma' }),
  },
  invalid: unspecified.copyWith({ audio: { input: { format: { type: 'audio/pcm', rate: 16000 } } } }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// Typing runs one event per character; on a busy machine that outlasts the default 5 s.
const TYPING = { timeout: 20_000 };

describe('InputAudioEditor', () => {
  it('shows the API defaults of what the request leaves unspecified: PCM 24 kHz, no noise reduction, no transcription', () => {
    render(<InputAudioEditor defaultValue={unspecified} />);
    expect(within(formatGroup()).getAllByRole('radio')).toHaveLength(INPUT_AUDIO_FORMATS.length);
    expect(format('audio/pcm')).toBeChecked();
    expect(noise('Off')).toBeChecked();
    expect(modelSelect()).toHaveValue('off');
    for (const group of [formatGroup(), noiseGroup(), transcriptionGroup()]) {
      expect(within(group).getByText('Default', { selector: '.rrs-label .rrs-tag' })).toBeInTheDocument();
    }
    expect(within(transcriptionGroup()).queryByRole('textbox')).toBeNull();
  });

  it('keeps the noise reduction strength when the profile changes', async () => {
    const onValueChange = vi.fn();
    const soft = unspecified.copyWith({
      audio: { input: { noiseReduction: new RealtimeNoiseReduction({ type: 'near_field', strength: 0.4 }) } },
    });
    render(<InputAudioEditor defaultValue={soft} onValueChange={onValueChange} />);
    await userEvent.click(noise('Far field'));
    expect(input(onValueChange)?.noise_reduction).toEqual({ type: 'far_field', strength: 0.4 });
  });

  it('writes a PCM format with its rate, and a G.711 one without', async () => {
    const onValueChange = vi.fn();
    render(<InputAudioEditor defaultValue={unspecified} onValueChange={onValueChange} />);
    await userEvent.click(format('audio/pcma'));
    expect(input(onValueChange)?.format).toEqual({ type: 'audio/pcma' });
    await userEvent.click(format('audio/pcm'));
    expect(input(onValueChange)?.format).toEqual({ type: 'audio/pcm', rate: 24000 });
  });

  it('turns noise reduction on with a profile, and off again as null', async () => {
    const onValueChange = vi.fn();
    render(<InputAudioEditor defaultValue={unspecified} onValueChange={onValueChange} />);
    await userEvent.click(noise('Near field'));
    expect(input(onValueChange)?.noise_reduction).toEqual({ type: 'near_field' });
    expect(noise('Near field')).toBeChecked();
    await userEvent.click(noise('Off'));
    expect(input(onValueChange)?.noise_reduction).toBeNull();
  });

  describe('transcription', () => {
    it('turns on with a model and takes its language and prompt', TYPING, async () => {
      const onValueChange = vi.fn();
      render(<InputAudioEditor defaultValue={unspecified} onValueChange={onValueChange} />);
      await userEvent.selectOptions(modelSelect(), 'gpt-4o-transcribe');
      expect(input(onValueChange)?.transcription).toEqual({ model: 'gpt-4o-transcribe' });
      await userEvent.type(textbox('Language'), 'en');
      await userEvent.type(textbox('Prompt'), 'Names.');
      expect(input(onValueChange)?.transcription).toEqual({
        model: 'gpt-4o-transcribe',
        language: 'en',
        prompt: 'Names.',
      });
      await userEvent.selectOptions(modelSelect(), 'off');
      expect(input(onValueChange)?.transcription).toBeNull();
      // Back on: what was set before comes back.
      await userEvent.selectOptions(modelSelect(), 'gpt-4o-mini-transcribe');
      expect(input(onValueChange)?.transcription).toEqual({
        model: 'gpt-4o-mini-transcribe',
        language: 'en',
        prompt: 'Names.',
      });
    });

    it(
      'disables what the model does not take, with the reason, and enables it for a model that does',
      TYPING,
      async () => {
        const onValueChange = vi.fn();
        render(
          <InputAudioEditor defaultValue={withTranscription({ model: 'whisper-1' })} onValueChange={onValueChange} />,
        );
        const languages = textbox('Possible languages');
        expect(languages).toBeDisabled();
        expect(languages).toHaveAccessibleDescription(
          'Only gpt-transcribe and gpt-live-transcribe take a list of languages.',
        );
        expect(textbox('Keywords')).toBeDisabled();
        expect(within(transcriptionGroup()).getByRole('combobox', { name: 'Delay' })).toBeDisabled();
        expect(textbox('Prompt')).toBeEnabled();

        await userEvent.selectOptions(modelSelect(), 'gpt-transcribe');
        expect(textbox('Possible languages')).toBeEnabled();
        await userEvent.type(textbox('Possible languages'), 'en, ');
        // The separator stays while the next language is typed.
        expect(textbox('Possible languages')).toHaveValue('en, ');
        await userEvent.type(textbox('Possible languages'), 'fr');
        await userEvent.type(textbox('Keywords'), 'Contoso{Enter}order number');
        expect(input(onValueChange)?.transcription).toEqual({
          model: 'gpt-transcribe',
          languages: ['en', 'fr'],
          keywords: ['Contoso', 'order number'],
        });
      },
    );

    it(
      'sets aside what a new model does not take, so it is never sent to it, and puts it back after',
      TYPING,
      async () => {
        const onValueChange = vi.fn();
        render(
          <InputAudioEditor
            defaultValue={withTranscription({ model: 'gpt-4o-transcribe', prompt: 'Names of towns.' })}
            onValueChange={onValueChange}
          />,
        );
        await userEvent.selectOptions(modelSelect(), 'gpt-realtime-whisper');
        expect(input(onValueChange)?.transcription).toEqual({ model: 'gpt-realtime-whisper' });
        expect(textbox('Prompt')).toBeDisabled();
        expect(textbox('Prompt')).toHaveAccessibleDescription('gpt-realtime-whisper takes no prompt.');
        await userEvent.selectOptions(within(transcriptionGroup()).getByRole('combobox', { name: 'Delay' }), 'high');
        expect(input(onValueChange)?.transcription).toEqual({ model: 'gpt-realtime-whisper', delay: 'high' });

        await userEvent.selectOptions(modelSelect(), 'gpt-4o-transcribe');
        expect(input(onValueChange)?.transcription).toEqual({ model: 'gpt-4o-transcribe', prompt: 'Names of towns.' });
        await userEvent.selectOptions(modelSelect(), 'gpt-realtime-whisper');
        expect(input(onValueChange)?.transcription).toEqual({ model: 'gpt-realtime-whisper', delay: 'high' });
      },
    );

    it('says gpt-realtime-whisper needs turn detection off, and turns it off', async () => {
      const onValueChange = vi.fn();
      render(
        <InputAudioEditor
          defaultValue={withTranscription({ model: 'gpt-realtime-whisper' })}
          onValueChange={onValueChange}
        />,
      );
      expect(modelSelect()).toHaveAccessibleDescription(/gpt-realtime-whisper needs turn detection off/);
      await userEvent.click(within(transcriptionGroup()).getByRole('button', { name: 'Turn off turn detection' }));
      expect(input(onValueChange)?.turn_detection).toBeNull();
      expect(within(transcriptionGroup()).queryByRole('button', { name: 'Turn off turn detection' })).toBeNull();
    });

    it('shows an option the model does not take under its control, which stays editable so it can be cleared', async () => {
      const onValueChange = vi.fn();
      render(
        <InputAudioEditor
          defaultValue={withTranscription({ model: 'whisper-1', keywords: ['Contoso'] })}
          onValueChange={onValueChange}
        />,
      );
      const keywords = textbox('Keywords');
      expect(keywords).toBeEnabled();
      expect(keywords).toHaveAttribute('aria-invalid', 'true');
      const message = within(transcriptionGroup()).getByText(
        'is only supported by gpt-transcribe and gpt-live-transcribe',
      );
      expect(keywords.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
      expect(transcriptionGroup()).toHaveAttribute('data-status', 'invalid');
      await userEvent.clear(keywords);
      expect(input(onValueChange)?.transcription).toEqual({ model: 'whisper-1' });
      expect(textbox('Keywords')).toBeDisabled();
      expect(transcriptionGroup()).not.toHaveAttribute('data-status', 'invalid');
    });

    it('offers a model the schema does not name when the request has one, without guessing its limits', () => {
      render(<InputAudioEditor defaultValue={withTranscription({ model: 'my-transcriber' })} />);
      expect(modelSelect()).toHaveValue('my-transcriber');
      expect(textbox('Possible languages')).toBeEnabled();
      expect(transcriptionModelLimits('my-transcriber').unsupported).toEqual({});
    });
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    function Vetoing() {
      const { getNoiseReductionOptionProps } = useInputAudioField({ defaultValue: unspecified, onValueChange });
      return (
        <label>
          <input {...getNoiseReductionOptionProps('far_field', { onChange: (event) => event.preventDefault() })} />
          far
        </label>
      );
    }
    render(<Vetoing />);
    await userEvent.click(screen.getByRole('radio', { name: 'far' }));
    expect(onValueChange).not.toHaveBeenCalled();
  });

  describe('connected to a session store', () => {
    it('shows a server refusal of the transcription on its group, and reverts it', async () => {
      const { store, transport } = openSession(unspecified);
      render(
        <RealtimeSessionProvider session={store}>
          <InputAudioEditor />
        </RealtimeSessionProvider>,
      );
      await userEvent.selectOptions(modelSelect(), 'gpt-4o-transcribe');
      act(() =>
        transport.reject({
          code: 'invalid_value',
          message: 'Not on this server.',
          param: 'session.audio.input.transcription.model',
        }),
      );
      expect(transcriptionGroup()).toHaveAttribute('data-status', 'rejected');
      const message = within(transcriptionGroup()).getByText('Not on this server.');
      expect(transcriptionGroup().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
      await userEvent.click(within(transcriptionGroup()).getByRole('button', { name: 'Revert transcription' }));
      expect(store.getSnapshot().fields['audio.input.transcription'].status).toBe('synced');
      expect(modelSelect()).toHaveValue('off');
    });

    it('edits a transcription the server has from what it has', async () => {
      const { store } = openSession(unspecified, {
        audio: { input: { transcription: { model: 'gpt-4o-transcribe', language: 'de' } } },
      });
      render(
        <RealtimeSessionProvider session={store}>
          <InputAudioEditor />
        </RealtimeSessionProvider>,
      );
      expect(modelSelect()).toHaveValue('gpt-4o-transcribe');
      expect(textbox('Language')).toHaveValue('de');
      await userEvent.type(textbox('Prompt'), 'Hi');
      expect(store.getSnapshot().draft.toJson().audio?.input?.transcription).toEqual({
        model: 'gpt-4o-transcribe',
        language: 'de',
        prompt: 'Hi',
      });
    });
  });

  it('disabled turns every control off', () => {
    render(<InputAudioEditor defaultValue={withTranscription({ model: 'gpt-transcribe' })} disabled />);
    for (const control of [...screen.getAllByRole('radio'), ...screen.getAllByRole('textbox'), modelSelect()]) {
      expect(control).toBeDisabled();
    }
  });

  describe('accessibility', () => {
    it.each([
      ['default', { defaultValue: unspecified }],
      ['transcribing', { defaultValue: withTranscription({ model: 'gpt-transcribe', languages: ['en'] }) }],
      ['whisper', { defaultValue: withTranscription({ model: 'gpt-realtime-whisper' }) }],
      ['invalid', { defaultValue: withTranscription({ model: 'whisper-1', keywords: ['x'], delay: 'low' }) }],
      ['disabled', { defaultValue: unspecified, disabled: true }],
    ] as const)('has no axe violations: %s', async (_name, props) => {
      const { container } = render(<InputAudioEditor {...props} />);
      expect(await axeViolations(container)).toEqual([]);
    });
  });
});

describe('InputAudioEditor in a live session (emulator)', () => {
  const emulator = emulatorPerTest();

  it('shows what a fresh session uses, then applies noise reduction and transcription', TYPING, async () => {
    const live: { store?: RealtimeSessionStore } = {};
    render(
      <LiveSession emulator={emulator()} initial={unspecified} onStore={(store) => (live.store = store)}>
        <InputAudioEditor />
      </LiveSession>,
    );
    await screen.findByText('status: open');
    await waitFor(() => expect(within(formatGroup()).getByText('Server value')).toBeInTheDocument());
    expect(format('audio/pcm')).toBeChecked();
    expect(noise('Off')).toBeChecked();
    expect(modelSelect()).toHaveValue('off');

    await userEvent.click(noise('Far field'));
    await userEvent.selectOptions(modelSelect(), 'gpt-4o-transcribe');
    await userEvent.type(textbox('Language'), 'en');
    await userEvent.tab();
    await waitFor(() => expect(transcriptionGroup()).toHaveAttribute('data-status', 'synced'));
    await waitFor(() => expect(noiseGroup()).toHaveAttribute('data-status', 'synced'));
    expect(within(transcriptionGroup()).getByText('Applied')).toBeInTheDocument();
    expect(live.store?.getSnapshot().applied?.toJson().audio?.input?.transcription).toEqual({
      model: 'gpt-4o-transcribe',
      language: 'en',
    });
    // The server fills in the strength the form left out.
    expect(live.store?.getSnapshot().applied?.toJson().audio?.input?.noise_reduction).toEqual({
      type: 'far_field',
      strength: 1,
    });
  });
});

it('without a value or a provider, says what it needs; in a provider it needs nothing', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  expect(() => render(<InputAudioEditor />)).toThrow(
    'InputAudioEditor needs a value or defaultValue, or must be used within <RealtimeSessionProvider>.',
  );
  cleanup();
  const store = createSessionStore({ initial: unspecified, batchNotify: act });
  render(
    <RealtimeSessionProvider session={store}>
      <InputAudioEditor />
    </RealtimeSessionProvider>,
  );
  expect(format('audio/pcm')).toBeChecked();
});
