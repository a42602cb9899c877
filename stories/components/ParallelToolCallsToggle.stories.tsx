import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { ParallelToolCallsToggle } from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });

const meta = {
  title: 'Components/ParallelToolCallsToggle',
  component: ParallelToolCallsToggle,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof ParallelToolCallsToggle>;

export default meta;
type Story = StoryObj<typeof meta>;

const toggle = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole('switch', { name: 'Parallel tool calls' });

/** The parent owns the request. */
export const Controlled: Story = {
  render: (args) => <ControlledHarness Component={ParallelToolCallsToggle} args={args} initial={request} />,
  play: async ({ canvasElement, args }) => {
    await userEvent.click(toggle(canvasElement));
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(within(canvasElement).getByLabelText('Request JSON')).toHaveTextContent(
      '"parallel_tool_calls": false',
    );
  },
};

/** The toggle keeps its own state; it starts at the API default (on). */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    await expect(toggle(canvasElement)).toBeChecked();
    toggle(canvasElement).focus();
    await userEvent.keyboard(' ');
    await expect(toggle(canvasElement)).not.toBeChecked();
  },
};

/** Inside a live session: the switch is applied by the emulator. */
export const Connected: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await userEvent.click(toggle(canvasElement));
    const root = canvasElement.querySelector('.rrs-parallel-tool-calls-toggle');
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(canvas.getByText('Applied')).toBeVisible();
  },
};

/** A model that cannot reason: the switch is off and disabled, with the reason. */
export const Unavailable: Story = {
  args: { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-realtime' }) },
  play: async ({ canvasElement }) => {
    await expect(toggle(canvasElement)).toBeDisabled();
    await expect(within(canvasElement).getByText(/Only reasoning models call tools in parallel/)).toBeVisible();
  },
};

/** A leftover value on a model that cannot reason: invalid, and one toggle removes it. */
export const Invalid: Story = {
  args: { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-realtime', parallelToolCalls: true }) },
  play: async ({ canvasElement }) => {
    await expect(toggle(canvasElement)).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(toggle(canvasElement));
    await expect(toggle(canvasElement)).toBeDisabled();
  },
};

/** Off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    await expect(toggle(canvasElement)).toBeDisabled();
  },
};
