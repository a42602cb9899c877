import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { VoicePicker } from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  audio: { output: { voice: 'marin', speed: 1 } },
});

const meta = {
  title: 'Components/VoicePicker',
  component: VoicePicker,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof VoicePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

const voices = (canvas: ReturnType<typeof within>) => canvas.getByRole('group', { name: /Voice/ });

/** The parent owns the request; the picker reports each change through `onValueChange`. */
export const Controlled: Story = {
  render: (args) => <ControlledHarness Component={VoicePicker} args={args} initial={request} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(within(voices(canvas)).getByRole('radio', { name: /^Cedar/ }));
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Request JSON')).toHaveTextContent('"voice": "cedar"');
  },
};

/** The picker keeps its own state, starting from `defaultValue`. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const group = voices(canvas);
    await expect(within(group).getByRole('radio', { name: /^Marin/ })).toBeChecked();
    within(group)
      .getByRole('radio', { name: /^Marin/ })
      .focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(within(group).getByRole('radio', { name: /^Cedar/ })).toBeChecked();
  },
};

/** Inside a live session: no props. The new voice is applied by the emulator and the badge says so. */
export const Connected: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    const group = voices(canvas);
    await userEvent.click(within(group).getByRole('radio', { name: /^Sage/ }));
    await waitFor(() => expect(group).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(group).getByText('Applied')).toBeVisible();
  },
};

/** A draft that leaves voice and speed unspecified shows what the live session uses, marked "Server value". */
export const ServerValues: Story = {
  ...connectedTo(new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' })),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(within(voices(canvas)).getByRole('radio', { name: /^Alloy/ })).toBeChecked());
    await expect(canvas.getByRole('textbox', { name: 'Speed' })).toHaveValue('1');
    await expect(within(voices(canvas)).getByText('Server value')).toBeVisible();
  },
};

/** After the assistant has spoken, a new voice waits for a fresh session: "Reconnect to apply". */
export const Locked: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await userEvent.click(canvas.getByRole('button', { name: 'Make the assistant speak' }));
    const group = voices(canvas);
    // The note appears with the first audio output, before any edit waits on it.
    await waitFor(
      () => expect(canvas.getByText(/The voice cannot change once the assistant has spoken/)).toBeVisible(),
      {
        timeout: 5000,
      },
    );
    await userEvent.click(within(group).getByRole('radio', { name: /^Verse/ }));
    await expect(group).toHaveAttribute('data-status', 'locked');
    await expect(canvas.getByRole('button', { name: 'Reconnect to apply' })).toBeVisible();
  },
};

/** An out-of-range speed is shown as invalid, with the message tied to the input. */
export const Invalid: Story = {
  args: { defaultValue: request.copyWith({ audio: { output: { voice: 'marin', speed: 2 } } }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const speed = canvas.getByRole('textbox', { name: 'Speed' });
    await expect(speed).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('must be between 0.25 and 1.5')).toBeVisible();
    await userEvent.clear(speed);
    await userEvent.type(speed, '1.2');
    await expect(speed).not.toHaveAttribute('aria-invalid');
  },
};

/** Every control is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const radio of canvas.getAllByRole('radio')) await expect(radio).toBeDisabled();
    await expect(canvas.getByRole('slider', { name: 'Speed slider' })).toBeDisabled();
    await expect(canvas.getByRole('textbox', { name: 'Speed' })).toBeDisabled();
  },
};
