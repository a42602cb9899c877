import { RealtimeTranscriptionModel, TRANSCRIPTION_MODEL_SUPPORT } from '../../model/index.js';

/** An option of a transcription that only some models take. */
export type TranscriptionOption = 'prompt' | 'languages' | 'keywords' | 'delay';

/** What a transcription model cannot do, each with the reason a form shows. */
export interface TranscriptionModelLimits {
  /** The options it does not take, by option, with why. */
  readonly unsupported: Readonly<Partial<Record<TranscriptionOption, string>>>;
  /** Set when the model needs turn detection off (it does not work with VAD), with why. */
  readonly needsTurnDetectionOff?: string;
}

/** Every transcription model the schema names, in the order a picker lists them. */
export const TRANSCRIPTION_MODELS: readonly string[] = Object.freeze(Object.values(RealtimeTranscriptionModel));

const { lists, delay, noPrompt, noTurnDetection } = TRANSCRIPTION_MODEL_SUPPORT;

const NONE: TranscriptionModelLimits = Object.freeze({ unsupported: Object.freeze({}) });
const cache = new Map<string, TranscriptionModelLimits>();

/**
 * What a transcription model cannot do, from the official schema: only
 * `gpt-transcribe` and `gpt-live-transcribe` take a list of languages and
 * keywords, only `gpt-realtime-whisper` takes a delay, and it takes no prompt
 * and needs turn detection off; `gpt-4o-transcribe-diarize` takes no prompt.
 * A model the schema does not name gets no limits: the form must not guess.
 *
 * The rules come from `TRANSCRIPTION_MODEL_SUPPORT`, which
 * `validateSessionRequest` enforces too; these are the forms' words for them.
 *
 * @example
 * ```ts
 * transcriptionModelLimits('gpt-realtime-whisper').unsupported.prompt; // 'gpt-realtime-whisper takes no prompt.'
 * transcriptionModelLimits('my-model').unsupported; // {}
 * ```
 */
export function transcriptionModelLimits(model: string | undefined): TranscriptionModelLimits {
  if (model === undefined || !TRANSCRIPTION_MODELS.includes(model)) return NONE;
  let limits = cache.get(model);
  if (limits === undefined) {
    const unsupported: Partial<Record<TranscriptionOption, string>> = {};
    if (!lists.has(model)) {
      unsupported.languages = 'Only gpt-transcribe and gpt-live-transcribe take a list of languages.';
      unsupported.keywords = 'Only gpt-transcribe and gpt-live-transcribe take keywords.';
    }
    if (!delay.has(model)) unsupported.delay = 'Only gpt-realtime-whisper takes a delay.';
    if (noPrompt.has(model)) unsupported.prompt = `${model} takes no prompt.`;
    limits = Object.freeze({
      unsupported: Object.freeze(unsupported),
      ...(noTurnDetection.has(model)
        ? {
            needsTurnDetectionOff: `${model} needs turn detection off: it does not work with voice activity detection.`,
          }
        : {}),
    });
    cache.set(model, limits);
  }
  return limits;
}
