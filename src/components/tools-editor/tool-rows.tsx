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
import { parseJsonText } from './json-syntax.js';

/** What every tool row shares with the editor. */
export interface ToolRowContext {
  readonly id: string;
  readonly disabled: boolean;
  issueAt(key: string): ConfigIssue | undefined;
  commit(): void;
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
  const describedBy = [
    props.hint === undefined ? '' : `${props.id}-hint`,
    props.issue === undefined ? '' : `${props.id}-error`,
  ]
    .filter(Boolean)
    .join(' ');
  const shared = {
    id: props.id,
    className: 'rrs-input',
    value: props.value,
    disabled: props.disabled,
    'aria-invalid': props.issue === undefined ? undefined : true,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
    onBlur: props.onBlur,
  } as const;
  return (
    <div className="rrs-subfield">
      <label className="rrs-sublabel" htmlFor={props.id}>
        {props.label}
      </label>
      {props.multiline === true ? (
        <textarea {...shared} rows={2} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input
          {...shared}
          type={props.type ?? 'text'}
          autoComplete={props.type === 'password' ? 'off' : undefined}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      {props.hint === undefined ? null : (
        <p id={`${props.id}-hint`} className="rrs-description">
          {props.hint}
        </p>
      )}
      {props.issue === undefined ? null : (
        <p id={`${props.id}-error`} className="rrs-error">
          {props.issue.message}
        </p>
      )}
    </div>
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
  return (
    <div className="rrs-subfield">
      <label className="rrs-sublabel" htmlFor={props.id}>
        Parameters (JSON Schema)
      </label>
      <textarea
        id={props.id}
        className="rrs-input rrs-code"
        rows={6}
        spellCheck={false}
        value={text}
        disabled={props.disabled}
        aria-invalid={message === undefined ? undefined : true}
        aria-describedby={message === undefined ? `${props.id}-hint` : `${props.id}-hint ${props.id}-error`}
        onBlur={props.onBlur}
        onChange={(event) => {
          const next = event.target.value;
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
        }}
      />
      <p id={`${props.id}-hint`} className="rrs-description">
        An object schema: {'{ "type": "object", "properties": { … } }'}.
      </p>
      {message === undefined ? null : (
        <p id={`${props.id}-error`} className="rrs-error">
          {message}
        </p>
      )}
    </div>
  );
}

export function FunctionToolFields(props: {
  readonly tool: RealtimeFunctionTool;
  readonly context: ToolRowContext;
  readonly onChange: (tool: RealtimeFunctionTool, coalesce: boolean) => void;
}) {
  const { tool, context, onChange } = props;
  return (
    <>
      <TextField
        id={`${context.id}-name`}
        label="Name"
        value={tool.name ?? ''}
        issue={context.issueAt('name')}
        disabled={context.disabled}
        hint="1–64 letters, digits, _ or -; unique among the tools."
        onChange={(name) => onChange(tool.copyWith({ name }), true)}
        onBlur={context.commit}
      />
      <TextField
        id={`${context.id}-description`}
        label="Description"
        multiline
        value={tool.description ?? ''}
        issue={context.issueAt('description')}
        disabled={context.disabled}
        onChange={(description) => onChange(tool.copyWith({ description }), true)}
        onBlur={context.commit}
      />
      <ParametersEditor
        id={`${context.id}-parameters`}
        value={tool.parameters}
        issue={context.issueAt('parameters')}
        disabled={context.disabled}
        onChange={(parameters) => onChange(tool.copyWith({ parameters }), true)}
        onBlur={context.commit}
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
    <div className="rrs-subfield">
      <label className="rrs-sublabel" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        className="rrs-input"
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.issue === undefined ? undefined : true}
        aria-describedby={props.issue === undefined ? undefined : `${props.id}-error`}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.children}
      </select>
      {props.issue === undefined ? null : (
        <p id={`${props.id}-error`} className="rrs-error">
          {props.issue.message}
        </p>
      )}
    </div>
  );
}

export function McpToolFields(props: {
  readonly tool: RealtimeMcpTool;
  readonly context: ToolRowContext;
  readonly onChange: (tool: RealtimeMcpTool, coalesce: boolean) => void;
}) {
  const { tool, context, onChange } = props;
  const source = tool.connectorId !== undefined ? 'connector' : 'url';
  const headers = tool.headers === undefined || isOff(tool.headers) ? [] : Object.entries(tool.headers);
  const allowed = Array.isArray(tool.allowedTools) ? tool.allowedTools.join(', ') : '';
  const approval = approvalChoice(tool);
  const filter = tool.requireApproval instanceof RealtimeMcpApprovalFilter ? tool.requireApproval : undefined;
  const setHeaders = (entries: readonly (readonly [string, string])[]) =>
    onChange(tool.copyWith({ headers: entries.length === 0 ? null : Object.fromEntries(entries) }), true);
  return (
    <>
      <TextField
        id={`${context.id}-label`}
        label="Server label"
        value={tool.serverLabel}
        issue={context.issueAt('server_label')}
        disabled={context.disabled}
        onChange={(serverLabel) => onChange(tool.copyWith({ serverLabel }), true)}
        onBlur={context.commit}
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
          id={`${context.id}-url`}
          label="Server URL"
          type="url"
          value={tool.serverUrl ?? ''}
          issue={context.issueAt('server_url')}
          disabled={context.disabled}
          onChange={(serverUrl) => onChange(tool.copyWith({ serverUrl }), true)}
          onBlur={context.commit}
        />
      ) : (
        <Select
          id={`${context.id}-connector`}
          label="Connector"
          value={tool.connectorId ?? ''}
          issue={context.issueAt('connector_id')}
          disabled={context.disabled}
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
        id={`${context.id}-authorization`}
        label="Authorization (OAuth token)"
        type="password"
        value={tool.authorization ?? ''}
        issue={context.issueAt('authorization')}
        disabled={context.disabled}
        hint="Masked here, in logs and in exports."
        onChange={(authorization) =>
          onChange(tool.copyWith({ authorization: authorization === '' ? null : authorization }), true)
        }
        onBlur={context.commit}
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
              onChange={(event) =>
                setHeaders(headers.map((entry, i) => (i === index ? [event.target.value, entry[1]] : entry)))
              }
            />
            <input
              className="rrs-input"
              type="password"
              autoComplete="off"
              aria-label={`Header ${index + 1} value`}
              value={value}
              disabled={context.disabled}
              onBlur={context.commit}
              onChange={(event) =>
                setHeaders(headers.map((entry, i) => (i === index ? [entry[0], event.target.value] : entry)))
              }
            />
            <button
              type="button"
              className="rrs-button rrs-button-quiet"
              disabled={context.disabled}
              onClick={() => setHeaders(headers.filter((_, i) => i !== index))}
            >
              Remove header {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="rrs-button rrs-button-quiet"
          disabled={context.disabled}
          onClick={() => setHeaders([...headers, [`X-Header-${headers.length + 1}`, '']])}
        >
          Add header
        </button>
      </fieldset>
      <TextField
        id={`${context.id}-allowed`}
        label="Allowed tools"
        value={allowed}
        issue={context.issueAt('allowed_tools')}
        disabled={context.disabled}
        hint="Comma-separated tool names; empty allows all."
        onChange={(text) =>
          onChange(tool.copyWith({ allowedTools: list(text).length === 0 ? null : list(text) }), true)
        }
        onBlur={context.commit}
      />
      <Select
        id={`${context.id}-approval`}
        label="Require approval"
        value={approval}
        issue={context.issueAt('require_approval')}
        disabled={context.disabled}
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
      {filter === undefined ? null : (
        <>
          <TextField
            id={`${context.id}-approval-always`}
            label="Always ask before"
            value={filter.always?.toolNames?.join(', ') ?? ''}
            issue={context.issueAt('require_approval.always')}
            disabled={context.disabled}
            onChange={(text) =>
              onChange(tool.copyWith({ requireApproval: filter.copyWith({ always: { toolNames: list(text) } }) }), true)
            }
            onBlur={context.commit}
          />
          <TextField
            id={`${context.id}-approval-never`}
            label="Never ask before"
            value={filter.never?.toolNames?.join(', ') ?? ''}
            issue={context.issueAt('require_approval.never')}
            disabled={context.disabled}
            onChange={(text) =>
              onChange(tool.copyWith({ requireApproval: filter.copyWith({ never: { toolNames: list(text) } }) }), true)
            }
            onBlur={context.commit}
          />
        </>
      )}
      <TextField
        id={`${context.id}-server-description`}
        label="Server description"
        multiline
        value={tool.serverDescription ?? ''}
        issue={context.issueAt('server_description')}
        disabled={context.disabled}
        onChange={(text) => onChange(tool.copyWith({ serverDescription: text === '' ? null : text }), true)}
        onBlur={context.commit}
      />
    </>
  );
}
