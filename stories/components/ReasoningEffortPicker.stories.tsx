import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { ReasoningEffortPicker } from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2', reasoning: { effort: 'low' } });

const meta = {
  title: 'Components/ReasoningEffortPicker',
  component: ReasoningEffortPicker,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof ReasoningEffortPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

const group = (canvas: ReturnType<typeof within>) => canvas.getByRole('group', { name: /Reasoning effort/ });

/** The parent owns the request. */
export const Controlled: Story = {
  render: (args) => <ControlledHarness Component={ReasoningEffortPicker} args={args} initial={request} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(within(group(canvas)).getByRole('radio', { name: /^High/ }));
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Request JSON')).toHaveTextContent('"effort": "high"');
  },
};

/** The picker keeps its own state. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const radios = within(group(within(canvasElement)));
    await expect(radios.getByRole('radio', { name: /^Low/ })).toBeChecked();
    await userEvent.click(radios.getByRole('radio', { name: /^Minimal/ }));
    await expect(radios.getByRole('radio', { name: /^Minimal/ })).toBeChecked();
  },
};

/** Inside a live session: the chosen effort is applied by the emulator. */
export const Connected: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await userEvent.click(within(group(canvas)).getByRole('radio', { name: /^Extra high/ }));
    await waitFor(() => expect(group(canvas)).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
  },
};

/** A model that cannot reason: the picker is off and says why. */
export const Unavailable: Story = {
  args: { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-realtime' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const radio of within(group(canvas)).getAllByRole('radio')) await expect(radio).toBeDisabled();
    await expect(canvas.getByText(/gpt-realtime does not reason/)).toBeVisible();
  },
};

/** A leftover effort on a model that cannot reason is invalid and can be removed. */
export const Invalid: Story = {
  args: { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-realtime', reasoning: { effort: 'high' } }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('is only supported by reasoning models, not gpt-realtime')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Remove reasoning' }));
    await expect(canvas.queryByText('is only supported by reasoning models, not gpt-realtime')).toBeNull();
  },
};

/** Every option is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    for (const radio of within(canvasElement).getAllByRole('radio')) await expect(radio).toBeDisabled();
  },
};
