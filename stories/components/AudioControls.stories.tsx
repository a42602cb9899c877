import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { AudioControls, type AudioControlsProps } from '../../src/components/audio-controls/index.js';
import { createSessionStore, RealtimeOff, RealtimeSessionCreateRequest } from '../../src/index.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop.',
  audio: { output: { voice: 'marin' } },
});

const pushToTalk = request.copyWith({
  audio: request.audio?.copyWith({ input: { turnDetection: RealtimeOff } }),
});

const meta = {
  title: 'Components/AudioControls',
  component: AudioControls,
  args: { label: 'Audio' },
  argTypes: { session: { control: false } },
} satisfies Meta<typeof AudioControls>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A WebRTC call can take longer to come up than a socket: microphone, SDP offer, ICE. */
const CALL_TIMEOUT_MS = 15_000;

/**
 * On a live WebRTC call (the dev server's emulator): mute the microphone, watch both levels move, set the
 * volume. The emulator hears the microphone's turns and answers each with a tone.
 */
export const Connected: Story = {
  ...connectedTo(request, 'webrtc'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas, CALL_TIMEOUT_MS);
    const mute = canvas.getByRole('button', { name: 'Mute' });
    await waitFor(() => expect(mute).toBeEnabled());
    await expect(canvas.queryByRole('button', { name: 'Hold to talk' })).toBeNull();
    await userEvent.click(mute);
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(mute);
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    // The answer's tone reaches the speaker meter.
    await userEvent.click(canvas.getByRole('button', { name: 'Make the assistant speak' }));
    const speaker = canvas.getByRole('meter', { name: 'Speaker level' }) as HTMLMeterElement;
    await waitFor(() => expect(speaker.value).toBeGreaterThan(0), { timeout: 5000 });
  },
};

/** Turn detection off: the server answers only when asked, so the bar offers Hold to talk (pointer, Space or Enter). */
export const PushToTalk: Story = {
  ...connectedTo(pushToTalk, 'webrtc'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas, CALL_TIMEOUT_MS);
    const talk = canvas.getByRole('button', { name: 'Hold to talk' });
    await waitFor(() => expect(talk).toBeEnabled());
    talk.focus();
    // One user holds the key down and lets it go: keyboard state is per setup().
    const user = userEvent.setup();
    await user.keyboard('[Space>]');
    await expect(talk).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('[/Space]');
    await expect(talk).toHaveAttribute('aria-pressed', 'false');
    // Between turns the microphone is off.
    await expect(canvas.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true');
  },
};

function NoMediaControls(props: AudioControlsProps) {
  const [store] = useState(() => createSessionStore({ initial: request }));
  return <AudioControls {...props} session={store} />;
}

/** A session without WebRTC has no microphone or speaker: the bar says what it needs instead. */
export const NoMedia: Story = {
  render: (args) => <NoMediaControls {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Audio' })).toHaveTextContent("transport: 'webrtc'");
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};
