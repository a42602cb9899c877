'use client';
import { forwardRef, useEffect, useRef, useState } from 'react';
import { RealtimeMcpTool } from '../../model/index.js';
import { FieldRoot } from '../field/field-layout.js';
import { describedBy, FieldDescription, FieldFeedback, FieldStatusBadge } from '../field/field-parts.js';
import { CodeField, QuietButton } from './parts.js';
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
  /** Puts new text in the import/export box, which clears any import error. */
  const showTransfer = (text: string) => {
    setTransfer(text);
    setImportError(undefined);
  };

  // Reordering re-renders the rows in place; keep focus on the button of the tool that moved.
  useEffect(() => {
    if (focusAfterMove === undefined) return;
    rootRef.current?.querySelector<HTMLElement>(`[data-focus-key="${focusAfterMove}"]`)?.focus();
    setFocusAfterMove(undefined);
  }, [focusAfterMove]);

  const count = state.tools.length;
  return (
    <FieldRoot
      ref={(node) => {
        rootRef.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref !== null) ref.current = node;
      }}
      kind="rrs-tools-editor"
      className={className}
      state={state}
      status={state.status}
    >
      <section className="rrs-group" aria-labelledby={ids.labelId} aria-describedby={describedBy(ids, state.messages)}>
        <h3 id={ids.labelId} className="rrs-label">
          {label} <FieldStatusBadge status={state.status} mode={binding.mode} />
        </h3>
        <FieldDescription id={ids.descriptionId}>
          {count === 0
            ? 'No tools yet.'
            : `${count} ${count === 1 ? 'tool' : 'tools'}, in the order the model sees them.`}
        </FieldDescription>
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
            const onChange = (next: typeof tool, coalesce: boolean) => field.replace(index, next, { coalesce });
            // Focus follows the moved tool: the button it moved with, or the other one once that is disabled at an end.
            const move = (delta: -1 | 1) => {
              const to = index + delta;
              const [same, other] = delta < 0 ? ['up', 'down'] : ['down', 'up'];
              field.move(index, delta);
              setFocusAfterMove(`${to}-${to === (delta < 0 ? 0 : count - 1) ? other : same}`);
            };
            return (
              <li
                key={index}
                className="rrs-tool"
                data-kind={mcp ? 'mcp' : 'function'}
                data-invalid={field.issuesOf(index).size > 0 || undefined}
                aria-labelledby={`${rowId}-title`}
              >
                <div className="rrs-tool-header">
                  <h4 id={`${rowId}-title`} className="rrs-tool-title">
                    {title}
                  </h4>
                  <div className="rrs-row" role="group" aria-label={`Actions for ${title}`}>
                    <QuietButton
                      data-focus-key={`${index}-up`}
                      disabled={state.disabled || index === 0}
                      onClick={() => move(-1)}
                    >
                      Move up
                    </QuietButton>
                    <QuietButton
                      data-focus-key={`${index}-down`}
                      disabled={state.disabled || index === count - 1}
                      onClick={() => move(1)}
                    >
                      Move down
                    </QuietButton>
                    <QuietButton disabled={state.disabled} onClick={() => field.duplicate(index)}>
                      Duplicate
                    </QuietButton>
                    <QuietButton disabled={state.disabled} onClick={() => field.remove(index)}>
                      Remove
                    </QuietButton>
                  </div>
                </div>
                {mcp ? (
                  <McpToolFields tool={tool} context={context} onChange={onChange} />
                ) : (
                  <FunctionToolFields tool={tool} context={context} onChange={onChange} />
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
        <FieldFeedback ids={ids} messages={state.messages} store={binding.store} />
        <details className="rrs-transfer">
          <summary>Import or export JSON</summary>
          <CodeField
            bare
            id={`${ids.controlId}-json`}
            label="Tools JSON"
            hint="Exports mask MCP secrets; importing them back keeps the current values."
            error={importError}
            rows={8}
            value={transfer}
            disabled={state.disabled}
            onText={showTransfer}
          />
          <div className="rrs-row">
            <QuietButton onClick={() => showTransfer(field.exportJson())}>Export current tools</QuietButton>
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
    </FieldRoot>
  );
});
