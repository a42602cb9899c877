import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  OutputAudioFormatPicker,
  outputAudioFormatOf,
  useOutputAudioFormatField,
} from '../../src/components/output-audio-format-picker/index.js';
import { RealtimeAudioFormat, RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { describeFieldContract } from './field-contract.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const withFormat = (format: ConstructorParameters<typeof RealtimeAudioFormat>[0]) =>
  request.copyWith({ audio: { output: { format: new RealtimeAudioFormat(format) } } });
const group = () => screen.getByRole('group', { name: /^Output audio format/ });
/** The radio of one encoding; its name runs on into its tags ("audio/pcmPCM 24 kHzDefault"). */
const radio = (type: string) =>
  within(group()).getByRole('radio', { name: new RegExp(`^${type.replace('/', '\\/')}(?=[A-Z]|$)`) });
const lastFormat = (mock: ReturnType<typeof vi.fn>) =>
  (mock.mock.lastCall?.[0] as RealtimeSessionCreateRequest).audio?.output?.format?.toJson();

describeFieldContract({
  name: 'OutputAudioFormatPicker',
  Component: OutputAudioFormatPicker,
  path: 'audio.output.format',
  request,
  edit: (user) => user.click(radio('audio/pcmu')),
  edited: new RealtimeAudioFormat({ type: 'audio/pcmu' }),
  expectShown: (value) => expect(radio(value?.type ?? 'none')).toBeChecked(),
  apiDefault: new RealtimeAudioFormat({ type: 'audio/pcm', rate: 24000 }),
  serverValue: {
    json: { audio: { output: { format: { type: 'audio/pcma' } } } },
    value: new RealtimeAudioFormat({ type: 'audio/pcma' }),
  },
  invalid: withFormat({ type: 'audio/pcm', rate: 16000 }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('OutputAudioFormatPicker', () => {
  it('offers PCM at 24 kHz (the default) and G.711 μ-law and A-law; PCM names its rate, G.711 none', async () => {
    const onValueChange = vi.fn();
    render(<OutputAudioFormatPicker defaultValue={request} onValueChange={onValueChange} />);
    expect(within(group()).getAllByRole('radio')).toHaveLength(3);
    expect(radio('audio/pcm')).toBeChecked();
    expect(radio('audio/pcm').closest('label')).toHaveTextContent('24 kHz');
    expect(radio('audio/pcm').closest('label')).toHaveAttribute('data-default');
    await userEvent.click(radio('audio/pcma'));
    expect(lastFormat(onValueChange)).toEqual({ type: 'audio/pcma' });
    await userEvent.click(radio('audio/pcm'));
    expect(lastFormat(onValueChange)).toEqual({ type: 'audio/pcm', rate: 24000 });
  });

  it('is operable from the keyboard', async () => {
    render(<OutputAudioFormatPicker defaultValue={request} />);
    radio('audio/pcm').focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(radio('audio/pcmu')).toBeChecked();
  });

  it.each([
    ['PCM at 16 kHz', { type: 'audio/pcm', rate: 16000 }, 'must be 24000', /audio\/pcm at 16000 Hz/],
    ['G.711 with a rate', { type: 'audio/pcmu', rate: 8000 }, 'applies only to audio/pcm', /audio\/pcmu at 8000 Hz/],
  ] as const)(
    'checks no choice for %s, says what it asks for and why not, and a choice replaces it',
    async (_n, format, error, asked) => {
      const onValueChange = vi.fn();
      render(<OutputAudioFormatPicker defaultValue={withFormat(format)} onValueChange={onValueChange} />);
      for (const option of within(group()).getAllByRole('radio')) expect(option).not.toBeChecked();
      const message = screen.getByText(error);
      expect(group().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
      expect(screen.getByText(asked)).toBeInTheDocument();
      await userEvent.click(radio('audio/pcm'));
      expect(lastFormat(onValueChange)).toEqual({ type: 'audio/pcm', rate: 24000 });
      expect(group()).not.toHaveAttribute('data-status', 'invalid');
    },
  );

  it('outputAudioFormatOf gives the format the API reports for each encoding', () => {
    expect(outputAudioFormatOf('audio/pcm').toJson()).toEqual({ type: 'audio/pcm', rate: 24000 });
    expect(outputAudioFormatOf('audio/pcmu').toJson()).toEqual({ type: 'audio/pcmu' });
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    const seen: string[] = [];
    function Vetoing() {
      const { state, getOptionProps } = useOutputAudioFormatField({ defaultValue: request, onValueChange });
      return state.options.map((type) => (
        <label key={type}>
          <input
            {...getOptionProps(type, {
              onChange: (event) => {
                seen.push(type);
                event.preventDefault();
              },
            })}
          />
          {type}
        </label>
      ));
    }
    render(<Vetoing />);
    await userEvent.click(screen.getByRole('radio', { name: 'audio/pcma' }));
    expect(seen).toEqual(['audio/pcma']);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it.each([
    ['default', { defaultValue: request }],
    ['G.711', { defaultValue: withFormat({ type: 'audio/pcmu' }) }],
    ['invalid', { defaultValue: withFormat({ type: 'audio/pcm', rate: 16000 }) }],
    ['disabled', { defaultValue: request, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<OutputAudioFormatPicker {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('applies to a live session (emulator), starting from what a fresh session uses', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    const live: { store?: RealtimeSessionStore } = {};
    try {
      render(
        <LiveSession emulator={emulator} initial={request} onStore={(store) => (live.store = store)}>
          <OutputAudioFormatPicker />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      await waitFor(() => expect(within(group()).getByText('Server value')).toBeInTheDocument());
      expect(radio('audio/pcm')).toBeChecked();
      await userEvent.click(radio('audio/pcmu'));
      await waitFor(() => expect(group()).toHaveAttribute('data-status', 'synced'));
      expect(within(group()).getByText('Applied')).toBeInTheDocument();
      expect(live.store?.getSnapshot().applied?.audio?.output?.format?.toJson()).toEqual({ type: 'audio/pcmu' });
    } finally {
      cleanup();
      await emulator.close();
    }
  }, 20_000);
});
