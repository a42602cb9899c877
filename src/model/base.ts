import {
  readFields,
  writeFields,
  assignFields,
  type FieldTable,
  type FromJsonOptions,
  type ReadContext,
} from './codec.js';
import { RealtimeConfigError } from './errors.js';
import {
  adoptFrozenJson,
  canonicalJson,
  hashText,
  joinPath,
  jsonEqual,
  redactSecrets,
  type JsonObject,
} from './json.js';

/**
 * The patch `copyWith` takes: a key that is absent or `undefined` keeps the
 * value, `null` clears an optional field (makes it unspecified). Required
 * fields cannot be cleared.
 */
export type CopyWithPatch<TInit> = {
  // `{} extends Pick<T, K>` is true exactly when K is optional in T.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  [K in keyof TInit]?: ({} extends Pick<TInit, K> ? TInit[K] | null : TInit[K]) | undefined;
};

/** Every model init can carry the unknown wire keys a `fromJson` found. */
export interface ExtraInit {
  /** Wire keys this version does not model, kept so a round trip loses nothing. */
  readonly extra?: JsonObject;
}

// Model instances are frozen, so derived values are cached beside them rather than on them.
const jsonCache = new WeakMap<object, object>();
const hashCache = new WeakMap<object, number>();

/**
 * Shared behaviour of every model class: memoized `toJson()`, deep `equals`,
 * a stable `hashCode` and a `toString()` with secrets redacted.
 */
export abstract class RealtimeModel<TJson extends object> {
  /** Wire keys this version does not model, written back by `toJson()`. */
  declare readonly extra?: JsonObject;

  protected constructor(table: FieldTable, init: object) {
    assignFields(this, table, init as Readonly<Record<string, unknown>>);
  }

  /** The class's field table; each subclass provides its own. */
  protected abstract get fieldTable(): FieldTable;

  /** Builds the wire JSON; the default writes the declared fields. */
  protected buildJson(): object {
    return writeFields(this.fieldTable, this);
  }

  /** Snake_case wire JSON with only the fields that are set. The result is frozen and cached. */
  toJson(): TJson {
    let json = jsonCache.get(this);
    if (json === undefined) {
      json = adoptFrozenJson(this.buildJson());
      jsonCache.set(this, json);
    }
    return json as TJson;
  }

  /** Deep equality of content; lists compare in order. */
  equals(other: unknown): boolean {
    if (other === this) return true;
    if (!(other instanceof RealtimeModel) || other.constructor !== this.constructor) return false;
    // Cached hash codes settle most inequalities at once; otherwise compare the trees, which
    // shortcuts on the subtrees that copies share.
    const ownHash = hashCache.get(this);
    const otherHash = hashCache.get(other);
    if (ownHash !== undefined && otherHash !== undefined && ownHash !== otherHash) return false;
    return jsonEqual(this.toJson(), other.toJson());
  }

  /** A stable number derived from the canonical content; equal models have equal hash codes. */
  get hashCode(): number {
    let hash = hashCache.get(this);
    if (hash === undefined) {
      hash = hashText(canonicalJson(this.toJson()));
      hashCache.set(this, hash);
    }
    return hash;
  }

  /**
   * Wire paths of every key, at any depth, that this version does not model
   * (kept in `extra`). A server uses it to refuse unknown parameters; an
   * inspector, to point out fields a newer API added.
   *
   * @example
   * ```ts
   * RealtimeSessionCreateRequest.fromJson({ model: 'm', audio: { output: { timbre: 'warm' } } }).unknownKeys();
   * // ['audio.output.timbre']
   * ```
   */
  unknownKeys(): readonly string[] {
    const paths: string[] = [];
    RealtimeModel.collectUnknownKeys(this, '', paths);
    return paths;
  }

  private static collectUnknownKeys(value: unknown, path: string, paths: string[]): void {
    if (Array.isArray(value)) {
      value.forEach((item, index) => RealtimeModel.collectUnknownKeys(item, joinPath(path, index), paths));
      return;
    }
    if (!(value instanceof RealtimeModel)) return;
    if (value.extra !== undefined) for (const key of Object.keys(value.extra)) paths.push(joinPath(path, key));
    const fields = value as unknown as Record<string, unknown>;
    for (const [name, wire] of value.fieldTable.entries) {
      RealtimeModel.collectUnknownKeys(fields[name], joinPath(path, wire), paths);
    }
  }

  /** The class name and wire JSON, with MCP `authorization` and header values redacted. */
  toString(): string {
    return `${this.fieldTable.className}(${JSON.stringify(redactSecrets(this.toJson()))})`;
  }
}

/** The unknown-error guard `fromJson` promises: whatever goes wrong, the caller gets a `RealtimeConfigError`. */
export function readSafely<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RealtimeConfigError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new RealtimeConfigError('', 'invalid_type', `unreadable input: ${reason}`);
  }
}

/** Reads a model from wire JSON with its field table. */
export function readModel<T>(
  Class: new (init: never) => T,
  table: FieldTable,
  json: unknown,
  path: string,
  context: ReadContext,
): T {
  return new Class(readFields(table, json, path, context) as never);
}

/** The context the public `fromJson(json, options)` reads with. */
export function readContext(options: FromJsonOptions | undefined): ReadContext {
  return { lenient: options?.lenient === true };
}

/**
 * `copyWith` for any model: applies keep/clear semantics and returns the same
 * instance when nothing changes, so unchanged subtrees keep their identity.
 */
export function copyModel<T extends RealtimeModel<object>>(model: T, patch: object): T {
  const current = model as unknown as Record<string, unknown>;
  const next: Record<string, unknown> = { ...current };
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === current[key]) continue;
    if (value === null && !Object.hasOwn(current, key)) continue;
    changed = true;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  if (!changed) return model;
  const Class = model.constructor as new (init: Record<string, unknown>) => T;
  return new Class(next);
}
