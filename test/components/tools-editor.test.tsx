import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToolsEditor, parseJsonText } from '../../src/components/tools-editor/index.js';
import {
  RealtimeFunctionTool,
  RealtimeMcpTool,
  RealtimeSessionCreateRequest,
  type JsonObject,
} from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore, MCP_LISTING_FAILED_MESSAGE, type RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { emulatorPerTest, LiveSession } from '../support/live-session.js';
import { SAMPLE_MCP_TOOLS, startDownServer, startMcpServer, type McpTestServer } from '../support/mcp-servers.js';
import { createFakeTransport } from '../session/fake-transport.js';
import { describeFieldContract } from './field-contract.js';

const lookup = {
  type: 'function' as const,
  name: 'lookup_order',
  description: 'Finds an order.',
  parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
};
const crm = {
  type: 'mcp' as const,
  serverLabel: 'crm',
  serverUrl: 'https://mcp.example.com/sse',
  authorization: 'secret-token-123',
  headers: { 'X-Api-Key': 'hidden-value' },
};
const weather = {
  type: 'function',
  name: 'get_weather',
  description: 'The weather in a city.',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
};
const bare = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const empty = bare.copyWith({ tools: [] });
const withTools = bare.copyWith({ tools: [lookup, crm] });
const newFunction = { type: 'function', name: '', description: '', parameters: { type: 'object', properties: {} } };

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const last = (mock: ReturnType<typeof vi.fn>) => mock.mock.calls.at(-1)?.[0] as RealtimeSessionCreateRequest;
const tool = (name: RegExp) => screen.getByRole('listitem', { name });
const editorRoot = () => document.querySelector('.rrs-tools-editor') as HTMLElement;
// The field's badge, in its legend; each row's summary has its own status.
const badge = () => editorRoot().querySelector('legend .rrs-status');
/** The names the rows' summaries show, in order ("Function 1: lookup_order" → "lookup_order"). */
const namesShown = () =>
  screen.queryAllByRole('listitem').map((item) =>
    within(item)
      .getByText(/^(?:Function|MCP server) \d+/)
      .textContent?.replace(/^[^:]*(?:: )?/, ''),
  );
/** A row's disclosure button: the summary line, named by all it says ("Function 1: lookup_order Invalid 1 problem"). */
const toggleOf = (row: HTMLElement) => within(row).getByRole('button', { name: /^(?:Function|MCP server) \d+/ });
/** Opens a closed row as a user would, by its summary button; returns the row. */
async function expand(name: RegExp): Promise<HTMLElement> {
  const row = tool(name);
  await userEvent.click(within(row).getByRole('button', { expanded: false }));
  return row;
}
/** Replaces a text box's content in one change event, as a paste would. */
const paste = (element: HTMLElement, text: string) => fireEvent.change(element, { target: { value: text } });
const describedBy = (element: HTMLElement) => element.getAttribute('aria-describedby')?.split(' ') ?? [];

/** An open session over a scripted transport, its first update acknowledged. */
function openSession(initial: RealtimeSessionCreateRequest, { ack = true }: { ack?: boolean } = {}) {
  const transport = createFakeTransport();
  const store = createSessionStore({ initial, transport, batchNotify: act });
  act(() => {
    store.connect();
    transport.open();
    if (ack && transport.updates().length > 0) transport.ack();
  });
  render(
    <RealtimeSessionProvider session={store}>
      <ToolsEditor />
    </RealtimeSessionProvider>,
  );
  return { store, transport };
}

describeFieldContract({
  name: 'ToolsEditor',
  Component: ToolsEditor,
  path: 'tools',
  request: bare,
  // One edit that ends valid in a single step (an added function is empty until typed into): an import.
  edit: async (user) => {
    await user.click(screen.getByText('Import or export JSON'));
    await user.click(screen.getByRole('textbox', { name: 'Tools JSON' }));
    await user.paste(JSON.stringify([lookup]));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
  },
  edited: [new RealtimeFunctionTool(lookup)],
  expectShown: (value) =>
    expect(namesShown()).toEqual((value ?? []).map((item) => (item as RealtimeFunctionTool).name)),
  apiDefault: [],
  serverValue: {
    json: { tools: [weather] },
    value: RealtimeSessionCreateRequest.fromJson({ model: 'gpt-realtime', tools: [weather] }).tools,
  },
  invalid: bare.copyWith({ tools: [{ type: 'function', name: 'bad name' }] }),
});

describe('ToolsEditor', () => {
  describe('the list', () => {
    it('adds a function with an empty name, showing its errors only once its fields are left', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={empty} onValueChange={onValueChange} />);
      expect(screen.getByText('No tools yet.')).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Add function' }));
      expect(last(onValueChange).toJson().tools).toEqual([newFunction]);
      const row = tool(/^Function 1$/);
      const name = within(row).getByRole('textbox', { name: 'Name' });
      expect(name).toHaveFocus();
      expect(name).not.toHaveAttribute('aria-invalid');
      expect(screen.queryByText('is required')).toBeNull();
      expect(row).not.toHaveAttribute('data-invalid');
      expect(badge()).toHaveTextContent('Incomplete');
      // An empty description is allowed, and said so.
      expect(within(row).getByText('No description: the model sees only the name.')).toBeInTheDocument();

      await userEvent.tab();
      expect(name).toHaveAttribute('aria-invalid', 'true');
      const error = within(row).getByText('is required');
      expect(describedBy(name)).toContain(error.id);
      // The error takes the hint's place rather than repeating it.
      expect(within(row).queryByText(/1–64 letters/)).toBeNull();

      await userEvent.type(name, 'lookup');
      expect(name).not.toHaveAttribute('aria-invalid');
      expect(within(row).getByText(/1–64 letters/)).toBeInTheDocument();
      expect((last(onValueChange).tools?.[0] as RealtimeFunctionTool).name).toBe('lookup');
    });

    it('adds an MCP server with no errors until something is typed and left', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={empty} onValueChange={onValueChange} />);
      await userEvent.click(screen.getByRole('button', { name: 'Add MCP server' }));
      expect(last(onValueChange).toJson().tools).toEqual([{ type: 'mcp', server_label: '' }]);
      const row = tool(/^MCP server 1$/);
      const label = within(row).getByRole('textbox', { name: 'Server label' });
      expect(label).toHaveFocus();
      expect(row.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
      expect(row.querySelector('.rrs-error')).toBeNull();

      await userEvent.tab();
      expect(within(row).getByText('must not be empty')).toBeInTheDocument();
      expect(within(row).queryByText('give a server URL, a connector or a tunnel')).toBeNull();

      // Leaving the row shows the rest.
      await userEvent.click(screen.getByRole('button', { name: 'Add function' }));
      expect(within(row).getByText('give a server URL, a connector or a tunnel')).toBeInTheDocument();
      expect(row).toHaveAttribute('data-invalid', 'true');
    });

    it('removes and duplicates', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      await userEvent.click(within(tool(/Function 1: lookup_order/)).getByRole('button', { name: 'Duplicate' }));
      expect(
        last(onValueChange).tools?.map(
          (item) => (item as RealtimeFunctionTool).name ?? (item as RealtimeMcpTool).serverLabel,
        ),
      ).toEqual(['lookup_order', 'lookup_order_copy', 'crm']);
      await userEvent.click(within(tool(/MCP server 3: crm/)).getByRole('button', { name: 'Remove' }));
      expect(last(onValueChange).tools).toHaveLength(2);
    });

    it('keys rows by tool, not position: removing the tool above keeps a half-typed schema', async () => {
      const second = { ...lookup, name: 'cancel_order' };
      render(<ToolsEditor defaultValue={empty.copyWith({ tools: [lookup, second] })} />);
      const half = '{\n  "type": "object",\n  "properties": {';
      paste(
        within(await expand(/Function 2: cancel_order/)).getByRole('textbox', { name: 'Parameters (JSON Schema)' }),
        half,
      );
      await userEvent.click(within(tool(/Function 1: lookup_order/)).getByRole('button', { name: 'Remove' }));
      const row = tool(/Function 1: cancel_order/);
      expect(within(row).getByRole('textbox', { name: 'Parameters (JSON Schema)' })).toHaveValue(half);
      expect(within(row).getByText(/^Line 3, column \d+: expected/)).toBeInTheDocument();
    });

    it('reorders from the keyboard, keeping focus on the moved tool', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      within(tool(/Function 1: lookup_order/))
        .getByRole('button', { name: 'Move down' })
        .focus();
      await userEvent.keyboard('{Enter}');
      expect(last(onValueChange).tools?.[0]).toBeInstanceOf(RealtimeMcpTool);
      const moved = tool(/Function 2: lookup_order/);
      expect(moved).toContainElement(document.activeElement as HTMLElement);
      expect(document.activeElement).toHaveTextContent('Move up');
      await userEvent.keyboard('{Enter}');
      expect(last(onValueChange).tools?.[1]).toBeInstanceOf(RealtimeMcpTool);
    });
  });

  describe('rows open and close', () => {
    const invalidAndValid = empty.copyWith({
      tools: [lookup, { type: 'mcp', serverLabel: '', serverUrl: 'ftp://x' }, { type: 'function', name: 'bad name' }],
    });

    it('start closed, as a summary: kind, name, no status while fine; the fields stay hidden', () => {
      render(<ToolsEditor defaultValue={withTools} />);
      const fn = tool(/^Function 1: lookup_order$/);
      const toggle = toggleOf(fn);
      expect(toggle).toHaveAccessibleName('Function 1: lookup_order');
      expect(toggle).toHaveAttribute('aria-expanded', 'false');
      const body = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
      expect(fn).toContainElement(body);
      expect(body).not.toBeVisible();
      expect(fn).toHaveAttribute('data-state', 'closed');
      expect(within(fn).queryByRole('textbox')).toBeNull();
      expect(toggleOf(tool(/MCP server 2: crm/))).toHaveAccessibleName('MCP server 2: crm');
      // The actions stay on the summary line.
      for (const action of ['Move up', 'Move down', 'Duplicate', 'Remove'])
        expect(within(fn).getByRole('button', { name: action })).toBeInTheDocument();
      // Closed rows keep the editor short: no field of either tool is shown.
      expect(within(screen.getByRole('list')).queryAllByRole('textbox')).toHaveLength(0);
    });

    it('opens to its fields and closes again; an open row stays open through edits and reordering', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      const fn = tool(/Function 1/);
      await userEvent.click(toggleOf(fn));
      expect(toggleOf(fn)).toHaveAttribute('aria-expanded', 'true');
      expect(fn).toHaveAttribute('data-state', 'open');
      const name = within(fn).getByRole('textbox', { name: 'Name' });
      expect(name).toBeVisible();
      expect(within(fn).getByRole('textbox', { name: 'Parameters (JSON Schema)' })).toBeVisible();
      // The other row is still closed.
      expect(toggleOf(tool(/MCP server 2/))).toHaveAttribute('aria-expanded', 'false');

      await userEvent.type(name, '_v2');
      expect(toggleOf(tool(/Function 1: lookup_order_v2/))).toHaveAttribute('aria-expanded', 'true');
      await userEvent.click(within(tool(/Function 1/)).getByRole('button', { name: 'Move down' }));
      expect(last(onValueChange).tools?.[1]).toBeInstanceOf(RealtimeFunctionTool);
      expect(toggleOf(tool(/Function 2: lookup_order_v2/))).toHaveAttribute('aria-expanded', 'true');
      expect(toggleOf(tool(/MCP server 1: crm/))).toHaveAttribute('aria-expanded', 'false');

      await userEvent.click(toggleOf(tool(/Function 2/)));
      expect(toggleOf(tool(/Function 2/))).toHaveAttribute('aria-expanded', 'false');
      expect(within(tool(/Function 2/)).queryByRole('textbox')).toBeNull();
    });

    it('keeps half-typed JSON, and its error, while closed', async () => {
      render(<ToolsEditor defaultValue={withTools} />);
      const row = await expand(/Function 1/);
      paste(within(row).getByRole('textbox', { name: 'Parameters (JSON Schema)' }), '{ "type": ');
      await userEvent.click(toggleOf(row));
      expect(toggleOf(row)).toHaveAccessibleName('Function 1: lookup_order Invalid 1 problem');
      expect(editorRoot()).toHaveAttribute('data-status', 'invalid');
      await userEvent.click(toggleOf(row));
      expect(within(row).getByRole('textbox', { name: 'Parameters (JSON Schema)' })).toHaveValue('{ "type": ');
    });

    it('toggles from the keyboard: Enter and Space on the summary, then Tab reaches the actions', async () => {
      render(<ToolsEditor defaultValue={withTools} />);
      const row = tool(/MCP server 2: crm/);
      await userEvent.tab();
      expect(toggleOf(tool(/Function 1/))).toHaveFocus();
      await userEvent.tab(); // Move up is disabled on the first row: Move down is next.
      expect(within(tool(/Function 1/)).getByRole('button', { name: 'Move down' })).toHaveFocus();
      toggleOf(row).focus();
      await userEvent.keyboard('{Enter}');
      expect(toggleOf(row)).toHaveAttribute('aria-expanded', 'true');
      expect(toggleOf(row)).toHaveFocus();
      expect(within(row).getByRole('textbox', { name: 'Server label' })).toBeVisible();
      await userEvent.keyboard(' ');
      expect(toggleOf(row)).toHaveAttribute('aria-expanded', 'false');
      expect(within(row).queryByRole('textbox', { name: 'Server label' })).toBeNull();
      await userEvent.tab();
      expect(within(row).getByRole('button', { name: 'Move up' })).toHaveFocus();
    });

    it('opens a row the user adds or duplicates, focusing a new one’s name; it is Incomplete until left', async () => {
      render(<ToolsEditor defaultValue={withTools} />);
      await userEvent.click(screen.getByRole('button', { name: 'Add function' }));
      const added = tool(/^Function 3$/);
      expect(toggleOf(added)).toHaveAttribute('aria-expanded', 'true');
      expect(toggleOf(added)).toHaveAccessibleName('Function 3: unnamed Incomplete');
      expect(within(added).getByRole('textbox', { name: 'Name' })).toHaveFocus();
      await userEvent.click(within(tool(/Function 1/)).getByRole('button', { name: 'Duplicate' }));
      // The new function was left empty: now it is wrong, and says how much.
      expect(toggleOf(tool(/^Function 4$/))).toHaveAccessibleName('Function 4: unnamed Invalid 1 problem');
      const copy = tool(/Function 2: lookup_order_copy/);
      expect(toggleOf(copy)).toHaveAttribute('aria-expanded', 'true');
      expect(within(copy).getByRole('textbox', { name: 'Name' })).toHaveValue('lookup_order_copy');
      expect(toggleOf(tool(/Function 1: lookup_order$/))).toHaveAttribute('aria-expanded', 'false');
      expect(toggleOf(tool(/MCP server 3: crm/))).toHaveAttribute('aria-expanded', 'false');
    });

    it('opens an invalid row by itself, saying its status and how many problems it has', () => {
      render(<ToolsEditor defaultValue={invalidAndValid} />);
      expect(toggleOf(tool(/Function 1: lookup_order/))).toHaveAttribute('aria-expanded', 'false');
      const mcp = tool(/^MCP server 2$/);
      expect(toggleOf(mcp)).toHaveAttribute('aria-expanded', 'true');
      expect(toggleOf(mcp)).toHaveAccessibleName('MCP server 2: unnamed Invalid 2 problems');
      expect(within(mcp).getByText('must not be empty')).toBeVisible();
      expect(within(mcp).getByText('must be an http(s) URL')).toBeVisible();
      const fn = tool(/Function 3: bad name/);
      expect(toggleOf(fn)).toHaveAccessibleName('Function 3: bad name Invalid 1 problem');
      expect(within(fn).getByRole('textbox', { name: 'Name' })).toBeVisible();
      expect(within(toggleOf(fn)).getByText('Invalid')).toHaveAttribute('data-status', 'invalid');
    });

    it('opens a row that gets a problem, unless the user closed it by hand', async () => {
      render(<ToolsEditor defaultValue={empty.copyWith({ tools: [lookup, { ...lookup, name: 'cancel_order' }] })} />);
      const first = await expand(/Function 1/);
      paste(within(first).getByRole('textbox', { name: 'Name' }), 'cancel_order');
      // The duplicate is the second row's problem: it opens to show it.
      const second = tool(/Function 2/);
      expect(toggleOf(second)).toHaveAttribute('aria-expanded', 'true');
      expect(within(second).getByText('duplicates the name of tools[0]')).toBeVisible();
      await userEvent.click(toggleOf(second));
      paste(within(first).getByRole('textbox', { name: 'Name' }), 'lookup_order');
      paste(within(first).getByRole('textbox', { name: 'Name' }), 'cancel_order');
      expect(toggleOf(second)).toHaveAttribute('aria-expanded', 'false');
      expect(toggleOf(second)).toHaveAccessibleName('Function 2: cancel_order Invalid 1 problem');
    });

    it('opens and focuses a row added under a controlled parent that takes the edit', async () => {
      function Parent() {
        const [value, setValue] = useState(withTools);
        return <ToolsEditor value={value} onValueChange={setValue} />;
      }
      render(<Parent />);
      await userEvent.click(screen.getByRole('button', { name: 'Add function' }));
      const added = tool(/^Function 3$/);
      expect(toggleOf(added)).toHaveAttribute('aria-expanded', 'true');
      expect(within(added).getByRole('textbox', { name: 'Name' })).toHaveFocus();
      expect(toggleOf(tool(/Function 1/))).toHaveAttribute('aria-expanded', 'false');
    });

    it('shows every row open while disabled, its toggle off with the rest', () => {
      render(<ToolsEditor defaultValue={withTools} disabled />);
      for (const row of screen.getAllByRole('listitem')) {
        expect(toggleOf(row)).toHaveAttribute('aria-expanded', 'true');
        expect(toggleOf(row)).toBeDisabled();
      }
      expect(screen.getAllByRole('textbox', { name: 'Name' })).toHaveLength(1);
    });

    it('has no axe violations closed, open, and open with problems', async () => {
      const { container } = render(<ToolsEditor defaultValue={invalidAndValid} />);
      expect(await axeViolations(container)).toEqual([]);
      await userEvent.click(toggleOf(tool(/Function 1/)));
      await userEvent.click(toggleOf(tool(/MCP server 2/)));
      expect(await axeViolations(container)).toEqual([]);
    });
  });

  describe('function tools', () => {
    it('validates the name: pattern and uniqueness, wired to the input', async () => {
      render(<ToolsEditor defaultValue={withTools} />);
      const name = within(await expand(/Function 1/)).getByRole('textbox', { name: 'Name' });
      paste(name, 'bad name!');
      expect(name).toHaveAttribute('aria-invalid', 'true');
      const message = within(tool(/Function 1/)).getByText('must be 1–64 letters, digits, underscores or hyphens');
      expect(within(tool(/Function 1/)).queryByText(/1–64 letters, digits, _ or -/)).toBeNull();
      expect(screen.getByText('1 tool has problems; the tools are not sent until they are fixed.')).toBeInTheDocument();
      expect(describedBy(name)).toContain(message.id);
      await userEvent.click(within(tool(/Function 1/)).getByRole('button', { name: 'Duplicate' }));
      paste(name, 'same');
      paste(within(tool(/Function 2/)).getByRole('textbox', { name: 'Name' }), 'same');
      expect(screen.getByText('duplicates the name of tools[0]')).toBeInTheDocument();
    });

    it('shows JSON syntax errors with line and column, and keeps the last good schema', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      const editor = within(await expand(/Function 1/)).getByRole('textbox', { name: 'Parameters (JSON Schema)' });
      paste(editor, '{\n  "type": "object",\n  "properties": {\n}');
      expect(editor).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByText("Line 4, column 2: expected '}'")).toBeInTheDocument();
      expect(onValueChange).not.toHaveBeenCalled();
      paste(editor, '{ "type": "object", "properties": { "id": { "type": "string" } }, }');
      expect(screen.getByText('Line 1, column 67: expected a property name in double quotes')).toBeInTheDocument();
      paste(editor, '[1, 2]');
      expect(
        screen.getByText('The parameters must be a JSON object schema, such as { "type": "object" }.'),
      ).toBeInTheDocument();
      paste(editor, '{ "type": "object" }');
      expect(editor).not.toHaveAttribute('aria-invalid');
      expect((last(onValueChange).tools?.[0] as RealtimeFunctionTool).parameters).toEqual({ type: 'object' });
    });

    it('a JSON syntax error makes the field Invalid, never Applied', async () => {
      openSession(withTools);
      expect(badge()).toHaveTextContent('Applied');
      const editor = within(await expand(/Function 1/)).getByRole('textbox', { name: 'Parameters (JSON Schema)' });
      paste(editor, '{ "type": "object", ');
      expect(editorRoot()).toHaveAttribute('data-status', 'invalid');
      expect(badge()).toHaveTextContent('Invalid');
      expect(tool(/Function 1/)).toHaveAttribute('data-invalid', 'true');
      paste(editor, JSON.stringify(lookup.parameters));
      expect(editorRoot()).toHaveAttribute('data-status', 'synced');
      expect(badge()).toHaveTextContent('Applied');
    });

    it('clears a JSON syntax error when its tool is removed', async () => {
      render(<ToolsEditor defaultValue={withTools} />);
      paste(within(await expand(/Function 1/)).getByRole('textbox', { name: 'Parameters (JSON Schema)' }), '{');
      expect(editorRoot()).toHaveAttribute('data-status', 'invalid');
      await userEvent.click(within(tool(/Function 1/)).getByRole('button', { name: 'Remove' }));
      expect(editorRoot()).not.toHaveAttribute('data-status', 'invalid');
      expect(editorRoot().querySelector('fieldset')).not.toHaveAttribute('aria-invalid');
    });

    it('requires an object schema', async () => {
      render(<ToolsEditor defaultValue={withTools} />);
      const editor = within(await expand(/Function 1/)).getByRole('textbox', { name: 'Parameters (JSON Schema)' });
      paste(editor, '{ "type": "string" }');
      expect(screen.getByText("type: parameters must be a JSON Schema with type 'object'")).toBeInTheDocument();
      expect(tool(/Function 1/)).toHaveAttribute('data-invalid', 'true');
    });
  });

  describe('MCP tools', () => {
    it('masks the authorization and header values', async () => {
      render(<ToolsEditor defaultValue={withTools} />);
      const row = await expand(/MCP server 2: crm/);
      const authorization = within(row).getByLabelText('Authorization (OAuth token)');
      expect(authorization).toHaveAttribute('type', 'password');
      expect(within(row).getByLabelText('Header 1 value')).toHaveAttribute('type', 'password');
      expect(row.textContent).not.toContain('secret-token-123');
      expect(row.textContent).not.toContain('hidden-value');
    });

    it('switches between a URL and a connector, and validates the URL', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      const row = await expand(/MCP server 2/);
      paste(within(row).getByRole('textbox', { name: 'Server URL' }), 'ftp://nope');
      expect(within(row).getByText('must be an http(s) URL')).toBeInTheDocument();
      await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'Server' }), 'A connector');
      await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'Connector' }), 'gmail');
      const mcp = last(onValueChange).tools?.[1] as RealtimeMcpTool;
      expect(mcp.connectorId).toBe('connector_gmail');
      expect(mcp.serverUrl).toBeUndefined();
      // Back to a URL: the box is empty, and says so only once it is left.
      await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'Server' }), 'By URL');
      const url = within(row).getByRole('textbox', { name: 'Server URL' });
      expect(url).toHaveValue('');
      expect(within(row).queryByText('give a server URL, a connector or a tunnel')).toBeNull();
      url.focus();
      await userEvent.tab();
      expect(within(row).getByText('give a server URL, a connector or a tunnel')).toBeInTheDocument();
    });

    it('edits headers, allowed tools and a per-tool approval policy', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      const row = await expand(/MCP server 2/);
      await userEvent.click(within(row).getByRole('button', { name: 'Add header' }));
      paste(within(row).getByLabelText('Header 2 value'), 'v2');
      paste(within(row).getByRole('textbox', { name: 'Allowed tools' }), 'search, fetch');
      await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'Require approval' }), 'Per tool');
      paste(within(row).getByRole('textbox', { name: 'Never ask before' }), 'search');
      paste(within(row).getByRole('textbox', { name: 'Server description' }), 'Customer records.');
      expect(last(onValueChange).toJson().tools?.[1]).toEqual({
        type: 'mcp',
        server_label: 'crm',
        server_url: 'https://mcp.example.com/sse',
        authorization: 'secret-token-123',
        headers: { 'X-Api-Key': 'hidden-value', 'X-Header-2': 'v2' },
        allowed_tools: ['search', 'fetch'],
        require_approval: { always: { tool_names: [] }, never: { tool_names: ['search'] } },
        server_description: 'Customer records.',
      });
    });
  });

  describe('every tool validation message, shown on its input', () => {
    it.each([
      ['function name missing', [{ type: 'function', name: '' }], /Function 1/, 'Name', 'is required'],
      [
        'function name duplicated',
        [
          { type: 'function', name: 'a' },
          { type: 'function', name: 'a' },
        ],
        /Function 2/,
        'Name',
        'duplicates the name of tools[0]',
      ],
      [
        'server label missing',
        [{ type: 'mcp', serverLabel: '', serverUrl: 'https://x.example' }],
        /MCP server 1/,
        'Server label',
        'must not be empty',
      ],
      [
        'server label duplicated',
        [
          { type: 'mcp', serverLabel: 'crm', serverUrl: 'https://x.example' },
          { type: 'mcp', serverLabel: 'crm', serverUrl: 'https://y.example' },
        ],
        /MCP server 2/,
        'Server label',
        'duplicates the server label of tools[0]',
      ],
      [
        'server URL not http(s)',
        [{ type: 'mcp', serverLabel: 'crm', serverUrl: 'ftp://x' }],
        /MCP server 1/,
        'Server URL',
        'must be an http(s) URL',
      ],
    ] as const)('%s', (_name, tools, row, input, message) => {
      render(<ToolsEditor defaultValue={empty.copyWith({ tools: tools as never })} />);
      const control = within(tool(row)).getByLabelText(input);
      expect(control).toHaveAttribute('aria-invalid', 'true');
      const error = within(tool(row)).getByText(message);
      expect(describedBy(control)).toContain(error.id);
      expect(tool(row)).toHaveAttribute('data-invalid', 'true');
    });
  });

  describe('import and export', () => {
    const importText = async (text: string) => {
      await userEvent.click(screen.getByText('Import or export JSON'));
      const json = screen.getByRole('textbox', { name: 'Tools JSON' });
      paste(json, text);
      await userEvent.click(screen.getByRole('button', { name: 'Import' }));
      return json;
    };

    it('exports with secrets masked, and importing that back keeps the real secrets', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      await userEvent.click(screen.getByText('Import or export JSON'));
      await userEvent.click(screen.getByRole('button', { name: 'Export current tools' }));
      const json = screen.getByRole('textbox', { name: 'Tools JSON' });
      const exported = (json as HTMLTextAreaElement).value;
      expect(exported).not.toContain('secret-token-123');
      expect(exported).not.toContain('hidden-value');
      expect(exported).toContain('[redacted]');
      paste(json, exported.replace('Finds an order.', 'Finds any order.'));
      await userEvent.click(screen.getByRole('button', { name: 'Import' }));
      expect(screen.getByText('Replaces 2 tools with 2: changes lookup_order.')).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
      const imported = last(onValueChange).toJson().tools;
      expect(imported?.[0]).toMatchObject({ description: 'Finds any order.' });
      expect(imported?.[1]).toMatchObject({
        authorization: 'secret-token-123',
        headers: { 'X-Api-Key': 'hidden-value' },
      });
    });

    it('says what an import will change and waits for Confirm; Cancel changes nothing; Undo restores', async () => {
      const onValueChange = vi.fn();
      const three = empty.copyWith({ tools: [lookup, crm, { ...lookup, name: 'cancel_order' }] });
      render(<ToolsEditor defaultValue={three} onValueChange={onValueChange} />);
      const incoming = [
        { ...lookup, description: 'Finds any order.' },
        { type: 'function', name: 'refund', parameters: { type: 'object' } },
      ];
      await importText(JSON.stringify(incoming));
      const summary = 'Replaces 3 tools with 2: adds refund, removes crm, cancel_order, changes lookup_order.';
      expect(screen.getByText(summary)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Confirm' })).toHaveFocus();
      expect(screen.getByRole('group', { name: summary })).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(onValueChange).not.toHaveBeenCalled();
      expect(screen.queryByText(summary)).toBeNull();

      await userEvent.click(screen.getByRole('button', { name: 'Import' }));
      await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
      expect(namesShown()).toEqual(['lookup_order', 'refund']);
      expect(screen.queryByText(summary)).toBeNull();
      await userEvent.click(screen.getByRole('button', { name: 'Undo import' }));
      expect(last(onValueChange).toJson().tools).toEqual(three.toJson().tools);
      expect(screen.getAllByRole('listitem')).toHaveLength(3);
      expect(screen.queryByRole('button', { name: 'Undo import' })).toBeNull();
    });

    it('refuses bad JSON and bad tools with a clear message, changing nothing', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      const json = await importText('[{"type": "function",]');
      expect(screen.getByText(/^Line 1, column 22: /)).toBeInTheDocument();
      expect(json).toHaveAttribute('aria-invalid', 'true');
      paste(json, '[{"type": "mcp", "server_label": 7}]');
      await userEvent.click(screen.getByRole('button', { name: 'Import' }));
      expect(screen.getByText(/^\[0\]\.server_label: /)).toBeInTheDocument();
      paste(json, '{"type": "function"}');
      await userEvent.click(screen.getByRole('button', { name: 'Import' }));
      expect(screen.getByText('Expected a JSON list of tools.')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Confirm' })).toBeNull();
      expect(onValueChange).not.toHaveBeenCalled();
    });
  });

  describe('connected', () => {
    it('edits the draft of a session store, coalescing typed text', async () => {
      const store = createSessionStore({ initial: withTools, batchNotify: act });
      render(
        <RealtimeSessionProvider session={store}>
          <ToolsEditor />
        </RealtimeSessionProvider>,
      );
      await userEvent.type(within(await expand(/Function 1/)).getByRole('textbox', { name: 'Description' }), ' Fast.');
      expect((store.getSnapshot().draft.tools?.[0] as RealtimeFunctionTool).description).toBe('Finds an order. Fast.');
    });

    it('keeps an added function in the draft and sends nothing until it has a valid name', async () => {
      const { store, transport } = openSession(empty);
      const sent = transport.updates().length;
      await userEvent.click(screen.getByRole('button', { name: 'Add function' }));
      expect(store.getSnapshot().draft.toJson().tools).toEqual([newFunction]);
      expect(transport.updates()).toHaveLength(sent);
      expect(screen.queryByText('is required')).toBeNull();
      await userEvent.type(within(tool(/Function 1/)).getByRole('textbox', { name: 'Name' }), 'check_stock');
      await userEvent.tab();
      const updates = transport.updates().slice(sent);
      expect(updates.length).toBeGreaterThan(0);
      expect(updates.at(-1)?.session.tools).toEqual([{ ...newFunction, name: 'check_stock' }]);
      expect(JSON.stringify(updates)).not.toContain('"name":""');
    });

    it('says on itself when tool choice holds its edit back, and the fix sends both', async () => {
      const request = empty.copyWith({ tools: [lookup, crm], toolChoice: { type: 'function', name: 'lookup_order' } });
      const { transport } = openSession(request);
      const sent = transport.updates().length;
      await userEvent.click(within(tool(/Function 1: lookup_order/)).getByRole('button', { name: 'Remove' }));
      expect(transport.updates()).toHaveLength(sent);
      expect(badge()).toHaveTextContent('Held back');
      expect(
        within(editorRoot()).getByText(/Held back: tool choice names no function tool of this session: lookup_order/),
      ).toBeInTheDocument();
      await userEvent.click(within(editorRoot()).getByRole('button', { name: 'Set tool choice to auto' }));
      const update = transport.updates().at(-1)?.session as JsonObject | undefined;
      expect(update?.['tool_choice']).toBe('auto');
      expect((update?.['tools'] as JsonObject[] | undefined)?.map((item) => item['server_label'])).toEqual(['crm']);
    });

    it('outlines the tool the server refused for an unknown key, lists the key to remove, and offers Revert', async () => {
      const initial = RealtimeSessionCreateRequest.fromJson({
        model: 'gpt-realtime',
        tools: [lookup, { type: 'function', name: 'f', parameters: { type: 'object' }, strict_beta: true }],
      });
      const { store, transport } = openSession(initial, { ack: false });
      act(() =>
        transport.reject({
          code: 'unknown_parameter',
          message: "Unknown parameter: 'session.tools[1].strict_beta'.",
          param: 'session.tools[1].strict_beta',
        }),
      );
      expect(editorRoot()).toHaveAttribute('data-status', 'rejected');
      const row = tool(/Function 2: f/);
      expect(row).toHaveAttribute('data-invalid', 'true');
      // The refused row opens by itself; its summary says so.
      expect(toggleOf(row)).toHaveAttribute('aria-expanded', 'true');
      expect(toggleOf(row)).toHaveAccessibleName('Function 2: f Rejected');
      expect(within(row).getByText("Unknown parameter: 'session.tools[1].strict_beta'.")).toBeInTheDocument();
      expect(tool(/Function 1: lookup_order/)).not.toHaveAttribute('data-invalid');
      expect(
        within(editorRoot()).getByText('The server refused Function 2: f: edit or remove it, or Revert.'),
      ).toBeInTheDocument();
      expect(within(editorRoot()).getByText('Unknown settings:')).toBeInTheDocument();
      expect(within(editorRoot()).getByText('[1].strict_beta')).toBeInTheDocument();
      expect(within(editorRoot()).getByRole('button', { name: 'Revert tools' })).toBeEnabled();

      await userEvent.click(within(editorRoot()).getByRole('button', { name: 'Remove tools[1].strict_beta' }));
      expect(JSON.stringify(transport.updates().at(-1)?.session.tools)).not.toContain('strict_beta');
      act(() => transport.ack());
      expect(store.getSnapshot().fields.tools.status).toBe('synced');
      expect(tool(/Function 2: f/)).not.toHaveAttribute('data-invalid');
    });
  });

  describe('MCP listings', () => {
    const listedTools = ['get_weather', 'search_docs', 'lookup_order', 'create_ticket', 'delete_record'].map(
      (name) => ({ name, input_schema: { type: 'object' } }),
    );
    /** The server's frames for a listing of `crm` in item `id`. */
    const listing = (transport: ReturnType<typeof createFakeTransport>, id = 'item_1') => ({
      added: () =>
        act(() =>
          transport.frame({
            type: 'conversation.item.added',
            item: { id, type: 'mcp_list_tools', server_label: 'crm', tools: [] },
          }),
        ),
      listed: (tools: readonly object[] = listedTools) =>
        act(() => {
          transport.frame({ type: 'mcp_list_tools.in_progress', item_id: id });
          transport.frame({ type: 'mcp_list_tools.completed', item_id: id });
          transport.frame({
            type: 'conversation.item.done',
            item: { id, type: 'mcp_list_tools', server_label: 'crm', tools },
          });
        }),
      failed: (kitError?: object) =>
        act(() =>
          transport.frame({
            type: 'mcp_list_tools.failed',
            item_id: id,
            ...(kitError === undefined ? {} : { kit_error: kitError }),
          }),
        ),
    });
    const listingLine = (row: HTMLElement) => within(row).getByRole('status');

    it('says, under an MCP tool’s summary, that the session is listing its tools, then which it listed', async () => {
      const { transport } = openSession(withTools);
      const row = tool(/MCP server 2: crm/);
      // There from the start, empty, so screen readers announce what it says next.
      expect(listingLine(row)).toHaveTextContent('');
      expect(listingLine(row)).toHaveAttribute('aria-live', 'polite');
      expect(within(tool(/Function 1/)).queryByRole('status')).toBeNull();
      listing(transport).added();
      expect(listingLine(row)).toHaveTextContent('Listing tools…');
      expect(listingLine(row)).toHaveAttribute('data-status', 'listing');
      listing(transport).listed();
      expect(listingLine(row)).toHaveTextContent('5 tools: get_weather, search_docs, lookup_order, …');
      expect(listingLine(row)).toHaveAttribute('data-status', 'listed');
      // The line describes the server label input, beside its hint.
      await expand(/MCP server 2: crm/);
      const label = within(row).getByRole('textbox', { name: 'Server label' });
      expect(describedBy(label)).toContain(listingLine(row).id);
      expect(label).toHaveAccessibleDescription(/5 tools: get_weather/);
    });

    it('names every tool of a short list, and says so when a server lists none', () => {
      const { transport } = openSession(withTools);
      listing(transport).added();
      listing(transport).listed(listedTools.slice(0, 2));
      expect(listingLine(tool(/MCP server 2: crm/))).toHaveTextContent(/^2 tools: get_weather, search_docs$/);
      listing(transport, 'item_2').added();
      listing(transport, 'item_2').listed([]);
      expect(listingLine(tool(/MCP server 2: crm/))).toHaveTextContent('No tools listed.');
    });

    it('shows the emulator’s reason for a failed listing as an error', () => {
      const { transport } = openSession(withTools);
      listing(transport).added();
      listing(transport).failed({
        reason: 'unauthorized',
        message:
          "MCP server 'crm' (https://mcp.example.com/sse) refused the request with HTTP 401: check its authorization.",
      });
      const line = listingLine(tool(/MCP server 2: crm/));
      expect(line).toHaveAttribute('data-status', 'failed');
      expect(line).toHaveTextContent(
        "Tools not listed. MCP server 'crm' (https://mcp.example.com/sse) refused the request with HTTP 401",
      );
      // The row's secrets are nowhere in what it shows.
      expect(editorRoot().textContent).not.toMatch(/secret-token-123|hidden-value/);
    });

    it('shows a generic failure when the server does not say why, as the real API does not', () => {
      const { transport } = openSession(withTools);
      listing(transport).added();
      listing(transport).failed();
      expect(listingLine(tool(/MCP server 2: crm/))).toHaveTextContent(
        `Tools not listed. ${MCP_LISTING_FAILED_MESSAGE}`,
      );
    });

    it('starts over when the server lists again, and empties when the session drops', () => {
      const { transport } = openSession(withTools);
      listing(transport).added();
      listing(transport).listed();
      listing(transport, 'item_2').added();
      expect(listingLine(tool(/MCP server 2: crm/))).toHaveTextContent('Listing tools…');
      act(() => transport.status_('reconnecting'));
      expect(listingLine(tool(/MCP server 2: crm/))).toHaveTextContent('');
    });

    it('shows nothing standalone, where no session lists anything', () => {
      render(<ToolsEditor defaultValue={withTools} />);
      expect(within(tool(/MCP server 2: crm/)).queryByRole('status')).toBeNull();
    });

    it('has no axe violations while listing, listed and failed', async () => {
      const { transport } = openSession(
        withTools.copyWith({ tools: [...(withTools.tools ?? []), { ...crm, serverLabel: 'docs' }] }),
      );
      listing(transport).added();
      expect(await axeViolations(editorRoot())).toEqual([]);
      listing(transport).listed();
      act(() =>
        transport.frame({
          type: 'conversation.item.added',
          item: { id: 'item_docs', type: 'mcp_list_tools', server_label: 'docs', tools: [] },
        }),
      );
      listing(transport, 'item_docs').failed();
      await expand(/MCP server 2: crm/);
      expect(await axeViolations(editorRoot())).toEqual([]);
    });
  });

  it('disabled turns every control off', () => {
    render(<ToolsEditor defaultValue={withTools} disabled />);
    for (const button of screen.getAllByRole('button', { hidden: true })) expect(button).toBeDisabled();
    for (const box of screen.getAllByRole('textbox', { hidden: true })) expect(box).toBeDisabled();
  });

  it('follows a controlled value', async () => {
    const onValueChange = vi.fn();
    const { rerender } = render(<ToolsEditor value={empty} onValueChange={onValueChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add function' }));
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    // The refused new tool leaves no hidden errors behind.
    expect(badge()).toBeNull();
    rerender(<ToolsEditor value={withTools} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it.each([
    ['empty', { defaultValue: empty }],
    ['function and MCP', { defaultValue: withTools }],
    [
      'invalid',
      {
        defaultValue: empty.copyWith({
          tools: [
            { type: 'function', name: 'bad name' },
            { type: 'mcp', serverLabel: '' },
          ],
        }),
      },
    ],
    ['disabled', { defaultValue: withTools, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<ToolsEditor {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  // A real socket and server round trips: slower than the other tests on a busy machine.
  it('in a live session, sends a valid tool and never an invalid one (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    let store: RealtimeSessionStore | undefined;
    try {
      render(
        <LiveSession emulator={emulator} initial={empty} onStore={(value) => (store = value)}>
          <ToolsEditor />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      await userEvent.click(screen.getByRole('button', { name: 'Add function' }));
      const root = editorRoot();
      const name = within(tool(/Function 1/)).getByRole('textbox', { name: 'Name' });
      await userEvent.type(name, 'check_stock');
      await userEvent.tab();
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'));
      expect(store?.getSnapshot().applied?.tools).toHaveLength(1);
      paste(name, 'not valid!');
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'invalid'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const sent = store?.eventLog
        .entries()
        .filter((entry) => entry.type === 'session.update')
        .map((entry) => JSON.stringify(entry.payload));
      expect(sent?.some((payload) => payload.includes('not valid!'))).toBe(false);
      expect(sent?.some((payload) => payload.includes('"name":""'))).toBe(false);
    } finally {
      cleanup();
      await emulator.close();
    }
  }, 20_000);
});

// Real sockets, a real emulator and real MCP servers on loopback: the listing as a user meets it.
describe('ToolsEditor MCP listings in a live session (emulator)', () => {
  const emulator = emulatorPerTest();
  const servers: McpTestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  /** Opens a live session with no tools, adds an MCP server by its URL as a user would; returns its row. */
  async function addMcpServer(label: string, url: string, token?: string): Promise<HTMLElement> {
    render(
      <LiveSession emulator={emulator()} initial={empty}>
        <ToolsEditor />
      </LiveSession>,
    );
    await screen.findByText('status: open');
    await userEvent.click(screen.getByRole('button', { name: 'Add MCP server' }));
    const row = tool(/MCP server 1/);
    await userEvent.type(within(row).getByRole('textbox', { name: 'Server label' }), label);
    const address = within(row).getByRole('textbox', { name: 'Server URL' });
    await userEvent.click(address);
    paste(address, url);
    if (token !== undefined) {
      const authorization = within(row).getByLabelText('Authorization (OAuth token)');
      await userEvent.click(authorization);
      paste(authorization, token);
    }
    await userEvent.tab();
    return tool(new RegExp(`MCP server 1: ${label}`));
  }

  it('lists the tools of a running MCP server under its tool', async () => {
    const server = await startMcpServer({ tools: SAMPLE_MCP_TOOLS.slice(0, 2) });
    servers.push(server);
    const row = await addMcpServer('weather', server.url);
    const line = within(row).getByRole('status');
    await waitFor(() => expect(line).toHaveTextContent('2 tools: get_weather, search_docs'), { timeout: 5000 });
    expect(line).toHaveAttribute('data-status', 'listed');
  }, 20_000);

  it('says why a server that is down could not be listed, never showing its token', async () => {
    const down = await startDownServer();
    servers.push(down);
    const row = await addMcpServer('down', down.url, 'tok-live-secret');
    const line = within(row).getByRole('status');
    await waitFor(() => expect(line).toHaveAttribute('data-status', 'failed'), { timeout: 5000 });
    expect(line).toHaveTextContent(/^Tools not listed\. MCP server 'down' \(.*\) is unreachable/);
    expect(editorRoot().textContent).not.toContain('tok-live-secret');
  }, 20_000);
});

describe('parseJsonText', () => {
  it('reports the first syntax error by line and column, and parses strict JSON', () => {
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonText('{\n  "a": 1,\n  "b" 2\n}')).toEqual({
      ok: false,
      error: { line: 3, column: 7, message: "expected ':'" },
    });
    expect(parseJsonText('// no\n{}')).toMatchObject({ ok: false, error: { line: 1, column: 1 } });
    expect(parseJsonText('')).toMatchObject({ ok: false, error: { message: 'expected a value' } });
  });
});
