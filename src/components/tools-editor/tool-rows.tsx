'use client';
import {
  isOff,
  RealtimeMcpApprovalFilter,
  RealtimeMcpConnectorId,
  RealtimeMcpToolFilter,
  type ConfigIssue,
  type JsonObject,
  type RealtimeFunctionTool,
  type RealtimeMcpTool,
  type RealtimeTool,
} from '../../model/index.js';
import type { SessionUpdateOptions } from '../../session/index.js';
import { JsonEditor, KeyValueInputs, SelectInput, TextInput } from '../field/inputs.js';
import type { ToolRow } from './use-tools-field.js';

/** What a row's fields need from the editor. */
export interface ToolRowContext {
  readonly row: ToolRow;
  /** The id prefix of the row's controls. */
  readonly id: string;
  /** The id of the line that says how the listing of an MCP row's server stands. */
  readonly listingId: string;
  readonly disabled: boolean;
  /** Writes the row's tool; typed text passes `{ coalesce: 'text' }`. */
  change(tool: RealtimeTool, options?: SessionUpdateOptions): void;
  /** A control lost focus. */
  blur(control: string): void;
  /** Hides a control's errors until it is blurred. */
  markNew(control: string): void;
  /** A control's own text does not parse, or parses again. */
  localError(control: string, message: string | undefined): void;
}

const TYPING: SessionUpdateOptions = { coalesce: 'text' };

/** The props every input of a row takes from it for `control` (the issue path under the tool, such as `server_label`). */
function controlOf(context: ToolRowContext, control: string, id: string = control) {
  return {
    id: `${context.id}-${id}`,
    error: context.row.errorAt(control)?.message,
    disabled: context.disabled,
    onBlur: () => context.blur(control),
  };
}

/** A schema issue is reported inside the schema (`parameters.properties.id`): say where, relative to it. */
function schemaMessage(issue: ConfigIssue | undefined): string | undefined {
  if (issue === undefined) return undefined;
  const inSchema = issue.path.split('.parameters').slice(1).join('.parameters').replace(/^\./, '');
  return inSchema === '' ? issue.message : `${inSchema}: ${issue.message}`;
}

export function FunctionToolFields(props: { readonly tool: RealtimeFunctionTool; readonly context: ToolRowContext }) {
  const { tool, context } = props;
  const description = tool.description ?? '';
  return (
    <>
      <TextInput
        {...controlOf(context, 'name')}
        label="Name"
        value={tool.name ?? ''}
        hint="1–64 letters, digits, _ or -; unique among the tools."
        onValueChange={(name) => context.change(tool.copyWith({ name }), TYPING)}
      />
      <TextInput
        {...controlOf(context, 'description')}
        label="Description"
        multiline
        value={description}
        hint={description.trim() === '' ? 'No description: the model sees only the name.' : undefined}
        onValueChange={(text) => context.change(tool.copyWith({ description: text }), TYPING)}
      />
      <JsonEditor
        {...controlOf(context, 'parameters')}
        error={schemaMessage(context.row.errorAt('parameters'))}
        label="Parameters (JSON Schema)"
        hint={<>An object schema: {'{ "type": "object", "properties": { … } }'}.</>}
        rows={4}
        maxRows={16}
        notAnObject='The parameters must be a JSON object schema, such as { "type": "object" }.'
        value={tool.parameters}
        onValueChange={(parameters) => context.change(tool.copyWith({ parameters: parameters as JsonObject }), TYPING)}
        onLocalError={(message) => context.localError('parameters', message)}
      />
    </>
  );
}

const CONNECTORS = Object.values(RealtimeMcpConnectorId);
const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

type ApprovalChoice = '' | 'always' | 'never' | 'per-tool';

function approvalChoice(tool: RealtimeMcpTool): ApprovalChoice {
  const approval = tool.requireApproval;
  if (approval === undefined || isOff(approval)) return '';
  return approval instanceof RealtimeMcpApprovalFilter ? 'per-tool' : approval;
}

export function McpToolFields(props: { readonly tool: RealtimeMcpTool; readonly context: ToolRowContext }) {
  const { tool, context } = props;
  const source = tool.connectorId !== undefined ? 'connector' : 'url';
  const headers = tool.headers === undefined || isOff(tool.headers) ? [] : Object.entries(tool.headers);
  const allowed = Array.isArray(tool.allowedTools) ? tool.allowedTools.join(', ') : '';
  const approval = approvalChoice(tool);
  const filter = tool.requireApproval instanceof RealtimeMcpApprovalFilter ? tool.requireApproval : undefined;
  return (
    <>
      <TextInput
        {...controlOf(context, 'server_label', 'label')}
        describedBy={context.row.listing === undefined ? undefined : context.listingId}
        label="Server label"
        value={tool.serverLabel}
        hint="How the model and tool choice name this server."
        onValueChange={(serverLabel) => context.change(tool.copyWith({ serverLabel }), TYPING)}
      />
      <SelectInput
        {...controlOf(context, 'source')}
        label="Server"
        value={source}
        onValueChange={(value) => {
          if (value === 'connector') {
            context.change(tool.copyWith({ serverUrl: null, connectorId: CONNECTORS[0] ?? null }));
            return;
          }
          // An empty URL is the user's to fill in: no error until its box is left.
          context.markNew('server_url');
          context.change(tool.copyWith({ connectorId: null, serverUrl: null }));
        }}
      >
        <option value="url">By URL</option>
        <option value="connector">A connector</option>
      </SelectInput>
      {source === 'url' ? (
        <TextInput
          {...controlOf(context, 'server_url', 'url')}
          label="Server URL"
          type="url"
          placeholder="https://"
          value={tool.serverUrl ?? ''}
          onValueChange={(serverUrl) =>
            context.change(tool.copyWith({ serverUrl: serverUrl === '' ? null : serverUrl }), TYPING)
          }
        />
      ) : (
        <SelectInput
          {...controlOf(context, 'connector_id', 'connector')}
          label="Connector"
          value={tool.connectorId ?? ''}
          onValueChange={(connectorId) =>
            context.change(tool.copyWith({ connectorId: connectorId as RealtimeMcpConnectorId }))
          }
        >
          {CONNECTORS.map((connector) => (
            <option key={connector} value={connector}>
              {connector.replace('connector_', '')}
            </option>
          ))}
        </SelectInput>
      )}
      <TextInput
        {...controlOf(context, 'authorization')}
        label="Authorization (OAuth token)"
        type="password"
        value={tool.authorization ?? ''}
        hint="Masked here, in logs and in exports."
        onValueChange={(authorization) =>
          context.change(tool.copyWith({ authorization: authorization === '' ? null : authorization }), TYPING)
        }
      />
      <KeyValueInputs
        id={`${context.id}-headers`}
        legend="Headers"
        itemLabel="Header"
        maskValues
        entries={headers}
        disabled={context.disabled}
        onBlur={() => context.blur('headers')}
        newEntry={(number) => [`X-Header-${number}`, '']}
        onEntriesChange={(entries) =>
          context.change(tool.copyWith({ headers: entries.length === 0 ? null : Object.fromEntries(entries) }), TYPING)
        }
      />
      <TextInput
        {...controlOf(context, 'allowed_tools', 'allowed')}
        label="Allowed tools"
        value={allowed}
        hint="Comma-separated tool names; empty allows all."
        onValueChange={(text) =>
          context.change(tool.copyWith({ allowedTools: list(text).length === 0 ? null : list(text) }), TYPING)
        }
      />
      <SelectInput
        {...controlOf(context, 'require_approval', 'approval')}
        label="Require approval"
        value={approval}
        onValueChange={(value) =>
          context.change(
            tool.copyWith({
              requireApproval:
                value === ''
                  ? null
                  : value === 'per-tool'
                    ? new RealtimeMcpApprovalFilter({ always: new RealtimeMcpToolFilter({ toolNames: [] }) })
                    : (value as 'always' | 'never'),
            }),
          )
        }
      >
        <option value="">Server default (always)</option>
        <option value="always">Always</option>
        <option value="never">Never</option>
        <option value="per-tool">Per tool</option>
      </SelectInput>
      {filter === undefined
        ? null
        : (['always', 'never'] as const).map((when) => (
            <TextInput
              key={when}
              {...controlOf(context, `require_approval.${when}`, `approval-${when}`)}
              label={`${when === 'always' ? 'Always' : 'Never'} ask before`}
              value={filter[when]?.toolNames?.join(', ') ?? ''}
              onValueChange={(text) =>
                context.change(
                  tool.copyWith({ requireApproval: filter.copyWith({ [when]: { toolNames: list(text) } }) }),
                  TYPING,
                )
              }
            />
          ))}
      <TextInput
        {...controlOf(context, 'server_description', 'server-description')}
        label="Server description"
        multiline
        value={tool.serverDescription ?? ''}
        onValueChange={(text) =>
          context.change(tool.copyWith({ serverDescription: text === '' ? null : text }), TYPING)
        }
      />
    </>
  );
}
