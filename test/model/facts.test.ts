import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_VOICES,
  getModelCapabilities,
  KNOWN_REALTIME_MODELS,
  REALTIME_MODELS,
  REALTIME_REASONING_EFFORTS,
  REALTIME_SESSION_DEFAULTS,
  REALTIME_VOICES,
  RealtimeReasoningEffort,
  RealtimeSessionCreateRequest,
  RealtimeVoice,
  RECOMMENDED_VOICES,
  sessionUpdateFor,
  type RealtimeModelFacts,
  type RealtimeSessionDefaults,
  type RealtimeVoiceFacts,
} from '../../src/model/index.js';
import { capabilityLookup, enumOf, idsOf } from '../../src/model/derive.js';
import { sessionUpdateBetween } from '../../src/model/session-update.js';
import { defaultSessionConfig } from '../../src/server/session.js';

// Each fact is written once, in a list; everything else is derived from it.
// These tests add one entry to a copy of each list and watch the derived
// values follow, which is what makes adding a model, a voice or a default a
// one-line change.

const newModel = { id: 'gpt-realtime-9', reasoning: true, voices: 'all' } as const satisfies RealtimeModelFacts;
const newVoice = { id: 'juniper', recommended: false, classic: false } as const satisfies RealtimeVoiceFacts;
const models = [...REALTIME_MODELS, newModel] as const;
const voices = [...REALTIME_VOICES, newVoice] as const;

describe('the shipped lookups are the builders applied to the lists', () => {
  it('builds ids, voices and capabilities from REALTIME_MODELS and REALTIME_VOICES', () => {
    expect(KNOWN_REALTIME_MODELS).toStrictEqual(idsOf(REALTIME_MODELS));
    expect(BUILT_IN_VOICES).toStrictEqual(idsOf(REALTIME_VOICES));
    expect(RealtimeVoice).toStrictEqual(enumOf(BUILT_IN_VOICES));
    expect(RealtimeReasoningEffort).toStrictEqual(enumOf(REALTIME_REASONING_EFFORTS));
    const lookup = capabilityLookup(REALTIME_MODELS, REALTIME_VOICES);
    for (const model of KNOWN_REALTIME_MODELS) expect(getModelCapabilities(model)).toStrictEqual(lookup(model));
  });
});

describe('one more model', () => {
  it('is known, with its capabilities, and nothing else changes', () => {
    const lookup = capabilityLookup(models, REALTIME_VOICES);
    expect(idsOf(models)).toStrictEqual([...KNOWN_REALTIME_MODELS, 'gpt-realtime-9']);
    expect(lookup('gpt-realtime-9')).toStrictEqual({ reasoning: true, voices: BUILT_IN_VOICES });
    for (const model of KNOWN_REALTIME_MODELS) expect(lookup(model)).toStrictEqual(getModelCapabilities(model));
  });

  it('carries a deprecation to the capabilities when the entry has one', () => {
    const retiring = { ...newModel, deprecated: { shutdownDate: '2030-01-01', replacement: 'gpt-realtime-10' } };
    expect(capabilityLookup([retiring], REALTIME_VOICES)('gpt-realtime-9')?.deprecated).toStrictEqual({
      shutdownDate: '2030-01-01',
      replacement: 'gpt-realtime-10',
    });
  });
});

describe('one more voice', () => {
  it('is offered by every model that speaks all voices, and kept from the classic-only ones', () => {
    const lookup = capabilityLookup(REALTIME_MODELS, voices);
    expect(idsOf(voices)).toStrictEqual([...BUILT_IN_VOICES, 'juniper']);
    expect(enumOf(idsOf(voices)).juniper).toBe('juniper');
    expect(lookup('gpt-realtime-2')?.voices).toContain('juniper');
    expect(lookup('gpt-4o-realtime-preview')?.voices).not.toContain('juniper');
    expect(lookup('gpt-4o-realtime-preview')?.voices).toStrictEqual(
      getModelCapabilities('gpt-4o-realtime-preview')?.voices,
    );
  });

  it('is recommended when its entry says so', () => {
    const recommended = [...REALTIME_VOICES, { ...newVoice, recommended: true }].filter((voice) => voice.recommended);
    expect(new Set(idsOf(recommended))).toStrictEqual(new Set([...RECOMMENDED_VOICES, 'juniper']));
  });
});

describe('one more value in a value list', () => {
  it('gains its key in the enum object', () => {
    const efforts = enumOf([...REALTIME_REASONING_EFFORTS, 'max'] as const);
    expect(efforts.max).toBe('max');
    expect(efforts.minimal).toBe(RealtimeReasoningEffort.minimal);
  });
});

describe('one more default', () => {
  const defaults: RealtimeSessionDefaults = {
    session: { ...REALTIME_SESSION_DEFAULTS.session, temperature: 0.8 },
    input: REALTIME_SESSION_DEFAULTS.input,
    output: { ...REALTIME_SESSION_DEFAULTS.output, pitch: 0 },
  };

  it('is reported by the emulator in session.created', () => {
    const config = defaultSessionConfig('gpt-realtime-2', 0, defaults);
    expect(config['temperature']).toBe(0.8);
    expect((config['audio'] as { output: Record<string, unknown> }).output['pitch']).toBe(0);
  });

  it('is what session.update resets the field to', () => {
    const before = { instructions: 'Hi', temperature: 0.6, audio: { output: { pitch: 2 } } };
    expect(sessionUpdateBetween(before, { instructions: 'Hi' }, defaults)).toStrictEqual({
      type: 'realtime',
      temperature: 0.8,
      audio: { output: { pitch: 0 } },
    });
  });
});

describe('the defaults list feeds every reader', () => {
  it('is what the emulator reports for a fresh session, as the API reports it', () => {
    const config = defaultSessionConfig('gpt-realtime-2', 0);
    // Instructions are the server's own; the other two are checked below.
    const asReported = new Set(['instructions', 'include', 'parallel_tool_calls']);
    const session = Object.entries(REALTIME_SESSION_DEFAULTS.session).filter(([key]) => !asReported.has(key));
    expect(config).toMatchObject({
      ...Object.fromEntries(session),
      audio: { input: REALTIME_SESSION_DEFAULTS.input, output: REALTIME_SESSION_DEFAULTS.output },
    });
    // The API never reports parallel_tool_calls, and reports an empty include as null.
    expect(config).not.toHaveProperty('parallel_tool_calls');
    expect(config['include']).toBeNull();
  });

  it('leaves the reasoning-only fields out for a model that does not reason', () => {
    expect(defaultSessionConfig('gpt-realtime', 0)).not.toHaveProperty('reasoning');
  });

  it('gives each session its own copy, never the frozen list', () => {
    const config = defaultSessionConfig('gpt-realtime-2', 0);
    expect(Object.isFrozen((config['audio'] as { input: object }).input)).toBe(false);
    expect(defaultSessionConfig('gpt-realtime-2', 0)['audio']).not.toBe(config['audio']);
  });

  it('is what sessionUpdateFor resets an unset field to', () => {
    const before = new RealtimeSessionCreateRequest({
      model: 'gpt-realtime-2',
      maxOutputTokens: 100,
      audio: { output: { voice: 'marin', speed: 1.2 } },
    });
    const after = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
    expect(sessionUpdateFor(before, after)).toStrictEqual({
      type: 'realtime',
      max_output_tokens: REALTIME_SESSION_DEFAULTS.session.max_output_tokens,
      audio: {
        output: { voice: REALTIME_SESSION_DEFAULTS.output.voice, speed: REALTIME_SESSION_DEFAULTS.output.speed },
      },
    });
  });
});
