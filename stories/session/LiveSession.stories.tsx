import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { RealtimeSessionCreateRequest } from '../../src/index.js';
import { LiveSession } from './LiveSession.js';

const meta = {
  title: 'Session/LiveSession',
  component: LiveSession,
  args: {
    initial: new RealtimeSessionCreateRequest({
      model: 'gpt-realtime-2',
      instructions: 'You are the voice agent of a bike shop.',
      audio: { output: { voice: 'marin' } },
    }),
    autoConnect: true,
  },
  argTypes: { initial: { control: false } },
} satisfies Meta<typeof LiveSession>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Connects to the dev server's emulator and applies the draft. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Status' })).toHaveTextContent('open'), {
      timeout: 5000,
    });
    await userEvent.selectOptions(canvas.getByLabelText('Voice'), 'cedar');
    const voiceRow = canvas.getByRole('rowheader', { name: 'audio.output.voice' }).closest('tr');
    await waitFor(() => expect(voiceRow).toHaveAttribute('data-status', 'synced'));
    await expect(voiceRow).toHaveTextContent('"cedar"');
  },
};

/** After the assistant speaks, the voice is locked: a new voice waits for a fresh session. */
export const Locked: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Status' })).toHaveTextContent('open'), {
      timeout: 5000,
    });
    await userEvent.click(canvas.getByRole('button', { name: 'Speak (locks the voice)' }));
    await waitFor(() => expect(canvas.getByText(/→ response.create/)).toBeVisible());
    await waitFor(() => expect(canvas.getByText(/← response.output_audio.delta/)).toBeVisible());
    await userEvent.selectOptions(canvas.getByLabelText('Voice'), 'sage');
    const voiceRow = canvas.getByRole('rowheader', { name: 'audio.output.voice' }).closest('tr');
    await waitFor(() => expect(voiceRow).toHaveAttribute('data-status', 'locked'));
    await expect(canvas.getByText(/The voice cannot change once the assistant has spoken/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(voiceRow).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(voiceRow).toHaveTextContent('"sage"');
  },
};

/** Nothing connects until asked; edits wait in the draft. */
export const Idle: Story = {
  args: { autoConnect: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status', { name: 'Status' })).toHaveTextContent('idle');
    await userEvent.selectOptions(canvas.getByLabelText('Voice'), 'coral');
    const voiceRow = canvas.getByRole('rowheader', { name: 'audio.output.voice' }).closest('tr');
    await expect(voiceRow).toHaveAttribute('data-status', 'dirty');
  },
};
