import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import schema from './model/fixtures/realtime-session.schema.json' with { type: 'json' };

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(schema, 'realtime');

/** A validator for one root of the official schema (`$defs/<name>`). */
export function schemaValidator(name: keyof typeof schema.$defs): ValidateFunction {
  const validate = ajv.getSchema(`realtime#/$defs/${name}`);
  if (validate === undefined) throw new Error(`schema root ${name} not found`);
  return validate;
}

/** The errors of a value against a schema root: `[]` when it is valid. */
export function schemaErrors(name: keyof typeof schema.$defs, value: unknown): unknown[] {
  const validate = schemaValidator(name);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/**
 * A server session object without the `null`s the live server sends for unset
 * fields whose schema types leave `null` out (`include`, `transcription`,
 * `noise_reduction`), which `parseServerEvent` reads leniently.
 */
export function withoutServerNulls(session: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...session };
  if (copy['include'] === null) delete copy['include'];
  const audio = copy['audio'] as Record<string, unknown> | undefined;
  const input = audio?.['input'] as Record<string, unknown> | undefined;
  if (audio !== undefined && input !== undefined) {
    const cleaned = Object.fromEntries(
      Object.entries(input).filter(
        ([key, value]) => !(value === null && (key === 'transcription' || key === 'noise_reduction')),
      ),
    );
    copy['audio'] = { ...audio, input: cleaned };
  }
  return copy;
}
