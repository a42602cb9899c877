'use client';
import { forwardRef, useEffect, useRef, useState } from 'react';
import { RealtimeMcpTool } from '../../model/index.js';
import { describedBy, FieldError, FieldStatusBadge, LockNote } from '../field/field-parts.js';
import { FunctionToolFields, McpToolFields } from './tool-rows.js';
import { useToolsField, type UseToolsFieldProps } from './use-tools-field.js';

export interface ToolsEditorProps extends UseToolsFieldProps {
  readonly className?: string;
  /** @default 'Tools' */
  readonly label?: string;
}

/**
 * Edits the session's function and MCP tools: add, remove, duplicate and
 * reorder (buttons, so the keyboard does it all), a JSON Schema editor with
 * live syntax errors for function parameters, MCP servers by URL or
 * connector with masked authorization and header values, and JSON import
 * and export. Invalid tools show their issues and are never sent.
 *
 * Styling hooks: `data-status` on the root, `data-kind="function|mcp"` and
 * `data-invalid` on each tool.
 *
 * @example
 * ```tsx
 * <ToolsEditor />   // in a RealtimeSessionProvider
 * ```
 */
export const ToolsEditor = forwardRef<HTMLDivElement, ToolsEditorProps>(function ToolsEditor(props, ref) {
  const { className, label = 'Tools', ...fieldProps } = props;
  const field = useToolsField(fieldProps);
  const { state, ids, binding } = field;
  const [focusAfterMove, setFocusAfterMove] = useState<string | undefined>(undefined);
  const [transfer, setTransfer] = useState('');
  const [importError, setImportError] = useState<string | undefined>(undefined);
  const rootRef = useRef<HTMLDivElement | null>(null);

  // Reordering re-renders the rows in place; keep focus on the button of the tool that moved.
  useEffect(() => {
    if (focusAfterMove === undefined) return;
    rootRef.current?.querySelector<HTMLElement>(`[data-focus-key="${focusAfterMove}"]`)?.focus();
    setFocusAfterMove(undefined);
  }, [focusAfterMove]);

  const count = state.tools.length;
  return (
    <div
      ref={(node) => {
        rootRef.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref !== null) ref.current = node;
      }}
      className={['rrs-field', 'rrs-tools-editor', className].filter(Boolean).join(' ')}
      data-status={state.status}
      data-disabled={state.disabled || undefined}
    >
      <section className="rrs-group" aria-labelledby={ids.labelId} aria-describedby={describedBy(ids, state.messages)}>
        <h3 id={ids.labelId} className="rrs-label">
          {label} <FieldStatusBadge status={state.status} mode={binding.mode} />
        </h3>
        <p id={ids.descriptionId} className="rrs-description">
          {count === 0
            ? 'No tools yet.'
            : `${count} ${count === 1 ? 'tool' : 'tools'}, in the order the model sees them.`}
        </p>
        <ol className="rrs-tool-list">
          {state.tools.map((tool, index) => {
            const mcp = tool instanceof RealtimeMcpTool;
            const name = mcp ? tool.serverLabel : (tool.name ?? '');
            const title = `${mcp ? 'MCP server' : 'Function'} ${index + 1}${name === '' ? '' : `: ${name}`}`;
            const rowId = `${ids.controlId}-tool-${index}`;
            const context = {
              id: rowId,
              disabled: state.disabled,
              issueAt: (key: string) => field.issueAt(index, key),
              commit: field.commit,
            };
            const invalid = field.issuesOf(index).size > 0;
            return (
              <li
                key={index}
                className="rrs-tool"
                data-kind={mcp ? 'mcp' : 'function'}
                data-invalid={invalid || undefined}
                aria-labelledby={`${rowId}-title`}
              >
                <div className="rrs-tool-header">
                  <h4 id={`${rowId}-title`} className="rrs-tool-title">
                    {title}
                  </h4>
                  <div className="rrs-row" role="group" aria-label={`Actions for ${title}`}>
                    <button
                      type="button"
                      className="rrs-button rrs-button-quiet"
                      data-focus-key={`${index}-up`}
                      disabled={state.disabled || index === 0}
                      onClick={() => {
                        field.move(index, -1);
                        setFocusAfterMove(index - 1 === 0 ? `${index - 1}-down` : `${index - 1}-up`);
                      }}
                    >
                      Move up
                    </button>
                    <button
                      type="button"
                      className="rrs-button rrs-button-quiet"
                      data-focus-key={`${index}-down`}
                      disabled={state.disabled || index === count - 1}
                      onClick={() => {
                        field.move(index, 1);
                        setFocusAfterMove(index + 1 === count - 1 ? `${index + 1}-up` : `${index + 1}-down`);
                      }}
                    >
                      Move down
                    </button>
                    <button
                      type="button"
                      className="rrs-button rrs-button-quiet"
                      disabled={state.disabled}
                      onClick={() => field.duplicate(index)}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      className="rrs-button rrs-button-quiet"
                      disabled={state.disabled}
                      onClick={() => field.remove(index)}
                    >
                      Remove
                    </button>
                  </div>
                </div>
                {mcp ? (
                  <McpToolFields
                    tool={tool}
                    context={context}
                    onChange={(next, coalesce) => field.replace(index, next, { coalesce })}
                  />
                ) : (
                  <FunctionToolFields
                    tool={tool}
                    context={context}
                    onChange={(next, coalesce) => field.replace(index, next, { coalesce })}
                  />
                )}
              </li>
            );
          })}
        </ol>
        <div className="rrs-row">
          <button type="button" className="rrs-button" disabled={state.disabled} onClick={field.addFunction}>
            Add function
          </button>
          <button type="button" className="rrs-button" disabled={state.disabled} onClick={field.addMcp}>
            Add MCP server
          </button>
        </div>
        <FieldError id={ids.errorId} message={state.messages.error} />
        <LockNote id={ids.noteId} messages={state.messages} store={binding.store} />
        <details className="rrs-transfer">
          <summary>Import or export JSON</summary>
          <label className="rrs-sublabel" htmlFor={`${ids.controlId}-json`}>
            Tools JSON
          </label>
          <textarea
            id={`${ids.controlId}-json`}
            className="rrs-input rrs-code"
            rows={8}
            spellCheck={false}
            value={transfer}
            disabled={state.disabled}
            aria-invalid={importError === undefined ? undefined : true}
            aria-describedby={`${ids.controlId}-json-hint${importError === undefined ? '' : ` ${ids.controlId}-json-error`}`}
            onChange={(event) => {
              setTransfer(event.target.value);
              setImportError(undefined);
            }}
          />
          <p id={`${ids.controlId}-json-hint`} className="rrs-description">
            Exports mask MCP secrets; importing them back keeps the current values.
          </p>
          {importError === undefined ? null : (
            <p id={`${ids.controlId}-json-error`} className="rrs-error">
              {importError}
            </p>
          )}
          <div className="rrs-row">
            <button
              type="button"
              className="rrs-button rrs-button-quiet"
              onClick={() => {
                setTransfer(field.exportJson());
                setImportError(undefined);
              }}
            >
              Export current tools
            </button>
            <button
              type="button"
              className="rrs-button"
              disabled={state.disabled || transfer.trim() === ''}
              onClick={() => {
                const error = field.importJson(transfer);
                setImportError(
                  error === undefined ? undefined : `${error.path ?? ''}${error.path ? ': ' : ''}${error.message}`,
                );
              }}
            >
              Import
            </button>
          </div>
        </details>
      </section>
    </div>
  );
});
