import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_VOICES,
  getModelCapabilities,
  isReasoningModel,
  KNOWN_REALTIME_MODELS,
  REALTIME_MODELS,
  RECOMMENDED_VOICES,
} from '../../src/model/index.js';
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

describe('voices per model', () => {
  it('offers all ten built-in voices on gpt-realtime models, marin and cedar first', () => {
    expect(getModelCapabilities('gpt-realtime')?.voices).toEqual(BUILT_IN_VOICES);
    expect(getModelCapabilities('gpt-realtime-2.1-mini')?.voices).toHaveLength(10);
    expect(BUILT_IN_VOICES.slice(0, 2)).toEqual(['marin', 'cedar']);
  });

  it('leaves marin and cedar out on the gpt-4o previews', () => {
    const voices = getModelCapabilities('gpt-4o-realtime-preview')?.voices ?? [];
    expect(voices).toHaveLength(8);
    expect(voices).not.toContain('marin');
    expect(voices).not.toContain('cedar');
  });
});

describe('recommended voices', () => {
  it('are marin and cedar', () => {
    expect([...RECOMMENDED_VOICES]).toStrictEqual(['marin', 'cedar']);
  });
});

describe('deprecation', () => {
  it('marks gpt-realtime as shutting down on 2027-01-20, for gpt-realtime-2', () => {
    expect(getModelCapabilities('gpt-realtime')?.deprecated).toStrictEqual({
      shutdownDate: '2027-01-20',
      replacement: 'gpt-realtime-2',
    });
    expect(getModelCapabilities('gpt-realtime-2')?.deprecated).toBeUndefined();
  });

  it('names a real date and a listed, current replacement for every deprecated model', () => {
    for (const model of REALTIME_MODELS) {
      if (!('deprecated' in model)) continue;
      const { shutdownDate, replacement } = model.deprecated;
      expect(new Date(`${shutdownDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(shutdownDate);
      expect(getModelCapabilities(replacement)).toBeDefined();
      expect(getModelCapabilities(replacement)?.deprecated).toBeUndefined();
    }
  });
});

describe('the list and the reasoning family agree', () => {
  it('lists every family member as reasoning, so the family rule only covers unlisted ids', () => {
    const family = /^gpt-realtime-([2-9]|\d{2,3})(?:\.\d{1,3})?(?:-mini)?(?:-\d{4}-\d{2}-\d{2})?$/;
    for (const model of REALTIME_MODELS) expect(model.reasoning, model.id).toBe(family.test(model.id));
  });
});
