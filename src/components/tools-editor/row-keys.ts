import { RealtimeMcpTool, type RealtimeTool } from '../../model/index.js';

/**
 * Stable keys for the rows of a tool list. Tools are immutable, so a row
 * follows its tool by identity; an edit writes a new instance, which the
 * editor plans under the row's key before writing it. A row's inputs keep
 * their own state (half-typed JSON), so a key must never move to another
 * tool when one above it is removed.
 */
export interface RowKeys {
  readonly tools: readonly RealtimeTool[];
  readonly keys: readonly string[];
  /** Counts the keys made here, for the next one. */
  readonly serial: number;
  /** Keys the editor chose for tools it is writing (an edit keeps its row, an added tool gets its key at once). */
  readonly planned: ReadonlyMap<RealtimeTool, string>;
}

export function initialRowKeys(tools: readonly RealtimeTool[]): RowKeys {
  return { tools, keys: tools.map((_, index) => `k${index}`), serial: tools.length, planned: new Map() };
}

const kindOf = (tool: RealtimeTool | undefined) =>
  tool === undefined ? undefined : tool instanceof RealtimeMcpTool ? 'mcp' : 'function';

function sameItems(a: readonly RealtimeTool[], b: readonly RealtimeTool[]): boolean {
  return a.length === b.length && a.every((tool, index) => tool === b[index]);
}

/**
 * The keys of `tools` given the previous list's: the same instance keeps its
 * key; a planned instance takes its planned key; any other (a revert, a value
 * from outside) takes the key of a same-kind tool at its position that nothing
 * else claimed, else a new one. Returns `previous` when nothing changed.
 */
export function nextRowKeys(previous: RowKeys, tools: readonly RealtimeTool[]): RowKeys {
  if (previous.tools === tools) return previous;
  if (sameItems(previous.tools, tools)) return { ...previous, tools };
  const byTool = new Map<RealtimeTool, string>();
  previous.tools.forEach((tool, index) => {
    const key = previous.keys[index];
    if (key !== undefined && !byTool.has(tool)) byTool.set(tool, key);
  });
  const used = new Set<string>();
  const planned = new Map(previous.planned);
  const claim = (key: string | undefined) => (key === undefined || used.has(key) ? undefined : (used.add(key), key));
  const keys: (string | undefined)[] = tools.map((tool) => {
    const kept = claim(byTool.get(tool));
    if (kept !== undefined) return kept;
    const plan = claim(planned.get(tool));
    if (plan !== undefined) planned.delete(tool);
    return plan;
  });
  // Only keys no tool of the new list kept can be reused by position.
  const free = new Set(previous.keys.filter((key) => !used.has(key)));
  let serial = previous.serial;
  const filled = keys.map((key, index) => {
    if (key !== undefined) return key;
    const there = previous.keys[index];
    if (there !== undefined && free.has(there) && kindOf(previous.tools[index]) === kindOf(tools[index])) {
      free.delete(there);
      used.add(there);
      return there;
    }
    let fresh = `k${serial++}`;
    while (used.has(fresh)) fresh = `k${serial++}`;
    used.add(fresh);
    return fresh;
  });
  return { tools, keys: filled, serial, planned };
}
