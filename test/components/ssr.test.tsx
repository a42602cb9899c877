// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  ParallelToolCallsToggle,
  ReasoningEffortPicker,
  ToolChoicePicker,
  ToolsEditor,
  VoicePicker,
} from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { createSessionStore } from '../../src/session/index.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', audio: { output: { voice: 'cedar' } } });

describe('server rendering, with no window', () => {
  it('renders VoicePicker standalone and connected', () => {
    expect(typeof window).toBe('undefined');
    const standalone = renderToString(<VoicePicker defaultValue={request} />);
    expect(standalone).toMatch(/<input type="radio" name="[^"]+" checked="" value="cedar"\/>/);
    const connected = renderToString(
      <RealtimeSessionProvider session={createSessionStore({ initial: request })}>
        <VoicePicker />
      </RealtimeSessionProvider>,
    );
    expect(connected).toContain('data-status="dirty"');
    // No session yet: the voice waits to be sent, and the field says why.
    expect(connected).toContain('Not sent');
    expect(connected).toContain('your edit is kept and sent when the session opens');
  });

  it('renders ReasoningEffortPicker and ParallelToolCallsToggle standalone and connected', () => {
    const reasoning = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2', reasoning: { effort: 'high' } });
    expect(renderToString(<ReasoningEffortPicker defaultValue={reasoning} />)).toMatch(/checked="" value="high"/);
    expect(renderToString(<ParallelToolCallsToggle defaultValue={reasoning} />)).toContain('role="switch"');
    const connected = renderToString(
      <RealtimeSessionProvider session={createSessionStore({ initial: reasoning })}>
        <ReasoningEffortPicker />
        <ParallelToolCallsToggle />
      </RealtimeSessionProvider>,
    );
    expect(connected).toContain('Reasoning effort');
    expect(connected).toContain('Parallel tool calls');
  });

  it('renders ToolChoicePicker standalone and connected', () => {
    const request = new RealtimeSessionCreateRequest({
      model: 'gpt-realtime',
      tools: [{ type: 'function', name: 'lookup' }],
      toolChoice: { type: 'function', name: 'lookup' },
    });
    expect(renderToString(<ToolChoicePicker defaultValue={request} />)).toContain('Function: lookup');
    const connected = renderToString(
      <RealtimeSessionProvider session={createSessionStore({ initial: request })}>
        <ToolChoicePicker />
      </RealtimeSessionProvider>,
    );
    expect(connected).toContain('data-status="dirty"');
  });

  it('renders ToolsEditor standalone and connected, with secrets kept out of the markup', () => {
    const request = new RealtimeSessionCreateRequest({
      model: 'gpt-realtime',
      tools: [
        { type: 'function', name: 'lookup', parameters: { type: 'object' } },
        { type: 'mcp', serverLabel: 'crm', serverUrl: 'https://mcp.example.com', authorization: 'tok-secret' },
      ],
    });
    const html = renderToString(<ToolsEditor defaultValue={request} />);
    expect(html).toContain('Function 1: lookup');
    expect(html).toContain('type="password"');
    const connected = renderToString(
      <RealtimeSessionProvider session={createSessionStore({ initial: request })}>
        <ToolsEditor />
      </RealtimeSessionProvider>,
    );
    expect(connected).toContain('MCP server 2: crm');
  });
});
