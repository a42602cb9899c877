import { tableOf, tableOfValue, type Field, type FieldTable, type ModelClass } from './codec.js';
import type { ConfigIssue, ConfigIssueCode } from './errors.js';
import { joinPath } from './json.js';
import { isOff } from './off.js';

/** Limits from the API reference, shared with the forms. */
export const REALTIME_LIMITS = {
  speed: { min: 0.25, max: 1.5 },
  maxOutputTokens: { min: 1, max: 4096 },
  idleTimeoutMs: { min: 5000, max: 30000 },
  vadThreshold: { min: 0, max: 1 },
  retentionRatio: { min: 0, max: 1 },
  clientSecretSeconds: { min: 10, max: 7200 },
  /** Characters of a function tool's description. */
  toolDescriptionChars: 1024,
} as const;

/** Function tool names: 1 to 64 letters, digits, `_` or `-`. */
export const FUNCTION_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
/** Secure MCP Tunnel ids. */
export const TUNNEL_ID_PATTERN = /^tunnel_[a-z0-9]{32}$/;

/** A number range; `max` defaults to no upper bound. */
export interface Range {
  readonly min: number;
  readonly max?: number;
  readonly integer?: true;
}

/**
 * What a field's own value must satisfy, declared in its class's field table.
 * String and number rules apply to each item when the value is a list.
 * Rules between fields, or that depend on the model, live in `validate.ts`.
 */
export interface FieldRules {
  /** The allowed strings. */
  readonly enum?: ReadonlySet<string>;
  /** The allowed numbers. */
  readonly range?: Range;
  /** A string must not be blank. */
  readonly nonEmpty?: true;
  /** The most characters a string may have. */
  readonly maxLength?: number;
  /** Validation wants a value although the wire may omit it: unset or `''` is reported as required. */
  readonly expected?: true;
  /** A string format (a RegExp or any test) and the message when a string fails it. */
  readonly pattern?: readonly [format: { test(text: string): boolean }, message: string];
  /** Any other rule on the whole value. */
  readonly check?: (value: unknown, path: string, out: IssueCollector) => void;
}

/** Collects issues while walking a request. Issues are frozen: validation results are cached and shared. */
export class IssueCollector {
  readonly issues: ConfigIssue[] = [];

  add(path: string, code: ConfigIssueCode, message: string, accepts?: ConfigIssue['accepts']): void {
    this.issues.push(Object.freeze(accepts === undefined ? { path, code, message } : { path, code, message, accepts }));
  }

  /** Adds `issues` found below `path`, their paths made relative to this collector's root. */
  nest(path: string, issues: readonly ConfigIssue[]): void {
    for (const issue of issues) {
      const inner = issue.path;
      const at = inner === '' ? path : path === '' || inner.startsWith('[') ? `${path}${inner}` : `${path}.${inner}`;
      this.issues.push(at === inner ? issue : Object.freeze({ ...issue, path: at }));
    }
  }

  /** Adds an issue unless `value` is one of `allowed`. */
  oneOf(path: string, value: unknown, allowed: ReadonlySet<string>): void {
    if (typeof value === 'string' && allowed.has(value)) return;
    const values = [...allowed];
    this.add(path, 'invalid_value', `must be one of ${values.map((item) => `'${item}'`).join(', ')}`, { values });
  }

  /** Adds an issue unless `value` is a number in the range (and an integer when it asks). */
  range(path: string, value: unknown, { min, max = Infinity, integer }: Range): void {
    if (typeof value !== 'number' || Number.isNaN(value)) {
      this.add(path, 'invalid_type', 'must be a number');
    } else if (integer && !Number.isInteger(value)) {
      this.add(path, 'not_integer', 'must be a whole number');
    } else if (value < min || value > max) {
      const bounds = max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
      this.add(path, 'out_of_range', `must be ${bounds}`, {
        min,
        ...(max === Infinity ? {} : { max }),
        integer: integer === true,
      });
    }
  }

  nonEmptyString(path: string, value: unknown): void {
    if (typeof value !== 'string') this.add(path, 'invalid_type', 'must be a string');
    else if (value.trim() === '') this.add(path, 'required', 'must not be empty');
  }
}

/** The property names of a model class's fields. */
type FieldName<T> = Extract<keyof T, string>;

/**
 * A rule beyond one field's own (between the fields of an instance, or on the
 * items of a list), registered with {@link modelRule} or {@link listRule}.
 */
export interface CrossRule {
  readonly Class: object;
  /** The field whose issues the rule's issues follow (so a form shows them in a stable order). */
  readonly after: string;
  readonly model?: (model: never, out: IssueCollector, wire: string) => void;
  readonly list?: (list: readonly never[]) => ReadonlyMap<number, readonly ConfigIssue[]>;
}

/**
 * A rule between the fields of one instance; its issues come right after those
 * of the field `after`, whose wire name it is given.
 */
export function modelRule<T>(
  Class: ModelClass<T>,
  after: FieldName<T>,
  rule: (model: T, out: IssueCollector, wire: string) => void,
): CrossRule {
  return { Class, after, model: rule as NonNullable<CrossRule['model']> };
}

/**
 * A rule between the items of a list field: the issues it finds per item (by
 * index, with paths relative to the item) join the item's own, placed with the
 * item's field they name.
 */
export function listRule<T, K extends FieldName<T>>(
  Class: ModelClass<T>,
  field: K,
  rule: (list: NonNullable<T[K]>) => ReadonlyMap<number, readonly ConfigIssue[]>,
): CrossRule {
  return { Class, after: field, list: rule as NonNullable<CrossRule['list']> };
}

interface ListEntry {
  readonly field: Field;
  readonly issues: readonly ConfigIssue[];
}

/**
 * A validator that walks model instances by their field tables, applying each
 * field's {@link FieldRules} and the {@link CrossRule}s. Instances and lists
 * are immutable, so the issues of each (with paths relative to it) are
 * computed once: a copy that changed one field re-checks only that field and
 * the instances above it, and shares the cached result of every other subtree.
 */
export function modelValidator(rules: readonly CrossRule[]): (model: object) => readonly ConfigIssue[] {
  const crossRules = new Map<Field, CrossRule[]>();
  for (const rule of rules) {
    const field = tableOf(rule.Class).fields.find(({ name }) => name === rule.after);
    if (field !== undefined) crossRules.set(field, [...(crossRules.get(field) ?? []), rule]);
  }
  const cache = new WeakMap<object, readonly ConfigIssue[]>();
  // A list is checked with its field's rules; the same list object in another field is checked again.
  const listCache = new WeakMap<readonly unknown[], ListEntry>();

  const issuesOf = (model: object, table: FieldTable): readonly ConfigIssue[] => {
    let issues = cache.get(model);
    if (issues === undefined) {
      const out = new IssueCollector();
      const record = model as Readonly<Record<string, unknown>>;
      for (const field of table.fields) {
        const cross = crossRules.get(field) ?? [];
        checkField(field, record[field.name], out, cross);
        for (const rule of cross) rule.model?.(model as never, out, field.wire);
      }
      issues = Object.freeze(out.issues);
      cache.set(model, issues);
    }
    return issues;
  };

  const listIssues = (field: Field, list: readonly unknown[], cross: readonly CrossRule[]): readonly ConfigIssue[] => {
    let entry = listCache.get(list);
    if (entry?.field !== field) {
      const found = cross.map((rule) => rule.list?.(list as readonly never[]));
      const out = new IssueCollector();
      list.forEach((item, index) => {
        const extra = found.flatMap((byIndex) => byIndex?.get(index) ?? []);
        const table = tableOfValue(item);
        if (extra.length === 0 || table === undefined) {
          checkValue(field, item, joinPath('', index), out);
        } else {
          const own = new IssueCollector();
          checkValue(field, item, '', own);
          placeByField(table, own.issues, extra);
          out.nest(joinPath('', index), own.issues);
        }
      });
      entry = { field, issues: Object.freeze(out.issues) };
      listCache.set(list, entry);
    }
    return entry.issues;
  };

  const checkValue = (field: Field, value: unknown, path: string, out: IssueCollector): void => {
    const table = tableOfValue(value);
    if (table !== undefined) out.nest(path, issuesOf(value as object, table));
    else if (typeof value === 'number' && field.range !== undefined) out.range(path, value, field.range);
    else if (typeof value === 'string') {
      if (field.expected && value === '') out.add(path, 'required', 'is required');
      else if (field.pattern !== undefined && !field.pattern[0].test(value)) {
        out.add(path, 'invalid_pattern', field.pattern[1]);
      }
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        out.add(path, 'too_long', `must be at most ${field.maxLength} characters, not ${value.length}`, {
          maxLength: field.maxLength,
        });
      }
      if (field.enum !== undefined) out.oneOf(path, value, field.enum);
      if (field.nonEmpty) out.nonEmptyString(path, value);
    }
  };

  const checkField = (field: Field, value: unknown, out: IssueCollector, cross: readonly CrossRule[]): void => {
    const path = field.wire;
    if (value === undefined) {
      if (field.expected) out.add(path, 'required', 'is required');
      return;
    }
    if (isOff(value)) return;
    if (Array.isArray(value)) out.nest(path, listIssues(field, value, cross));
    else checkValue(field, value, path, out);
    field.check?.(value, path, out);
  };

  return (model) => {
    const table = tableOfValue(model);
    return table === undefined ? [] : issuesOf(model, table);
  };
}

/** A list rule: at least one item (`languages`, `allowed_callers`). */
export function atLeastOne(item: string): NonNullable<FieldRules['check']> {
  return (list, path, out) => {
    if ((list as readonly unknown[]).length === 0) out.add(path, 'required', `must list at least one ${item}`);
  };
}

/** Inserts `extra` issues into an instance's `issues` after those of every field up to the one each names. */
function placeByField(table: FieldTable, issues: ConfigIssue[], extra: readonly ConfigIssue[]): void {
  const rank = (path: string) =>
    table.fields.findIndex(({ wire }) => path === wire || path.startsWith(`${wire}.`) || path.startsWith(`${wire}[`));
  for (const issue of extra) {
    const later = issues.findIndex((other) => rank(other.path) > rank(issue.path));
    issues.splice(later < 0 ? issues.length : later, 0, issue);
  }
}
