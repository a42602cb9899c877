import { describe, expect, it } from 'vitest';
import {
  RealtimeFunctionTool,
  RealtimeMcpApprovalFilter,
  RealtimeMcpTool,
  RealtimeMcpToolFilter,
  RealtimeOff,
  RealtimeSessionCreateRequest,
  RealtimeToolChoiceFunction,
  RealtimeToolChoiceMcp,
} from '../../src/model/index.js';
import { describeModelContract } from './model-contract.js';

describeModelContract(RealtimeFunctionTool, {
  full: {
    type: 'function',
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
  change: ['name', 'get_forecast', 'name', 'get_forecast'],
  clear: ['description', 'description'],
  wrongType: [{ type: 'function', parameters: [] }, 'parameters'],
});

describeModelContract(RealtimeMcpToolFilter, {
  full: { tool_names: ['search'], read_only: true },
  change: ['readOnly', false, 'read_only', false],
  clear: ['toolNames', 'tool_names'],
  wrongType: [{ tool_names: [1] }, 'tool_names[0]'],
});

describeModelContract(RealtimeMcpApprovalFilter, {
  full: { always: { tool_names: ['delete'] }, never: { read_only: true } },
  change: ['always', { toolNames: ['write'] }, 'always', { tool_names: ['write'] }],
  clear: ['never', 'never'],
  wrongType: [{ never: { read_only: 'yes' } }, 'never.read_only'],
});

describeModelContract(RealtimeMcpTool, {
  full: {
    type: 'mcp',
    server_label: 'docs',
    server_url: 'https://mcp.example.com',
    authorization: 'token',
    server_description: 'Docs search',
    headers: { 'X-Team': 'a' },
    allowed_tools: ['search'],
    allowed_callers: ['direct', 'programmatic'],
    require_approval: 'never',
    defer_loading: false,
  },
  change: [
    'requireApproval',
    { always: { toolNames: ['delete'] } },
    'require_approval',
    { always: { tool_names: ['delete'] } },
  ],
  clear: ['headers', 'headers'],
  wrongType: [{ type: 'mcp', server_label: 'docs', allowed_tools: 'search' }, 'allowed_tools'],
});

describeModelContract(RealtimeToolChoiceFunction, {
  full: { type: 'function', name: 'get_weather' },
  change: ['name', 'book', 'name', 'book'],
  wrongType: [{ type: 'function', name: false }, 'name'],
});

describeModelContract(RealtimeToolChoiceMcp, {
  full: { type: 'mcp', server_label: 'docs', name: 'search' },
  change: ['name', RealtimeOff, 'name', null],
  clear: ['name', 'name'],
  wrongType: [{ type: 'mcp' }, 'server_label'],
});

describe('tools in a request', () => {
  it('reads a function tool without a type, as the schema allows', () => {
    const request = RealtimeSessionCreateRequest.fromJson({ model: 'm', tools: [{ name: 'f' }] });
    expect(request.tools?.[0]).toBeInstanceOf(RealtimeFunctionTool);
  });

  it('builds the right class from plain inits, by type', () => {
    const request = new RealtimeSessionCreateRequest({
      model: 'm',
      tools: [
        { type: 'function', name: 'f' },
        { type: 'mcp', serverLabel: 's', connectorId: 'connector_dropbox', allowedTools: { readOnly: true } },
      ],
      toolChoice: { type: 'mcp', serverLabel: 's' },
    });
    expect(request.tools?.[0]).toBeInstanceOf(RealtimeFunctionTool);
    const mcp = request.tools?.[1] as RealtimeMcpTool;
    expect(mcp).toBeInstanceOf(RealtimeMcpTool);
    expect(mcp.allowedTools).toBeInstanceOf(RealtimeMcpToolFilter);
    expect(request.toolChoice).toBeInstanceOf(RealtimeToolChoiceMcp);
  });

  it('keeps tool choice modes as strings', () => {
    expect(RealtimeSessionCreateRequest.fromJson({ model: 'm', tool_choice: 'required' }).toolChoice).toBe('required');
  });
});
