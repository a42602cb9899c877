import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { createScriptedSession, useScriptedSession } from '../support/scripted-session.js';
import {
  connectedTo,
  type LiveSessionParameters,
  waitForOpenSession,
  withLiveSession,
} from '../../.storybook/live-session.js';
import { ToolsEditor } from '../../src/components/tools-editor/index.js';
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

/**
 * The editor keeps its own state. Each tool is a one-line summary that opens
 * to its fields; open one and reorder from the keyboard.
 */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const first = canvas.getByRole('listitem', { name: /Function 1: lookup_order/ });
    const mcp = canvas.getByRole('listitem', { name: /MCP server 2: crm/ });
    const summary = within(mcp).getByRole('button', { name: /^MCP server 2: crm/ });
    await expect(summary).toHaveAttribute('aria-expanded', 'false');
    await expect(within(mcp).queryByRole('textbox', { name: 'Server label' })).toBeNull();
    summary.focus();
    await userEvent.keyboard('{Enter}');
    await expect(summary).toHaveAttribute('aria-expanded', 'true');
    await expect(within(mcp).getByRole('textbox', { name: 'Server label' })).toBeVisible();
    within(first).getByRole('button', { name: 'Move down' }).focus();
    await userEvent.keyboard('{Enter}');
    const moved = canvas.getByRole('listitem', { name: /Function 2: lookup_order/ });
    await expect(moved).toBeVisible();
    await expect(within(moved).getByRole('button', { name: 'Move up' })).toHaveFocus();
    // The open row stays open where it moved to.
    await expect(within(mcp).getByRole('button', { name: /^MCP server 1: crm/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  },
};

/** Inside a live session: a new function waits, unsent, until it has a valid name; then the emulator applies it. */
export const Connected: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    const root = canvasElement.querySelector('.rrs-tools-editor');
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Add function' }));
    const row = await canvas.findByRole('listitem', { name: /^Function 3$/ });
    await userEvent.type(within(row).getByRole('textbox', { name: 'Name' }), 'check_stock');
    await userEvent.tab();
    await waitFor(() => expect(canvas.getByRole('listitem', { name: /Function 3: check_stock/ })).toBeVisible());
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
  },
};

/**
 * The server refused a tool: a key it does not know. The tool is outlined with
 * the server's message, the key is listed for removal, and Revert is offered.
 */
export const Rejected: Story = {
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
    const canvas = within(canvasElement);
    const root = canvasElement.querySelector('.rrs-tools-editor');
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'rejected'), { timeout: 5000 });
    const row = canvas.getByRole('listitem', { name: /Function 1: beta_tool/ });
    await expect(row).toHaveAttribute('data-invalid', 'true');
    // A refused tool opens by itself, its summary saying so.
    await expect(within(row).getByRole('button', { name: /^Function 1: beta_tool Rejected$/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expect(within(row).getByText(/Unknown parameter/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Remove tools[0].strict_beta' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Revert tools' })).toBeEnabled();
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
    // An invalid tool opens by itself.
    await expect(canvas.getByRole('button', { name: /^Function 1: bad name Invalid 1 problem$/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expect(canvas.getByText('must be 1–64 letters, digits, underscores or hyphens')).toBeVisible();
    const editor = canvas.getByRole('textbox', { name: 'Parameters (JSON Schema)' });
    fireEvent.change(editor, { target: { value: '{\n  "type": "object",\n}' } });
    await expect(canvas.getByText(/^Line 3, column 1: /)).toBeVisible();
  },
};

/** A function just added: empty, kept in the draft, and without errors until its fields are left. */
export const NewFunction: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add function' }));
    const row = canvas.getByRole('listitem', { name: /^Function 3$/ });
    // It opens by itself, beside the closed tools above it.
    await expect(within(row).getByRole('button', { name: /^Function 3: unnamed/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expect(within(row).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await expect(within(row).queryByText('is required')).toBeNull();
    await expect(within(row).getByText('No description: the model sees only the name.')).toBeVisible();
  },
};

/** An import says what it will change and waits for Confirm. */
export const Import: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByText('Import or export JSON'));
    const json = canvas.getByRole('textbox', { name: 'Tools JSON' });
    const incoming = [
      { type: 'function', name: 'check_stock', description: 'Stock of a part.', parameters: { type: 'object' } },
    ];
    fireEvent.change(json, { target: { value: JSON.stringify(incoming, null, 2) } });
    await userEvent.click(canvas.getByRole('button', { name: 'Import' }));
    await expect(
      canvas.getByText('Replaces 2 tools with 1: adds check_stock, removes lookup_order, crm.'),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Confirm' })).toHaveFocus();
  },
};

const mcpServers = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  tools: [
    { type: 'mcp', serverLabel: 'shop', serverUrl: 'https://mcp.bike-shop.example/mcp', requireApproval: 'never' },
    {
      type: 'mcp',
      serverLabel: 'billing',
      serverUrl: 'https://billing.example/mcp',
      authorization: 'expired-token-not-shown',
    },
    { type: 'mcp', serverLabel: 'catalog', serverUrl: 'https://catalog.example/mcp' },
  ],
});

function McpListingsEditor(props: Parameters<typeof ToolsEditor>[0]) {
  const store = useScriptedSession(() =>
    createScriptedSession(mcpServers, {
      listMcp: (tool) =>
        tool['server_label'] === 'shop'
          ? {
              tools: ['get_weather', 'search_docs', 'lookup_order', 'check_stock', 'book_repair'].map((name) => ({
                name,
              })),
            }
          : tool['server_label'] === 'billing'
            ? {
                failed: true,
                kitError: {
                  reason: 'unauthorized',
                  message:
                    "MCP server 'billing' (https://billing.example/mcp) refused the request with HTTP 401: check its authorization.",
                },
              }
            : 'hold',
    }),
  );
  return <ToolsEditor {...props} session={store} />;
}

/**
 * Connected, each MCP tool says how the session's listing of its server
 * stands, under its summary, open or closed: the tools it listed, why it could
 * not list them (the emulator says why; the real API does not), or that it is
 * still listing. A scripted server plays the listings: a story runs in a
 * browser, where no MCP server can be reached.
 */
export const McpListings: Story = {
  render: (args) => <McpListingsEditor {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const line = (name: RegExp) => within(canvas.getByRole('listitem', { name })).getByRole('status');
    await waitFor(
      () => expect(line(/MCP server 1: shop/)).toHaveTextContent('5 tools: get_weather, search_docs, lookup_order, …'),
      {
        timeout: 5000,
      },
    );
    await waitFor(() => expect(line(/MCP server 2: billing/)).toHaveAttribute('data-status', 'failed'));
    await expect(line(/MCP server 2: billing/)).toHaveTextContent(/HTTP 401/);
    await expect(line(/MCP server 3: catalog/)).toHaveTextContent('Listing tools…');
    await expect(canvasElement).not.toHaveTextContent('expired-token-not-shown');
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
