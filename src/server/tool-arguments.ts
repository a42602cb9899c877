/*
 * Arguments for an emulated function call, made from the tool's `parameters`
 * schema so that an app's handler receives what its schema promises. The
 * output is deterministic (the least value each keyword allows), which keeps
 * tests and stories stable. It covers the JSON Schema keywords function tools
 * use: types, `const`, `enum`, local `$ref`, `allOf`/`anyOf`/`oneOf`,
 * properties and `required`, items and `prefixItems`, counts and bounds,
 * `multipleOf`, common string formats and `pattern`.
 */
import RandExp from 'randexp';

type Json = Record<string, unknown>;

/** Deeper than this, a (recursive) schema gets its least value: `null`, `{}` or `[]`. */
const MAX_DEPTH = 24;

/** Below this depth optional properties are left out. */
const OPTIONAL_PROPERTY_DEPTH = 8;

/** A value of each common `format` (valid under ajv-formats' full mode). */
const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  uri: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  iri: 'https://example.com/',
  url: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  duration: 'P1D',
};

const isSchema = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const numberOr = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** The schema a local `$ref` (`#/$defs/x`, `#/definitions/x`, `#`) points at. */
function resolveRef(root: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  let at: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    at = isSchema(at) ? at[key] : undefined;
  }
  return isSchema(at) ? at : undefined;
}

/** `allOf` folded into one schema: properties and `required` united, other keywords of later parts win. */
function foldAllOf(schema: Json, root: Json, depth: number): Json {
  const parts = Array.isArray(schema['allOf']) ? schema['allOf'].filter(isSchema) : [];
  let folded: Json = { ...schema };
  delete folded['allOf'];
  for (const raw of parts) {
    const part = expand(raw, root, depth + 1);
    const properties = { ...(isSchema(folded['properties']) ? folded['properties'] : {}) };
    if (isSchema(part['properties'])) Object.assign(properties, part['properties']);
    const required = [
      ...(Array.isArray(folded['required']) ? folded['required'] : []),
      ...(Array.isArray(part['required']) ? part['required'] : []),
    ];
    folded = { ...folded, ...part, properties, required };
  }
  return folded;
}

/** The schema with its `$ref` followed and its `allOf` folded in. */
function expand(schema: Json, root: Json, depth: number): Json {
  if (depth > MAX_DEPTH) return schema;
  let expanded = schema;
  const ref = expanded['$ref'];
  if (typeof ref === 'string') {
    const target = resolveRef(root, ref);
    const rest = { ...expanded };
    delete rest['$ref'];
    expanded = target === undefined ? rest : { ...expand(target, root, depth + 1), ...rest };
  }
  return Array.isArray(expanded['allOf']) ? foldAllOf(expanded, root, depth) : expanded;
}

/** The type to produce: the schema's own (the first that is not `null`), or the one its keywords imply. */
function typeOf(schema: Json): string | undefined {
  const declared = schema['type'];
  if (typeof declared === 'string') return declared;
  if (Array.isArray(declared)) {
    const types = declared.filter((type): type is string => typeof type === 'string');
    return types.find((type) => type !== 'null') ?? types[0];
  }
  if ('properties' in schema || 'required' in schema || 'additionalProperties' in schema) return 'object';
  if ('items' in schema || 'prefixItems' in schema || 'minItems' in schema) return 'array';
  if ('minLength' in schema || 'maxLength' in schema || 'pattern' in schema || 'format' in schema) return 'string';
  if ('minimum' in schema || 'maximum' in schema || 'multipleOf' in schema) return 'number';
  return undefined;
}

/** The least whole multiple of `multipleOf` (1 for 0.5 or 0.25, 3 for 1.5): the step between valid integers. */
function integerStep(multipleOf: number): number {
  for (let times = 1; times <= 1000; times++) {
    if (Number.isInteger(multipleOf * times)) return multipleOf * times;
  }
  return Math.ceil(multipleOf);
}

function sampleNumber(schema: Json, integer: boolean, variant: number): number {
  const multipleOf = integer ? integerStep(numberOr(schema['multipleOf']) ?? 1) : numberOr(schema['multipleOf']);
  const minimum = numberOr(schema['minimum']);
  const exclusiveMin = numberOr(schema['exclusiveMinimum']);
  const maximum = numberOr(schema['maximum']);
  const exclusiveMax = numberOr(schema['exclusiveMaximum']);
  const lower = Math.max(minimum ?? -Infinity, exclusiveMin ?? -Infinity);
  const upper = Math.min(maximum ?? Infinity, exclusiveMax ?? Infinity);
  // The least allowed value: the lower bound, else 0, else (all negative) the upper bound.
  let value = lower > -Infinity ? lower : upper < 0 ? upper : 0;
  if (multipleOf !== undefined) {
    value =
      lower > -Infinity ? Math.ceil(value / multipleOf) * multipleOf : Math.floor(value / multipleOf) * multipleOf;
    if (exclusiveMin !== undefined && value <= exclusiveMin) value += multipleOf;
    if (exclusiveMax !== undefined && value >= exclusiveMax) value -= multipleOf;
  } else {
    const room = upper - lower;
    if (exclusiveMin !== undefined && value <= exclusiveMin)
      value = Number.isFinite(room) ? lower + room / 2 : lower + 1;
    if (exclusiveMax !== undefined && value >= exclusiveMax)
      value = Number.isFinite(room) ? lower + room / 2 : upper - 1;
  }
  // The n-th of several unique items is n steps further.
  value += variant * (multipleOf ?? 1);
  // `-0` is valid JSON but prints as `0`; keep the arguments string and the value the same.
  return Object.is(value, -0) ? 0 : value;
}

function sampleString(schema: Json, variant: number): string {
  const minLength = numberOr(schema['minLength']) ?? 0;
  const maxLength = numberOr(schema['maxLength']) ?? Infinity;
  const format = typeof schema['format'] === 'string' ? FORMAT_SAMPLES[schema['format']] : undefined;
  if (format !== undefined) return format;
  const pattern = schema['pattern'];
  if (typeof pattern === 'string') {
    try {
      const generator = new RandExp(new RegExp(pattern, 'u'));
      // The least each choice allows: deterministic, and short enough for most maxLengths.
      // The n-th of several unique items takes later choices, so the strings differ.
      generator.randInt = (low: number, high: number) => Math.min(high, low + variant);
      generator.max = Math.max(1, minLength);
      const text = generator.gen();
      if (text.length >= minLength && text.length <= maxLength) return text;
    } catch {
      // A pattern randexp cannot read falls back to plain text below.
    }
  }
  const base = variant === 0 ? 'example' : `example${variant}`;
  const padded = base.length >= minLength ? base : base + 'x'.repeat(minLength - base.length);
  return padded.slice(0, Math.max(minLength, Math.min(maxLength, padded.length)));
}

function sampleObject(schema: Json, root: Json, depth: number): Json {
  const properties = isSchema(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? schema['required'] : [];
  const out: Json = {};
  for (const [name, property] of Object.entries(properties)) {
    // Deep down, only what is required: a schema that nests itself through optional properties ends.
    if (depth < OPTIONAL_PROPERTY_DEPTH || required.includes(name)) {
      out[name] = sampleValue(property, root, depth + 1, 0);
    }
  }
  const additional = schema['additionalProperties'];
  for (const name of required) {
    if (typeof name !== 'string' || name in out) continue;
    out[name] = sampleValue(isSchema(additional) ? additional : {}, root, depth + 1, 0);
  }
  const minProperties = numberOr(schema['minProperties']) ?? 0;
  for (let index = 0; Object.keys(out).length < minProperties && additional !== false && index < 1000; index++) {
    out[`property_${index}`] = sampleValue(isSchema(additional) ? additional : {}, root, depth + 1, index);
  }
  return out;
}

function sampleArray(schema: Json, root: Json, depth: number): unknown[] {
  const prefix = Array.isArray(schema['prefixItems']) ? schema['prefixItems'] : [];
  const items = schema['items'];
  const minItems = numberOr(schema['minItems']) ?? 0;
  const maxItems = numberOr(schema['maxItems']) ?? Infinity;
  const count = Math.min(maxItems, Math.max(minItems, prefix.length, items === false ? 0 : 1));
  const unique = schema['uniqueItems'] === true;
  return Array.from({ length: count }, (_, index) => {
    const item: unknown = index < prefix.length ? prefix[index] : isSchema(items) ? items : {};
    return sampleValue(item, root, depth + 1, unique ? index : 0);
  });
}

/**
 * A value valid against `schema` (within `root`, for `$ref`s). `variant`
 * makes the n-th of several values differ, for `uniqueItems`.
 */
function sampleValue(raw: unknown, root: Json, depth: number, variant: number): unknown {
  if (!isSchema(raw) || depth > MAX_DEPTH) return null;
  const schema = expand(raw, root, depth);
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) {
    return schema['enum'][variant % schema['enum'].length];
  }
  const alternatives = [schema['anyOf'], schema['oneOf']].find(Array.isArray)?.filter(isSchema);
  if (alternatives !== undefined && alternatives.length > 0) {
    // The first alternative that is not just `null`; the schema's own keywords apply too.
    const choice = alternatives.find((alternative) => alternative['type'] !== 'null') ?? alternatives[0];
    const own = { ...schema };
    delete own['anyOf'];
    delete own['oneOf'];
    return sampleValue({ ...own, ...choice }, root, depth + 1, variant);
  }
  switch (typeOf(schema)) {
    case 'object':
      return sampleObject(schema, root, depth);
    case 'array':
      return sampleArray(schema, root, depth);
    case 'string':
      return sampleString(schema, variant);
    case 'integer':
      return sampleNumber(schema, true, variant);
    case 'number':
      return sampleNumber(schema, false, variant);
    case 'boolean':
      return variant % 2 === 0;
    case 'null':
      return null;
    default:
      return variant === 0 ? 'example' : `example${variant}`;
  }
}

/**
 * Arguments for a call of a function tool: an object valid against its
 * `parameters` schema (an empty object when it has none).
 *
 * @example
 * ```ts
 * sampleToolArguments({ type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } }, required: ['city'] });
 * // { city: 'example', days: 1 }
 * ```
 */
export function sampleToolArguments(parameters: unknown): Json {
  if (!isSchema(parameters)) return {};
  const value = sampleValue(parameters, parameters, 0, 0);
  return isSchema(value) ? value : {};
}
