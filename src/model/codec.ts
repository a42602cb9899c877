import { RealtimeConfigError } from './errors.js';
import { freezeJson, isPlainObject, joinPath, objectFromEntries, type JsonObject, type JsonValue } from './json.js';
import { isOff, RealtimeOff } from './off.js';
import type { FieldRules } from './rules.js';

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

/**
 * One field of a model class: everything the model knows about it, in one
 * place. Reading, writing, copying, redaction and the per-field validation
 * rules ({@link FieldRules}) are all driven by these entries.
 */
export interface FieldSpec extends FieldRules {
  readonly codec: Codec<unknown>;
  /** `null` on the wire is a setting here: it reads as {@link RealtimeOff}. */
  readonly nullable?: true;
  /** The wire format requires this field (the constructor and `fromJson` both insist). */
  readonly required?: true;
  /** The value a new instance gets when its init leaves the field unset. */
  readonly default?: string;
  /** The field always holds its `default`, whatever the init says (a variant's `type`). */
  readonly fixed?: true;
  /** A credential: `toString()` masks it. */
  readonly secret?: true;
}

/** A {@link FieldSpec} with its property and wire names. */
export interface Field extends FieldSpec {
  readonly name: string;
  readonly wire: string;
}

/** A model class's fields in wire order, with a lookup by wire name. */
export interface FieldTable {
  /** The class name, for `toString()`: minifiers rename classes, so `constructor.name` cannot be trusted. */
  readonly className: string;
  readonly fields: readonly Field[];
  readonly byWire: ReadonlyMap<string, Field>;
}

/** A model class as the codecs use it: something that builds instances from an init. */
export type ModelClass<T> = new (init: never) => T;

/** Wire name of a camelCase field: `maxOutputTokens` → `max_output_tokens`. */
function wireName(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

// Field tables by class. Kept beside the classes rather than on them, so no static leaks into the public types.
const tables = new WeakMap<object, FieldTable>();

/** Records a class's field table; `defineModel` calls it once per class. */
export function registerFields(Class: object, className: string, specs: Readonly<Record<string, FieldSpec>>): void {
  const fields = Object.keys(specs).map((name) => ({ ...(specs[name] as FieldSpec), name, wire: wireName(name) }));
  tables.set(Class, { className, fields, byWire: new Map(fields.map((field) => [field.wire, field])) });
}

function findTable(Class: object): FieldTable | undefined {
  // A subclass of a model class (an app's own) uses the table of the class it extends.
  let current: object | null = Class;
  while (current !== null && !tables.has(current)) current = Object.getPrototypeOf(current) as object | null;
  return current === null ? undefined : tables.get(current);
}

/** The field table of a model class. */
export function tableOf(Class: object): FieldTable {
  const table = findTable(Class);
  if (table === undefined) throw new TypeError('not a model class: define its fields with defineModel');
  return table;
}

/** The field table of a model instance, or `undefined` for any other value. */
export function tableOfValue(value: unknown): FieldTable | undefined {
  return typeof value === 'object' && value !== null && !isPlainObject(value) && !Array.isArray(value)
    ? findTable(value.constructor)
    : undefined;
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
/** The wire JSON of each such array: lists are shared across copies, so their JSON can be too. */
const arrayJson = new WeakMap<readonly unknown[], JsonValue>();

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
    write: (list) => {
      let json = arrayJson.get(list);
      if (json === undefined) {
        json = Object.freeze(list.map((entry) => item.write(entry)));
        arrayJson.set(list, json);
      }
      return json;
    },
  };
}

export const stringArrayCodec: Codec<readonly string[]> = arrayCodec(stringCodec);

/**
 * A field holding one value of a closed string enum. Any string loads, so
 * values a newer API adds survive a round trip; validation checks membership.
 */
export function oneOf(values: Readonly<Record<string, string>>): FieldSpec {
  return { codec: stringCodec, enum: new Set(Object.values(values)) };
}

/** A list of values of a closed string enum; validation checks each item. */
export function listOf(values: Readonly<Record<string, string>>): FieldSpec {
  return { codec: stringArrayCodec, enum: new Set(Object.values(values)) };
}

/** A field whose one valid string is `value`; any other loads, and validation reports it. */
export function literal(value: string, message = `must be '${value}'`): FieldSpec {
  return {
    codec: stringCodec,
    check: (given, path, out) => {
      if (typeof given === 'string' && given !== value) out.add(path, 'invalid_value', message);
    },
  };
}

/** A variant's `type`: written always, whatever the init says. */
export function fixed(value: string): FieldSpec {
  return { codec: stringCodec, default: value, fixed: true };
}

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

/** Reads a model from wire JSON at `path`: the one place any model class is read. */
export function readModel<T>(Class: ModelClass<T>, json: unknown, path: string, context: ReadContext): T {
  return new Class(readFields(tableOf(Class), json, path, context) as never);
}

/** A nested model class; plain init objects are accepted and turned into instances. */
export function modelCodec<T extends { toJson(): object }>(Class: ModelClass<T>): Codec<T> {
  return {
    read: (value, path, context) => readModel(Class, value, path, context),
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
    const fieldPath = joinPath(path, key);
    if (value === null) {
      if (field.nullable) init[field.name] = RealtimeOff;
      else if (!context.lenient) throw typeError(fieldPath, 'a value (null is not allowed here)', value);
      continue;
    }
    init[field.name] = field.codec.read(value, fieldPath, context);
  }
  for (const field of table.fields) {
    if (field.required && init[field.name] === undefined) {
      throw new RealtimeConfigError(joinPath(path, field.wire), 'required', 'is required');
    }
  }
  if (extra.length > 0) init['extra'] = freezeJson(objectFromEntries(extra), path);
  return init;
}

/** Sets a model's fields from its init, coercing nested inits into instances. */
export function assignFields(target: object, table: FieldTable, init: Readonly<Record<string, unknown>>): void {
  const record = target as Record<string, unknown>;
  for (const field of table.fields) {
    const { name, wire } = field;
    let value = field.fixed ? undefined : init[name];
    if (value === undefined || value === null) value = field.default;
    if (value === undefined) {
      if (field.required) throw new RealtimeConfigError(wire, 'required', 'is required');
      continue;
    }
    if (isOff(value)) {
      if (!field.nullable) throw new RealtimeConfigError(wire, 'invalid_value', 'cannot be turned off');
      record[name] = value;
      continue;
    }
    record[name] = field.codec.coerce(value, wire);
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
  for (const { name, wire, codec } of table.fields) {
    const value = record[name];
    if (value === undefined) continue;
    entries.push([wire, isOff(value) ? null : codec.write(value)]);
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
  const pick = (value: unknown): Codec<unknown> => (Array.isArray(value) ? stringArrayCodec : objectCodec);
  return {
    read: (value, path, context) => pick(value).read(value, path, context) as readonly string[] | T,
    coerce: (value, path) => pick(value).coerce(value, path) as readonly string[] | T,
    write: (value) => pick(value).write(value),
  };
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
    read: (value, path, context) => readModel(pick(value, path), value, path, context),
    coerce: (value, path) => {
      if (classes.some((Class) => value instanceof Class)) return value as T;
      return new (pick(value, path))(value as never);
    },
    write: (value) => value.toJson() as JsonValue,
  };
}
