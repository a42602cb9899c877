import { describe, expect, it } from 'vitest';
import {
  loudness,
  RealtimeAudioConfig,
  RealtimeAudioConfigInput,
  RealtimeAudioConfigOutput,
  RealtimeAudioFormat,
  RealtimeCustomVoice,
  RealtimeNoiseReduction,
  RealtimeOff,
  RealtimeSemanticVad,
  RealtimeServerVad,
  RealtimeTranscription,
  RealtimeTurnDetection,
} from '../../src/model/index.js';
import { describeModelContract } from './model-contract.js';

describeModelContract(RealtimeAudioFormat, {
  full: { type: 'audio/pcm', rate: 24000 },
  change: ['type', 'audio/pcmu', 'type', 'audio/pcmu'],
  clear: ['rate', 'rate'],
  wrongType: [{ rate: '24k' }, 'rate'],
});

describeModelContract(RealtimeTranscription, {
  full: { model: 'gpt-transcribe', language: 'en', languages: ['en'], keywords: ['k'], prompt: 'p', delay: 'low' },
  change: ['languages', ['de', 'fr'], 'languages', ['de', 'fr']],
  clear: ['prompt', 'prompt'],
  wrongType: [{ keywords: 'k' }, 'keywords'],
});

describeModelContract(RealtimeNoiseReduction, {
  full: { type: 'near_field' },
  change: ['type', 'far_field', 'type', 'far_field'],
  clear: ['type', 'type'],
  wrongType: [{ type: 1 }, 'type'],
});

describeModelContract(RealtimeServerVad, {
  full: {
    type: 'server_vad',
    threshold: 0.5,
    prefix_padding_ms: 300,
    silence_duration_ms: 200,
    idle_timeout_ms: 6000,
    create_response: true,
    interrupt_response: false,
  },
  change: ['idleTimeoutMs', RealtimeOff, 'idle_timeout_ms', null],
  clear: ['threshold', 'threshold'],
  wrongType: [{ type: 'server_vad', create_response: 'yes' }, 'create_response'],
});

describeModelContract(RealtimeSemanticVad, {
  full: { type: 'semantic_vad', eagerness: 'high', create_response: true, interrupt_response: true },
  change: ['eagerness', 'low', 'eagerness', 'low'],
  clear: ['eagerness', 'eagerness'],
  wrongType: [{ type: 'semantic_vad', eagerness: 3 }, 'eagerness'],
});

describeModelContract(RealtimeCustomVoice, {
  full: { id: 'voice_1234' },
  change: ['id', 'voice_5678', 'id', 'voice_5678'],
  wrongType: [{ id: 5 }, 'id'],
});

describeModelContract(RealtimeAudioConfigInput, {
  full: {
    format: { type: 'audio/pcma' },
    transcription: { model: 'whisper-1' },
    noise_reduction: null,
    turn_detection: { type: 'semantic_vad' },
  },
  change: ['turnDetection', RealtimeOff, 'turn_detection', null],
  clear: ['transcription', 'transcription'],
  wrongType: [{ turn_detection: [] }, 'turn_detection'],
});

describeModelContract(RealtimeAudioConfigOutput, {
  full: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'cedar', speed: 1.2 },
  change: ['voice', { id: 'voice_9' }, 'voice', { id: 'voice_9' }],
  clear: ['speed', 'speed'],
  wrongType: [{ voice: 7 }, 'voice'],
});

describeModelContract(RealtimeAudioConfig, {
  full: { input: { turn_detection: null }, output: { voice: 'marin' } },
  change: ['output', { voice: 'ash' }, 'output', { voice: 'ash' }],
  clear: ['input', 'input'],
  wrongType: [{ output: { speed: '1' } }, 'output.speed'],
});

describe('turn detection', () => {
  it('reads each variant by its type and null as off', () => {
    expect(RealtimeTurnDetection.fromJson({ type: 'server_vad' })).toBeInstanceOf(RealtimeServerVad);
    expect(RealtimeTurnDetection.fromJson({ type: 'semantic_vad' })).toBeInstanceOf(RealtimeSemanticVad);
    expect(RealtimeTurnDetection.fromJson(null)).toBe(RealtimeTurnDetection.off);
    expect(RealtimeTurnDetection.off).toBe(RealtimeOff);
  });

  it('always writes its type, whatever the init says', () => {
    expect(new RealtimeServerVad({}).toJson()).toStrictEqual({ type: 'server_vad' });
    expect(
      new RealtimeAudioConfigInput({ turnDetection: { type: 'semantic_vad', eagerness: 'low' } }).turnDetection,
    ).toBeInstanceOf(RealtimeSemanticVad);
  });

  it('offers off on the classes whose null is a setting', () => {
    expect(RealtimeTranscription.off).toBe(RealtimeOff);
    expect(RealtimeNoiseReduction.off).toBe(RealtimeOff);
    expect(String(RealtimeOff)).toBe('off');
    expect(JSON.stringify({ a: RealtimeOff })).toBe('{"a":null}');
  });
});

describe('loudness', () => {
  it('maps -60 dBFS and quieter to 0, full scale to 1, and is linear in dB between', () => {
    expect(loudness(0)).toBe(0);
    expect(loudness(-1)).toBe(0);
    expect(loudness(Number.NaN)).toBe(0);
    expect(loudness(0.0005)).toBe(0);
    expect(loudness(1)).toBe(1);
    expect(loudness(2)).toBe(1);
    expect(loudness(10 ** (-30 / 20))).toBeCloseTo(0.5, 10);
    expect(loudness(10 ** (-15 / 20))).toBeCloseTo(0.75, 10);
  });
});
