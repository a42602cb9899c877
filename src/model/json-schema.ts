/**
 * The shape check of function-tool `parameters` (a JSON Schema). It is the
 * most expensive rule of a session config, which is why validation caches
 * issues per tool instance: an unchanged tool is never walked again.
 */
import { isPlainObject, joinPath, type JsonObject } from './json.js';
import type { IssueCollector } from './rules.js';

const SCHEMA_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'null',
]);
const SUBSCHEMA_KEYWORDS = [
  'additionalProperties',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'items',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
] as const;
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const COUNT_KEYWORDS = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minContains',
  'maxContains',
] as const;
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'] as const;
const STRING_KEYWORDS = ['title', 'description', '$ref', '$id', '$schema', '$comment', 'format', '$anchor'] as const;

/**
 * Checks a function tool's `parameters`: a JSON Schema whose root is
 * `type: 'object'`, with every keyword the draft 2020-12 meta-schema
 * constrains of the right shape. It runs without compiling the schema
 * (no `eval`), so it is safe under a strict Content-Security-Policy.
 */
export function checkParameterSchema(schema: unknown, path: string, out: IssueCollector): void {
  // The codec only ever holds a JSON object here.
  if ((schema as JsonObject)['type'] !== 'object') {
    out.add(joinPath(path, 'type'), 'invalid_schema', "parameters must be a JSON Schema with type 'object'");
  }
  collectSchemaIssues(schema, path, out);
}

function collectSchemaIssues(schema: unknown, path: string, out: IssueCollector): void {
  if (typeof schema === 'boolean') return;
  if (!isPlainObject(schema)) {
    out.add(path, 'invalid_schema', 'must be a JSON Schema (an object or a boolean)');
    return;
  }
  const invalid = (key: string, message: string) => out.add(joinPath(path, key), 'invalid_schema', message);
  const type = schema['type'];
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (types.length === 0 || !types.every((item) => typeof item === 'string' && SCHEMA_TYPES.has(item))) {
      invalid('type', `must be one of ${[...SCHEMA_TYPES].join(', ')}, or a list of them`);
    } else if (new Set(types).size !== types.length) invalid('type', 'must not repeat a type');
  }
  const required = schema['required'];
  if (required !== undefined) {
    if (!Array.isArray(required) || !required.every((item) => typeof item === 'string')) {
      invalid('required', 'must be a list of property names');
    } else if (new Set(required).size !== required.length) invalid('required', 'must not repeat a property name');
  }
  const enumList = schema['enum'];
  if (enumList !== undefined && !Array.isArray(enumList)) invalid('enum', 'must be a list');
  const pattern = schema['pattern'];
  if (pattern !== undefined) {
    if (typeof pattern !== 'string') invalid('pattern', 'must be a string');
    else if (!compilesAsRegExp(pattern)) invalid('pattern', 'must be a valid regular expression');
  }
  for (const key of COUNT_KEYWORDS) {
    const value = schema[key];
    if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
      invalid(key, 'must be a non-negative integer');
    }
  }
  for (const key of NUMBER_KEYWORDS) {
    const value = schema[key];
    if (value !== undefined && typeof value !== 'number') invalid(key, 'must be a number');
  }
  const multipleOf = schema['multipleOf'];
  if (typeof multipleOf === 'number' && multipleOf <= 0) invalid('multipleOf', 'must be greater than 0');
  for (const key of STRING_KEYWORDS) {
    const value = schema[key];
    if (value !== undefined && typeof value !== 'string') invalid(key, 'must be a string');
  }
  for (const key of SUBSCHEMA_KEYWORDS) {
    const value = schema[key];
    // Draft 4–7 tuple form: `items` as a list of schemas.
    if (key === 'items' && Array.isArray(value)) {
      value.forEach((item, index) => collectSchemaIssues(item, joinPath(joinPath(path, key), index), out));
    } else if (value !== undefined) collectSchemaIssues(value, joinPath(path, key), out);
  }
  for (const key of SCHEMA_MAP_KEYWORDS) {
    const value = schema[key];
    if (value === undefined) continue;
    if (!isPlainObject(value)) invalid(key, 'must be an object of schemas');
    else
      for (const name of Object.keys(value)) collectSchemaIssues(value[name], joinPath(joinPath(path, key), name), out);
  }
  for (const key of SCHEMA_LIST_KEYWORDS) {
    const value = schema[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.length === 0) invalid(key, 'must be a non-empty list of schemas');
    else value.forEach((item, index) => collectSchemaIssues(item, joinPath(joinPath(path, key), index), out));
  }
}

function compilesAsRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
