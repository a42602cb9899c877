import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { TracingEditor } from '../../src/components/tracing-editor/index.js';
import { RealtimeSessionCreateRequest, RealtimeTracingConfig } from '../../src/model/index.js';

const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const request = unspecified.copyWith({
  tracing: new RealtimeTracingConfig({ workflowName: 'support-bot', groupId: 'eu-west', metadata: { tier: 'gold' } }),
});

const meta = {
  title: 'Components/TracingEditor',
  component: TracingEditor,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof TracingEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const group = (canvas: Canvas) => canvas.getByRole('group', { name: 'Tracing' });
const mode = (canvas: Canvas, name: RegExp) => within(group(canvas)).getByRole('radio', { name });

/** The parent owns the request; custom settings come back after a trip through Auto. */
export const Controlled: Story = {
  render: (args) => <ControlledHarness Component={TracingEditor} args={args} initial={request} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const readout = canvas.getByLabelText('Request JSON');
    await userEvent.click(mode(canvas, /^Auto/));
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(readout).toHaveTextContent('"tracing": "auto"');
    await userEvent.click(mode(canvas, /^Custom/));
    await expect(readout).toHaveTextContent('"workflow_name": "support-bot"');
  },
};

/** The editor keeps its own settings: names, and metadata as name–value rows. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(mode(canvas, /^Custom/)).toBeChecked();
    await userEvent.click(canvas.getByRole('button', { name: 'Add entry' }));
    await expect(canvas.getByRole('textbox', { name: 'Entry 2 name' })).toHaveValue('entry_2');
  },
};

/** On a live session that does not trace yet, custom settings are filled in, then sent together. */
export const Connected: Story = {
  ...connectedTo(unspecified),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(mode(canvas, /^Off/)).toBeChecked());
    await userEvent.click(mode(canvas, /^Custom/));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Workflow name' }), 'support-bot');
    await userEvent.click(canvas.getByRole('button', { name: 'Turn on tracing' }));
    await waitFor(() => expect(group(canvas)).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(group(canvas)).getByText('Applied')).toBeVisible();
  },
};

/** The session traces from the start: tracing cannot change, and an edit waits for "Reconnect to apply". */
export const Locked: Story = {
  ...connectedTo(unspecified.copyWith({ tracing: 'auto' })),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(canvas.getByText(/Tracing cannot change once enabled/)).toBeVisible(), {
      timeout: 5000,
    });
    await userEvent.click(mode(canvas, /^Off/));
    await expect(group(canvas)).toHaveAttribute('data-status', 'locked');
    await expect(canvas.getByRole('button', { name: 'Reconnect to apply' })).toBeVisible();
  },
};

/** An empty workflow name is invalid, named, and never sent. */
export const Invalid: Story = {
  args: { defaultValue: unspecified.copyWith({ tracing: new RealtimeTracingConfig({ workflowName: ' ' }) }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const name = canvas.getByRole('textbox', { name: 'Workflow name' });
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('Workflow name must not be empty.')).toBeVisible();
    await userEvent.clear(name);
    await expect(name).not.toHaveAttribute('aria-invalid');
  },
};

/** Every control is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const radio of canvas.getAllByRole('radio')) await expect(radio).toBeDisabled();
    await expect(canvas.getByRole('textbox', { name: 'Workflow name' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Add entry' })).toBeDisabled();
  },
};
