import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TURN_DETECTION,
  isEmptySessionUpdate,
  RealtimeOff,
  RealtimeSessionCreateRequest,
  sessionUpdateFor,
} from '../../src/model/index.js';

const base = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'Be brief.',
  audio: { input: { turnDetection: { type: 'semantic_vad' } }, output: { voice: 'marin', speed: 1.1 } },
  tools: [{ type: 'function', name: 'lookup' }],
});

describe('sessionUpdateFor', () => {
  describe('given a new session (no previous request)', () => {
    it('sends every specified field and resets nothing', () => {
      expect(sessionUpdateFor(undefined, base)).toStrictEqual({
        type: 'realtime',
        instructions: 'Be brief.',
        tools: [{ type: 'function', name: 'lookup' }],
        audio: { input: { turn_detection: { type: 'semantic_vad' } }, output: { voice: 'marin', speed: 1.1 } },
      });
    });

    it('sends just the type for a request that specifies nothing', () => {
      expect(sessionUpdateFor(null, new RealtimeSessionCreateRequest({ model: 'm' }))).toStrictEqual({
        type: 'realtime',
      });
    });
  });

  describe('given an applied request', () => {
    it('sends nothing but the type when nothing changed', () => {
      const update = sessionUpdateFor(base, RealtimeSessionCreateRequest.fromJson(base.toJson()));
      expect(update).toStrictEqual({ type: 'realtime' });
      expect(isEmptySessionUpdate(update)).toBe(true);
    });

    it('sends only the changed top-level field', () => {
      expect(sessionUpdateFor(base, base.copyWith({ instructions: 'Be thorough.' }))).toStrictEqual({
        type: 'realtime',
        instructions: 'Be thorough.',
      });
    });

    it('sends nested audio fields one by one', () => {
      const next = base.copyWith({
        audio: base.audio?.copyWith({ output: base.audio.output?.copyWith({ speed: 1.3 }) }),
      });
      expect(sessionUpdateFor(base, next)).toStrictEqual({ type: 'realtime', audio: { output: { speed: 1.3 } } });
    });

    it('sends lists whole', () => {
      const next = base.copyWith({ tools: [...(base.tools ?? []), { type: 'function', name: 'book' }] });
      expect(sessionUpdateFor(base, next)).toStrictEqual({
        type: 'realtime',
        tools: [
          { type: 'function', name: 'lookup' },
          { type: 'function', name: 'book' },
        ],
      });
    });

    it('never sends the model', () => {
      expect(sessionUpdateFor(base, base.copyWith({ model: 'gpt-realtime' }))).toStrictEqual({ type: 'realtime' });
    });

    it('sends an explicit off as null', () => {
      const next = base.copyWith({
        audio: base.audio?.copyWith({ input: { turnDetection: RealtimeOff, transcription: RealtimeOff } }),
        tracing: RealtimeOff,
      });
      expect(sessionUpdateFor(base, next)).toStrictEqual({
        type: 'realtime',
        tracing: null,
        audio: { input: { turn_detection: null, transcription: null } },
      });
    });
  });

  describe('when a field becomes unspecified', () => {
    it.each([
      ['instructions', { instructions: 'x' }, ''],
      ['tools', { tools: [{ type: 'function' as const, name: 'a' }] }, []],
      ['include', { include: ['item.input_audio_transcription.logprobs' as const] }, []],
      ['tool_choice', { toolChoice: 'required' as const }, 'auto'],
      ['max_output_tokens', { maxOutputTokens: 100 }, 'inf'],
      ['truncation', { truncation: 'disabled' as const }, 'auto'],
      ['output_modalities', { outputModalities: ['text' as const] }, ['audio']],
      ['tracing', { tracing: 'auto' as const }, null],
      ['prompt', { prompt: { id: 'pmpt_1' } }, null],
    ])('resets %s to the API value', (wire, init, reset) => {
      const previous = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', ...init });
      const next = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
      expect(sessionUpdateFor(previous, next)).toStrictEqual({ type: 'realtime', [wire]: reset });
    });

    it('resets turn detection to the default server VAD and transcription and noise reduction to null', () => {
      const previous = new RealtimeSessionCreateRequest({
        model: 'gpt-realtime',
        audio: {
          input: {
            turnDetection: { type: 'semantic_vad' },
            transcription: { model: 'whisper-1' },
            noiseReduction: { type: 'near_field' },
          },
        },
      });
      const update = sessionUpdateFor(previous, new RealtimeSessionCreateRequest({ model: 'gpt-realtime' }));
      expect(update).toStrictEqual({
        type: 'realtime',
        audio: { input: { turn_detection: DEFAULT_TURN_DETECTION, transcription: null, noise_reduction: null } },
      });
    });

    it('leaves out unknown keys it cannot reset', () => {
      const previous = RealtimeSessionCreateRequest.fromJson({ model: 'm', future: 1 });
      expect(sessionUpdateFor(previous, new RealtimeSessionCreateRequest({ model: 'm' }))).toStrictEqual({
        type: 'realtime',
      });
    });

    it('sends changed unknown keys as they are', () => {
      const previous = RealtimeSessionCreateRequest.fromJson({ model: 'm', future: 1, audio: { spatial: false } });
      const next = RealtimeSessionCreateRequest.fromJson({ model: 'm', future: 2, audio: { spatial: true } });
      expect(sessionUpdateFor(previous, next)).toStrictEqual({ type: 'realtime', future: 2, audio: { spatial: true } });
    });
  });

  it('returns a frozen payload', () => {
    expect(Object.isFrozen(sessionUpdateFor(undefined, base))).toBe(true);
  });
});
