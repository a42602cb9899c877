/**
 * What each Realtime model supports, for validation and for the forms: one
 * list of models and one list of voices. Adding a model or a voice is one
 * line in a list; the ids, types, enum objects and lookups are derived from
 * them. Model ids the list does not know get `undefined`: callers must not guess.
 */
import { capabilityLookup, idsOf } from './derive.js';

/** A model's announced end: when it stops working, and what to move to. */
export interface RealtimeModelDeprecation {
  /** The day the API stops serving the model, as `YYYY-MM-DD`. */
  readonly shutdownDate: string;
  /** The model to move to. */
  readonly replacement?: string;
}

/** One entry of {@link REALTIME_MODELS}. */
export interface RealtimeModelFacts {
  readonly id: string;
  /** Accepts the {@link REASONING_MODEL_FIELDS}: `reasoning` and `parallel_tool_calls`. */
  readonly reasoning: boolean;
  /** Speaks `all` built-in voices, or only the `classic` ones (the gpt-4o previews predate marin and cedar). */
  readonly voices: 'all' | 'classic';
  /** Set once OpenAI has announced a shutdown, so pickers can warn. */
  readonly deprecated?: RealtimeModelDeprecation;
}

/** One entry of {@link REALTIME_VOICES}. */
export interface RealtimeVoiceFacts {
  readonly id: string;
  /** Recommended for the best quality. */
  readonly recommended: boolean;
  /** Spoken by every model, the `voices: 'classic'` ones (gpt-4o previews) included. */
  readonly classic: boolean;
}

/**
 * The session fields only reasoning models accept (`reasoning: true` in
 * {@link REALTIME_MODELS}); other models refuse them, and their sessions do
 * not report them.
 *
 * @example
 * ```ts
 * const offered = fields.filter((field) => isReasoningModel(model) !== false || !REASONING_MODEL_FIELDS.includes(field));
 * ```
 */
export const REASONING_MODEL_FIELDS = Object.freeze(['reasoning', 'parallel_tool_calls'] as const);

/** What a model supports. */
export interface RealtimeModelCapabilities {
  /** Accepts `reasoning` and `parallel_tool_calls`. */
  readonly reasoning: boolean;
  /** The built-in voices it speaks with. */
  readonly voices: readonly string[];
  /** When it shuts down and what replaces it; absent while the model is current. */
  readonly deprecated?: RealtimeModelDeprecation;
}

/** Entries of models that share their facts: each id written once, the facts once per family. */
function sharing<const Ids extends readonly string[], const Facts extends Omit<RealtimeModelFacts, 'id'>>(
  facts: Facts,
  ids: Ids,
): readonly ({ readonly id: Ids[number] } & Facts)[] {
  return ids.map((id) => ({ id, ...facts }));
}

/**
 * Every Realtime model id the official schema names, with what it supports:
 * the one place a model is written. Add a model here and it is known to
 * validation, to the `KnownRealtimeModelId` type and to the pickers.
 *
 * @example
 * ```ts
 * const current = REALTIME_MODELS.filter((model) => !('deprecated' in model));
 * ```
 */
export const REALTIME_MODELS = Object.freeze([
  {
    id: 'gpt-realtime',
    reasoning: false,
    voices: 'all',
    deprecated: { shutdownDate: '2027-01-20', replacement: 'gpt-realtime-2' },
  },
  ...sharing({ reasoning: false, voices: 'all' }, ['gpt-realtime-1.5']),
  ...sharing({ reasoning: true, voices: 'all' }, ['gpt-realtime-2', 'gpt-realtime-2.1', 'gpt-realtime-2.1-mini']),
  ...sharing({ reasoning: false, voices: 'all' }, ['gpt-realtime-2025-08-28']),
  ...sharing({ reasoning: false, voices: 'classic' }, [
    'gpt-4o-realtime-preview',
    'gpt-4o-realtime-preview-2024-10-01',
    'gpt-4o-realtime-preview-2024-12-17',
    'gpt-4o-realtime-preview-2025-06-03',
    'gpt-4o-mini-realtime-preview',
    'gpt-4o-mini-realtime-preview-2024-12-17',
  ]),
  ...sharing({ reasoning: false, voices: 'all' }, [
    'gpt-realtime-mini',
    'gpt-realtime-mini-2025-10-06',
    'gpt-realtime-mini-2025-12-15',
    'gpt-audio-1.5',
    'gpt-audio-mini',
    'gpt-audio-mini-2025-10-06',
    'gpt-audio-mini-2025-12-15',
  ]),
] as const satisfies readonly RealtimeModelFacts[]);

/**
 * Every built-in voice, in display order (the recommended ones first): the
 * one place a voice is written. `classic` voices are the eight the gpt-4o
 * previews speak too; marin and cedar arrived with the gpt-realtime models.
 *
 * @example
 * ```ts
 * const options = REALTIME_VOICES.map(({ id, recommended }) => ({ value: id, recommended }));
 * ```
 */
export const REALTIME_VOICES = Object.freeze([
  { id: 'marin', recommended: true, classic: false },
  { id: 'cedar', recommended: true, classic: false },
  { id: 'alloy', recommended: false, classic: true },
  { id: 'ash', recommended: false, classic: true },
  { id: 'ballad', recommended: false, classic: true },
  { id: 'coral', recommended: false, classic: true },
  { id: 'echo', recommended: false, classic: true },
  { id: 'sage', recommended: false, classic: true },
  { id: 'shimmer', recommended: false, classic: true },
  { id: 'verse', recommended: false, classic: true },
] as const satisfies readonly RealtimeVoiceFacts[]);

/** A model id of {@link REALTIME_MODELS}. */
export type KnownRealtimeModelId = (typeof REALTIME_MODELS)[number]['id'];

/** A voice id of {@link REALTIME_VOICES}. */
export type RealtimeBuiltInVoice = (typeof REALTIME_VOICES)[number]['id'];

/**
 * The model used where a session names none: secrets the emulator mints without
 * one, `createClientSecretHandler`'s default session, and the request a
 * component holds before it is given one. The current GA model, since
 * `gpt-realtime` shuts down on 2027-01-20.
 *
 * @example
 * ```ts
 * new RealtimeSessionCreateRequest({ model: DEFAULT_REALTIME_MODEL }).toJson(); // { model: 'gpt-realtime-2' }
 * ```
 */
export const DEFAULT_REALTIME_MODEL = 'gpt-realtime-2' satisfies KnownRealtimeModelId;

/**
 * What the transcription models take, from the official schema: only
 * `gpt-transcribe` and `gpt-live-transcribe` take lists of `languages` and
 * `keywords`; only `gpt-realtime-whisper` takes a `delay`, and it takes no
 * `prompt` and needs turn detection off; `gpt-4o-transcribe-diarize` takes no
 * `prompt` either. Validation and the forms both read it.
 *
 * @example
 * ```ts
 * TRANSCRIPTION_MODEL_SUPPORT.noPrompt.has('gpt-realtime-whisper'); // true
 * ```
 */
export const TRANSCRIPTION_MODEL_SUPPORT: {
  /** Models that take `languages` and `keywords`. */
  readonly lists: ReadonlySet<string>;
  /** Models that take a `delay`. */
  readonly delay: ReadonlySet<string>;
  /** Models that take no `prompt`. */
  readonly noPrompt: ReadonlySet<string>;
  /** Models that need `turn_detection: null`: they do not work with voice activity detection. */
  readonly noTurnDetection: ReadonlySet<string>;
} = Object.freeze({
  lists: new Set(['gpt-transcribe', 'gpt-live-transcribe']),
  delay: new Set(['gpt-realtime-whisper']),
  noPrompt: new Set(['gpt-4o-transcribe-diarize', 'gpt-realtime-whisper']),
  noTurnDetection: new Set(['gpt-realtime-whisper']),
});

/** Realtime model ids named by the official schema, in {@link REALTIME_MODELS} order. */
export const KNOWN_REALTIME_MODELS: readonly KnownRealtimeModelId[] = idsOf(REALTIME_MODELS);

/** Every built-in voice, in display order; `marin` and `cedar` first as the recommended ones. */
export const BUILT_IN_VOICES: readonly RealtimeBuiltInVoice[] = idsOf(REALTIME_VOICES);

/** The voices recommended for the best quality. */
export const RECOMMENDED_VOICES: ReadonlySet<string> = new Set(
  idsOf(REALTIME_VOICES.filter((voice) => voice.recommended)),
);

const listedCapabilities = capabilityLookup(REALTIME_MODELS, REALTIME_VOICES);

/**
 * The reasoning family: `gpt-realtime-2`, `gpt-realtime-2.1`,
 * `gpt-realtime-2.1-mini`, and later versions and dated snapshots of them, so
 * a new snapshot is validated before it is listed. Dated ids such as
 * `gpt-realtime-2025-08-28` have a 4-digit "version" and are excluded by the
 * bound on the major number.
 */
const REASONING_FAMILY = /^gpt-realtime-(\d{1,3})(?:\.\d{1,3})?(?:-mini)?(?:-\d{4}-\d{2}-\d{2})?$/;
const UNLISTED_REASONING: RealtimeModelCapabilities = Object.freeze({ reasoning: true, voices: BUILT_IN_VOICES });

/**
 * The capabilities of a model id, or `undefined` when it is neither listed in
 * {@link REALTIME_MODELS} nor a later member of the reasoning family.
 *
 * @example
 * ```ts
 * getModelCapabilities('gpt-realtime-2'); // { reasoning: true, voices: ['marin', 'cedar', …] }
 * getModelCapabilities('gpt-realtime');   // { reasoning: false, voices: […], deprecated: { shutdownDate: '2027-01-20', … } }
 * getModelCapabilities('my-fine-tune');   // undefined
 * ```
 */
export function getModelCapabilities(model: string): RealtimeModelCapabilities | undefined {
  const listed = listedCapabilities(model);
  if (listed !== undefined) return listed;
  const family = REASONING_FAMILY.exec(model);
  return family !== null && Number(family[1]) >= 2 ? UNLISTED_REASONING : undefined;
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
