import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToolChoicePicker, useToolChoiceField } from '../../src/components/tool-choice-picker/index.js';
import { RealtimeSessionCreateRequest, RealtimeToolChoiceFunction } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { createSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { createFakeTransport } from '../session/fake-transport.js';
import { describeFieldContract } from './field-contract.js';

const withTools = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime',
  tools: [
    { type: 'function', name: 'lookup_order', parameters: { type: 'object', properties: {} } },
    { type: 'mcp', serverLabel: 'crm', serverUrl: 'https://mcp.example.com' },
  ],
});
const noTools = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
// An empty list, unlike unspecified tools (the server's), can be checked against.
const emptyTools = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', tools: [] });

const group = () => screen.getByRole('group', { name: /Tool choice/ });
const kind = (name: string) => within(group()).getByRole('radio', { name });
const target = () => screen.getByRole('combobox', { name: 'Tool to call' });
const lastRequest = (mock: ReturnType<typeof vi.fn>) => mock.mock.calls.at(-1)?.[0] as RealtimeSessionCreateRequest;
const MODE_LABELS: Readonly<Record<string, string>> = { auto: 'Auto', none: 'None', required: 'Required' };

describeFieldContract({
  name: 'ToolChoicePicker',
  Component: ToolChoicePicker,
  path: 'tool_choice',
  request: withTools,
  edit: (user) => user.click(kind('Required')),
  edited: 'required',
  expectShown: (value) => {
    if (typeof value === 'string') {
      expect(kind(MODE_LABELS[value] ?? value)).toBeChecked();
    } else {
      expect(kind('A specific tool')).toBeChecked();
      if (value instanceof RealtimeToolChoiceFunction) expect(target()).toHaveValue(`function:${value.name}`);
    }
  },
  apiDefault: 'auto',
  serverValue: { json: { tool_choice: 'none' }, value: 'none' },
  invalid: emptyTools.copyWith({ toolChoice: { type: 'function', name: 'gone' } }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ToolChoicePicker', () => {
  it('shows auto while the choice is unspecified, and sets a mode (uncontrolled)', async () => {
    const onValueChange = vi.fn();
    render(<ToolChoicePicker defaultValue={withTools} onValueChange={onValueChange} />);
    expect(within(group()).getAllByRole('radio', { checked: true })).toEqual([kind('Auto')]);
    expect(within(group()).getByText('Default')).toBeInTheDocument();
    await userEvent.click(kind('Required'));
    expect(kind('Required')).toBeChecked();
    expect(lastRequest(onValueChange).toJson().tool_choice).toBe('required');
    await userEvent.click(kind('None'));
    expect(lastRequest(onValueChange).toJson().tool_choice).toBe('none');
  });

  it('chooses a specific function or MCP server from the current tools', async () => {
    const onValueChange = vi.fn();
    render(<ToolChoicePicker defaultValue={withTools} onValueChange={onValueChange} />);
    expect(target()).toBeDisabled();
    await userEvent.click(kind('A specific tool'));
    expect(lastRequest(onValueChange).toJson().tool_choice).toEqual({ type: 'function', name: 'lookup_order' });
    expect(
      within(target())
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Function: lookup_order', 'MCP server: crm']);
    await userEvent.selectOptions(target(), 'MCP server: crm');
    expect(lastRequest(onValueChange).toJson().tool_choice).toEqual({ type: 'mcp', server_label: 'crm' });
    await userEvent.type(screen.getByRole('textbox', { name: 'MCP tool name (optional)' }), 'search');
    expect(lastRequest(onValueChange).toJson().tool_choice).toEqual({
      type: 'mcp',
      server_label: 'crm',
      name: 'search',
    });
  });

  it('cannot pick a specific tool when there are none, and says so', () => {
    render(<ToolChoicePicker defaultValue={noTools} />);
    expect(kind('A specific tool')).toBeDisabled();
    expect(kind('A specific tool').closest('label')).toHaveAttribute('data-disabled');
    expect(kind('Auto').closest('label')).not.toHaveAttribute('data-disabled');
    expect(screen.getByText('Add a tool to be able to require a specific one.')).toBeInTheDocument();
  });

  it('shows a choice naming a missing tool as invalid', () => {
    render(<ToolChoicePicker defaultValue={emptyTools.copyWith({ toolChoice: { type: 'function', name: 'gone' } })} />);
    expect(group()).toHaveAttribute('aria-invalid', 'true');
    expect(target()).toHaveValue('function:gone');
    expect(screen.getByRole('option', { name: 'function: gone (not in tools)' })).toBeInTheDocument();
    const message = screen.getByText('names no function tool of this session: gone');
    expect(target().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
  });

  it('follows a controlled value', async () => {
    const onValueChange = vi.fn();
    const { rerender } = render(<ToolChoicePicker value={withTools} onValueChange={onValueChange} />);
    await userEvent.click(kind('None'));
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(kind('None')).not.toBeChecked();
    rerender(<ToolChoicePicker value={withTools.copyWith({ toolChoice: 'none' })} />);
    expect(kind('None')).toBeChecked();
  });

  it('disabled turns everything off', () => {
    render(<ToolChoicePicker defaultValue={withTools} disabled />);
    for (const radio of within(group()).getAllByRole('radio')) {
      expect(radio).toBeDisabled();
      expect(radio.closest('label')).toHaveAttribute('data-disabled');
    }
    expect(target()).toBeDisabled();
  });

  it('edits the draft of a session store', async () => {
    const store = createSessionStore({ initial: withTools, batchNotify: act });
    render(
      <RealtimeSessionProvider session={store}>
        <ToolChoicePicker />
      </RealtimeSessionProvider>,
    );
    await userEvent.click(kind('Required'));
    expect(store.getSnapshot().draft.toolChoice).toBe('required');
  });

  it('offers the live session’s tools when the draft leaves tools unspecified', () => {
    const transport = createFakeTransport();
    const store = createSessionStore({ initial: noTools, transport, batchNotify: act });
    act(() => {
      store.connect();
      transport.open({
        tool_choice: 'auto',
        tools: [{ type: 'function', name: 'server_tool', parameters: { type: 'object' } }],
      });
    });
    render(
      <RealtimeSessionProvider session={store}>
        <ToolChoicePicker />
      </RealtimeSessionProvider>,
    );
    expect(kind('A specific tool')).toBeEnabled();
    expect(kind('Auto')).toBeChecked();
    expect(within(group()).getByText('Server value')).toBeInTheDocument();
  });

  it('runs a user onChange on the select first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    function Vetoing() {
      const { state, getSelectProps } = useToolChoiceField({
        defaultValue: withTools.copyWith({ toolChoice: { type: 'function', name: 'lookup_order' } }),
        onValueChange,
      });
      return (
        <select {...getSelectProps({ onChange: (event) => event.preventDefault() })} aria-label="Tool">
          {state.targets.map((item) => (
            <option key={item.key} value={item.key}>
              {item.label}
            </option>
          ))}
        </select>
      );
    }
    render(<Vetoing />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Tool' }), 'MCP server: crm');
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it.each([
    ['no tools', { defaultValue: noTools }],
    ['specific MCP', { defaultValue: withTools.copyWith({ toolChoice: { type: 'mcp', serverLabel: 'crm' } }) }],
    ['invalid', { defaultValue: emptyTools.copyWith({ toolChoice: { type: 'function', name: 'gone' } }) }],
    ['disabled', { defaultValue: withTools, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<ToolChoicePicker {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('applies a choice to a live session (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    try {
      const live = withTools.copyWith({ tools: withTools.tools?.slice(0, 1) ?? null });
      render(
        <LiveSession emulator={emulator} initial={live}>
          <ToolChoicePicker />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      // A fresh session reports the choice it uses; the draft leaves it unspecified.
      await waitFor(() => expect(kind('Auto')).toBeChecked());
      expect(within(group()).getByText('Server value')).toBeInTheDocument();
      await userEvent.click(kind('A specific tool'));
      await waitFor(() => expect(group()).toHaveAttribute('data-status', 'synced'));
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});
