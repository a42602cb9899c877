'use client';
import { forwardRef, memo, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { RealtimeMcpTool } from '../../model/index.js';
import { FieldFeedback, FieldHeaderExtras, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { QuietButton, TextInput } from '../field/inputs.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { FunctionToolFields, McpToolFields, type ToolRowContext } from './tool-rows.js';
import {
  mcpListingText,
  useToolsField,
  type ToolRow,
  type UseToolsFieldProps,
  type UseToolsFieldReturn,
} from './use-tools-field.js';

export interface ToolsEditorProps extends UseToolsFieldProps, FieldRootAttributes {
  /** @default 'Tools' */
  readonly label?: string;
}

/**
 * Edits the session's function and MCP tools: add, remove, duplicate and
 * reorder (buttons, so the keyboard does it all), a JSON Schema editor with
 * live syntax errors for function parameters, MCP servers by URL or
 * connector with masked authorization and header values, and JSON export and
 * an import that shows what it will change before it does. A new tool stays in
 * the draft, unsent, until it is valid; invalid tools show their issues on
 * their inputs. Any other prop goes on the root element.
 *
 * Each tool is a one-line summary (kind, name, status, how many problems)
 * whose button opens it to its fields, so a long list stays compact. A tool
 * opens by itself when it is added or duplicated, and when a problem appears
 * on it unless the user opened or closed it by hand; either way it stays so
 * through edits and reordering.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-kind="function|mcp"`, `data-invalid`,
 * `data-new` and `data-state="open|closed"` on each tool, `data-status` on
 * its summary's status, and `data-status="listing|listed|failed"` on an MCP
 * tool's listing line.
 *
 * Connected, each MCP tool says how the live session's listing of its server
 * stands, under its summary: "Listing tools…", "2 tools: get_weather,
 * search_docs", or why the tools were not listed. The line is a polite live
 * region and describes the tool's server label input.
 *
 * @example
 * ```tsx
 * <ToolsEditor />   // in a RealtimeSessionProvider
 * <ToolsEditor defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const ToolsEditor = memo(
  forwardRef<HTMLDivElement, ToolsEditorProps>(function ToolsEditor(props, ref) {
    const [bindingProps, { label = 'Tools', ...rootProps }] = splitFieldProps(props);
    const tools = useToolsField(bindingProps);
    const { field, state } = tools;
    const root = useRef<HTMLDivElement | null>(null);
    useImperativeHandle(ref, () => root.current as HTMLDivElement, []);
    // Reordering re-renders the rows in place; keep focus on the button of the tool that moved.
    const focusAfterMove = useRef<string | undefined>(undefined);
    useEffect(() => {
      const key = focusAfterMove.current;
      if (key === undefined) return;
      focusAfterMove.current = undefined;
      root.current?.querySelector<HTMLElement>(`[data-focus-key="${key}"]`)?.focus();
    });
    // A tool just added is empty: start typing its name.
    useEffect(() => {
      if (state.added === undefined) return;
      root.current?.querySelector<HTMLElement>(`[data-row-key="${state.added}"] input`)?.focus();
    }, [state.added]);

    const count = state.rows.length;
    const where = field.effective.source === 'applied' ? ' on the server' : '';
    // Row problems show in their rows; the list keeps its own message, the notes and the unknown keys above them.
    const listPart = { ...field, messages: { ...field.messages, error: state.listError } };
    return (
      <FieldRoot ref={root} field={field} kind="rrs-tools-editor" {...rootProps}>
        <fieldset {...field.getGroupProps()}>
          <legend className="rrs-label">
            <span {...field.getLabelProps()}>{label}</span> <FieldHeaderExtras part={field} />
          </legend>
          <p className="rrs-description" {...field.getDescriptionProps()}>
            {count === 0
              ? 'No tools yet.'
              : `${count} ${count === 1 ? 'tool' : 'tools'}${where}, in the order the model sees them.`}
          </p>
          <FieldFeedback part={listPart} />
          {count === 0 ? null : (
            <ol className="rrs-tool-list">
              {state.rows.map((row) => (
                <ToolItem
                  key={row.key}
                  row={row}
                  tools={tools}
                  count={count}
                  onMoved={(key) => (focusAfterMove.current = key)}
                />
              ))}
            </ol>
          )}
          <div className="rrs-row">
            <button className="rrs-button" {...tools.getAddButtonProps('function')}>
              Add function
            </button>
            <button className="rrs-button" {...tools.getAddButtonProps('mcp')}>
              Add MCP server
            </button>
          </div>
          <ImportPanel tools={tools} />
        </fieldset>
      </FieldRoot>
    );
  }),
);
ToolsEditor.displayName = 'ToolsEditor';

const ROW_STATUS_TEXT: Readonly<Record<NonNullable<ToolRow['status']>, string>> = {
  rejected: 'Rejected',
  invalid: 'Invalid',
  incomplete: 'Incomplete',
};

function ToolItem(props: {
  readonly row: ToolRow;
  readonly tools: UseToolsFieldReturn;
  readonly count: number;
  readonly onMoved: (focusKey: string) => void;
}) {
  const { row, tools, count } = props;
  const disabled = tools.state.disabled;
  const id = tools.rowId(row);
  const listingProps = tools.getListingProps(row);
  const context: ToolRowContext = {
    row,
    id,
    listingId: listingProps.id,
    disabled,
    change: (tool, options) => tools.replace(row.key, tool, options),
    blur: (control) => tools.blurControl(row.key, control),
    markNew: (control) => tools.markControlNew(row.key, control),
    localError: (control, message) => tools.setControlError(row.key, control, message),
  };
  // Focus follows the moved tool: the button it moved with, or the other one once that is disabled at an end.
  const moveProps = (delta: -1 | 1) =>
    tools.getMoveButtonProps(row, delta, {
      onClick: () => {
        const to = row.index + delta;
        const [same, other] = delta < 0 ? ['up', 'down'] : ['down', 'up'];
        props.onMoved(`${row.key}-${to === (delta < 0 ? 0 : count - 1) ? other : same}`);
      },
    });
  return (
    <li className="rrs-tool" data-row-key={row.key} {...tools.getRowProps(row)}>
      <div className="rrs-tool-header">
        {/* Not a heading: a library cannot know which heading level fits the page around it. */}
        <div className="rrs-tool-title">
          {/* The whole summary is the button, so it says all of it with "expanded" or "collapsed". */}
          <button className="rrs-tool-toggle" {...tools.getToggleButtonProps(row)}>
            <span className="rrs-tool-chevron" aria-hidden="true">
              {row.expanded ? '▾' : '▸'}
            </span>{' '}
            {/* One text node: the row's name ("Function 1: lookup") reads the same in every renderer. */}
            <span {...tools.getRowTitleProps(row)}>{row.title}</span>
            {row.name === '' ? (
              <>
                : <span className="rrs-tool-unnamed">unnamed</span>
              </>
            ) : null}
            {row.status === undefined ? null : (
              <>
                {' '}
                <span className="rrs-status" data-status={row.status}>
                  {ROW_STATUS_TEXT[row.status]}
                </span>
              </>
            )}
            {row.problems === 0 ? null : (
              <>
                {' '}
                <span className="rrs-tool-problems">
                  {row.problems} {row.problems === 1 ? 'problem' : 'problems'}
                </span>
              </>
            )}
          </button>
        </div>
        <div className="rrs-tool-actions" role="group" aria-label={`Actions for ${row.title}`}>
          <QuietButton {...moveProps(-1)} data-focus-key={`${row.key}-up`}>
            Move up
          </QuietButton>
          <QuietButton {...moveProps(1)} data-focus-key={`${row.key}-down`}>
            Move down
          </QuietButton>
          <QuietButton {...tools.getDuplicateButtonProps(row)}>Duplicate</QuietButton>
          <QuietButton {...tools.getRemoveButtonProps(row)}>Remove</QuietButton>
        </div>
      </div>
      {/* Under the summary, so a closed row says it too; always there while connected, as a live region must be. */}
      {row.kind === 'mcp' && tools.binding.mode === 'connected' ? (
        <p className="rrs-tool-listing" {...listingProps}>
          {mcpListingText(row.listing)}
        </p>
      ) : null}
      <div className="rrs-tool-body" {...tools.getRowBodyProps(row)}>
        {row.rejection === undefined ? null : (
          <p className="rrs-error" data-kind="rejection">
            {row.rejection}
          </p>
        )}
        {row.tool instanceof RealtimeMcpTool ? (
          <McpToolFields tool={row.tool} context={context} />
        ) : (
          <FunctionToolFields tool={row.tool} context={context} />
        )}
      </div>
    </li>
  );
}

/** Export, and an import that says what it will change and waits for Confirm; Undo puts the old tools back. */
function ImportPanel(props: { readonly tools: UseToolsFieldReturn }) {
  const { tools } = props;
  const { state, field } = tools;
  const id = `${field.ids.controlId}-json`;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const confirm = useRef<HTMLButtonElement | null>(null);
  const preview = state.importPreview;
  useEffect(() => {
    if (preview !== undefined) confirm.current?.focus();
  }, [preview]);
  const show = (next: string) => {
    setText(next);
    setError(undefined);
    tools.cancelImport();
  };
  return (
    <details className="rrs-transfer">
      <summary>Import or export JSON</summary>
      <div className="rrs-transfer-body">
        <TextInput
          id={id}
          label="Tools JSON"
          multiline
          code
          rows={8}
          hint="Exports mask MCP secrets; importing them back keeps the current values."
          error={error}
          value={text}
          disabled={state.disabled}
          onValueChange={show}
        />
        <div className="rrs-row">
          <QuietButton disabled={state.disabled} onClick={() => show(tools.exportJson())}>
            Export current tools
          </QuietButton>
          <button
            type="button"
            className="rrs-button"
            disabled={state.disabled || text.trim() === ''}
            onClick={() => {
              const refused = tools.previewImport(text);
              setError(
                refused === undefined
                  ? undefined
                  : `${refused.path ?? ''}${refused.path ? ': ' : ''}${refused.message}`,
              );
            }}
          >
            Import
          </button>
        </div>
        {preview === undefined ? null : (
          <div className="rrs-import-confirm" role="group" aria-labelledby={`${id}-preview`}>
            <p id={`${id}-preview`}>{preview.summary}</p>
            <div className="rrs-row">
              <button
                ref={confirm}
                type="button"
                className="rrs-button"
                disabled={state.disabled}
                onClick={tools.confirmImport}
              >
                Confirm
              </button>
              <QuietButton disabled={state.disabled} onClick={tools.cancelImport}>
                Cancel
              </QuietButton>
            </div>
          </div>
        )}
        {preview !== undefined || !state.canUndoImport ? null : (
          <p className="rrs-import-done">
            Imported.{' '}
            <QuietButton disabled={state.disabled} onClick={tools.undoImport}>
              Undo import
            </QuietButton>
          </p>
        )}
      </div>
    </details>
  );
}
