import { bench, describe } from 'vitest';
import { RealtimeSessionCreateRequest, sessionUpdateFor, validateSessionRequest } from '../../src/model/index.js';
import { shopFunctionTools } from '../support/function-tools.js';

const wire = {
  model: 'gpt-realtime-2',
  instructions: 'You are a helpful assistant.',
  audio: { output: { voice: 'marin', speed: 1.1 } },
  tools: shopFunctionTools(128),
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

// What a form does on every keystroke in the instructions box: copy, validate, diff against the last sent config.
const fiftyTools = RealtimeSessionCreateRequest.fromJson({ ...wire, tools: shopFunctionTools(50) });
validateSessionRequest(fiftyTools);

describe('typing into instructions', () => {
  bench('keystroke on a 50-tool request: copyWith + validate + diff', () => {
    const next = fiftyTools.copyWith({ instructions: `draft ${keystroke++}` });
    validateSessionRequest(next);
    sessionUpdateFor(fiftyTools, next);
  });
});
