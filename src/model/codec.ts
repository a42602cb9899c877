import { RealtimeConfigError } from './errors.js';
import { freezeJson, isPlainObject, joinPath, objectFromEntries, type JsonObject, type JsonValue } from './json.js';
import { isOff, RealtimeOff } from './off.js';

/** How strictly `fromJson` reads. */
export interface FromJsonOptions {
  /**
   * Read `null` on a field that has no *off* value as unspecified instead of
   * throwing. The live server sends such `null`s in `session.created` and
   * `session.updated` (for example `include: null`).
   * @default false
   */
  readonly lenient?: boolean;
}

/** Internal read settings passed down through nested reads. */
export interface ReadContext {
  readonly lenient: boolean;
}

/**
 * Converts one field between its wire JSON and its model value. Reads check
 * only structure (string vs number vs object); enums and ranges are
 * `validateSessionRequest`'s job, so newer server values still load.
 */
export interface Codec<T> {
  read(json: unknown, path: string, context: ReadContext): T;
  write(value: T): JsonValue;
  /** Turns a constructor argument (an instance or a plain init) into the model value. */
  coerce(value: unknown, path: string): T;
}

/** One field of a model class. */
export interface FieldSpec {
  readonly codec: Codec<unknown>;
  /** `null` on the wire is a setting here: it reads as {@link RealtimeOff}. */
  readonly nullable?: true;
  /** The wire format requires this field (the constructor and `fromJson` both insist). */
  readonly required?: true;
}

/** A model class's fields, keyed by their camelCase names, with wire names precomputed. */
export interface FieldTable {
  /** The class name, for `toString()`: minifiers rename classes, so `constructor.name` cannot be trusted. */
  readonly className: string;
  readonly entries: readonly (readonly [name: string, wire: string, spec: FieldSpec])[];
  readonly byWire: ReadonlyMap<string, readonly [name: string, spec: FieldSpec]>;
}

/** Wire name of a camelCase field: `maxOutputTokens` → `max_output_tokens`. */
function wireName(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function defineFields(className: string, specs: Readonly<Record<string, FieldSpec>>): FieldTable {
  const entries = Object.keys(specs).map((name) => [name, wireName(name), specs[name] as FieldSpec] as const);
  return { className, entries, byWire: new Map(entries.map(([name, wire, spec]) => [wire, [name, spec] as const])) };
}

function typeError(path: string, expected: string, value: unknown): RealtimeConfigError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return new RealtimeConfigError(path, 'invalid_type', `expected ${expected}, got ${got}`);
}

function primitive<T>(kind: 'string' | 'number' | 'boolean', expected: string): Codec<T> {
  const check = (value: unknown, path: string): T => {
    if (typeof value !== kind) throw typeError(path, expected, value);
    return value as T;
  };
  return { read: check, coerce: check, write: (value) => value as JsonValue };
}

export const stringCodec: Codec<string> = primitive('string', 'a string');
export const numberCodec: Codec<number> = primitive('number', 'a number');
export const booleanCodec: Codec<boolean> = primitive('boolean', 'a boolean');

/** A string-valued enum: any string loads, so unknown future values survive; validation checks membership. */
export function enumCodec<T extends string>(): Codec<T> {
  return stringCodec as Codec<T>;
}

/** Any JSON value, copied and deep-frozen. */
export const jsonCodec: Codec<JsonValue> = {
  read: (value, path) => freezeJson(value, path),
  coerce: (value, path) => freezeJson(value, path),
  write: (value) => value,
};

/** A JSON object, copied and deep-frozen. */
export const jsonObjectCodec: Codec<JsonObject> = {
  read: (value, path) => {
    if (!isPlainObject(value)) throw typeError(path, 'an object', value);
    return freezeJson(value, path) as JsonObject;
  },
  coerce: (value, path) => jsonObjectCodec.read(value, path, { lenient: false }),
  write: (value) => value,
};

/** Arrays this module built, so copies can share them instead of rebuilding. */
const modelArrays = new WeakSet<readonly unknown[]>();

export function arrayCodec<T>(item: Codec<T>): Codec<readonly T[]> {
  const build = (value: unknown, path: string, each: (entry: unknown, entryPath: string) => T): readonly T[] => {
    if (!Array.isArray(value)) throw typeError(path, 'an array', value);
    const list = Object.freeze(value.map((entry: unknown, index) => each(entry, joinPath(path, index))));
    modelArrays.add(list);
    return list;
  };
  return {
    read: (value, path, context) => build(value, path, (entry, entryPath) => item.read(entry, entryPath, context)),
    coerce: (value, path) =>
      Array.isArray(value) && modelArrays.has(value)
        ? (value as readonly T[])
        : build(value, path, (entry, entryPath) => item.coerce(entry, entryPath)),
    write: (list) => Object.freeze(list.map((entry) => item.write(entry))),
  };
}

export const stringArrayCodec: Codec<readonly string[]> = arrayCodec(stringCodec);

/** An object whose values are all strings (HTTP headers). */
export const stringRecordCodec: Codec<Readonly<Record<string, string>>> = {
  read: (value, path) => {
    if (!isPlainObject(value)) throw typeError(path, 'an object of strings', value);
    for (const key of Object.keys(value)) {
      if (typeof value[key] !== 'string') throw typeError(joinPath(path, key), 'a string', value[key]);
    }
    return freezeJson(value, path) as Readonly<Record<string, string>>;
  },
  coerce: (value, path) => stringRecordCodec.read(value, path, { lenient: false }),
  write: (value) => value,
};

/** What a model class offers its codec: reading at a path and building from an init. */
export interface ModelClass<T> {
  new (init: never): T;
  readAt(json: unknown, path: string, context: ReadContext): T;
}

/** A nested model class; plain init objects are accepted and turned into instances. */
export function modelCodec<T extends { toJson(): object }>(Class: ModelClass<T>): Codec<T> {
  return {
    read: (value, path, context) => Class.readAt(value, path, context),
    coerce: (value, path) => {
      if (value instanceof Class) return value;
      if (!isPlainObject(value)) throw typeError(path, 'an object', value);
      return new Class(value as never);
    },
    write: (value) => value.toJson() as JsonValue,
  };
}

/** Reads a JSON object's fields into an init object; unknown keys go to `extra`. */
export function readFields(
  table: FieldTable,
  json: unknown,
  path: string,
  context: ReadContext,
): Record<string, unknown> {
  if (!isPlainObject(json)) throw typeError(path, 'an object', json);
  const init: Record<string, unknown> = {};
  const extra: (readonly [string, unknown])[] = [];
  for (const key of Object.keys(json)) {
    const value = json[key];
    const field = table.byWire.get(key);
    if (field === undefined) {
      extra.push([key, value]);
      continue;
    }
    const [name, spec] = field;
    const fieldPath = joinPath(path, key);
    if (value === null) {
      if (spec.nullable) init[name] = RealtimeOff;
      else if (!context.lenient) throw typeError(fieldPath, 'a value (null is not allowed here)', value);
      continue;
    }
    init[name] = spec.codec.read(value, fieldPath, context);
  }
  for (const [name, wire, spec] of table.entries) {
    if (spec.required && init[name] === undefined) {
      throw new RealtimeConfigError(joinPath(path, wire), 'required', 'is required');
    }
  }
  if (extra.length > 0) init['extra'] = freezeJson(objectFromEntries(extra), path);
  return init;
}

/** Sets a model's fields from its init, coercing nested inits into instances. */
export function assignFields(target: object, table: FieldTable, init: Readonly<Record<string, unknown>>): void {
  const record = target as Record<string, unknown>;
  for (const [name, wire, spec] of table.entries) {
    const value = init[name];
    if (value === undefined || value === null) {
      if (spec.required) throw new RealtimeConfigError(wire, 'required', 'is required');
      continue;
    }
    if (isOff(value)) {
      if (!spec.nullable) throw new RealtimeConfigError(wire, 'invalid_value', 'cannot be turned off');
      record[name] = value;
      continue;
    }
    record[name] = spec.codec.coerce(value, wire);
  }
  const extra = init['extra'];
  if (extra !== undefined && extra !== null) {
    if (!isPlainObject(extra)) throw typeError('extra', 'an object', extra);
    // A key the class models is never also kept as an unknown key: the field wins.
    const unknownKeys = Object.keys(extra).filter((key) => !table.byWire.has(key));
    if (unknownKeys.length === 0) return;
    record['extra'] =
      unknownKeys.length === Object.keys(extra).length
        ? freezeJson(extra, '')
        : freezeJson(objectFromEntries(unknownKeys.map((key) => [key, extra[key]] as const)), '');
  }
}

/** Writes a model's fields as wire JSON: only the fields that are set, then the unknown keys kept from input. */
export function writeFields(table: FieldTable, source: object): Record<string, JsonValue> {
  const record = source as Record<string, unknown>;
  const entries: (readonly [string, JsonValue])[] = [];
  for (const [name, wire, spec] of table.entries) {
    const value = record[name];
    if (value === undefined) continue;
    entries.push([wire, isOff(value) ? null : spec.codec.write(value)]);
  }
  const extra = record['extra'] as JsonObject | undefined;
  if (extra !== undefined) for (const key of Object.keys(extra)) entries.push([key, extra[key] as JsonValue]);
  return objectFromEntries(entries);
}

/** A field that is either a plain string (a mode or id) or an object modelled by `objectCodec`. */
export function stringOrCodec<T>(objectCodec: Codec<T>): Codec<string | T> {
  return {
    read: (value, path, context) => (typeof value === 'string' ? value : objectCodec.read(value, path, context)),
    coerce: (value, path) => (typeof value === 'string' ? value : objectCodec.coerce(value, path)),
    write: (value) => (typeof value === 'string' ? value : objectCodec.write(value)),
  };
}

/** A field that is either a number or a string (`max_output_tokens`: an integer or `'inf'`). */
export const numberOrStringCodec: Codec<number | string> = {
  read: (value, path) => {
    if (typeof value !== 'number' && typeof value !== 'string') throw typeError(path, 'a number or a string', value);
    return value;
  },
  coerce: (value, path) => numberOrStringCodec.read(value, path, { lenient: false }),
  write: (value) => value,
};

/** A field that is either a list of strings or an object modelled by `objectCodec`. */
export function stringListOrCodec<T>(objectCodec: Codec<T>): Codec<readonly string[] | T> {
  return {
    read: (value, path, context) =>
      Array.isArray(value) ? stringArrayCodec.read(value, path, context) : objectCodec.read(value, path, context),
    coerce: (value, path) =>
      Array.isArray(value) ? stringArrayCodec.coerce(value, path) : objectCodec.coerce(value, path),
    write: (value) => (isStringList(value) ? stringArrayCodec.write(value) : objectCodec.write(value as T)),
  };
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value);
}

/**
 * An object union told apart by its `type` key (tools, turn detection, tool
 * choice). `fallback` is the variant for objects without a `type`.
 */
export function discriminatedCodec<T extends { toJson(): object }>(
  variants: Readonly<Record<string, ModelClass<T>>>,
  fallback?: string,
): Codec<T> {
  const classes = Object.values(variants);
  const pick = (value: unknown, path: string): ModelClass<T> => {
    if (!isPlainObject(value)) throw typeError(path, 'an object', value);
    const type = value['type'] ?? fallback;
    const Class = typeof type === 'string' && Object.hasOwn(variants, type) ? variants[type] : undefined;
    if (Class === undefined) {
      const known = Object.keys(variants)
        .map((name) => `'${name}'`)
        .join(' or ');
      throw new RealtimeConfigError(joinPath(path, 'type'), 'invalid_value', `expected ${known}`);
    }
    return Class;
  };
  return {
    read: (value, path, context) => pick(value, path).readAt(value, path, context),
    coerce: (value, path) => {
      if (classes.some((Class) => value instanceof Class)) return value as T;
      return new (pick(value, path))(value as never);
    },
    write: (value) => value.toJson() as JsonValue,
  };
}
