import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { withLiveSession, type LiveSessionParameters } from '../../.storybook/live-session.js';
import { ToolsEditor } from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  tools: [
    {
      type: 'function',
      name: 'lookup_order',
      description: 'Finds an order by its number.',
      parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
    },
    {
      type: 'mcp',
      serverLabel: 'crm',
      serverUrl: 'https://mcp.example.com/sse',
      authorization: 'oauth-token-not-shown',
      headers: { 'X-Tenant': 'bike-shop' },
      requireApproval: 'never',
    },
  ],
});

const meta = {
  title: 'Components/ToolsEditor',
  component: ToolsEditor,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof ToolsEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The parent owns the request. */
export const Controlled: Story = {
  render: (args) => (
    <ControlledHarness
      Component={ToolsEditor}
      args={args}
      initial={request}
      readoutLabel="Tool count"
      readout={(request) => `${request.tools?.length ?? 0} tools`}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add function' }));
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Tool count')).toHaveTextContent('3 tools');
  },
};

/** The editor keeps its own state; reorder from the keyboard. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const first = canvas.getByRole('listitem', { name: /Function 1: lookup_order/ });
    within(first).getByRole('button', { name: 'Move down' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('listitem', { name: /Function 2: lookup_order/ })).toBeVisible();
  },
};

/** Inside a live session: a new tool is applied by the emulator. */
export const Connected: Story = {
  decorators: [withLiveSession],
  parameters: { liveSession: { initial: request } satisfies LiveSessionParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Session status')).toHaveTextContent('open'), { timeout: 5000 });
    const root = canvasElement.querySelector('.rrs-tools-editor');
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Add function' }));
    await waitFor(() => expect(canvas.getByRole('listitem', { name: /Function 3: new_function/ })).toBeVisible());
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
  },
};

/** A session whose tools the server refused: the tools stay in the draft, flagged, until edited. */
export const Locked: Story = {
  decorators: [withLiveSession],
  parameters: {
    liveSession: {
      // The emulator refuses keys it does not know, like the real API.
      initial: RealtimeSessionCreateRequest.fromJson({
        model: 'gpt-realtime-2',
        tools: [{ type: 'function', name: 'beta_tool', parameters: { type: 'object' }, strict_beta: true }],
      }),
    } satisfies LiveSessionParameters,
  },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('.rrs-tools-editor');
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'rejected'), { timeout: 5000 });
    await expect(within(canvasElement).getByText(/Unknown parameter/)).toBeVisible();
  },
};

/** Invalid tools show their issues and are never sent; JSON syntax errors show line and column. */
export const Invalid: Story = {
  args: {
    defaultValue: new RealtimeSessionCreateRequest({
      model: 'gpt-realtime-2',
      tools: [{ type: 'function', name: 'bad name', parameters: { type: 'object' } }],
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('must be 1–64 letters, digits, underscores or hyphens')).toBeVisible();
    const editor = canvas.getByRole('textbox', { name: 'Parameters (JSON Schema)' });
    fireEvent.change(editor, { target: { value: '{\n  "type": "object",\n}' } });
    await expect(canvas.getByText(/^Line 3, column 1: /)).toBeVisible();
  },
};

/** Everything off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Add function' })).toBeDisabled();
    for (const box of canvas.getAllByRole('textbox')) await expect(box).toBeDisabled();
  },
};
