import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { TurnDetectionEditor } from '../../src/components/turn-detection-editor/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  audio: { input: { turnDetection: { type: 'server_vad', silenceDurationMs: 400 } } },
});

const meta = {
  title: 'Components/TurnDetectionEditor',
  component: TurnDetectionEditor,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof TurnDetectionEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const group = (canvas: Canvas) => canvas.getByRole('group', { name: /^Turn detection/ });
const mode = (canvas: Canvas, name: RegExp) => within(group(canvas)).getByRole('radio', { name });

/** The parent owns the request; only the chosen type's settings reach it. */
export const Controlled: Story = {
  render: (args) => <ControlledHarness Component={TurnDetectionEditor} args={args} initial={request} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(mode(canvas, /^Semantic VAD/));
    await userEvent.click(canvas.getByRole('radio', { name: /^High/ }));
    await expect(args.onValueChange).toHaveBeenCalled();
    const readout = canvas.getByLabelText('Request JSON');
    await expect(readout).toHaveTextContent('"eagerness": "high"');
    await expect(readout).not.toHaveTextContent('silence_duration_ms');
    // Back to server VAD: the silence duration set before is still there.
    await userEvent.click(mode(canvas, /^Server VAD/));
    await expect(readout).toHaveTextContent('"silence_duration_ms": 400');
  },
};

/** The editor keeps its own state; unset settings show the API defaults as placeholders. */
export const Uncontrolled: Story = {
  args: { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(mode(canvas, /^Server VAD/)).toBeChecked();
    const threshold = canvas.getByRole('textbox', { name: 'Threshold' });
    await expect(threshold).toHaveAttribute('placeholder', '0.5');
    await expect(canvas.getByRole('slider', { name: 'Threshold slider' })).toHaveValue('0.5');
    await userEvent.type(threshold, '0.7');
    await expect(canvas.getByRole('slider', { name: 'Threshold slider' })).toHaveValue('0.7');
  },
};

/** Inside a live session: the server's values show, and semantic VAD is applied by the emulator. */
export const Connected: Story = {
  ...connectedTo(new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' })),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Threshold' })).toHaveValue('0.5'));
    await expect(within(group(canvas)).getByText('Server value')).toBeVisible();
    await userEvent.click(mode(canvas, /^Semantic VAD/));
    await userEvent.click(canvas.getByRole('radio', { name: /^Low/ }));
    await waitFor(() => expect(group(canvas)).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(group(canvas)).getByText('Applied')).toBeVisible();
  },
};

/** With `gpt-realtime-whisper` transcription, VAD is not available: only push-to-talk. */
export const Unavailable: Story = {
  args: {
    defaultValue: new RealtimeSessionCreateRequest({
      model: 'gpt-realtime-2',
      audio: { input: { transcription: { model: 'gpt-realtime-whisper' } } },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(mode(canvas, /^Server VAD/)).toBeDisabled();
    await expect(mode(canvas, /^Semantic VAD/)).toBeDisabled();
    await expect(canvas.getByText(/gpt-realtime-whisper needs turn detection off/)).toBeVisible();
    await userEvent.click(mode(canvas, /^Off/));
    await expect(mode(canvas, /^Off/)).toBeChecked();
  },
};

/** Out-of-range settings show under their boxes, and are never sent. */
export const Invalid: Story = {
  args: {
    defaultValue: request.copyWith({
      audio: { input: { turnDetection: { type: 'server_vad', threshold: 1.5, idleTimeoutMs: 1000 } } },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const threshold = canvas.getByRole('textbox', { name: 'Threshold' });
    await expect(threshold).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('must be between 0 and 1')).toBeVisible();
    await expect(canvas.getByText('must be between 5000 and 30000')).toBeVisible();
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '0.6');
    await expect(threshold).not.toHaveAttribute('aria-invalid');
  },
};

/** Every control is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const radio of canvas.getAllByRole('radio')) await expect(radio).toBeDisabled();
    for (const box of canvas.getAllByRole('checkbox')) await expect(box).toBeDisabled();
    await expect(canvas.getByRole('slider', { name: 'Threshold slider' })).toBeDisabled();
  },
};
