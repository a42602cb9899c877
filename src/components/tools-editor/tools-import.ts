import {
  isOff,
  jsonEqual,
  redactSecrets,
  RealtimeConfigError,
  RealtimeMcpTool,
  RealtimeSessionCreateRequest,
  REDACTED,
  type RealtimeTool,
} from '../../model/index.js';
import { parseJsonText } from '../field/json-syntax.js';

/** Why an import was refused; the tools stay as they were. */
export interface ToolsImportError {
  readonly message: string;
  /** The offending path inside the imported list, such as `[1].server_label`. */
  readonly path?: string;
}

/** The name a tool is known by: a function's name, an MCP server's label. */
export function toolName(tool: RealtimeTool): string {
  return tool instanceof RealtimeMcpTool ? tool.serverLabel : (tool.name ?? '');
}

/** The tools as JSON, with MCP `authorization` and header values masked. */
export function exportTools(tools: readonly RealtimeTool[]): string {
  return JSON.stringify(
    tools.map((tool) => redactSecrets(tool.toJson())),
    null,
    2,
  );
}

/**
 * Reads a JSON list of tools; masked secrets take the values of the current
 * tool with the same server label, so an export imported back loses nothing.
 */
export function parseToolsImport(
  text: string,
  model: string,
  current: readonly RealtimeTool[],
):
  | { readonly ok: true; readonly tools: readonly RealtimeTool[] }
  | { readonly ok: false; readonly error: ToolsImportError } {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { ok: false, error: { message: `Line ${line}, column ${column}: ${message}` } };
  }
  if (!Array.isArray(parsed.value)) return { ok: false, error: { message: 'Expected a JSON list of tools.' } };
  try {
    const imported = RealtimeSessionCreateRequest.fromJson({ model, tools: parsed.value }).tools ?? [];
    return { ok: true, tools: imported.map((tool) => withKeptSecrets(tool, current)) };
  } catch (error) {
    if (!(error instanceof RealtimeConfigError)) throw error;
    const issue = error.toIssue();
    return { ok: false, error: { message: issue.message, path: issue.path.replace(/^tools/, '') } };
  }
}

const count = (n: number) => `${n} ${n === 1 ? 'tool' : 'tools'}`;
const label = (tool: RealtimeTool) => toolName(tool) || '(unnamed)';
const identity = (tool: RealtimeTool) => `${tool instanceof RealtimeMcpTool ? 'mcp' : 'function'} ${toolName(tool)}`;

/**
 * What an import will do, in one sentence: "Replaces 3 tools with 2: adds x,
 * removes y, changes z." Tools are matched by kind and name.
 */
export function describeToolsImport(current: readonly RealtimeTool[], next: readonly RealtimeTool[]): string {
  const before = new Map(current.map((tool) => [identity(tool), tool]));
  const after = new Map(next.map((tool) => [identity(tool), tool]));
  const adds = next.filter((tool) => !before.has(identity(tool))).map(label);
  const removes = current.filter((tool) => !after.has(identity(tool))).map(label);
  const changes = next
    .filter((tool) => {
      const old = before.get(identity(tool));
      return old !== undefined && !jsonEqual(old.toJson(), tool.toJson());
    })
    .map(label);
  const parts = [
    adds.length > 0 ? `adds ${adds.join(', ')}` : '',
    removes.length > 0 ? `removes ${removes.join(', ')}` : '',
    changes.length > 0 ? `changes ${changes.join(', ')}` : '',
  ].filter(Boolean);
  const reordered =
    parts.length === 0 &&
    current.length === next.length &&
    current.some((tool, i) => !jsonEqual(tool.toJson(), next[i]?.toJson()));
  const what = parts.length > 0 ? parts.join(', ') : reordered ? 'changes their order' : 'nothing changes';
  return `Replaces ${count(current.length)} with ${next.length}: ${what}.`;
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
