/*
 * The builders that turn the fact lists (models and voices in
 * capabilities.ts, value lists in enums.ts) into the ids, enum objects and
 * lookups the rest of the kit reads. They take the list as a parameter, so a
 * test can hand them a list with one more entry and see everything follow:
 * that is what makes adding a model or a voice a one-line change. Internal:
 * the public names are the results, not the builders.
 */
import type { RealtimeModelCapabilities, RealtimeModelFacts, RealtimeVoiceFacts } from './capabilities.js';

/**
 * The enum-like object of a list of values: each value keyed by itself, so
 * `RealtimeReasoningEffort.minimal === 'minimal'` while the list stays the
 * one place the values are written.
 *
 * @example
 * ```ts
 * const Effort = enumOf(['low', 'high'] as const);
 * Effort.low; // 'low', typed as 'low'
 * ```
 */
export function enumOf<const T extends readonly string[]>(values: T): { readonly [V in T[number]]: V } {
  return Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as { readonly [V in T[number]]: V };
}

/**
 * The ids of a list of entries, in list order, typed as the union of them.
 *
 * @example
 * ```ts
 * idsOf([{ id: 'marin' }, { id: 'cedar' }] as const); // ['marin', 'cedar'], typed readonly ('marin' | 'cedar')[]
 * ```
 */
export function idsOf<const T extends readonly { readonly id: string }[]>(entries: T): readonly T[number]['id'][] {
  return Object.freeze(entries.map((entry) => entry.id as T[number]['id']));
}

/**
 * The capabilities of each listed model, by id: `undefined` for an id the
 * list does not name. A model with `voices: 'classic'` gets only the voices
 * marked `classic`; every other model gets them all, in list order.
 *
 * @example
 * ```ts
 * const lookup = capabilityLookup(REALTIME_MODELS, REALTIME_VOICES);
 * lookup('gpt-realtime-2')?.reasoning; // true
 * ```
 */
export function capabilityLookup(
  models: readonly RealtimeModelFacts[],
  voices: readonly RealtimeVoiceFacts[],
): (model: string) => RealtimeModelCapabilities | undefined {
  const voiceSets = {
    all: Object.freeze(voices.map((voice) => voice.id)),
    classic: Object.freeze(voices.filter((voice) => voice.classic).map((voice) => voice.id)),
  };
  const table = new Map<string, RealtimeModelCapabilities>(
    models.map(({ id, reasoning, voices: voiceSet, deprecated }) => [
      id,
      Object.freeze({
        reasoning,
        voices: voiceSets[voiceSet],
        ...(deprecated === undefined ? {} : { deprecated: Object.freeze({ ...deprecated }) }),
      }),
    ]),
  );
  return (model) => table.get(model);
}
