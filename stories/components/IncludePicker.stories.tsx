import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { IncludePicker } from '../../src/components/include-picker/index.js';
import { RealtimeIncludable, RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } },
});

const meta = {
  title: 'Components/IncludePicker',
  component: IncludePicker,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof IncludePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

const logprobs = (canvas: ReturnType<typeof within>) =>
  canvas.getByRole('checkbox', { name: 'Input transcription logprobs' });

/** The parent owns the request; each new list is reported through `onValueChange`. */
export const Controlled: Story = {
  render: (args) => <ControlledHarness Component={IncludePicker} args={args} initial={request} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(logprobs(canvas));
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Request JSON')).toHaveTextContent('"item.input_audio_transcription.logprobs"');
  },
};

/** The picker keeps its own list; with transcription off, it says there are no logprobs to include. */
export const Uncontrolled: Story = {
  args: { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Input audio transcription is off/)).toBeVisible();
    logprobs(canvas).focus();
    await userEvent.keyboard(' ');
    await expect(logprobs(canvas)).toBeChecked();
  },
};

/** Inside a live session: the emulator applies the new list and the badge says so. */
export const Connected: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await userEvent.click(logprobs(canvas));
    const group = canvas.getByRole('group', { name: 'Include' });
    await waitFor(() => expect(group).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(group).getByText('Applied')).toBeVisible();
  },
};

/** A value the API does not list is shown checked and invalid; unchecking removes it. */
export const Invalid: Story = {
  args: {
    defaultValue: request.copyWith({
      include: [RealtimeIncludable.inputAudioTranscriptionLogprobs, 'item.newer_thing' as RealtimeIncludable],
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const unknown = canvas.getByRole('checkbox', { name: /item\.newer_thing/ });
    await expect(unknown).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText(/“item\.newer_thing” must be one of/)).toBeVisible();
    await userEvent.click(unknown);
    await expect(canvas.queryByRole('checkbox', { name: /item\.newer_thing/ })).toBeNull();
  },
};

/** Every checkbox is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    await expect(logprobs(within(canvasElement))).toBeDisabled();
  },
};
