import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { ModelPicker } from '../../src/components/model-picker/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });

const meta = {
  title: 'Components/ModelPicker',
  component: ModelPicker,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof ModelPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const group = (canvas: Canvas) => canvas.getByRole('group', { name: /^Model/ });
const list = (canvas: Canvas) => within(group(canvas)).getByRole('combobox', { name: 'Model' });
const choose = (canvas: Canvas, model: string) => userEvent.selectOptions(list(canvas), model);

/** The parent owns the request; the picker reports each change through `onValueChange`. */
export const Controlled: Story = {
  render: (args) => <ControlledHarness Component={ModelPicker} args={args} initial={request} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await choose(canvas, 'gpt-realtime-mini');
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Request JSON')).toHaveTextContent('"model": "gpt-realtime-mini"');
  },
};

/** The picker keeps its own state. A deprecated model says when it shuts down; any other id can be typed under Custom model. */
export const Uncontrolled: Story = {
  args: { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-realtime' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(list(canvas)).toHaveValue('gpt-realtime');
    await expect(canvas.getByText(/gpt-realtime shuts down on 2027-01-20; move to gpt-realtime-2/)).toBeVisible();
    await expect(canvas.getByText('Shuts down 2027-01-20')).toBeVisible();
    await choose(canvas, 'custom');
    const custom = canvas.getByRole('textbox', { name: 'Custom model ID' });
    await userEvent.type(custom, 'ft:gpt-realtime-2:acme');
    await expect(custom).toHaveValue('ft:gpt-realtime-2:acme');
    await expect(canvas.getByText(/is not in the capability table/)).toBeVisible();
  },
};

/**
 * Inside a live session: the session keeps its model, and the picker says so.
 * A new model is held until "Reconnect to apply" opens a new session on it.
 */
export const Connected: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await expect(canvas.getByText(/The model of a live session cannot change/)).toBeVisible();
    await choose(canvas, 'gpt-realtime-mini');
    await waitFor(() => expect(group(canvas)).toHaveAttribute('data-status', 'locked'));
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect to apply' }));
    await waitFor(() => expect(group(canvas)).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await waitForOpenSession(canvas);
    await expect(list(canvas)).toHaveValue('gpt-realtime-mini');
    await expect(within(group(canvas)).getByText('Applied')).toBeVisible();
  },
};

/** A new model for an open session waits, marked Locked, with the reason and the way out. */
export const Locked: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await choose(canvas, 'gpt-realtime-2.1');
    await waitFor(() => expect(group(canvas)).toHaveAttribute('data-status', 'locked'));
    await expect(within(group(canvas)).getByText('Locked')).toBeVisible();
    await expect(canvas.getByText(/the conversation restarts/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Reconnect to apply' })).toBeVisible();
  },
};

/** An empty model id is invalid, with the message tied to the box; typing one fixes it. */
export const Invalid: Story = {
  args: { defaultValue: new RealtimeSessionCreateRequest({ model: '' }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const custom = canvas.getByRole('textbox', { name: 'Custom model ID' });
    await expect(custom).toHaveAttribute('aria-invalid', 'true');
    await expect(group(canvas)).toHaveAttribute('data-status', 'invalid');
    await userEvent.type(custom, 'gpt-realtime-2.1-mini');
    await expect(custom).not.toHaveAttribute('aria-invalid');
  },
};

/** Every control is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(list(canvas)).toBeDisabled();
  },
};
