'use client';
import { useCallback, useRef, useState, type ButtonHTMLAttributes, type FocusEvent, type HTMLAttributes } from 'react';
import {
  jsonEqual,
  RealtimeFunctionTool,
  RealtimeMcpTool,
  type ConfigIssue,
  type RealtimeTool,
} from '../../model/index.js';
import { useSessionSelector } from '../../react/index.js';
import type { McpToolListing, RealtimeSessionSnapshot, SessionUpdateOptions } from '../../session/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';
import { initialRowKeys, nextRowKeys } from './row-keys.js';
import { describeToolsImport, exportTools, parseToolsImport, toolName, type ToolsImportError } from './tools-import.js';

export type { ToolsImportError } from './tools-import.js';

/** The two kinds of tool the editor adds. */
export type ToolKind = 'function' | 'mcp';

/** One tool of the list, as a row shows it. */
export interface ToolRow {
  /** Stable across edits, reordering and removals around it: key the row's element with it. */
  readonly key: string;
  readonly index: number;
  readonly tool: RealtimeTool;
  readonly kind: ToolKind;
  /** The function's name or the MCP server's label; empty while unnamed. */
  readonly name: string;
  /** "Function 1: lookup_order", "MCP server 2". */
  readonly title: string;
  /** Added by the user and not left yet: its errors wait until each control is blurred. */
  readonly isNew: boolean;
  /** The row has a problem to show: an issue, the JSON text of one of its inputs, or the server's refusal. */
  readonly invalid: boolean;
  /** The server's refusal, when the error's `param` names this tool (`session.tools[1].strict_beta`). */
  readonly rejection: string | undefined;
  /**
   * What the row's summary says of it: refused by the server, invalid, or
   * incomplete (new, its errors waiting until it is left); `undefined` when fine.
   */
  readonly status: 'rejected' | 'invalid' | 'incomplete' | undefined;
  /** How many of the row's controls show an error (the server's refusal is its `status`, not counted here). */
  readonly problems: number;
  /**
   * The row shows its fields, not only its summary. A row opens by itself when
   * the user adds or duplicates it, and when a problem appears on it, unless
   * the user opened or closed it by hand; a disabled editor shows every row
   * open, as its toggles are off with the rest.
   */
  readonly expanded: boolean;
  /**
   * The live session's listing of this MCP tool's server (by its label):
   * listing, listed with its tools, or failed. `undefined` for a function, for
   * a server the session has not listed (yet), and always standalone, where
   * there is no session to list anything.
   */
  readonly listing: McpToolListing | undefined;
  /**
   * The issue to show on the control for `key` (`name`, `parameters`,
   * `require_approval.always`…): the first at that path or below it, or
   * `undefined` while the control is new and not blurred yet.
   */
  errorAt(key: string): ConfigIssue | undefined;
}

/** An import waiting for the user's confirmation. */
export interface ToolsImportPreview {
  readonly tools: readonly RealtimeTool[];
  /** What it will change: "Replaces 3 tools with 2: adds x, removes y, changes z." */
  readonly summary: string;
}

export interface ToolsFieldState {
  /** The tools the editor shows: the draft's, else the live session's, else none. */
  readonly tools: readonly RealtimeTool[];
  readonly rows: readonly ToolRow[];
  readonly model: string;
  readonly disabled: boolean;
  /**
   * The list's own message, shown above the rows: a problem of the list as a
   * whole or a refusal naming no tool, else how many tools have problems
   * (each row shows its own). `undefined` while a new tool is untouched.
   */
  readonly listError: string | undefined;
  /** The key of the row the user added last, to move focus into it. */
  readonly added: string | undefined;
  /** Set between Import and Confirm or Cancel. */
  readonly importPreview: ToolsImportPreview | undefined;
  /** True after a confirmed import while the tools are still the imported ones, so Undo can restore the earlier list. */
  readonly canUndoImport: boolean;
}

export interface UseToolsFieldReturn {
  readonly binding: FieldStore;
  /** The field contract for `tools`: value, status, messages and the shared prop getters. */
  readonly field: FieldPart<'tools'>;
  readonly state: ToolsFieldState;
  /** Appends an empty function or MCP server (kept in the draft, not sent until valid); returns its row key. */
  add(kind: ToolKind): string;
  remove(key: string): void;
  duplicate(key: string): void;
  /** Moves a tool up (`-1`) or down (`+1`). */
  move(key: string, delta: -1 | 1): void;
  /** Opens a row to its fields (`true`) or closes it to its summary line; the choice is kept under the row's key. */
  setExpanded(key: string, expanded: boolean): void;
  /** Replaces a row's tool; text edits pass `{ coalesce: 'text' }`. */
  replace(key: string, tool: RealtimeTool, options?: SessionUpdateOptions): void;
  /** A control of a row lost focus: send coalesced text, and let that control's errors show. */
  blurControl(key: string, control: string): void;
  /** Hides a control's errors again until it is blurred, as when a row switches to an empty server URL. */
  markControlNew(key: string, control: string): void;
  /** The JSON text of a row's control does not parse (or parses again: `undefined`). */
  setControlError(key: string, control: string, message: string | undefined): void;
  /** The tools as JSON, with MCP `authorization` and header values masked. */
  exportJson(): string;
  /** Reads a JSON list and, when it is valid, asks for confirmation (`state.importPreview`). */
  previewImport(text: string): ToolsImportError | undefined;
  confirmImport(): void;
  cancelImport(): void;
  /** Puts back the tools as they were before the last confirmed import. */
  undoImport(): void;
  /** For a row's element (an `li`): its name, styling hooks, and leaving it lets all its errors show. */
  getRowProps(
    row: ToolRow,
    user?: HTMLAttributes<HTMLElement>,
  ): HTMLAttributes<HTMLElement> & {
    readonly 'data-kind': ToolKind;
    readonly 'data-invalid': true | undefined;
    readonly 'data-new': true | undefined;
    readonly 'data-state': 'open' | 'closed';
  };
  /** For the `h4` (or any element) that titles a row; `getRowProps` points `aria-labelledby` at it. */
  getRowTitleProps(row: ToolRow): HTMLAttributes<HTMLElement> & { readonly id: string };
  /** The id prefix of a row's controls: `${rowId}-name`, `${rowId}-parameters`… */
  rowId(row: ToolRow): string;
  /** For the button that opens and closes a row: `aria-expanded`, and `aria-controls` naming the row's body. */
  getToggleButtonProps(
    row: ToolRow,
    user?: ButtonHTMLAttributes<HTMLButtonElement>,
  ): ButtonHTMLAttributes<HTMLButtonElement> & { readonly 'aria-expanded': boolean; readonly 'aria-controls': string };
  /**
   * For the element that says how the listing of an MCP row's server stands
   * (see {@link mcpListingText}): a polite live region, so "Listing tools…"
   * turning into "2 tools: …" or a failure is announced. Render it for every
   * MCP row while `connected`, empty without a listing: a live region must be
   * there before its text changes to be announced. The row's server label
   * input points `aria-describedby` at its `id`.
   */
  getListingProps(
    row: ToolRow,
    user?: HTMLAttributes<HTMLElement>,
  ): HTMLAttributes<HTMLElement> & {
    readonly id: string;
    readonly role: 'status';
    readonly 'aria-live': 'polite';
    readonly 'data-status': McpToolListing['status'] | undefined;
  };
  /** For the element that holds a row's fields: hidden, not unmounted, while closed, so half-typed text survives. */
  getRowBodyProps(
    row: ToolRow,
    user?: HTMLAttributes<HTMLElement>,
  ): HTMLAttributes<HTMLElement> & { readonly id: string };
  getAddButtonProps(
    kind: ToolKind,
    user?: ButtonHTMLAttributes<HTMLButtonElement>,
  ): ButtonHTMLAttributes<HTMLButtonElement>;
  getMoveButtonProps(
    row: ToolRow,
    delta: -1 | 1,
    user?: ButtonHTMLAttributes<HTMLButtonElement>,
  ): ButtonHTMLAttributes<HTMLButtonElement>;
  getDuplicateButtonProps(
    row: ToolRow,
    user?: ButtonHTMLAttributes<HTMLButtonElement>,
  ): ButtonHTMLAttributes<HTMLButtonElement>;
  getRemoveButtonProps(
    row: ToolRow,
    user?: ButtonHTMLAttributes<HTMLButtonElement>,
  ): ButtonHTMLAttributes<HTMLButtonElement>;
}

export type UseToolsFieldProps = SessionRequestProps;

const NO_LISTINGS: RealtimeSessionSnapshot['mcpListings'] = Object.freeze({});
/** A listing names this many of its tools; more are left to "…", so a long list stays one line. */
const LISTED_NAMES_SHOWN = 3;

/**
 * What a row says of its server's listing: "Listing tools…", "2 tools:
 * get_weather, search_docs" (the first three names, then "…"), "No tools
 * listed.", or "Tools not listed." and the failure's message (which never
 * carries a token or header value: the emulator redacts its own, and the
 * real API gives none). `''` without a listing.
 *
 * @example
 * ```ts
 * mcpListingText(row.listing); // '5 tools: get_weather, search_docs, lookup_order, …'
 * ```
 */
export function mcpListingText(listing: McpToolListing | undefined): string {
  if (listing === undefined) return '';
  switch (listing.status) {
    case 'listing':
      return 'Listing tools…';
    case 'failed':
      return `Tools not listed. ${listing.error?.message ?? ''}`.trim();
    case 'listed': {
      const { tools } = listing;
      if (tools.length === 0) return 'No tools listed.';
      const names = tools.slice(0, LISTED_NAMES_SHOWN).map((tool) => tool.name);
      if (tools.length > LISTED_NAMES_SHOWN) names.push('…');
      return `${tools.length} ${tools.length === 1 ? 'tool' : 'tools'}: ${names.join(', ')}`;
    }
    default:
      return listing.status satisfies never;
  }
}

const NO_TOOLS: readonly RealtimeTool[] = Object.freeze([]);
const NO_KEYS: ReadonlySet<string> = new Set();
const ROW_PATH = /^tools\[(\d+)\](?:\.|\[|$)/;

function uniqueName(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** The index of the tool a path or server `param` names: `session.tools[2].name` → 2. */
function rowIndexOf(path: string | undefined): number | undefined {
  const match = path === undefined ? null : ROW_PATH.exec(path.replace(/^session\./, ''));
  return match === null ? undefined : Number(match[1]);
}

const controlKey = (key: string, control: string) => `${key}.${control}`;

/** Lets every error of a row show: the row's own mark, and a control's that was emptied on purpose. */
function leaveRowNow(field: FieldPart<'tools'>, key: string): void {
  field.touch(key);
  field.touch(controlKey(key, 'server_url'));
}

/**
 * Which rows are open. `open` holds the rows shown open; `byHand` the rows
 * the user opened or closed (their choice wins over opening by itself);
 * `flagged` the rows that had a problem at the last render, so a row opens
 * when a problem appears, not on every render it has one.
 */
interface Disclosure {
  readonly open: ReadonlySet<string>;
  readonly byHand: ReadonlySet<string>;
  readonly flagged: ReadonlySet<string>;
}

const CLOSED: Disclosure = { open: NO_KEYS, byHand: NO_KEYS, flagged: NO_KEYS };

function sameKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((key) => b.has(key));
}

/**
 * The controls of a row that show an error, each counted once: the first part
 * of an issue's path (`parameters.properties.id` → `parameters`), or the
 * approval list it names, which has its own input.
 */
function controlOfIssue(key: string): string {
  const approval = /^require_approval\.(always|never)/.exec(key);
  return approval === null ? (key.split(/[.[]/)[0] ?? key) : `require_approval.${approval[1]}`;
}

function withToggled(set: ReadonlySet<string>, key: string, on: boolean): ReadonlySet<string> {
  if (set.has(key) === on) return set;
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

/**
 * The tools list without markup: rows with stable keys and their issues, the
 * list operations (add, remove, duplicate, reorder), JSON export, and an
 * import that asks for confirmation and can be undone. A tool the user adds
 * starts empty and stays in the draft, unsent, until it is valid; its errors
 * show once its controls are blurred. Each row opens and closes (`expanded`,
 * `getToggleButtonProps`, `getRowBodyProps`), keyed by its stable key.
 *
 * @example
 * ```tsx
 * const tools = useToolsField();
 * return (
 *   <fieldset {...tools.field.getGroupProps()}>
 *     <legend {...tools.field.getLabelProps()}>Tools</legend>
 *     <ol>
 *       {tools.state.rows.map((row) => (
 *         <li key={row.key} {...tools.getRowProps(row)}>
 *           <button {...tools.getToggleButtonProps(row)}>
 *             <span {...tools.getRowTitleProps(row)}>{row.title}</span> {row.problems > 0 && `${row.problems} problems`}
 *           </button>
 *           <div {...tools.getRowBodyProps(row)}>…the row's fields…</div>
 *         </li>
 *       ))}
 *     </ol>
 *     <button {...tools.getAddButtonProps('function')}>Add function</button>
 *   </fieldset>
 * );
 * ```
 */
export function useToolsField(props: UseToolsFieldProps = {}): UseToolsFieldReturn {
  const binding = useFieldStore(props, ['tools', 'model'], 'ToolsEditor');
  const field = useFieldPart(binding, 'tools');
  const connected = binding.mode === 'connected';
  const effective = field.effective.value;
  const tools = effective === undefined || effective.length === 0 ? NO_TOOLS : effective;
  const disabled = field.disabled;
  // Only a live session lists MCP servers; standalone the offline store has none, and none is read.
  const selectListings = useCallback(
    (snapshot: RealtimeSessionSnapshot) => (connected ? snapshot.mcpListings : NO_LISTINGS),
    [connected],
  );
  const listings = useSessionSelector(selectListings, undefined, binding.store);

  const [keying, setKeying] = useState(() => initialRowKeys(tools));
  const keys = nextRowKeys(keying, tools);
  if (keys !== keying) setKeying(keys);
  const serial = useRef(0);
  const newKey = () => `n${serial.current++}`;
  const plan = (tool: RealtimeTool, key: string) =>
    setKeying((current) => ({ ...current, planned: new Map(current.planned).set(tool, key) }));

  const [visited, setVisited] = useState<ReadonlySet<string>>(NO_KEYS);
  // Rows the user added and has not left. One that disappears without being left (a parent that refused the
  // edit, a revert, an import) is let go of here, or its hidden errors would keep the whole field "Incomplete".
  const [fresh, setFresh] = useState<ReadonlySet<string>>(NO_KEYS);
  const gone = [...fresh].filter((key) => !keys.keys.includes(key) && ![...keys.planned.values()].includes(key));
  if (gone.length > 0) {
    setFresh((set) => new Set([...set].filter((key) => !gone.includes(key))));
    for (const key of gone) leaveRowNow(field, key);
  }
  const [textErrors, setTextErrors] = useState<ReadonlySet<string>>(NO_KEYS);
  const [added, setAdded] = useState<string | undefined>(undefined);
  const [disclosure, setDisclosure] = useState<Disclosure>(CLOSED);
  const [importPreview, setImportPreview] = useState<ToolsImportPreview | undefined>(undefined);
  const [undo, setUndo] = useState<
    { readonly before: readonly RealtimeTool[] | undefined; readonly imported: readonly RealtimeTool[] } | undefined
  >(undefined);

  /** The list an operation starts from: what the editor shows, read at the moment the edit applies. */
  const baseOf = (draftTools: readonly RealtimeTool[] | undefined) =>
    draftTools ?? (connected ? binding.store.getSnapshot().applied?.tools : undefined) ?? NO_TOOLS;
  const setTools = (
    next: (current: readonly RealtimeTool[]) => readonly RealtimeTool[],
    options?: SessionUpdateOptions,
  ) => binding.update((draft) => draft.copyWith({ tools: next(baseOf(draft.tools)) }), options);
  const indexOf = (key: string) => keys.keys.indexOf(key);

  const { state: fieldState } = field;
  const rejection = fieldState.status === 'rejected' ? fieldState.error : undefined;
  const rejectedRow = rowIndexOf(rejection?.param);
  const hidden = (key: string, control: string) =>
    (field.isNew(key) || field.isNew(controlKey(key, control))) && !visited.has(controlKey(key, control));

  const rows: ToolRow[] = tools.map((tool, index) => {
    const key = keys.keys[index] ?? `k${index}`;
    const mcp = tool instanceof RealtimeMcpTool;
    const name = toolName(tool);
    const prefix = `tools[${index}]`;
    const own = fieldState.issues
      .filter((issue) => rowIndexOf(issue.path) === index)
      .map((issue) => ({ key: issue.path.slice(prefix.length).replace(/^\./, ''), issue }));
    const errorAt = (control: string) => {
      if (hidden(key, control)) return undefined;
      return own.find(
        (item) => item.key === control || item.key.startsWith(`${control}.`) || item.key.startsWith(`${control}[`),
      )?.issue;
    };
    const refusal = rejectedRow === index ? rejection?.message : undefined;
    const visible = own.filter((item) => !hidden(key, item.key.split(/[.[]/)[0] ?? item.key));
    const unparsed = [...textErrors]
      .filter((item) => item.startsWith(`${key}.`))
      .map((item) => item.slice(key.length + 1));
    // A control shows one message, its text's own or its first issue: count the controls, not the messages.
    const erring = new Set([...unparsed, ...visible.map((item) => controlOfIssue(item.key))]);
    const invalid = erring.size > 0 || refusal !== undefined;
    return {
      key,
      index,
      tool,
      kind: mcp ? 'mcp' : 'function',
      name,
      title: `${mcp ? 'MCP server' : 'Function'} ${index + 1}${name === '' ? '' : `: ${name}`}`,
      isNew: field.isNew(key),
      invalid,
      rejection: refusal,
      status: refusal !== undefined ? 'rejected' : invalid ? 'invalid' : own.length > 0 ? 'incomplete' : undefined,
      problems: erring.size,
      expanded: false,
      listing: mcp && Object.hasOwn(listings, name) ? listings[name] : undefined,
      errorAt,
    };
  });

  // A row opens when a problem appears on it, unless the user chose its state by hand: one they closed stays
  // closed (its summary says what is wrong), and a row never jumps open under the pointer as focus leaves it.
  const flagged = new Set(rows.filter((row) => row.invalid).map((row) => row.key));
  const raised = [...flagged].filter((key) => !disclosure.flagged.has(key) && !disclosure.byHand.has(key));
  const open = raised.length === 0 ? disclosure.open : new Set([...disclosure.open, ...raised]);
  if (!sameKeys(flagged, disclosure.flagged) || open !== disclosure.open) {
    setDisclosure({ ...disclosure, open, flagged });
  }
  const shown = rows.map((row) => ({ ...row, expanded: disabled || open.has(row.key) }));
  const setExpanded = (key: string, expanded: boolean) =>
    setDisclosure((current) => ({
      ...current,
      open: withToggled(current.open, key, expanded),
      byHand: withToggled(current.byHand, key, true),
    }));
  const openByItself = (key: string) =>
    setDisclosure((current) => ({ ...current, open: withToggled(current.open, key, true) }));

  // Each row shows its own problems; the list says what is left: its own issue, a refusal naming no tool, or a count.
  const listIssue = fieldState.issues.find((issue) => rowIndexOf(issue.path) === undefined);
  const faulty = rows.filter((row) => row.invalid);
  const refused = rejectedRow === undefined ? undefined : rows[rejectedRow];
  const summary =
    refused !== undefined
      ? `The server refused ${refused.title}: edit or remove it, or Revert.`
      : faulty.length === 0
        ? undefined
        : faulty.length === 1
          ? '1 tool has problems; the tools are not sent until they are fixed.'
          : `${faulty.length} tools have problems; the tools are not sent until they are fixed.`;
  const listError =
    field.messages.error === undefined
      ? undefined
      : (listIssue?.message ??
        (rejection !== undefined && rejectedRow === undefined ? rejection.message : summary) ??
        field.messages.error);

  const add = (kind: ToolKind) => {
    const key = newKey();
    const tool =
      kind === 'function'
        ? new RealtimeFunctionTool({ name: '', description: '', parameters: { type: 'object', properties: {} } })
        : new RealtimeMcpTool({ serverLabel: '' });
    plan(tool, key);
    field.markNew(key);
    setFresh((set) => withToggled(set, key, true));
    openByItself(key);
    setAdded(key);
    setTools((current) => [...current, tool]);
    return key;
  };
  const remove = (key: string) => {
    const index = indexOf(key);
    if (index === -1) return;
    leaveRow(key);
    setTools((current) => current.filter((_, i) => i !== index));
  };
  const duplicate = (key: string) => {
    const index = indexOf(key);
    const tool = tools[index];
    if (tool === undefined) return;
    const taken = new Set(tools.map(toolName));
    const copy =
      tool instanceof RealtimeMcpTool
        ? tool.copyWith({ serverLabel: uniqueName(taken, `${tool.serverLabel || 'mcp_server'}_copy`) })
        : tool.copyWith({ name: uniqueName(taken, `${tool.name || 'function'}_copy`) });
    const copyKey = newKey();
    plan(copy, copyKey);
    // The copy is there to be changed: open it beside the closed original.
    openByItself(copyKey);
    setTools((current) => [...current.slice(0, index + 1), copy, ...current.slice(index + 1)]);
  };
  const move = (key: string, delta: -1 | 1) => {
    const index = indexOf(key);
    setTools((current) => {
      const moving = current[index];
      const other = current[index + delta];
      if (moving === undefined || other === undefined) return current;
      const next = [...current];
      next[index + delta] = moving;
      next[index] = other;
      return next;
    });
  };
  const leaveRow = (key: string) => {
    setFresh((set) => withToggled(set, key, false));
    leaveRowNow(field, key);
  };
  const importTools = (next: readonly RealtimeTool[] | undefined) =>
    binding.update((draft) => draft.copyWith({ tools: next ?? null }));
  const exported = undo === undefined ? undefined : undo.imported.map((tool) => tool.toJson());
  const canUndoImport =
    exported !== undefined &&
    jsonEqual(
      exported,
      tools.map((tool) => tool.toJson()),
    );

  const buttonProps = (
    user: ButtonHTMLAttributes<HTMLButtonElement>,
    off: boolean,
    own: () => void,
  ): ButtonHTMLAttributes<HTMLButtonElement> => ({
    ...user,
    type: 'button',
    disabled: disabled || off || user.disabled === true,
    onClick: composeEventHandlers(user.onClick, own),
  });
  const rowId = (row: ToolRow) => `${field.ids.controlId}-${row.key}`;

  return {
    binding,
    field,
    state: {
      tools,
      rows: shown,
      model: binding.snapshot.draft.model,
      disabled,
      listError,
      added,
      importPreview,
      canUndoImport,
    },
    add,
    remove,
    duplicate,
    move,
    setExpanded,
    replace: (key, tool, options) => {
      const index = indexOf(key);
      const old = tools[index];
      if (old === undefined) return;
      plan(tool, key);
      setTools((current) => current.map((item, i) => (i === index && item === old ? tool : item)), options);
    },
    blurControl: (key, control) => {
      binding.commit();
      setVisited((set) => withToggled(set, controlKey(key, control), true));
      field.touch(controlKey(key, control));
    },
    markControlNew: (key, control) => {
      setVisited((set) => withToggled(set, controlKey(key, control), false));
      field.markNew(controlKey(key, control));
    },
    setControlError: (key, control, message) => {
      setTextErrors((set) => withToggled(set, controlKey(key, control), message !== undefined));
      field.setLocalError(controlKey(key, control), message);
    },
    exportJson: () => exportTools(tools),
    previewImport: (text) => {
      const parsed = parseToolsImport(text, binding.snapshot.draft.model, tools);
      if (!parsed.ok) {
        setImportPreview(undefined);
        return parsed.error;
      }
      setImportPreview({ tools: parsed.tools, summary: describeToolsImport(tools, parsed.tools) });
      return undefined;
    },
    confirmImport: () => {
      if (importPreview === undefined) return;
      setUndo({ before: binding.snapshot.draft.tools, imported: importPreview.tools });
      setImportPreview(undefined);
      importTools(importPreview.tools);
    },
    cancelImport: () => setImportPreview(undefined),
    undoImport: () => {
      if (undo === undefined) return;
      setUndo(undefined);
      importTools(undo.before);
    },
    getRowProps: (row, user = {}) => ({
      ...user,
      'aria-labelledby': `${rowId(row)}-title`,
      'data-kind': row.kind,
      'data-invalid': row.invalid || undefined,
      'data-new': row.isNew || undefined,
      'data-state': row.expanded ? 'open' : 'closed',
      // Leaving the row, not each input, is when a new tool is done: then all its errors may show.
      onBlur: composeEventHandlers(user.onBlur, (event: FocusEvent<HTMLElement>) => {
        const to = event.relatedTarget;
        if (!(to instanceof Node && event.currentTarget.contains(to))) leaveRow(row.key);
      }),
    }),
    getRowTitleProps: (row) => ({ id: `${rowId(row)}-title` }),
    rowId,
    getToggleButtonProps: (row, user = {}) => ({
      ...user,
      type: 'button',
      'aria-expanded': row.expanded,
      'aria-controls': `${rowId(row)}-body`,
      disabled: disabled || user.disabled === true,
      onClick: composeEventHandlers(user.onClick, () => setExpanded(row.key, !row.expanded)),
    }),
    getListingProps: (row, user = {}) => ({
      ...user,
      id: `${rowId(row)}-listing`,
      role: 'status',
      'aria-live': 'polite',
      'data-status': row.listing?.status,
    }),
    getRowBodyProps: (row, user = {}) => ({ ...user, id: `${rowId(row)}-body`, hidden: !row.expanded }),
    getAddButtonProps: (kind, user = {}) => buttonProps(user, false, () => add(kind)),
    getMoveButtonProps: (row, delta, user = {}) =>
      buttonProps(user, row.index + delta < 0 || row.index + delta >= rows.length, () => move(row.key, delta)),
    getDuplicateButtonProps: (row, user = {}) => buttonProps(user, false, () => duplicate(row.key)),
    getRemoveButtonProps: (row, user = {}) => buttonProps(user, false, () => remove(row.key)),
  };
}
