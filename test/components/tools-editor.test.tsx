import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToolsEditor, parseJsonText } from '../../src/components/index.js';
import { RealtimeMcpTool, RealtimeSessionCreateRequest, type RealtimeFunctionTool } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';

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
const empty = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', tools: [] });
const withTools = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', tools: [lookup, crm] });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const last = (mock: ReturnType<typeof vi.fn>) => mock.mock.calls.at(-1)?.[0] as RealtimeSessionCreateRequest;
const tool = (name: RegExp) => screen.getByRole('listitem', { name });
/** Replaces a text box's content in one change event, as a paste would. */
const paste = (element: HTMLElement, text: string) => fireEvent.change(element, { target: { value: text } });

describe('ToolsEditor', () => {
  describe('the list', () => {
    it('adds a function and an MCP server with unique names (uncontrolled)', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={empty} onValueChange={onValueChange} />);
      expect(screen.getByText('No tools yet.')).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Add function' }));
      await userEvent.click(screen.getByRole('button', { name: 'Add function' }));
      await userEvent.click(screen.getByRole('button', { name: 'Add MCP server' }));
      expect(last(onValueChange).toJson().tools).toEqual([
        { type: 'function', name: 'new_function', description: '', parameters: { type: 'object', properties: {} } },
        { type: 'function', name: 'new_function_2', description: '', parameters: { type: 'object', properties: {} } },
        { type: 'mcp', server_label: 'mcp_server', server_url: 'https://' },
      ]);
      expect(screen.getAllByRole('listitem')).toHaveLength(3);
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

  describe('function tools', () => {
    it('validates the name: pattern and uniqueness, wired to the input', async () => {
      render(<ToolsEditor defaultValue={withTools} />);
      const name = within(tool(/Function 1/)).getByRole('textbox', { name: 'Name' });
      paste(name, 'bad name!');
      expect(name).toHaveAttribute('aria-invalid', 'true');
      const message = within(tool(/Function 1/)).getByText('must be 1–64 letters, digits, underscores or hyphens');
      expect(screen.getByText('1 tool has problems; it is not sent until they are fixed.')).toBeInTheDocument();
      expect(name.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
      await userEvent.click(within(tool(/Function 1/)).getByRole('button', { name: 'Duplicate' }));
      paste(name, 'same');
      paste(within(tool(/Function 2/)).getByRole('textbox', { name: 'Name' }), 'same');
      expect(screen.getByText('duplicates the name of tools[0]')).toBeInTheDocument();
    });

    it('shows JSON syntax errors with line and column, and keeps the last good schema', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      const editor = within(tool(/Function 1/)).getByRole('textbox', { name: 'Parameters (JSON Schema)' });
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

    it('requires an object schema', () => {
      render(<ToolsEditor defaultValue={withTools} />);
      const editor = within(tool(/Function 1/)).getByRole('textbox', { name: 'Parameters (JSON Schema)' });
      paste(editor, '{ "type": "string" }');
      expect(screen.getByText("type: parameters must be a JSON Schema with type 'object'")).toBeInTheDocument();
      expect(tool(/Function 1/)).toHaveAttribute('data-invalid', 'true');
    });
  });

  describe('MCP tools', () => {
    it('masks the authorization and header values', () => {
      render(<ToolsEditor defaultValue={withTools} />);
      const row = tool(/MCP server 2: crm/);
      const authorization = within(row).getByLabelText('Authorization (OAuth token)');
      expect(authorization).toHaveAttribute('type', 'password');
      expect(within(row).getByLabelText('Header 1 value')).toHaveAttribute('type', 'password');
      expect(row.textContent).not.toContain('secret-token-123');
      expect(row.textContent).not.toContain('hidden-value');
    });

    it('switches between a URL and a connector, and validates the URL', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      const row = tool(/MCP server 2/);
      paste(within(row).getByRole('textbox', { name: 'Server URL' }), 'ftp://nope');
      expect(within(row).getByText('must be an http(s) URL')).toBeInTheDocument();
      await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'Server' }), 'A connector');
      await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'Connector' }), 'gmail');
      const mcp = last(onValueChange).tools?.[1] as RealtimeMcpTool;
      expect(mcp.connectorId).toBe('connector_gmail');
      expect(mcp.serverUrl).toBeUndefined();
    });

    it('edits headers, allowed tools and a per-tool approval policy', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      const row = tool(/MCP server 2/);
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
      expect(control.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    });
  });

  describe('import and export', () => {
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
      const imported = last(onValueChange).toJson().tools;
      expect(imported?.[0]).toMatchObject({ description: 'Finds any order.' });
      expect(imported?.[1]).toMatchObject({
        authorization: 'secret-token-123',
        headers: { 'X-Api-Key': 'hidden-value' },
      });
    });

    it('refuses bad JSON and bad tools with a clear message, changing nothing', async () => {
      const onValueChange = vi.fn();
      render(<ToolsEditor defaultValue={withTools} onValueChange={onValueChange} />);
      await userEvent.click(screen.getByText('Import or export JSON'));
      const json = screen.getByRole('textbox', { name: 'Tools JSON' });
      paste(json, '[{"type": "function",]');
      await userEvent.click(screen.getByRole('button', { name: 'Import' }));
      expect(screen.getByText(/^Line 1, column 22: /)).toBeInTheDocument();
      expect(json).toHaveAttribute('aria-invalid', 'true');
      paste(json, '[{"type": "mcp", "server_label": 7}]');
      await userEvent.click(screen.getByRole('button', { name: 'Import' }));
      expect(screen.getByText(/^\[0\]\.server_label: /)).toBeInTheDocument();
      paste(json, '{"type": "function"}');
      await userEvent.click(screen.getByRole('button', { name: 'Import' }));
      expect(screen.getByText('Expected a JSON list of tools.')).toBeInTheDocument();
      expect(onValueChange).not.toHaveBeenCalled();
    });
  });

  it('disabled turns every control off', () => {
    render(<ToolsEditor defaultValue={withTools} disabled />);
    for (const button of screen.getAllByRole('button')) {
      if (button.textContent !== 'Export current tools') expect(button).toBeDisabled();
    }
    for (const box of screen.getAllByRole('textbox')) expect(box).toBeDisabled();
  });

  it('follows a controlled value', async () => {
    const onValueChange = vi.fn();
    const { rerender } = render(<ToolsEditor value={empty} onValueChange={onValueChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add function' }));
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    rerender(<ToolsEditor value={withTools} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('edits the draft of a session store, coalescing typed text', async () => {
    const store = createSessionStore({ initial: withTools, batchNotify: act });
    render(
      <RealtimeSessionProvider session={store}>
        <ToolsEditor />
      </RealtimeSessionProvider>,
    );
    await userEvent.type(within(tool(/Function 1/)).getByRole('textbox', { name: 'Description' }), ' Fast.');
    expect((store.getSnapshot().draft.tools?.[0] as RealtimeFunctionTool).description).toBe('Finds an order. Fast.');
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
      const root = document.querySelector('.rrs-tools-editor');
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'));
      expect(store?.getSnapshot().applied?.tools).toHaveLength(1);
      paste(within(tool(/Function 1/)).getByRole('textbox', { name: 'Name' }), 'not valid!');
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'invalid'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const sentNames = store?.eventLog
        .entries()
        .filter((entry) => entry.type === 'session.update')
        .map((entry) => JSON.stringify(entry.payload));
      expect(sentNames?.some((payload) => payload.includes('not valid!'))).toBe(false);
    } finally {
      cleanup();
      await emulator.close();
    }
  });
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
