import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REALTIME_SESSION_DEFAULTS,
  RealtimeConfigError,
  RealtimeSessionCreateRequest,
  sessionUpdateFor,
  validateSessionRequest,
  type ConfigIssue,
} from '../../src/model/index.js';
import { canonicalJson } from '../../src/model/json.js';
import { REQUEST_FIELDS, requestPatch, sessionConfigJson, sessionRequest } from './arbitraries.js';
import { schemaErrors } from '../official-schema.js';

type Json = Record<string, unknown>;
const runs = { numRuns: 300 };

/** Sets a key as plain data, even `__proto__`. */
function setOwn(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

describe('given any schema-valid session config (unknown keys included)', () => {
  it('fromJson then toJson gives the same JSON back', () => {
    fc.assert(
      fc.property(sessionConfigJson({ unknownKeys: true, nullTranscriptionAndNoiseReduction: true }), (json) => {
        const request = RealtimeSessionCreateRequest.fromJson(json);
        expect(canonicalJson(request.toJson())).toBe(canonicalJson(json));
        expect(RealtimeSessionCreateRequest.fromJson(request.toJson()).equals(request)).toBe(true);
      }),
      runs,
    );
  });

  it('toJson validates against the official schema', () => {
    // Unknown keys would pass too (the schema is open), but they prove nothing here; and
    // `transcription: null` / `noise_reduction: null` are left out because the schema's types
    // omit the null its own descriptions allow ("can be set to null to turn off").
    fc.assert(
      fc.property(sessionRequest(), (request) => {
        expect(schemaErrors('RealtimeSessionCreateRequestGA', { type: 'realtime', ...request.toJson() })).toStrictEqual(
          [],
        );
      }),
      runs,
    );
  });

  it('passes validateSessionRequest, except for the cross-field rules the schema cannot express', () => {
    // Generated independently, fields can disagree: reasoning fields on a non-reasoning
    // model, a tool_choice naming a tool that is not listed, repeated tool names, or
    // transcription options the transcription model does not support, or turn detection
    // left on for a transcription model that needs it off.
    const crossFieldCodes = new Set(['unsupported_for_model', 'unknown_reference', 'duplicate']);
    const crossField = (issue: ConfigIssue) =>
      crossFieldCodes.has(issue.code) || (issue.code === 'conflict' && issue.path === 'audio.input.turn_detection');
    fc.assert(
      fc.property(sessionRequest(), (request) => {
        const others = validateSessionRequest(request).filter((issue) => !crossField(issue));
        expect(others).toStrictEqual([]);
      }),
      runs,
    );
  });
});

describe('copyWith', () => {
  it('keeps absent and undefined fields, clears null ones and sets the rest', () => {
    fc.assert(
      fc.property(sessionRequest(), requestPatch, (original, patch) => {
        const copy = original.copyWith(patch) as unknown as Json;
        const before = original as unknown as Json;
        for (const field of REQUEST_FIELDS) {
          const value = patch[field];
          if (value === undefined) expect(copy[field]).toBe(before[field]);
          else if (value === null) expect(copy[field]).toBeUndefined();
          else expect(copy[field]).toBe(value);
        }
        expect(typeof copy['model']).toBe('string');
      }),
      runs,
    );
  });

  it('shares every subtree it does not change', () => {
    fc.assert(
      fc.property(sessionRequest(), fc.string(), (original, instructions) => {
        const copy = original.copyWith({ instructions });
        expect(copy.tools).toBe(original.tools);
        expect(copy.audio).toBe(original.audio);
        expect(copy.toolChoice).toBe(original.toolChoice);
        expect(copy.prompt).toBe(original.prompt);
        expect(copy.extra).toBe(original.extra);
      }),
      runs,
    );
  });
});

describe('equals and hashCode', () => {
  const check = (a: RealtimeSessionCreateRequest, b: RealtimeSessionCreateRequest) => {
    const equal = a.equals(b);
    expect(equal).toBe(same(a.toJson(), b.toJson()));
    expect(b.equals(a)).toBe(equal);
    if (equal) expect(a.hashCode).toBe(b.hashCode);
  };

  it('agree with content equality for independent requests', () => {
    fc.assert(
      fc.property(sessionRequest({ unknownKeys: true }), sessionRequest({ unknownKeys: true }), (a, b) => {
        expect(a.equals(a)).toBe(true);
        check(a, b);
      }),
      runs,
    );
  });

  it('agree with content equality for a request and a copy of it', () => {
    fc.assert(
      fc.property(sessionRequest({ unknownKeys: true }), requestPatch, (a, patch) => {
        check(a, a.copyWith(patch));
        const roundTripped = RealtimeSessionCreateRequest.fromJson(a.toJson());
        expect(a.equals(roundTripped)).toBe(true);
        expect(a.hashCode).toBe(roundTripped.hashCode);
      }),
      runs,
    );
  });

  it('tell apart requests that differ in one field (hash codes almost always differ too)', () => {
    let hashCollisions = 0;
    fc.assert(
      fc.property(sessionRequest(), fc.string({ minLength: 1 }), (a, suffix) => {
        const b = a.copyWith({ instructions: `${a.instructions ?? ''}${suffix}` });
        expect(a.equals(b)).toBe(false);
        if (a.hashCode === b.hashCode) hashCollisions++;
      }),
      runs,
    );
    expect(hashCollisions).toBeLessThanOrEqual(1);
  });
});

describe('sessionUpdateFor', () => {
  const serverDefaults: Json = {
    ...REALTIME_SESSION_DEFAULTS.session,
    instructions: 'The server default instructions.',
    audio: { input: { ...REALTIME_SESSION_DEFAULTS.input }, output: { ...REALTIME_SESSION_DEFAULTS.output } },
  };

  /** What the Realtime server does with a session.update: fields replace, audio sides merge key by key. */
  function applyUpdate(server: Json, update: Json): Json {
    const next: Json = { ...server };
    for (const key of Object.keys(update)) {
      if (key === 'type' || key === 'model') continue;
      const value = update[key];
      if (key !== 'audio') {
        setOwn(next, key, value);
        continue;
      }
      const audio: Json = { ...(server['audio'] as Json) };
      for (const audioKey of Object.keys(value as Json)) {
        const audioValue = (value as Json)[audioKey];
        if (audioKey === 'input' || audioKey === 'output') {
          setOwn(audio, audioKey, { ...(audio[audioKey] as Json), ...(audioValue as Json) });
        } else setOwn(audio, audioKey, audioValue);
      }
      next['audio'] = audio;
    }
    return next;
  }

  /** Every leaf the session config can address, as `[path, value]`; audio sides field by field. */
  function leaves(config: Json): Map<string, unknown> {
    const result = new Map<string, unknown>();
    for (const key of Object.keys(config)) {
      if (key === 'model' || key === 'type') continue;
      const value = config[key];
      if (key !== 'audio') {
        result.set(key, value);
        continue;
      }
      for (const audioKey of Object.keys(value as Json)) {
        const side = (value as Json)[audioKey];
        if (audioKey === 'input' || audioKey === 'output') {
          for (const field of Object.keys(side as Json))
            result.set(`audio.${audioKey}.${field}`, (side as Json)[field]);
        } else result.set(`audio.${audioKey}`, side);
      }
    }
    return result;
  }

  function defaultFor(path: string): { found: boolean; value?: unknown } {
    const [head, side, field] = path.split('.');
    const table: Json =
      head !== 'audio'
        ? REALTIME_SESSION_DEFAULTS.session
        : side === 'input'
          ? REALTIME_SESSION_DEFAULTS.input
          : side === 'output'
            ? REALTIME_SESSION_DEFAULTS.output
            : {};
    const key = head === 'audio' ? (field ?? '') : (head ?? '');
    return Object.hasOwn(table, key) ? { found: true, value: table[key] } : { found: false };
  }

  it('turns a server config that reflects a into one that reflects b', () => {
    fc.assert(
      fc.property(sessionRequest({ unknownKeys: true }), sessionRequest({ unknownKeys: true }), (a, b) => {
        const server0 = applyUpdate(serverDefaults, a.toJson() as unknown as Json);
        const update = sessionUpdateFor(a, b) as unknown as Json;
        const server1 = applyUpdate(server0, update);
        const before = leaves(server0);
        const after = leaves(server1);
        const wantedA = leaves(a.toJson() as unknown as Json);
        const wantedB = leaves(b.toJson() as unknown as Json);
        for (const [path, value] of wantedB) expect({ path, value: after.get(path) }).toStrictEqual({ path, value });
        for (const path of new Set([...before.keys(), ...after.keys()])) {
          if (wantedB.has(path)) continue;
          const reset = defaultFor(path);
          if (wantedA.has(path) && reset.found)
            expect({ path, value: after.get(path) }).toStrictEqual({ path, value: reset.value });
          else expect({ path, value: after.get(path) }).toStrictEqual({ path, value: before.get(path) });
        }
      }),
      runs,
    );
  });

  it('always names the type, never the model, and sends nothing for no change', () => {
    fc.assert(
      fc.property(sessionRequest({ unknownKeys: true }), sessionRequest(), (a, b) => {
        const update = sessionUpdateFor(a, b) as unknown as Json;
        expect(update['type']).toBe('realtime');
        expect(Object.hasOwn(update, 'model')).toBe(false);
        expect(sessionUpdateFor(a, a)).toStrictEqual({ type: 'realtime' });
        expect(sessionUpdateFor(a, RealtimeSessionCreateRequest.fromJson(a.toJson()))).toStrictEqual({
          type: 'realtime',
        });
      }),
      runs,
    );
  });

  it('for a new session sends every specified field of b and nothing else', () => {
    fc.assert(
      fc.property(sessionRequest({ unknownKeys: true }), (b) => {
        const update = sessionUpdateFor(undefined, b) as unknown as Json;
        expect(update['type']).toBe('realtime');
        // Compared leaf by leaf: an empty `audio: {}` sets nothing, so there is nothing to send for it.
        expect(canonicalJson(Object.fromEntries(leaves(update)))).toBe(
          canonicalJson(Object.fromEntries(leaves(b.toJson() as unknown as Json))),
        );
      }),
      runs,
    );
  });
});

describe('fromJson on arbitrary input', () => {
  const expectOnlyConfigErrors = (input: unknown) => {
    try {
      expect(RealtimeSessionCreateRequest.fromJson(input)).toBeInstanceOf(RealtimeSessionCreateRequest);
    } catch (error) {
      expect(error).toBeInstanceOf(RealtimeConfigError);
      expect(typeof (error as RealtimeConfigError).path).toBe('string');
    }
  };

  it('only ever throws RealtimeConfigError, whatever the value', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    fc.assert(fc.property(anything, expectOnlyConfigErrors), { numRuns: 500 });
    fc.assert(fc.property(fc.jsonValue(), expectOnlyConfigErrors), { numRuns: 500 });
  });

  /** Every object or array position in a JSON value, as a list of keys. */
  function positions(value: unknown, path: string[] = []): string[][] {
    if (typeof value !== 'object' || value === null) return [];
    const keys = Object.keys(value);
    return keys.flatMap((key) => [[...path, key], ...positions((value as Json)[key], [...path, key])]);
  }

  function replaced(value: unknown, path: readonly string[], replacement: unknown): unknown {
    if (path.length === 0) return replacement;
    const [head, ...rest] = path as [string, ...string[]];
    const parent = (typeof value === 'object' && value !== null ? value : {}) as Json;
    const copy: Json = Array.isArray(parent) ? ([...parent] as unknown as Json) : { ...parent };
    setOwn(copy, head, replaced(parent[head], rest, replacement));
    return copy;
  }

  it('only ever throws RealtimeConfigError for a valid config with one value replaced', () => {
    const mutated = fc
      .tuple(sessionConfigJson({ unknownKeys: true }), fc.nat(), fc.jsonValue({ maxDepth: 2 }))
      .map(([json, pick, replacement]) => {
        const all = positions(json);
        const path = all[pick % all.length] ?? ['model'];
        return replaced(json, path, replacement);
      });
    fc.assert(fc.property(mutated, expectOnlyConfigErrors), { numRuns: 500 });
  });

  it('names audio.output.speed when that is the only wrong value', () => {
    fc.assert(
      fc.property(sessionConfigJson(), fc.oneof(fc.string(), fc.boolean(), fc.array(fc.integer())), (json, speed) => {
        const bad = replaced(json, ['audio', 'output', 'speed'], speed);
        expect(() => RealtimeSessionCreateRequest.fromJson(bad)).toThrow(
          expect.objectContaining({ path: 'audio.output.speed', code: 'invalid_type' }),
        );
      }),
      runs,
    );
  });
});
