'use client';
import {
  isOff,
  redactSecrets,
  RealtimeConfigError,
  RealtimeFunctionTool,
  RealtimeMcpTool,
  RealtimeSessionCreateRequest,
  REDACTED,
  writeSessionField,
  type ConfigIssue,
  type RealtimeTool,
} from '../../model/index.js';
import { fieldMessages, type FieldMessages } from '../field/field-parts.js';
import { useFieldBinding, type FieldHookReturn, type FieldStateBase } from '../field/use-field-binding.js';
import type { SessionRequestProps } from '../field/use-request-binding.js';
import { parseJsonText } from '../field/json-syntax.js';

export interface ToolsFieldState extends FieldStateBase {
  readonly tools: readonly RealtimeTool[];
  /** The list-level messages: the first issue and any server rejection. */
  readonly messages: FieldMessages;
}

/** Why an import was refused; the tools stay as they were. */
export interface ToolsImportError {
  readonly message: string;
  /** The offending path inside the imported list, such as `[1].server_label`. */
  readonly path?: string;
}

export interface UseToolsFieldReturn extends FieldHookReturn<ToolsFieldState> {
  /** The validation issues of tool `index`, keyed by what follows `tools[index].` (`name`, `parameters.type`…). */
  issuesOf(index: number): ReadonlyMap<string, ConfigIssue>;
  /** The first issue of tool `index` at `key` or below it. */
  issueAt(index: number, key: string): ConfigIssue | undefined;
  addFunction(): void;
  addMcp(): void;
  remove(index: number): void;
  duplicate(index: number): void;
  /** Moves tool `index` up (`-1`) or down (`+1`). */
  move(index: number, delta: -1 | 1): void;
  /** Replaces tool `index`; text edits pass `{ coalesce: true }`. */
  replace(index: number, tool: RealtimeTool, options?: { coalesce?: boolean }): void;
  /** Sends coalesced edits now (on blur). */
  commit(): void;
  /** The tools as JSON, with MCP `authorization` and header values masked. */
  exportJson(): string;
  /** Replaces the tools with a JSON list; masked secrets keep the current server's values. */
  importJson(text: string): ToolsImportError | undefined;
}

export type UseToolsFieldProps = SessionRequestProps;

function uniqueName(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

function namesOf(tools: readonly RealtimeTool[]): Set<string> {
  return new Set(tools.map((tool) => (tool instanceof RealtimeMcpTool ? tool.serverLabel : (tool.name ?? ''))));
}

/**
 * The tools list without markup: the tools, their issues by path, and the
 * list operations (add, remove, duplicate, reorder, import, export).
 *
 * @example
 * ```tsx
 * const { state, addFunction, issueAt } = useToolsField();
 * ```
 */
export function useToolsField(props: UseToolsFieldProps = {}): UseToolsFieldReturn {
  const { binding, ids, field } = useFieldBinding(props, 'ToolsEditor', 'tools');
  const tools = binding.request.tools ?? [];
  // Issues of one tool are shown in its row; the list shows the rest, and a count of tools with problems.
  const rowIssue = /^tools\[\d+\]\./;
  const listIssues = field.issues.filter((issue) => !rowIssue.test(issue.path));
  const faulty = new Set(
    field.issues.filter((issue) => rowIssue.test(issue.path)).map((issue) => issue.path.split(']')[0]),
  );
  const base = fieldMessages({ ...field, issues: listIssues });
  const summary =
    faulty.size === 0
      ? undefined
      : faulty.size === 1
        ? '1 tool has problems; it is not sent until they are fixed.'
        : `${faulty.size} tools have problems; they are not sent until they are fixed.`;
  const messages: FieldMessages = {
    ...base,
    error: base.error ?? summary,
    invalid: base.invalid || faulty.size > 0,
  };

  const setTools = (next: (current: readonly RealtimeTool[]) => readonly RealtimeTool[], coalesce = false) =>
    binding.update((draft) => writeSessionField(draft, 'tools', next(draft.tools ?? [])), { coalesce });

  const issuesOf = (index: number): ReadonlyMap<string, ConfigIssue> => {
    const prefix = `tools[${index}].`;
    const map = new Map<string, ConfigIssue>();
    for (const issue of field.issues) {
      if (issue.path.startsWith(prefix) && !map.has(issue.path.slice(prefix.length))) {
        map.set(issue.path.slice(prefix.length), issue);
      }
    }
    return map;
  };

  return {
    state: { tools, status: field.status, messages, disabled: binding.disabled },
    binding,
    ids,
    issuesOf,
    issueAt: (index, key) => {
      for (const [path, issue] of issuesOf(index)) {
        if (path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`)) return issue;
      }
      return undefined;
    },
    addFunction: () =>
      setTools((current) => [
        ...current,
        new RealtimeFunctionTool({
          name: uniqueName(namesOf(current), 'new_function'),
          description: '',
          parameters: { type: 'object', properties: {} },
        }),
      ]),
    addMcp: () =>
      setTools((current) => [
        ...current,
        new RealtimeMcpTool({ serverLabel: uniqueName(namesOf(current), 'mcp_server'), serverUrl: 'https://' }),
      ]),
    remove: (index) => setTools((current) => current.filter((_, i) => i !== index)),
    duplicate: (index) =>
      setTools((current) => {
        const tool = current[index];
        if (tool === undefined) return current;
        const taken = namesOf(current);
        const copy =
          tool instanceof RealtimeMcpTool
            ? tool.copyWith({ serverLabel: uniqueName(taken, `${tool.serverLabel}_copy`) })
            : tool.copyWith({ name: uniqueName(taken, `${tool.name ?? 'function'}_copy`) });
        return [...current.slice(0, index + 1), copy, ...current.slice(index + 1)];
      }),
    move: (index, delta) =>
      setTools((current) => {
        const target = index + delta;
        const moving = current[index];
        const other = current[target];
        if (moving === undefined || other === undefined) return current;
        const next = [...current];
        next[target] = moving;
        next[index] = other;
        return next;
      }),
    replace: (index, tool, options) =>
      setTools((current) => current.map((item, i) => (i === index ? tool : item)), options?.coalesce === true),
    commit: () => binding.store?.commit(),
    exportJson: () =>
      JSON.stringify(
        tools.map((tool) => redactSecrets(tool.toJson())),
        null,
        2,
      ),
    importJson: (text) => {
      const parsed = parseJsonText(text);
      if (!parsed.ok) {
        const { line, column, message } = parsed.error;
        return { message: `Line ${line}, column ${column}: ${message}` };
      }
      if (!Array.isArray(parsed.value)) return { message: 'Expected a JSON list of tools.' };
      let imported: readonly RealtimeTool[];
      try {
        imported =
          RealtimeSessionCreateRequest.fromJson({ model: binding.request.model, tools: parsed.value }).tools ?? [];
      } catch (error) {
        if (!(error instanceof RealtimeConfigError)) throw error;
        const issue = error.toIssue();
        return { message: issue.message, path: issue.path.replace(/^tools/, '') };
      }
      setTools((current) => imported.map((tool) => withKeptSecrets(tool, current)));
      return undefined;
    },
  };
}

/** An exported list has its secrets masked; importing it back keeps the current server's real values. */
function withKeptSecrets(tool: RealtimeTool, current: readonly RealtimeTool[]): RealtimeTool {
  if (!(tool instanceof RealtimeMcpTool)) return tool;
  const same = current.find(
    (item): item is RealtimeMcpTool => item instanceof RealtimeMcpTool && item.serverLabel === tool.serverLabel,
  );
  let next = tool;
  if (next.authorization === REDACTED) next = next.copyWith({ authorization: same?.authorization ?? null });
  const headers = next.headers;
  if (headers !== undefined && !isOff(headers)) {
    const kept = same?.headers !== undefined && !isOff(same.headers) ? same.headers : {};
    const restored = Object.fromEntries(
      Object.entries(headers).flatMap(([name, value]) =>
        value !== REDACTED ? [[name, value]] : kept[name] === undefined ? [] : [[name, kept[name]]],
      ),
    );
    next = next.copyWith({ headers: restored });
  }
  return next;
}
