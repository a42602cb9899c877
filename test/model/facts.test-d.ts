import { describe, expectTypeOf, it } from 'vitest';
import {
  BUILT_IN_VOICES,
  DEFAULT_REASONING_EFFORT,
  KNOWN_REALTIME_MODELS,
  REALTIME_MODELS,
  REALTIME_REASONING_EFFORTS,
  REALTIME_SESSION_DEFAULTS,
  REALTIME_VOICES,
  RealtimeReasoningEffort,
  RealtimeVoice,
  type JsonValue,
  type KnownRealtimeModelId,
  type RealtimeBuiltInVoice,
  type RealtimeSessionMetadataKey,
} from '../../src/model/index.js';
import { enumOf, idsOf } from '../../src/model/derive.js';

// The types are derived from the lists: one more entry in a copy of a list
// shows up in the types derived from that copy, with no other edit.

describe('types follow the lists', () => {
  it('derives the model and voice unions from REALTIME_MODELS and REALTIME_VOICES', () => {
    expectTypeOf(KNOWN_REALTIME_MODELS).items.toEqualTypeOf<KnownRealtimeModelId>();
    expectTypeOf<'gpt-realtime' | 'gpt-realtime-2'>().toExtend<KnownRealtimeModelId>();
    expectTypeOf<'my-fine-tune'>().not.toExtend<KnownRealtimeModelId>();
    expectTypeOf(BUILT_IN_VOICES).items.toEqualTypeOf<RealtimeBuiltInVoice>();
    expectTypeOf<'marin' | 'cedar' | 'alloy'>().toExtend<RealtimeBuiltInVoice>();
  });

  it('grows the unions by one when a copy of a list grows by one', () => {
    const models = [...REALTIME_MODELS, { id: 'gpt-realtime-9', reasoning: true, voices: 'all' }] as const;
    expectTypeOf(idsOf(models)).items.toEqualTypeOf<KnownRealtimeModelId | 'gpt-realtime-9'>();
    const voices = [...REALTIME_VOICES, { id: 'juniper', recommended: false, classic: false }] as const;
    expectTypeOf(idsOf(voices)).items.toEqualTypeOf<RealtimeBuiltInVoice | 'juniper'>();
    expectTypeOf(enumOf(idsOf(voices)).juniper).toEqualTypeOf<'juniper'>();
    expectTypeOf(enumOf([...REALTIME_REASONING_EFFORTS, 'max'] as const)).toEqualTypeOf<{
      readonly [V in RealtimeReasoningEffort | 'max']: V;
    }>();
  });

  it('keeps the enum-like objects and their unions', () => {
    expectTypeOf(RealtimeReasoningEffort.minimal).toEqualTypeOf<'minimal'>();
    expectTypeOf<RealtimeReasoningEffort>().toEqualTypeOf<'minimal' | 'low' | 'medium' | 'high' | 'xhigh'>();
    expectTypeOf(RealtimeVoice.marin).toEqualTypeOf<'marin'>();
    expectTypeOf<'a-custom-voice'>().toExtend<RealtimeVoice>();
    expectTypeOf<RealtimeSessionMetadataKey>().toEqualTypeOf<'id' | 'object' | 'expires_at'>();
  });

  it('types each default as its value, still indexable by any wire name', () => {
    expectTypeOf(REALTIME_SESSION_DEFAULTS.output.voice).toEqualTypeOf<'alloy'>();
    expectTypeOf(REALTIME_SESSION_DEFAULTS.output.voice).toExtend<RealtimeBuiltInVoice>();
    expectTypeOf(REALTIME_SESSION_DEFAULTS.session.parallel_tool_calls).toEqualTypeOf<true>();
    expectTypeOf(REALTIME_SESSION_DEFAULTS.session['anything']).toEqualTypeOf<JsonValue | undefined>();
    expectTypeOf(DEFAULT_REASONING_EFFORT).toEqualTypeOf<RealtimeReasoningEffort>();
  });
});
