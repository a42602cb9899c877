import { defineModel, readContext, readSafely, RealtimeModel, type ExtraInit } from './base.js';
import {
  booleanCodec,
  discriminatedCodec,
  fixed,
  modelCodec,
  numberCodec,
  oneOf,
  stringArrayCodec,
  stringCodec,
  stringOrCodec,
  type FromJsonOptions,
} from './codec.js';
import {
  RealtimeAudioFormatType,
  RealtimeEagerness,
  RealtimeNoiseReductionType,
  RealtimeTranscriptionDelay,
  type RealtimeTranscriptionModel,
  type RealtimeVoice,
  type PCM_SAMPLE_RATE,
} from './enums.js';
import { RealtimeOff } from './off.js';
import { atLeastOne, REALTIME_LIMITS } from './rules.js';

// ---------------------------------------------------------------- audio format

export interface RealtimeAudioFormatInit extends ExtraInit {
  /** `audio/pcm` (16-bit PCM), `audio/pcmu` (G.711 μ-law) or `audio/pcma` (G.711 A-law). */
  readonly type?: RealtimeAudioFormatType;
  /** Sample rate; `audio/pcm` supports only 24000. */
  readonly rate?: number;
}

/** Wire JSON of {@link RealtimeAudioFormat}. */
export interface RealtimeAudioFormatJson {
  type?: RealtimeAudioFormatType;
  rate?: typeof PCM_SAMPLE_RATE;
}

/**
 * An input or output audio encoding.
 *
 * @example
 * ```ts
 * new RealtimeAudioFormat({ type: 'audio/pcm', rate: 24000 }).toJson(); // { type: 'audio/pcm', rate: 24000 }
 * ```
 */
export class RealtimeAudioFormat extends RealtimeModel<RealtimeAudioFormatJson, RealtimeAudioFormatInit> {
  declare readonly type?: RealtimeAudioFormatType;
  declare readonly rate?: number;

  static {
    defineModel(this, 'RealtimeAudioFormat', {
      type: oneOf(RealtimeAudioFormatType),
      rate: { codec: numberCodec },
    });
  }
}

// ---------------------------------------------------------------- transcription

export interface RealtimeTranscriptionInit extends ExtraInit {
  /** Transcription model, for example `gpt-4o-transcribe`. */
  readonly model?: RealtimeTranscriptionModel;
  /** ISO-639-1 language of the input audio (`en`). */
  readonly language?: string;
  /** Possible input languages (`gpt-transcribe`, `gpt-live-transcribe`); at least one. */
  readonly languages?: readonly string[];
  /** Words or phrases that guide transcription. */
  readonly keywords?: readonly string[];
  /** Text guiding the transcription style, or keywords for `whisper-1`. */
  readonly prompt?: string;
  /** How long to wait before emitting text (`gpt-realtime-whisper` only). */
  readonly delay?: RealtimeTranscriptionDelay;
}

/** Wire JSON of {@link RealtimeTranscription}. */
export interface RealtimeTranscriptionJson {
  model?: RealtimeTranscriptionModel;
  language?: string;
  languages?: string[];
  keywords?: string[];
  prompt?: string;
  delay?: RealtimeTranscriptionDelay;
}

/**
 * Asynchronous transcription of the user's audio. Off by default; set
 * `transcription: RealtimeTranscription.off` to turn it off again.
 *
 * @example
 * ```ts
 * new RealtimeTranscription({ model: 'gpt-4o-transcribe', language: 'en' });
 * ```
 */
export class RealtimeTranscription extends RealtimeModel<RealtimeTranscriptionJson, RealtimeTranscriptionInit> {
  /** Turns transcription off (`null` on the wire). */
  static readonly off = RealtimeOff;

  declare readonly model?: RealtimeTranscriptionModel;
  declare readonly language?: string;
  declare readonly languages?: readonly string[];
  declare readonly keywords?: readonly string[];
  declare readonly prompt?: string;
  declare readonly delay?: RealtimeTranscriptionDelay;

  static {
    defineModel(this, 'RealtimeTranscription', {
      model: { codec: stringCodec, nonEmpty: true },
      language: { codec: stringCodec },
      languages: { codec: stringArrayCodec, check: atLeastOne('language') },
      keywords: { codec: stringArrayCodec },
      prompt: { codec: stringCodec },
      delay: oneOf(RealtimeTranscriptionDelay),
    });
  }
}

// ---------------------------------------------------------------- noise reduction

export interface RealtimeNoiseReductionInit extends ExtraInit {
  /** `near_field` for headsets, `far_field` for laptop or room microphones. */
  readonly type?: RealtimeNoiseReductionType;
  /**
   * How hard noise is suppressed; higher suppresses more. Server default 1
   * when noise reduction is first turned on; leaving it out of an update keeps
   * the current strength.
   */
  readonly strength?: number;
}

/** Wire JSON of {@link RealtimeNoiseReduction}. */
export interface RealtimeNoiseReductionJson {
  type?: RealtimeNoiseReductionType;
  strength?: number;
}

/**
 * Input noise reduction, applied before VAD and the model. Off by default;
 * `RealtimeNoiseReduction.off` turns it off again.
 *
 * @example
 * ```ts
 * new RealtimeNoiseReduction({ type: 'near_field', strength: 0.8 });
 * ```
 */
export class RealtimeNoiseReduction extends RealtimeModel<RealtimeNoiseReductionJson, RealtimeNoiseReductionInit> {
  /** Turns noise reduction off (`null` on the wire). */
  static readonly off = RealtimeOff;

  declare readonly type?: RealtimeNoiseReductionType;
  declare readonly strength?: number;

  static {
    defineModel(this, 'RealtimeNoiseReduction', {
      type: oneOf(RealtimeNoiseReductionType),
      // The API gives no bounds; a negative suppression means nothing.
      strength: { codec: numberCodec, range: { min: 0 } },
    });
  }
}

// ---------------------------------------------------------------- turn detection

export interface RealtimeServerVadInit extends ExtraInit {
  readonly type?: 'server_vad';
  /** Activation threshold, 0 to 1. Server default 0.5. */
  readonly threshold?: number;
  /** Audio kept before detected speech, in ms. Server default 300. */
  readonly prefixPaddingMs?: number;
  /** Silence that ends the turn, in ms. */
  readonly silenceDurationMs?: number;
  /** Respond automatically when speech stops. Server default `true`. */
  readonly createResponse?: boolean;
  /** Cancel the ongoing response when speech starts. Server default `true`. */
  readonly interruptResponse?: boolean;
  /** Prompt the user after this much silence, 5000–30000 ms; {@link RealtimeOff} for never. */
  readonly idleTimeoutMs?: number | RealtimeOff;
}

/** Wire JSON of {@link RealtimeServerVad}. */
export interface RealtimeServerVadJson {
  type: 'server_vad';
  threshold?: number;
  prefix_padding_ms?: number;
  silence_duration_ms?: number;
  create_response?: boolean;
  interrupt_response?: boolean;
  idle_timeout_ms?: number | null;
}

/**
 * Turn detection by audio volume: the turn ends after a period of silence.
 *
 * @example
 * ```ts
 * new RealtimeServerVad({ threshold: 0.6, silenceDurationMs: 400, idleTimeoutMs: 10000 });
 * ```
 */
export class RealtimeServerVad extends RealtimeModel<RealtimeServerVadJson, RealtimeServerVadInit, 'type'> {
  declare readonly type: 'server_vad';
  declare readonly threshold?: number;
  declare readonly prefixPaddingMs?: number;
  declare readonly silenceDurationMs?: number;
  declare readonly createResponse?: boolean;
  declare readonly interruptResponse?: boolean;
  declare readonly idleTimeoutMs?: number | RealtimeOff;

  static {
    defineModel(this, 'RealtimeServerVad', {
      type: fixed('server_vad'),
      threshold: { codec: numberCodec, range: REALTIME_LIMITS.vadThreshold },
      prefixPaddingMs: { codec: numberCodec, range: { min: 0, integer: true } },
      silenceDurationMs: { codec: numberCodec, range: { min: 0, integer: true } },
      createResponse: { codec: booleanCodec },
      interruptResponse: { codec: booleanCodec },
      idleTimeoutMs: { codec: numberCodec, nullable: true, range: { ...REALTIME_LIMITS.idleTimeoutMs, integer: true } },
    });
  }
}

export interface RealtimeSemanticVadInit extends ExtraInit {
  readonly type?: 'semantic_vad';
  /** How soon to end the user's turn; `auto` (the default) is `medium`. */
  readonly eagerness?: RealtimeEagerness;
  /** Respond automatically when the turn ends. Server default `true`. */
  readonly createResponse?: boolean;
  /** Cancel the ongoing response when speech starts. Server default `true`. */
  readonly interruptResponse?: boolean;
}

/** Wire JSON of {@link RealtimeSemanticVad}. */
export interface RealtimeSemanticVadJson {
  type: 'semantic_vad';
  eagerness?: RealtimeEagerness;
  create_response?: boolean;
  interrupt_response?: boolean;
}

/**
 * Turn detection by a model that judges whether the user has finished.
 *
 * @example
 * ```ts
 * new RealtimeSemanticVad({ eagerness: 'low' });
 * ```
 */
export class RealtimeSemanticVad extends RealtimeModel<RealtimeSemanticVadJson, RealtimeSemanticVadInit, 'type'> {
  declare readonly type: 'semantic_vad';
  declare readonly eagerness?: RealtimeEagerness;
  declare readonly createResponse?: boolean;
  declare readonly interruptResponse?: boolean;

  static {
    defineModel(this, 'RealtimeSemanticVad', {
      type: fixed('semantic_vad'),
      eagerness: oneOf(RealtimeEagerness),
      createResponse: { codec: booleanCodec },
      interruptResponse: { codec: booleanCodec },
    });
  }
}

/** Turn detection: server VAD, semantic VAD, or {@link RealtimeOff} (push-to-talk: the client commits turns). */
export type RealtimeTurnDetection = RealtimeServerVad | RealtimeSemanticVad | RealtimeOff;
/** Init form of {@link RealtimeTurnDetection}: an instance, or a plain init with its `type`. */
export type RealtimeTurnDetectionInit =
  | RealtimeTurnDetection
  | (RealtimeServerVadInit & { readonly type: 'server_vad' })
  | (RealtimeSemanticVadInit & { readonly type: 'semantic_vad' });

/**
 * Helpers for {@link RealtimeTurnDetection}.
 *
 * @example
 * ```ts
 * const input = new RealtimeAudioConfigInput({ turnDetection: RealtimeTurnDetection.off });
 * ```
 */
export const RealtimeTurnDetection = {
  /** No turn detection (`null` on the wire). */
  off: RealtimeOff,
  /** Reads `server_vad` or `semantic_vad` JSON; `null` reads as off. */
  fromJson(json: unknown, options?: FromJsonOptions): RealtimeTurnDetection {
    if (json === null) return RealtimeOff;
    return readSafely(() => turnDetectionCodec.read(json, '', readContext(options)));
  },
} as const;

const turnDetectionCodec = discriminatedCodec<RealtimeServerVad | RealtimeSemanticVad>({
  server_vad: RealtimeServerVad,
  semantic_vad: RealtimeSemanticVad,
});

// ---------------------------------------------------------------- voice

export interface RealtimeCustomVoiceInit extends ExtraInit {
  /** The custom voice id, for example `voice_1234`. */
  readonly id: string;
}

/** Wire JSON of {@link RealtimeCustomVoice}. */
export interface RealtimeCustomVoiceJson {
  id: string;
}

/**
 * A custom voice, given by id.
 *
 * @example
 * ```ts
 * new RealtimeAudioConfigOutput({ voice: new RealtimeCustomVoice({ id: 'voice_1234' }) });
 * ```
 */
export class RealtimeCustomVoice extends RealtimeModel<RealtimeCustomVoiceJson, RealtimeCustomVoiceInit> {
  declare readonly id: string;

  static {
    defineModel(this, 'RealtimeCustomVoice', { id: { codec: stringCodec, required: true, nonEmpty: true } });
  }
}

// ---------------------------------------------------------------- input and output

export interface RealtimeAudioConfigInputInit extends ExtraInit {
  /** Encoding of the audio the client sends. */
  readonly format?: RealtimeAudioFormat | RealtimeAudioFormatInit;
  /** Transcription of the user's audio, or {@link RealtimeOff}. */
  readonly transcription?: RealtimeTranscription | RealtimeTranscriptionInit | RealtimeOff;
  /** Noise reduction, or {@link RealtimeOff}. */
  readonly noiseReduction?: RealtimeNoiseReduction | RealtimeNoiseReductionInit | RealtimeOff;
  /** Server VAD, semantic VAD, or {@link RealtimeOff} for push-to-talk. */
  readonly turnDetection?: RealtimeTurnDetectionInit;
}

/**
 * Wire JSON of {@link RealtimeAudioConfigInput}. An explicit off is written as
 * `null`, which the API accepts for `transcription` and `noise_reduction` too,
 * although the `openai` package's types leave that `null` out.
 */
export interface RealtimeAudioConfigInputJson {
  format?: RealtimeAudioFormatJson;
  transcription?: RealtimeTranscriptionJson;
  noise_reduction?: RealtimeNoiseReductionJson;
  turn_detection?: RealtimeServerVadJson | RealtimeSemanticVadJson | null;
}

/**
 * Input audio settings: format, transcription, noise reduction, turn detection.
 *
 * @example
 * ```ts
 * new RealtimeAudioConfigInput({
 *   transcription: { model: 'gpt-4o-transcribe' },
 *   turnDetection: { type: 'semantic_vad', eagerness: 'high' },
 * });
 * ```
 */
export class RealtimeAudioConfigInput extends RealtimeModel<
  RealtimeAudioConfigInputJson,
  RealtimeAudioConfigInputInit
> {
  declare readonly format?: RealtimeAudioFormat;
  declare readonly transcription?: RealtimeTranscription | RealtimeOff;
  declare readonly noiseReduction?: RealtimeNoiseReduction | RealtimeOff;
  declare readonly turnDetection?: RealtimeTurnDetection;

  static {
    defineModel(this, 'RealtimeAudioConfigInput', {
      format: { codec: modelCodec(RealtimeAudioFormat) },
      transcription: { codec: modelCodec(RealtimeTranscription), nullable: true },
      noiseReduction: { codec: modelCodec(RealtimeNoiseReduction), nullable: true },
      turnDetection: { codec: turnDetectionCodec, nullable: true },
    });
  }
}

export interface RealtimeAudioConfigOutputInit extends ExtraInit {
  /** Encoding of the audio the server sends. */
  readonly format?: RealtimeAudioFormat | RealtimeAudioFormatInit;
  /** A built-in voice id or a custom voice. Cannot change after the model has spoken. */
  readonly voice?: RealtimeVoice | RealtimeCustomVoice | RealtimeCustomVoiceInit;
  /** Speaking speed, 0.25 to 1.5. Server default 1. */
  readonly speed?: number;
}

/** Wire JSON of {@link RealtimeAudioConfigOutput}. */
export interface RealtimeAudioConfigOutputJson {
  format?: RealtimeAudioFormatJson;
  voice?: RealtimeVoice | RealtimeCustomVoiceJson;
  speed?: number;
}

/**
 * Output audio settings: format, voice, speed.
 *
 * @example
 * ```ts
 * new RealtimeAudioConfigOutput({ voice: 'marin', speed: 1.1 });
 * ```
 */
export class RealtimeAudioConfigOutput extends RealtimeModel<
  RealtimeAudioConfigOutputJson,
  RealtimeAudioConfigOutputInit
> {
  declare readonly format?: RealtimeAudioFormat;
  declare readonly voice?: RealtimeVoice | RealtimeCustomVoice;
  declare readonly speed?: number;

  static {
    defineModel(this, 'RealtimeAudioConfigOutput', {
      format: { codec: modelCodec(RealtimeAudioFormat) },
      voice: { codec: stringOrCodec(modelCodec(RealtimeCustomVoice)), nonEmpty: true },
      speed: { codec: numberCodec, range: REALTIME_LIMITS.speed },
    });
  }
}

export interface RealtimeAudioConfigInit extends ExtraInit {
  readonly input?: RealtimeAudioConfigInput | RealtimeAudioConfigInputInit;
  readonly output?: RealtimeAudioConfigOutput | RealtimeAudioConfigOutputInit;
}

/** Wire JSON of {@link RealtimeAudioConfig}. */
export interface RealtimeAudioConfigJson {
  input?: RealtimeAudioConfigInputJson;
  output?: RealtimeAudioConfigOutputJson;
}

/**
 * Input and output audio settings.
 *
 * @example
 * ```ts
 * new RealtimeAudioConfig({ output: { voice: 'alloy' } });
 * ```
 */
export class RealtimeAudioConfig extends RealtimeModel<RealtimeAudioConfigJson, RealtimeAudioConfigInit> {
  declare readonly input?: RealtimeAudioConfigInput;
  declare readonly output?: RealtimeAudioConfigOutput;

  static {
    defineModel(this, 'RealtimeAudioConfig', {
      input: { codec: modelCodec(RealtimeAudioConfigInput) },
      output: { codec: modelCodec(RealtimeAudioConfigOutput) },
    });
  }
}

/** The quiet end of {@link loudness}: room noise on a laptop microphone sits around -60 to -50 dBFS. */
const LOUDNESS_FLOOR_DBFS = -60;

/**
 * An RMS amplitude (0 to 1 of full scale) on a 0 to 1 scale that follows the ear: linear in dB from
 * -60 dBFS (0) to full scale (1). Speech at -30 to -15 dBFS lands mid-scale, where a linear RMS would
 * barely leave the bottom; the emulator's turn detection reads `threshold` on this scale too, so a meter
 * drawn with it shows where the threshold lies.
 *
 * @example
 * ```ts
 * loudness(0.0316); // ≈ 0.5 (-30 dBFS)
 * loudness(0); // 0
 * ```
 */
export function loudness(rms: number): number {
  if (!(rms > 0)) return 0;
  const dbfs = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (dbfs - LOUDNESS_FLOOR_DBFS) / -LOUDNESS_FLOOR_DBFS));
}
