import { describe, expectTypeOf, it } from 'vitest';
import {
  RealtimeAudioFormat,
  RealtimeClientSecretExpiresAfter,
  RealtimeCustomVoice,
  RealtimeFunctionTool,
  RealtimeModel,
  RealtimeServerVad,
  RealtimeSessionCreateRequest,
  RealtimeTruncation,
} from '../../src/model/index.js';

// fromJson, copyWith and the constructor live once, in RealtimeModel; each class must still see its own types.
describe('the shared model behaviour keeps each class its own types', () => {
  it('fromJson returns the class it is called on', () => {
    expectTypeOf(RealtimeAudioFormat.fromJson({})).toEqualTypeOf<RealtimeAudioFormat>();
    expectTypeOf(
      RealtimeSessionCreateRequest.fromJson({}, { lenient: true }),
    ).toEqualTypeOf<RealtimeSessionCreateRequest>();
    expectTypeOf(RealtimeTruncation.fromJson({})).toEqualTypeOf<RealtimeTruncation>();
  });

  it('has no fromJson on the abstract base', () => {
    // @ts-expect-error RealtimeModel is abstract: there is nothing to read into
    RealtimeModel.fromJson({});
  });

  it('copyWith returns the class it is called on', () => {
    const format = new RealtimeAudioFormat({ type: 'audio/pcm' });
    expectTypeOf(format.copyWith({ rate: 24000 })).toEqualTypeOf<RealtimeAudioFormat>();
    const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
    expectTypeOf(request.copyWith({ instructions: null })).toEqualTypeOf<RealtimeSessionCreateRequest>();
  });

  it('copyWith takes the class init as a patch, without a variant type', () => {
    const vad = new RealtimeServerVad({ threshold: 0.5 });
    expectTypeOf(vad.copyWith).parameter(0).toHaveProperty('threshold');
    // @ts-expect-error a variant's type is fixed
    vad.copyWith({ type: 'semantic_vad' });
    // @ts-expect-error not a field of server VAD
    vad.copyWith({ eagerness: 'low' });
    // @ts-expect-error the custom voice id is required and cannot be cleared
    new RealtimeCustomVoice({ id: 'voice_1' }).copyWith({ id: null });
  });

  it('takes the init its class declares, optional only when every field is', () => {
    expectTypeOf(new RealtimeAudioFormat()).toEqualTypeOf<RealtimeAudioFormat>();
    expectTypeOf(new RealtimeClientSecretExpiresAfter().anchor).toEqualTypeOf<'created_at'>();
    // @ts-expect-error a custom voice needs its id
    new RealtimeCustomVoice();
    // @ts-expect-error the init is typed by the class
    new RealtimeFunctionTool({ serverLabel: 'docs' });
  });
});
