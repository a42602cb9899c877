import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { InputAudioEditor } from '../../src/components/input-audio-editor/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  audio: {
    input: {
      format: { type: 'audio/pcm', rate: 24000 },
      noiseReduction: { type: 'near_field' },
      transcription: { model: 'gpt-4o-transcribe', language: 'en' },
    },
  },
});

const meta = {
  title: 'Components/InputAudioEditor',
  component: InputAudioEditor,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof InputAudioEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const transcription = (canvas: Canvas) => canvas.getByRole('group', { name: /^Transcription/ });
const model = (canvas: Canvas) => within(transcription(canvas)).getByRole('combobox', { name: 'Transcription model' });

/** The parent owns the request; the editor reports each change through `onValueChange`. */
export const Controlled: Story = {
  render: (args) => (
    <ControlledHarness
      Component={InputAudioEditor}
      args={args}
      initial={request}
      readoutLabel="Request JSON"
      readout={(value) => JSON.stringify(value.toJson().audio ?? {}, null, 2)}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: /^G\.711 μ-law/ }));
    await userEvent.click(canvas.getByRole('radio', { name: /^Far field/ }));
    await expect(args.onValueChange).toHaveBeenCalled();
    const readout = canvas.getByLabelText('Request JSON');
    await expect(readout).toHaveTextContent('"type": "audio/pcmu"');
    await expect(readout).toHaveTextContent('"type": "far_field"');
  },
};

/** The editor keeps its own state; a model's options open up as it is chosen. */
export const Uncontrolled: Story = {
  args: { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('radio', { name: /^PCM 24 kHz/ })).toBeChecked();
    await expect(model(canvas)).toHaveValue('off');
    await userEvent.selectOptions(model(canvas), 'gpt-transcribe');
    const languages = within(transcription(canvas)).getByRole('textbox', { name: 'Possible languages' });
    await expect(languages).toBeEnabled();
    await userEvent.type(languages, 'en, fr');
    await expect(languages).toHaveValue('en, fr');
  },
};

/** Inside a live session: what the server uses shows as "Server value"; a transcription is applied by the emulator. */
export const Connected: Story = {
  ...connectedTo(new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' })),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(within(transcription(canvas)).getByText('Server value')).toBeVisible());
    await userEvent.selectOptions(model(canvas), 'gpt-4o-mini-transcribe');
    await waitFor(() => expect(transcription(canvas)).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(transcription(canvas)).getByText('Applied')).toBeVisible();
  },
};

/** `gpt-realtime-whisper` takes no prompt and needs turn detection off: both say so. */
export const Unavailable: Story = {
  args: {
    defaultValue: request.copyWith({
      audio: { input: { transcription: { model: 'gpt-realtime-whisper', delay: 'low' } } },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const prompt = within(transcription(canvas)).getByRole('textbox', { name: 'Prompt' });
    await expect(prompt).toBeDisabled();
    await expect(prompt).toHaveAccessibleDescription('gpt-realtime-whisper takes no prompt.');
    const turnOff = canvas.getByRole('button', { name: 'Turn off turn detection' });
    await userEvent.click(turnOff);
    await expect(canvas.queryByRole('button', { name: 'Turn off turn detection' })).toBeNull();
  },
};

/** A rate PCM does not have and keywords whisper-1 does not take: shown as invalid, never sent. */
export const Invalid: Story = {
  args: {
    defaultValue: request.copyWith({
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 16000 },
          transcription: { model: 'whisper-1', keywords: ['Contoso'] },
        },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('must be 24000')).toBeVisible();
    const keywords = within(transcription(canvas)).getByRole('textbox', { name: 'Keywords' });
    await expect(keywords).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(keywords);
    await expect(keywords).toBeDisabled();
    await userEvent.click(canvas.getByRole('radio', { name: /^G\.711 A-law/ }));
    await expect(canvas.queryByText('must be 24000')).toBeNull();
  },
};

/** Every control is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const radio of canvas.getAllByRole('radio')) await expect(radio).toBeDisabled();
    for (const box of canvas.getAllByRole('textbox')) await expect(box).toBeDisabled();
    await expect(model(canvas)).toBeDisabled();
  },
};
