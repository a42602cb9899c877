import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleToolArguments } from '../../src/server/tool-arguments.js';

type Json = Record<string, unknown>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** The schema's errors for the sampled arguments: `[]` when they are valid. */
function errorsOfSample(schema: Json): unknown[] {
  const validate = ajv.compile(schema);
  const value = sampleToolArguments(schema);
  return validate(value) ? [] : [{ value, errors: validate.errors }];
}

describe('sampleToolArguments', () => {
  it('fills a typical tool schema with the least values it allows', () => {
    expect(
      sampleToolArguments({
        type: 'object',
        properties: {
          city: { type: 'string' },
          unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
          days: { type: 'integer', minimum: 1, maximum: 7 },
          detailed: { type: 'boolean' },
        },
        required: ['city'],
      }),
    ).toStrictEqual({ city: 'example', unit: 'celsius', days: 1, detailed: true });
  });

  it('gives an empty object for a tool without parameters', () => {
    expect(sampleToolArguments(undefined)).toStrictEqual({});
    expect(sampleToolArguments({ type: 'object', properties: {} })).toStrictEqual({});
  });

  const schemas: [string, Json][] = [
    [
      'formats, patterns and lengths',
      {
        type: 'object',
        properties: {
          when: { type: 'string', format: 'date-time' },
          email: { type: 'string', format: 'email' },
          id: { type: 'string', format: 'uuid' },
          code: { type: 'string', pattern: '^[A-Z]{3}-\\d{2,4}$' },
          short: { type: 'string', minLength: 3, maxLength: 4 },
          long: { type: 'string', minLength: 12 },
        },
        required: ['when', 'code', 'short', 'long'],
        additionalProperties: false,
      },
    ],
    [
      'exclusive bounds and multiples',
      {
        type: 'object',
        properties: {
          ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
          half: { type: 'number', multipleOf: 0.5, exclusiveMinimum: 2 },
          negative: { type: 'integer', maximum: -3 },
          below: { type: 'number', exclusiveMaximum: -1 },
          even: { type: 'integer', multipleOf: 2, minimum: 3 },
        },
        required: ['ratio', 'half', 'negative', 'below', 'even'],
      },
    ],
    [
      'references, allOf, anyOf with null, const and prefixItems',
      {
        type: 'object',
        $defs: { place: { type: 'object', properties: { lat: { type: 'number', minimum: -90 } }, required: ['lat'] } },
        properties: {
          home: { $ref: '#/$defs/place' },
          note: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 2 }] },
          kind: { const: 'trip' },
          both: { allOf: [{ properties: { a: { type: 'string' } }, required: ['a'] }, { required: ['b'] }] },
          pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
          maybe: { type: ['null', 'integer'], minimum: 5 },
        },
        required: ['home', 'note', 'kind', 'both', 'pair', 'maybe'],
      },
    ],
    [
      'unique items, counts and extra properties',
      {
        type: 'object',
        properties: {
          tags: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] }, minItems: 3, uniqueItems: true },
          ids: { type: 'array', items: { type: 'integer' }, minItems: 2, uniqueItems: true },
          names: { type: 'array', items: { type: 'string' }, minItems: 2, uniqueItems: true },
          bag: { type: 'object', minProperties: 2, additionalProperties: { type: 'integer', minimum: 1 } },
        },
        required: ['tags', 'ids', 'names', 'bag'],
      },
    ],
  ];
  it.each(schemas)('makes arguments valid against a schema with %s', (_name, schema) => {
    expect(errorsOfSample(schema)).toStrictEqual([]);
  });

  it('stops at a depth on a schema that refers to itself', () => {
    const schema = {
      type: 'object',
      properties: { child: { $ref: '#' }, name: { type: 'string' } },
    };
    expect(errorsOfSample(schema)).toStrictEqual([]);
  });

  // Schemas of the shapes function tools use, with consistent bounds; every sample must validate.
  const leaf: fc.Arbitrary<Json> = fc.oneof(
    fc
      .record({ min: fc.nat(8), extra: fc.nat(8) })
      .map(({ min, extra }) => ({ type: 'string', minLength: min, maxLength: min + extra })),
    fc.constantFrom<Json>(
      { type: 'string', format: 'date' },
      { type: 'string', pattern: '^[a-z]+_[0-9]{2}$' },
      { type: 'string', enum: ['x', 'y'] },
      { type: 'boolean' },
      { type: 'null' },
    ),
    fc
      .record({
        integer: fc.boolean(),
        low: fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }),
        // Wide enough (twice the largest multipleOf, and more) that a multiple lies strictly inside.
        span: fc.integer({ min: 5, max: 100 }),
        exclusive: fc.boolean(),
        multipleOf: fc.option(fc.constantFrom(1, 2, 0.5, 0.25), { nil: undefined }),
      })
      .map(({ integer, low, span, exclusive, multipleOf }) => ({
        type: integer ? 'integer' : 'number',
        ...(low === undefined
          ? {}
          : exclusive
            ? { exclusiveMinimum: low, exclusiveMaximum: low + span }
            : { minimum: low, maximum: low + span }),
        ...(multipleOf === undefined ? {} : { multipleOf }),
      })),
  );
  const { schema: anySchema } = fc.letrec<{ schema: Json }>((tie) => ({
    schema: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .record({ items: tie('schema'), min: fc.nat(3) })
        .map(({ items, min }) => ({ type: 'array', items, minItems: min })),
      fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), tie('schema'), { maxKeys: 4 }).chain((properties) =>
        fc.subarray(Object.keys(properties)).map((required) => ({
          type: 'object',
          properties,
          required,
          additionalProperties: false,
        })),
      ),
      tie('schema').map((inner) => ({ anyOf: [{ type: 'null' }, inner] })),
    ),
  }));

  it('makes valid arguments for any schema of the shapes tools use', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), anySchema, { maxKeys: 5 }), (properties) => {
        const schema = { type: 'object', properties, required: Object.keys(properties) };
        expect(errorsOfSample(schema)).toStrictEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
