import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { OutputAudioFormatPicker } from '../../src/components/output-audio-format-picker/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  audio: { output: { format: { type: 'audio/pcm', rate: 24000 } } },
});

const meta = {
  title: 'Components/OutputAudioFormatPicker',
  component: OutputAudioFormatPicker,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof OutputAudioFormatPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const group = (canvas: Canvas) => canvas.getByRole('group', { name: /^Output audio format/ });
/** The radio of one encoding; its name goes on with its tags ("PCM 24 kHz"). */
const radio = (canvas: Canvas, type: string) =>
  within(group(canvas)).getByRole('radio', { name: new RegExp(`^${type.replace('/', '\\/')}(?=[A-Z\\s]|$)`) });

/** The parent owns the request. */
export const Controlled: Story = {
  render: (args) => (
    <ControlledHarness
      Component={OutputAudioFormatPicker}
      args={args}
      initial={request}
      readoutLabel="Output format JSON"
      readout={(request) => JSON.stringify(request.toJson().audio?.output?.format ?? null)}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(radio(canvas, 'audio/pcmu'));
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Output format JSON')).toHaveTextContent('{"type":"audio/pcmu"}');
  },
};

/** The picker keeps its own state. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(radio(canvas, 'audio/pcm')).toBeChecked();
    radio(canvas, 'audio/pcm').focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(radio(canvas, 'audio/pcmu')).toBeChecked();
  },
};

/** Inside a live session: unspecified, it shows what the session uses; a new format is applied by the emulator. */
export const Connected: Story = {
  ...connectedTo(new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' })),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(within(group(canvas)).getByText('Server value')).toBeVisible());
    await expect(radio(canvas, 'audio/pcm')).toBeChecked();
    await userEvent.click(radio(canvas, 'audio/pcma'));
    await waitFor(() => expect(group(canvas)).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(group(canvas)).getByText('Applied')).toBeVisible();
  },
};

/** PCM only comes at 24 kHz: another rate checks no choice, says what the draft asks for and why it cannot be sent. */
export const Invalid: Story = {
  args: { defaultValue: request.copyWith({ audio: { output: { format: { type: 'audio/pcm', rate: 16000 } } } }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('must be 24000')).toBeVisible();
    await expect(canvas.getByText(/asks for audio\/pcm at 16000 Hz/)).toBeVisible();
    for (const option of within(group(canvas)).getAllByRole('radio')) await expect(option).not.toBeChecked();
    await userEvent.click(radio(canvas, 'audio/pcm'));
    await expect(group(canvas)).not.toHaveAttribute('data-status', 'invalid');
  },
};

/** Every choice is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    for (const option of within(canvasElement).getAllByRole('radio')) await expect(option).toBeDisabled();
  },
};
