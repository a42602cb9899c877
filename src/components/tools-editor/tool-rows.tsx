'use client';
import { useState, type ReactNode } from 'react';
import {
  isOff,
  RealtimeMcpApprovalFilter,
  RealtimeMcpConnectorId,
  RealtimeMcpToolFilter,
  type ConfigIssue,
  type JsonObject,
  type RealtimeFunctionTool,
  type RealtimeMcpTool,
} from '../../model/index.js';
import { parseJsonText } from '../field/json-syntax.js';
import { CodeField, QuietButton, Subfield } from './parts.js';

/** What every tool row shares with the editor. */
export interface ToolRowContext {
  readonly id: string;
  readonly disabled: boolean;
  issueAt(key: string): ConfigIssue | undefined;
  commit(): void;
}

/** What a control of a tool row takes from the row: its id, issue and state, and commit on blur. */
function rowControl(context: ToolRowContext, key: string, id: string = key) {
  return { id: `${context.id}-${id}`, issue: context.issueAt(key), disabled: context.disabled, onBlur: context.commit };
}

/** A labelled input with its issue wired through `aria-describedby`. */
function TextField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly issue: ConfigIssue | undefined;
  readonly disabled: boolean;
  readonly onChange: (value: string) => void;
  readonly onBlur: () => void;
  readonly type?: 'text' | 'password' | 'url';
  readonly multiline?: boolean;
  readonly hint?: string;
}) {
  return (
    <Subfield id={props.id} label={props.label} hint={props.hint} error={props.issue?.message}>
      {(control) => {
        const shared = {
          ...control,
          className: 'rrs-input',
          value: props.value,
          disabled: props.disabled,
          onBlur: props.onBlur,
        } as const;
        return props.multiline === true ? (
          <textarea {...shared} rows={2} onChange={(event) => props.onChange(event.target.value)} />
        ) : (
          <input
            {...shared}
            type={props.type ?? 'text'}
            autoComplete={props.type === 'password' ? 'off' : undefined}
            onChange={(event) => props.onChange(event.target.value)}
          />
        );
      }}
    </Subfield>
  );
}

/**
 * A JSON Schema editor: the text is kept as typed, syntax errors are shown
 * live with line and column, and only a parsed object reaches the tool.
 */
function ParametersEditor(props: {
  readonly id: string;
  readonly value: JsonObject | undefined;
  readonly issue: ConfigIssue | undefined;
  readonly disabled: boolean;
  readonly onChange: (value: JsonObject) => void;
  readonly onBlur: () => void;
}) {
  const fromValue = props.value === undefined ? '' : JSON.stringify(props.value, null, 2);
  const [text, setText] = useState(fromValue);
  const [syntax, setSyntax] = useState<string | undefined>(undefined);
  // A new value from outside (an import, a reorder) replaces the text, unless the text already says the same.
  const [shown, setShown] = useState(fromValue);
  if (shown !== fromValue) {
    setShown(fromValue);
    const parsed = parseJsonText(text);
    if (!(parsed.ok && JSON.stringify(parsed.value, null, 2) === fromValue)) {
      setText(fromValue);
      setSyntax(undefined);
    }
  }
  // Schema issues are reported inside the schema (`tools[0].parameters.type`); say where, relative to it.
  const inSchema = props.issue?.path.split('.parameters').slice(1).join('.parameters').replace(/^\./, '');
  const message =
    syntax ??
    (props.issue === undefined ? undefined : inSchema ? `${inSchema}: ${props.issue.message}` : props.issue.message);
  const edit = (next: string) => {
    setText(next);
    const parsed = parseJsonText(next);
    if (!parsed.ok) {
      setSyntax(`Line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message}`);
      return;
    }
    const value = parsed.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      setSyntax('The parameters must be a JSON object schema, such as { "type": "object" }.');
      return;
    }
    setSyntax(undefined);
    props.onChange(value as JsonObject);
  };
  return (
    <CodeField
      id={props.id}
      label="Parameters (JSON Schema)"
      hint={<>An object schema: {'{ "type": "object", "properties": { … } }'}.</>}
      error={message}
      rows={6}
      value={text}
      disabled={props.disabled}
      onBlur={props.onBlur}
      onText={edit}
    />
  );
}

/** The props of a tool's fields: the tool, its row, and where its edits go (text edits coalesce). */
interface ToolFieldsProps<Tool> {
  readonly tool: Tool;
  readonly context: ToolRowContext;
  readonly onChange: (tool: Tool, coalesce: boolean) => void;
}

export function FunctionToolFields({ tool, context, onChange }: ToolFieldsProps<RealtimeFunctionTool>) {
  return (
    <>
      <TextField
        {...rowControl(context, 'name')}
        label="Name"
        value={tool.name ?? ''}
        hint="1–64 letters, digits, _ or -; unique among the tools."
        onChange={(name) => onChange(tool.copyWith({ name }), true)}
      />
      <TextField
        {...rowControl(context, 'description')}
        label="Description"
        multiline
        value={tool.description ?? ''}
        onChange={(description) => onChange(tool.copyWith({ description }), true)}
      />
      <ParametersEditor
        {...rowControl(context, 'parameters')}
        value={tool.parameters}
        onChange={(parameters) => onChange(tool.copyWith({ parameters }), true)}
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

function Select(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly disabled: boolean;
  readonly issue?: ConfigIssue | undefined;
  readonly onChange: (value: string) => void;
  readonly children: ReactNode;
}) {
  return (
    <Subfield id={props.id} label={props.label} error={props.issue?.message}>
      {(control) => (
        <select
          {...control}
          className="rrs-input"
          value={props.value}
          disabled={props.disabled}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {props.children}
        </select>
      )}
    </Subfield>
  );
}

export function McpToolFields({ tool, context, onChange }: ToolFieldsProps<RealtimeMcpTool>) {
  const source = tool.connectorId !== undefined ? 'connector' : 'url';
  const headers = tool.headers === undefined || isOff(tool.headers) ? [] : Object.entries(tool.headers);
  const allowed = Array.isArray(tool.allowedTools) ? tool.allowedTools.join(', ') : '';
  const approval = approvalChoice(tool);
  const filter = tool.requireApproval instanceof RealtimeMcpApprovalFilter ? tool.requireApproval : undefined;
  const setHeaders = (entries: readonly (readonly [string, string])[]) =>
    onChange(tool.copyWith({ headers: entries.length === 0 ? null : Object.fromEntries(entries) }), true);
  const setHeader = (index: number, entry: readonly [string, string]) =>
    setHeaders(headers.map((item, i) => (i === index ? entry : item)));
  return (
    <>
      <TextField
        {...rowControl(context, 'server_label', 'label')}
        label="Server label"
        value={tool.serverLabel}
        onChange={(serverLabel) => onChange(tool.copyWith({ serverLabel }), true)}
      />
      <Select
        id={`${context.id}-source`}
        label="Server"
        value={source}
        disabled={context.disabled}
        onChange={(value) =>
          onChange(
            value === 'connector'
              ? tool.copyWith({ serverUrl: null, connectorId: CONNECTORS[0] ?? null })
              : tool.copyWith({ connectorId: null, serverUrl: 'https://' }),
            false,
          )
        }
      >
        <option value="url">By URL</option>
        <option value="connector">A connector</option>
      </Select>
      {source === 'url' ? (
        <TextField
          {...rowControl(context, 'server_url', 'url')}
          label="Server URL"
          type="url"
          value={tool.serverUrl ?? ''}
          onChange={(serverUrl) => onChange(tool.copyWith({ serverUrl }), true)}
        />
      ) : (
        <Select
          {...rowControl(context, 'connector_id', 'connector')}
          label="Connector"
          value={tool.connectorId ?? ''}
          onChange={(connectorId) =>
            onChange(tool.copyWith({ connectorId: connectorId as RealtimeMcpConnectorId }), false)
          }
        >
          {CONNECTORS.map((connector) => (
            <option key={connector} value={connector}>
              {connector.replace('connector_', '')}
            </option>
          ))}
        </Select>
      )}
      <TextField
        {...rowControl(context, 'authorization')}
        label="Authorization (OAuth token)"
        type="password"
        value={tool.authorization ?? ''}
        hint="Masked here, in logs and in exports."
        onChange={(authorization) =>
          onChange(tool.copyWith({ authorization: authorization === '' ? null : authorization }), true)
        }
      />
      <fieldset className="rrs-subgroup">
        <legend className="rrs-sublabel">Headers</legend>
        {headers.map(([name, value], index) => (
          <div key={index} className="rrs-row">
            <input
              className="rrs-input"
              aria-label={`Header ${index + 1} name`}
              value={name}
              disabled={context.disabled}
              onBlur={context.commit}
              onChange={(event) => setHeader(index, [event.target.value, value])}
            />
            <input
              className="rrs-input"
              type="password"
              autoComplete="off"
              aria-label={`Header ${index + 1} value`}
              value={value}
              disabled={context.disabled}
              onBlur={context.commit}
              onChange={(event) => setHeader(index, [name, event.target.value])}
            />
            <QuietButton disabled={context.disabled} onClick={() => setHeaders(headers.filter((_, i) => i !== index))}>
              Remove header {index + 1}
            </QuietButton>
          </div>
        ))}
        <QuietButton
          disabled={context.disabled}
          onClick={() => setHeaders([...headers, [`X-Header-${headers.length + 1}`, '']])}
        >
          Add header
        </QuietButton>
      </fieldset>
      <TextField
        {...rowControl(context, 'allowed_tools', 'allowed')}
        label="Allowed tools"
        value={allowed}
        hint="Comma-separated tool names; empty allows all."
        onChange={(text) =>
          onChange(tool.copyWith({ allowedTools: list(text).length === 0 ? null : list(text) }), true)
        }
      />
      <Select
        {...rowControl(context, 'require_approval', 'approval')}
        label="Require approval"
        value={approval}
        onChange={(value) =>
          onChange(
            tool.copyWith({
              requireApproval:
                value === ''
                  ? null
                  : value === 'per-tool'
                    ? new RealtimeMcpApprovalFilter({ always: new RealtimeMcpToolFilter({ toolNames: [] }) })
                    : (value as 'always' | 'never'),
            }),
            false,
          )
        }
      >
        <option value="">Server default (always)</option>
        <option value="always">Always</option>
        <option value="never">Never</option>
        <option value="per-tool">Per tool</option>
      </Select>
      {filter === undefined
        ? null
        : (['always', 'never'] as const).map((when) => (
            <TextField
              key={when}
              {...rowControl(context, `require_approval.${when}`, `approval-${when}`)}
              label={`${when === 'always' ? 'Always' : 'Never'} ask before`}
              value={filter[when]?.toolNames?.join(', ') ?? ''}
              onChange={(text) =>
                onChange(
                  tool.copyWith({ requireApproval: filter.copyWith({ [when]: { toolNames: list(text) } }) }),
                  true,
                )
              }
            />
          ))}
      <TextField
        {...rowControl(context, 'server_description', 'server-description')}
        label="Server description"
        multiline
        value={tool.serverDescription ?? ''}
        onChange={(text) => onChange(tool.copyWith({ serverDescription: text === '' ? null : text }), true)}
      />
    </>
  );
}
