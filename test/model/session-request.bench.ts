import { bench, describe } from 'vitest';
import { RealtimeSessionCreateRequest, sessionUpdateFor, type JsonObject } from '../../src/model/index.js';

/** A realistic ~2 kB JSON Schema for one function tool's parameters. */
function parametersSchema(index: number): JsonObject {
  const properties: Record<string, JsonObject> = {};
  for (let field = 0; field < 15; field++) {
    properties[`field_${index}_${field}`] = {
      type: field % 3 === 0 ? 'string' : field % 3 === 1 ? 'integer' : 'boolean',
      description: `Field ${field} of tool ${index}: what the model should put here and why it matters.`,
    };
  }
  return { type: 'object', properties, required: Object.keys(properties).slice(0, 4), additionalProperties: false };
}

const wire = {
  model: 'gpt-realtime-2',
  instructions: 'You are a helpful assistant.',
  audio: { output: { voice: 'marin', speed: 1.1 } },
  tools: Array.from({ length: 128 }, (_, index) => ({
    type: 'function',
    name: `tool_${index}`,
    description: `Tool number ${index}.`,
    parameters: parametersSchema(index),
  })),
};

const request = RealtimeSessionCreateRequest.fromJson(wire);
const twin = RealtimeSessionCreateRequest.fromJson(wire);
const edited = request.copyWith({ instructions: 'You are a terse assistant.' });
let keystroke = 0;

describe(`request with 128 function tools (${JSON.stringify(wire).length} bytes of JSON)`, () => {
  bench('copyWith (instructions)', () => {
    request.copyWith({ instructions: `draft ${keystroke++}` });
  });

  bench('equals (equal, no shared subtrees)', () => {
    request.equals(twin);
  });

  bench('equals (copy differing in instructions)', () => {
    request.equals(edited);
  });

  bench('sessionUpdateFor (after an instructions edit)', () => {
    sessionUpdateFor(request, edited);
  });

  bench('sessionUpdateFor (equal, no shared subtrees)', () => {
    sessionUpdateFor(request, twin);
  });

  bench('toJson (fresh copy: top level rebuilt, tools cached)', () => {
    request.copyWith({ instructions: `draft ${keystroke++}` }).toJson();
  });

  bench('fromJson (full parse)', () => {
    RealtimeSessionCreateRequest.fromJson(wire);
  });

  bench('fromJson + toJson (cold, nothing cached)', () => {
    RealtimeSessionCreateRequest.fromJson(wire).toJson();
  });
});
