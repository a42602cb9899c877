import { RealtimeConfigError } from './errors.js';

/** Any value JSON can carry. */
export type JsonValue = null | boolean | number | string | JsonArray | JsonObject;
/** A read-only JSON array. */
export type JsonArray = readonly JsonValue[];
/** A read-only JSON object. */
export type JsonObject = { readonly [key: string]: JsonValue };

/** Deeper than this is treated as malformed: it keeps recursion off the stack limit and stops cycles. */
export const MAX_JSON_DEPTH = 128;

/** Values produced by {@link freezeJson}: already copied and frozen, so they can be shared as they are. */
const frozenJson = new WeakSet<object>();

/** Joins a parent path and a key the way issue paths are written (`audio.output`, `tools[2]`). */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** True for `{}`-style objects: not arrays, not class instances, not null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Builds an object from entries without ever invoking the `__proto__` setter. */
export function objectFromEntries<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  return Object.fromEntries(entries) as Record<string, V>;
}

/**
 * Copies a JSON value into a deeply frozen one, so callers can never mutate a
 * model from the outside. Anything that is not JSON throws a
 * {@link RealtimeConfigError} at `path`.
 */
export function freezeJson(value: unknown, path: string, depth = 0): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RealtimeConfigError(path, 'invalid_type', 'expected a finite number');
    return value;
  }
  if (typeof value !== 'object') {
    throw new RealtimeConfigError(path, 'invalid_type', `expected a JSON value, got ${typeof value}`);
  }
  if (frozenJson.has(value)) return value as JsonValue;
  if (depth >= MAX_JSON_DEPTH) {
    throw new RealtimeConfigError(path, 'invalid_type', `nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let copy: JsonValue;
  if (Array.isArray(value)) {
    copy = Object.freeze(value.map((item: unknown, index) => freezeJson(item, joinPath(path, index), depth + 1)));
  } else if (isPlainObject(value)) {
    copy = Object.freeze(
      objectFromEntries(
        Object.keys(value).map((key) => [key, freezeJson(value[key], joinPath(path, key), depth + 1)] as const),
      ),
    );
  } else {
    throw new RealtimeConfigError(path, 'invalid_type', 'expected a plain JSON object');
  }
  frozenJson.add(copy);
  return copy;
}

/** Marks a value this module built as frozen JSON, so {@link freezeJson} can share it instead of copying. */
export function adoptFrozenJson<T extends object>(value: T): T {
  Object.freeze(value);
  frozenJson.add(value);
  return value;
}

/**
 * Whether a parsed JSON value nests deeper than `maxDepth` levels. Iterative,
 * so it is safe on exactly the hostile input it exists to catch.
 */
export function jsonDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: (readonly [unknown, number])[] = [[value, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Deep equality for JSON values; list order matters, key order does not. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord);
  if (aKeys.length !== Object.keys(bRecord).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(bRecord, key) || !jsonEqual(aRecord[key], bRecord[key])) return false;
  }
  return true;
}

/**
 * Whether `actual` carries everything `expected` says: equal scalars, the
 * same list lengths, and every key of `expected` (recursively) with its
 * value, while `actual` may hold more keys. A server echoing a setting back
 * fills in defaults (a `server_vad` turn detection gains its `threshold`), so
 * an acknowledgement is read as "carries what was sent", not "is equal".
 * An empty list and `null` say the same thing (a cleared `include`).
 */
export function jsonCarries(actual: unknown, expected: unknown, depth = 0): boolean {
  if (actual === expected) return true;
  if (Array.isArray(expected)) {
    if (expected.length === 0 && actual === null) return true;
    if (!Array.isArray(actual) || actual.length !== expected.length || depth >= MAX_JSON_DEPTH) return false;
    return expected.every((item: unknown, index) => jsonCarries(actual[index], item, depth + 1));
  }
  if (!isPlainObject(expected) || !isPlainObject(actual) || depth >= MAX_JSON_DEPTH) return false;
  return Object.keys(expected).every(
    (key) => Object.hasOwn(actual, key) && jsonCarries(actual[key], expected[key], depth + 1),
  );
}

/** JSON text with object keys sorted, so equal values always give the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** 32-bit FNV-1a of a string: cheap, stable across runs and platforms. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** What a secret is replaced with in strings meant for people and logs. */
export const REDACTED = '[redacted]';

/**
 * A copy of a wire JSON value with secrets masked: every `authorization`
 * string and every value of a `headers` object. Used by `toString()` and by
 * anything that logs session config. Below {@link MAX_JSON_DEPTH} levels a
 * branch is replaced by a marker, so a hostile, deeply nested frame can never
 * overflow the stack of whoever logs it.
 *
 * @example
 * ```ts
 * redactSecrets({ type: 'mcp', authorization: 'tok', headers: { 'X-Key': 'k' } });
 * // { type: 'mcp', authorization: '[redacted]', headers: { 'X-Key': '[redacted]' } }
 * ```
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_JSON_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item: unknown) => redactSecrets(item, depth + 1));
  const record = value as Record<string, unknown>;
  return objectFromEntries(
    Object.keys(record).map((key) => {
      const item = record[key];
      if (key === 'authorization' && typeof item === 'string') return [key, REDACTED] as const;
      if (key === 'headers' && isPlainObject(item)) {
        return [key, objectFromEntries(Object.keys(item).map((name) => [name, REDACTED] as const))] as const;
      }
      return [key, redactSecrets(item, depth + 1)] as const;
    }),
  );
}

/** What {@link redactSecrets} puts where a value is nested too deep to walk. */
export const TOO_DEEP = '[nested too deep]';

// Text that could not be read as JSON is masked by pattern: the same secrets, found without a parser.
const SECRET_TEXT_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/("authorization"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`],
  [/("headers"\s*:\s*)\{[^{}]*\}?/gi, `$1{"${REDACTED}"}`],
  [/\b(?:ek|sk)[-_][A-Za-z0-9_-]{6,}/g, REDACTED],
  [/(Bearer\s+)\S+/gi, `$1${REDACTED}`],
];

/**
 * Text with secrets masked by pattern: MCP `authorization` and `headers`
 * values, `ek_…` client secrets, `sk-…` keys and bearer tokens. For frames
 * that cannot be parsed, so cannot be redacted structurally.
 *
 * @example
 * ```ts
 * redactSecretText('{"authorization":"tok", "x": "ek_abc123456"'); // '{"authorization":"[redacted]", "x": "[redacted]"'
 * ```
 */
export function redactSecretText(text: string): string {
  let masked = text;
  for (const [pattern, replacement] of SECRET_TEXT_PATTERNS) masked = masked.replace(pattern, replacement);
  return masked;
}
