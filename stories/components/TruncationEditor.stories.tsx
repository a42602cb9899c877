import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { TruncationEditor } from '../../src/components/truncation-editor/index.js';
import { RealtimeSessionCreateRequest, RealtimeTruncation } from '../../src/model/index.js';

const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const request = unspecified.copyWith({
  truncation: new RealtimeTruncation({ retentionRatio: 0.7, tokenLimits: { postInstructions: 8000 } }),
});

const meta = {
  title: 'Components/TruncationEditor',
  component: TruncationEditor,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof TruncationEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const strategy = (canvas: Canvas, name: RegExp) =>
  within(canvas.getByRole('group', { name: 'Truncation' })).getByRole('radio', { name });

/** The parent owns the request; a retention ratio starts at 0.8. */
export const Controlled: Story = {
  render: (args) => <ControlledHarness Component={TruncationEditor} args={args} initial={unspecified} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(strategy(canvas, /^Retention ratio/));
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Request JSON')).toHaveTextContent('"retention_ratio": 0.8');
  },
};

/** The editor keeps its own state: the ratio has a box and a slider, the token limit is optional. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(strategy(canvas, /^Retention ratio/)).toBeChecked();
    const ratio = canvas.getByRole('textbox', { name: 'Retention ratio' });
    await userEvent.clear(ratio);
    await userEvent.type(ratio, '0.9');
    await expect(canvas.getByRole('slider', { name: 'Retention ratio slider' })).toHaveValue('0.9');
  },
};

/** Inside a live session: the server's strategy shows, and a retention ratio is applied by the emulator. */
export const Connected: Story = {
  ...connectedTo(unspecified),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(strategy(canvas, /^Auto/)).toBeChecked());
    const group = canvas.getByRole('group', { name: 'Truncation' });
    await expect(within(group).getByText('Server value')).toBeVisible();
    await userEvent.click(strategy(canvas, /^Retention ratio/));
    await waitFor(() => expect(group).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(group).getByText('Applied')).toBeVisible();
  },
};

/** An out-of-range ratio and a fractional token limit are invalid, named, and never sent. */
export const Invalid: Story = {
  args: {
    defaultValue: unspecified.copyWith({
      truncation: new RealtimeTruncation({ retentionRatio: 1.5, tokenLimits: { postInstructions: 1000.5 } }),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const ratio = canvas.getByRole('textbox', { name: 'Retention ratio' });
    await expect(ratio).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText(/Retention ratio must be between 0 and 1\./)).toBeVisible();
    await expect(canvas.getByText(/Token limit must be a whole number\./)).toBeVisible();
    await userEvent.clear(ratio);
    await userEvent.type(ratio, '0.5');
    await expect(ratio).not.toHaveAttribute('aria-invalid');
  },
};

/** Every control is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const radio of canvas.getAllByRole('radio')) await expect(radio).toBeDisabled();
    await expect(canvas.getByRole('slider', { name: 'Retention ratio slider' })).toBeDisabled();
    await expect(canvas.getByRole('textbox', { name: 'Token limit' })).toBeDisabled();
  },
};
