import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { OutputModalitiesPicker } from '../../src/components/output-modalities-picker/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2', outputModalities: ['audio'] });

const meta = {
  title: 'Components/OutputModalitiesPicker',
  component: OutputModalitiesPicker,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof OutputModalitiesPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const group = (canvas: Canvas) => canvas.getByRole('group', { name: /^Output/ });
const audio = (canvas: Canvas) => within(group(canvas)).getByRole('radio', { name: /^Audio and transcript/ });
const text = (canvas: Canvas) => within(group(canvas)).getByRole('radio', { name: /^Text only/ });

/** The parent owns the request. */
export const Controlled: Story = {
  render: (args) => (
    <ControlledHarness
      Component={OutputModalitiesPicker}
      args={args}
      initial={request}
      readoutLabel="Output modalities JSON"
      readout={(request) => JSON.stringify(request.toJson().output_modalities ?? null)}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(text(canvas));
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Output modalities JSON')).toHaveTextContent('["text"]');
  },
};

/** The picker keeps its own state; the choices are exclusive. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(audio(canvas)).toBeChecked();
    audio(canvas).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(text(canvas)).toBeChecked();
    await expect(audio(canvas)).not.toBeChecked();
  },
};

/** Inside a live session: unspecified, it shows what the session uses; a new choice is applied by the emulator. */
export const Connected: Story = {
  ...connectedTo(new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' })),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(within(group(canvas)).getByText('Server value')).toBeVisible());
    await expect(audio(canvas)).toBeChecked();
    await userEvent.click(text(canvas));
    await waitFor(() => expect(group(canvas)).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(group(canvas)).getByText('Applied')).toBeVisible();
  },
};

/** A list naming both modalities is refused by the API: neither is checked, and the message says why. */
export const Invalid: Story = {
  args: { defaultValue: request.copyWith({ outputModalities: ['audio', 'text'] }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("must name exactly one modality: ['audio'] or ['text']")).toBeVisible();
    await expect(audio(canvas)).not.toBeChecked();
    await expect(text(canvas)).not.toBeChecked();
    await userEvent.click(audio(canvas));
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
