/**
 * What each Realtime model supports, for validation and for the forms. Model
 * ids the table does not know get `undefined`: callers must not guess.
 */

/** Realtime model ids named by the official schema. */
export const KNOWN_REALTIME_MODELS = [
  'gpt-realtime',
  'gpt-realtime-1.5',
  'gpt-realtime-2',
  'gpt-realtime-2.1',
  'gpt-realtime-2.1-mini',
  'gpt-realtime-2025-08-28',
  'gpt-4o-realtime-preview',
  'gpt-4o-realtime-preview-2024-10-01',
  'gpt-4o-realtime-preview-2024-12-17',
  'gpt-4o-realtime-preview-2025-06-03',
  'gpt-4o-mini-realtime-preview',
  'gpt-4o-mini-realtime-preview-2024-12-17',
  'gpt-realtime-mini',
  'gpt-realtime-mini-2025-10-06',
  'gpt-realtime-mini-2025-12-15',
  'gpt-audio-1.5',
  'gpt-audio-mini',
  'gpt-audio-mini-2025-10-06',
  'gpt-audio-mini-2025-12-15',
] as const;

/** What a model supports. */
export interface RealtimeModelCapabilities {
  /** Accepts `reasoning` and `parallel_tool_calls`. */
  readonly reasoning: boolean;
  /** The built-in voices it speaks with. */
  readonly voices: readonly string[];
}

/** Every built-in voice, in display order; `marin` and `cedar` first as the recommended ones. */
export const BUILT_IN_VOICES = Object.freeze([
  'marin',
  'cedar',
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'sage',
  'shimmer',
  'verse',
] as const);

/** The voices recommended for the best quality. */
export const RECOMMENDED_VOICES: ReadonlySet<string> = new Set(['marin', 'cedar']);

// marin and cedar arrived with the gpt-realtime models; the gpt-4o previews never had them.
const PREVIEW_VOICES = Object.freeze(BUILT_IN_VOICES.filter((voice) => !RECOMMENDED_VOICES.has(voice)));

const knownModels: ReadonlySet<string> = new Set(KNOWN_REALTIME_MODELS);

/**
 * The reasoning family: `gpt-realtime-2`, `gpt-realtime-2.1`,
 * `gpt-realtime-2.1-mini`, and later versions and dated snapshots of them.
 * Dated ids such as `gpt-realtime-2025-08-28` have a 4-digit "version" and are
 * excluded by the bound on the major number.
 */
const REASONING_FAMILY = /^gpt-realtime-(\d{1,3})(?:\.\d{1,3})?(?:-mini)?(?:-\d{4}-\d{2}-\d{2})?$/;

/**
 * The capabilities of a model id, or `undefined` when the table does not know it.
 *
 * @example
 * ```ts
 * getModelCapabilities('gpt-realtime-2'); // { reasoning: true, voices: ['marin', 'cedar', …] }
 * getModelCapabilities('gpt-realtime');   // { reasoning: false, voices: ['marin', 'cedar', …] }
 * getModelCapabilities('my-fine-tune');   // undefined
 * ```
 */
export function getModelCapabilities(model: string): RealtimeModelCapabilities | undefined {
  const family = REASONING_FAMILY.exec(model);
  if (family !== null && Number(family[1]) >= 2) return { reasoning: true, voices: BUILT_IN_VOICES };
  if (!knownModels.has(model)) return undefined;
  return { reasoning: false, voices: model.startsWith('gpt-4o-') ? PREVIEW_VOICES : BUILT_IN_VOICES };
}

/**
 * Whether a model accepts `reasoning` and `parallel_tool_calls`: `true`,
 * `false`, or `undefined` when the model is unknown.
 *
 * @example
 * ```ts
 * isReasoningModel('gpt-realtime-2.1-mini'); // true
 * ```
 */
export function isReasoningModel(model: string): boolean | undefined {
  return getModelCapabilities(model)?.reasoning;
}
