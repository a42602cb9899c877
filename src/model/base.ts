import {
  assignFields,
  readModel,
  registerFields,
  tableOf,
  tableOfValue,
  writeFields,
  type FieldSpec,
  type FromJsonOptions,
  type ModelClass,
  type ReadContext,
} from './codec.js';
import { RealtimeConfigError } from './errors.js';
import {
  adoptFrozenJson,
  canonicalJson,
  hashText,
  isPlainObject,
  joinPath,
  jsonEqual,
  objectFromEntries,
  REDACTED,
  redactSecrets,
  type JsonObject,
  type JsonValue,
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

/** The constructor's argument: optional when every field of the init is. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type InitArgs<TInit> = {} extends TInit ? [init?: TInit] : [init: TInit];

/** What `copyWith` may change: every init field except the fixed ones (a variant's `type`). */
type ModelPatch<TInit, TFixed extends keyof TInit> = CopyWithPatch<
  [TFixed] extends [never] ? TInit : Omit<TInit, TFixed>
>;

/** A class's field table: one entry for every property it declares beyond the base's. */
type FieldSpecs<T> = { readonly [K in Exclude<keyof T, keyof RealtimeModel>]-?: FieldSpec };

/**
 * Declares a model class's fields, once: their wire names follow from the
 * property names, and reading, writing, copying, equality, redaction and
 * validation all work from this table. Call it from the class's static block.
 */
export function defineModel<T>(Class: ModelClass<T>, className: string, fields: FieldSpecs<T>): void {
  registerFields(Class, className, fields as Readonly<Record<string, FieldSpec>>);
}

// Model instances are frozen, so derived values are cached beside them rather than on them.
const jsonCache = new WeakMap<object, object>();
const hashCache = new WeakMap<object, number>();

/**
 * Shared behaviour of every model class, driven by the field table each class
 * declares in its static block: construction from a plain init, `fromJson`,
 * memoized `toJson()`, `copyWith`, deep `equals`, a stable `hashCode`, the
 * unknown keys kept from input, and a `toString()` with secrets redacted.
 * Instances are frozen.
 *
 * `TInit` is the constructor argument; `TFixed` names init fields that
 * `copyWith` cannot change.
 */
export abstract class RealtimeModel<
  TJson extends object = object,
  TInit extends object = object,
  TFixed extends keyof TInit = never,
> {
  /** Wire keys this version does not model, written back by `toJson()`. */
  declare readonly extra?: JsonObject;

  constructor(...[init]: InitArgs<TInit>) {
    assignFields(this, tableOf(new.target), (init ?? {}) as Readonly<Record<string, unknown>>);
    // Subclasses only declare their fields, so the instance is complete once the fields are assigned.
    Object.freeze(this);
  }

  /**
   * Reads snake_case wire JSON. Throws {@link RealtimeConfigError} naming the
   * field for structural errors; unknown keys are kept for `toJson()`.
   */
  static fromJson<T>(this: ModelClass<T>, json: unknown, options?: FromJsonOptions): T {
    return readSafely(() => readModel(this, json, '', readContext(options)));
  }

  /** Builds the wire JSON; the default writes the declared fields. */
  protected buildJson(): object {
    return writeFields(tableOf(this.constructor), this);
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

  /**
   * A copy with some fields replaced: absent or `undefined` keeps, `null`
   * makes a field unspecified (required fields cannot be cleared). Returns
   * this instance when nothing changes, and shares every unchanged subtree.
   */
  copyWith(patch: ModelPatch<TInit, TFixed>): this {
    const current = this as unknown as Readonly<Record<string, unknown>>;
    const next: Record<string, unknown> = { ...current };
    let changed = false;
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === current[key]) continue;
      if (value === null && !Object.hasOwn(current, key)) continue;
      changed = true;
      if (value === null) delete next[key];
      else next[key] = value;
    }
    if (!changed) return this;
    const Class = this.constructor as new (init: Record<string, unknown>) => this;
    return new Class(next);
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
    collectUnknownKeys(this, '', paths);
    return paths;
  }

  /** The class name and wire JSON, with the fields the tables mark secret redacted. */
  toString(): string {
    const { className } = tableOf(this.constructor);
    return `${className}(${JSON.stringify(redacted(this, this.toJson() as JsonValue))})`;
  }
}

function collectUnknownKeys(value: unknown, path: string, paths: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectUnknownKeys(item, joinPath(path, index), paths));
    return;
  }
  const table = tableOfValue(value);
  if (table === undefined) return;
  const fields = value as Readonly<Record<string, unknown>>;
  const extra = fields['extra'] as JsonObject | undefined;
  if (extra !== undefined) for (const key of Object.keys(extra)) paths.push(joinPath(path, key));
  for (const { name, wire } of table.fields) collectUnknownKeys(fields[name], joinPath(path, wire), paths);
}

/**
 * The wire JSON of `value` with the fields its table marks secret masked.
 * What no table describes (unknown keys, JSON-valued fields) is masked by key
 * name, as {@link redactSecrets} masks any wire JSON.
 */
function redacted(value: unknown, json: JsonValue): JsonValue {
  if (Array.isArray(value) && Array.isArray(json)) return json.map((item, index) => redacted(value[index], item));
  const table = tableOfValue(value);
  if (table === undefined || !isPlainObject(json)) return redactSecrets(json) as JsonValue;
  const fields = value as Readonly<Record<string, unknown>>;
  const unmodelled = redactSecrets(fields['extra'] ?? {}) as JsonObject;
  return objectFromEntries(
    Object.keys(json).map((key) => {
      const field = table.byWire.get(key);
      const item = json[key] as JsonValue;
      if (field === undefined) return [key, Object.hasOwn(unmodelled, key) ? unmodelled[key] : redactSecrets(item)];
      return [key, field.secret ? maskSecret(item) : redacted(fields[field.name], item)];
    }),
  ) as JsonValue;
}

/** A secret string, or every value of a secret record (HTTP headers). */
function maskSecret(value: JsonValue): JsonValue {
  if (typeof value === 'string') return REDACTED;
  return isPlainObject(value) ? objectFromEntries(Object.keys(value).map((key) => [key, REDACTED] as const)) : value;
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

/** The context the public `fromJson(json, options)` reads with. */
export function readContext(options: FromJsonOptions | undefined): ReadContext {
  return { lenient: options?.lenient === true };
}
