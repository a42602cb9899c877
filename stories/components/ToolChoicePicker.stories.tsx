import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { ToolChoicePicker } from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  tools: [
    { type: 'function', name: 'lookup_order', description: 'Finds an order by its number.' },
    { type: 'function', name: 'book_repair', description: 'Books a repair slot.' },
    { type: 'mcp', serverLabel: 'crm', serverUrl: 'https://mcp.example.com/sse' },
  ],
});

const meta = {
  title: 'Components/ToolChoicePicker',
  component: ToolChoicePicker,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof ToolChoicePicker>;

export default meta;
type Story = StoryObj<typeof meta>;

const group = (canvas: ReturnType<typeof within>) => canvas.getByRole('group', { name: /Tool choice/ });

/** The parent owns the request. */
export const Controlled: Story = {
  render: (args) => (
    <ControlledHarness
      Component={ToolChoicePicker}
      args={args}
      initial={request}
      readoutLabel="Tool choice JSON"
      readout={(request) => JSON.stringify(request.toJson().tool_choice ?? null)}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(within(group(canvas)).getByRole('radio', { name: 'A specific tool' }));
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Tool to call' }), 'Function: book_repair');
    await expect(canvas.getByLabelText('Tool choice JSON')).toHaveTextContent(
      '{"type":"function","name":"book_repair"}',
    );
  },
};

/** The picker keeps its own state. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const radios = within(group(within(canvasElement)));
    await userEvent.click(radios.getByRole('radio', { name: 'Required' }));
    await expect(radios.getByRole('radio', { name: 'Required' })).toBeChecked();
  },
};

/** Inside a live session: the choice is applied by the emulator. */
export const Connected: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await userEvent.click(within(group(canvas)).getByRole('radio', { name: 'None' }));
    await waitFor(() => expect(group(canvas)).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
  },
};

/** No tools yet: a specific tool cannot be chosen. */
export const NoTools: Story = {
  args: { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2', tools: [] }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(within(group(canvas)).getByRole('radio', { name: 'A specific tool' })).toBeDisabled();
    await expect(canvas.getByText('Add a tool to be able to require a specific one.')).toBeVisible();
  },
};

/** A choice naming a tool that is gone: invalid, never sent. */
export const Invalid: Story = {
  args: { defaultValue: request.copyWith({ toolChoice: { type: 'function', name: 'cancel_order' } }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('names no function tool of this session: cancel_order')).toBeVisible();
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Tool to call' }), 'Function: lookup_order');
    await expect(canvas.queryByText('names no function tool of this session: cancel_order')).toBeNull();
  },
};

/** Everything off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    for (const radio of within(canvasElement).getAllByRole('radio')) await expect(radio).toBeDisabled();
  },
};
