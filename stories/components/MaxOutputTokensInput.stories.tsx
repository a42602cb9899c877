import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { MaxOutputTokensInput } from '../../src/components/max-output-tokens-input/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2', maxOutputTokens: 1024 });

const meta = {
  title: 'Components/MaxOutputTokensInput',
  component: MaxOutputTokensInput,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof MaxOutputTokensInput>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const group = (canvas: Canvas) => canvas.getByRole('group', { name: /^Max output tokens/ });
const noLimit = (canvas: Canvas) => within(group(canvas)).getByRole('radio', { name: /^No limit/ });
const limit = (canvas: Canvas) => within(group(canvas)).getByRole('radio', { name: /^Limit/ });
const box = (canvas: Canvas) => within(group(canvas)).getByRole('textbox', { name: 'Tokens' });

/** The parent owns the request; typed limits are reported as they parse. */
export const Controlled: Story = {
  render: (args) => (
    <ControlledHarness
      Component={MaxOutputTokensInput}
      args={args}
      initial={request}
      readoutLabel="Max output tokens JSON"
      readout={(request) => JSON.stringify(request.toJson().max_output_tokens ?? null)}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.clear(box(canvas));
    await userEvent.type(box(canvas), '2048');
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Max output tokens JSON')).toHaveTextContent('2048');
    await userEvent.click(noLimit(canvas));
    await expect(canvas.getByLabelText('Max output tokens JSON')).toHaveTextContent('"inf"');
  },
};

/** The input keeps its own state; "Limit" brings the last limit back. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(limit(canvas)).toBeChecked();
    await expect(box(canvas)).toHaveValue('1024');
    await userEvent.click(noLimit(canvas));
    await expect(box(canvas)).toHaveValue('');
    await userEvent.click(limit(canvas));
    await expect(box(canvas)).toHaveValue('1024');
  },
};

/** Inside a live session: a typed limit is sent when the box is left, and applied by the emulator. */
export const Connected: Story = {
  ...connectedTo(new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' })),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(within(group(canvas)).getByText('Server value')).toBeVisible());
    await expect(noLimit(canvas)).toBeChecked();
    await userEvent.type(box(canvas), '600');
    await userEvent.tab();
    await waitFor(() => expect(group(canvas)).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(group(canvas)).getByText('Applied')).toBeVisible();
  },
};

/** Over 4096 is out of range: shown as invalid, with the message tied to the box, and never sent. */
export const Invalid: Story = {
  args: { defaultValue: request.copyWith({ maxOutputTokens: 8192 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(box(canvas)).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText("must be between 1 and 4096, or 'inf'")).toBeVisible();
    await userEvent.clear(box(canvas));
    await userEvent.type(box(canvas), '4096');
    await expect(box(canvas)).not.toHaveAttribute('aria-invalid');
  },
};

/** Every control is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const option of canvas.getAllByRole('radio')) await expect(option).toBeDisabled();
    await expect(box(canvas)).toBeDisabled();
  },
};
