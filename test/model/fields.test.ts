import { describe, expect, it } from 'vitest';
import {
  changedSessionFields,
  REALTIME_SESSION_FIELD_PATHS,
  readSessionField,
  RealtimeOff,
  RealtimeSessionCreateRequest,
  sessionFieldJson,
  sessionFieldDefault,
  sessionFieldOfPath,
  withoutUnknownKey,
  writeSessionField,
  REALTIME_SESSION_DEFAULTS,
  type JsonObject,
} from '../../src/model/index.js';

const full = RealtimeSessionCreateRequest.fromJson({
  type: 'realtime',
  model: 'gpt-realtime-2',
  instructions: 'Hi',
  output_modalities: ['audio'],
  tools: [{ type: 'function', name: 'lookup' }],
  tool_choice: 'auto',
  max_output_tokens: 200,
  parallel_tool_calls: true,
  reasoning: { effort: 'low' },
  tracing: 'auto',
  truncation: 'auto',
  include: ['item.input_audio_transcription.logprobs'],
  prompt: { id: 'pmpt_1' },
  audio: {
    input: {
      format: { type: 'audio/pcm', rate: 24000 },
      transcription: { model: 'whisper-1' },
      noise_reduction: { type: 'near_field' },
      turn_detection: { type: 'semantic_vad' },
    },
    output: { format: { type: 'audio/pcmu' }, voice: 'marin', speed: 1.1 },
  },
});

describe('session field paths', () => {
  it('cover every field of a fully specified request, in its wire JSON', () => {
    const json = full.toJson() as unknown as JsonObject;
    for (const path of REALTIME_SESSION_FIELD_PATHS) expect(sessionFieldJson(json, path), path).toBeDefined();
  });

  it('writing a field onto an empty request and reading it back gives the same value', () => {
    let rebuilt = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
    for (const path of REALTIME_SESSION_FIELD_PATHS) {
      rebuilt = writeSessionField(rebuilt, path, readSessionField(full, path) as never);
      expect(readSessionField(rebuilt, path), path).toBe(readSessionField(full, path));
    }
    expect(rebuilt.copyWith({ type: 'realtime' }).equals(full)).toBe(true);
  });

  it('writing undefined makes a field unspecified; RealtimeOff stays an explicit off', () => {
    const cleared = writeSessionField(full, 'audio.output.voice', undefined);
    expect(cleared.audio?.output?.voice).toBeUndefined();
    expect(cleared.audio?.output?.speed).toBe(1.1);
    const off = writeSessionField(full, 'audio.input.turn_detection', RealtimeOff);
    expect((off.toJson().audio?.input as JsonObject).turn_detection).toBeNull();
  });

  it('writing the same value returns the same request, and the model cannot be cleared', () => {
    expect(writeSessionField(full, 'audio.output.voice', 'marin')).toBe(full);
    expect(writeSessionField(full, 'model', undefined)).toBe(full);
  });

  it('maps issue and error paths to their field', () => {
    expect(sessionFieldOfPath('tools[2].name')).toBe('tools');
    expect(sessionFieldOfPath('session.tools[0].parameters.type')).toBe('tools');
    expect(sessionFieldOfPath('session.audio.output.voice')).toBe('audio.output.voice');
    expect(sessionFieldOfPath('audio.input.turn_detection.threshold')).toBe('audio.input.turn_detection');
    expect(sessionFieldOfPath('tool_choice.name')).toBe('tool_choice');
    expect(sessionFieldOfPath('audio')).toBeUndefined();
    expect(sessionFieldOfPath('session.__proto__')).toBeUndefined();
    expect(sessionFieldOfPath('')).toBeUndefined();
  });

  it('sessionFieldJson reads own properties only', () => {
    const json = JSON.parse('{"audio":{"__proto__":{"voice":"x"}}}') as JsonObject;
    expect(sessionFieldJson(json, 'audio.output.voice')).toBeUndefined();
    expect(sessionFieldJson({}, 'instructions')).toBeUndefined();
  });
});

describe('changedSessionFields', () => {
  it('lists the fields whose wire value differs, model included, and nothing for equal requests', () => {
    const edited = writeSessionField(writeSessionField(full, 'audio.output.voice', 'cedar'), 'model', 'gpt-realtime');
    expect(changedSessionFields(full, edited)).toEqual(['model', 'audio.output.voice']);
    expect(changedSessionFields(full, RealtimeSessionCreateRequest.fromJson(full.toJson()))).toEqual([]);
  });
});

describe('sessionFieldDefault', () => {
  it('reads the API default of each field as the model holds it', () => {
    expect(sessionFieldDefault('audio.output.voice')).toBe(REALTIME_SESSION_DEFAULTS.output.voice);
    expect(sessionFieldDefault('audio.output.speed')).toBe(1);
    expect(sessionFieldDefault('tool_choice')).toBe('auto');
    expect(sessionFieldDefault('reasoning')?.effort).toBe('low');
    expect(sessionFieldDefault('parallel_tool_calls')).toBe(true);
    expect(sessionFieldDefault('audio.input.turn_detection')).toMatchObject({ type: 'server_vad', threshold: 0.5 });
  });

  it('has none for the model, which every request names', () => {
    expect(sessionFieldDefault('model')).toBeUndefined();
  });
});

describe('withoutUnknownKey', () => {
  const withUnknown = RealtimeSessionCreateRequest.fromJson({
    model: 'gpt-realtime',
    tools: [{ type: 'function', name: 'lookup', strict_beta: true }],
  });

  it('removes one key the model does not know and keeps the rest', () => {
    expect(withUnknown.unknownKeys()).toEqual(['tools[0].strict_beta']);
    const cleaned = withoutUnknownKey(withUnknown, 'tools[0].strict_beta');
    expect(cleaned.unknownKeys()).toEqual([]);
    expect(cleaned.toJson()).toEqual({ model: 'gpt-realtime', tools: [{ type: 'function', name: 'lookup' }] });
  });

  it('returns the request itself for a path that is not an unknown key', () => {
    expect(withoutUnknownKey(withUnknown, 'tools[0].name')).toBe(withUnknown);
    expect(withoutUnknownKey(withUnknown, '__proto__.polluted')).toBe(withUnknown);
  });
});
