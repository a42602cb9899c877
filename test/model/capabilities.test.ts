import { describe, expect, it } from 'vitest';
import { getModelCapabilities, isReasoningModel, KNOWN_REALTIME_MODELS } from '../../src/model/index.js';
import schema from './fixtures/realtime-session.schema.json' with { type: 'json' };

describe('model capability table', () => {
  it('knows every model id the official schema names', () => {
    const modelEnum = schema.$defs.RealtimeSessionCreateRequestGA.properties.model.anyOf[1]?.enum;
    expect([...KNOWN_REALTIME_MODELS].sort()).toStrictEqual([...(modelEnum ?? [])].sort());
    for (const model of KNOWN_REALTIME_MODELS) expect(getModelCapabilities(model)).toBeDefined();
  });

  it.each([
    'gpt-realtime-2',
    'gpt-realtime-2.1',
    'gpt-realtime-2.1-mini',
    'gpt-realtime-2.2',
    'gpt-realtime-3',
    'gpt-realtime-2-2026-03-01',
  ])('treats %s as a reasoning model', (model) => expect(isReasoningModel(model)).toBe(true));

  it.each([
    'gpt-realtime',
    'gpt-realtime-1.5',
    'gpt-realtime-2025-08-28',
    'gpt-realtime-mini',
    'gpt-4o-realtime-preview',
    'gpt-audio-1.5',
  ])('treats %s as not reasoning', (model) => expect(isReasoningModel(model)).toBe(false));

  it.each(['my-fine-tune', '', 'gpt-realtime-2x', 'GPT-REALTIME-2'])('does not guess for %j', (model) => {
    expect(getModelCapabilities(model)).toBeUndefined();
  });
});
