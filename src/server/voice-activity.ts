/*
 * The emulator's turn detection: a plain energy detector standing in for the
 * API's VAD model. It reads the same settings (`threshold`,
 * `prefix_padding_ms`, `silence_duration_ms`) so that changing them live has
 * the effect a developer expects, on audio from a WebRTC track or from
 * `input_audio_buffer.append`.
 */
import { DEFAULT_TURN_DETECTION, loudness } from '../model/index.js';

/** The span of audio each decision is made on; the API's VAD works on windows of this order too. */
const WINDOW_MS = 10;

/** The settings of a turn detection config the detector honours. */
export interface VoiceActivitySettings {
  /** 0 to 1: the level (see {@link energyLevel}) above which audio counts as speech. */
  readonly threshold: number;
  /** Audio before the detected start that belongs to the turn, in ms. */
  readonly prefixPaddingMs: number;
  /** Silence that ends a turn, in ms. */
  readonly silenceDurationMs: number;
}

/** What one batch of audio changed. Times are in ms of input audio since the session started, as the API counts them. */
export type VoiceActivityEvent =
  | { readonly type: 'speech_started'; readonly audioStartMs: number }
  | { readonly type: 'speech_stopped'; readonly audioEndMs: number };

/**
 * The level of PCM16 samples: their RMS on the {@link loudness} scale (-60 dBFS is 0, full scale 1). A
 * `threshold` of 0.5 is then -30 dBFS, about a voice at arm's length from a laptop microphone.
 *
 * @example
 * ```ts
 * energyLevel(new Int16Array(480)); // 0 (silence)
 * ```
 */
export function energyLevel(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return loudness(Math.sqrt(sum / samples.length) / 32768);
}

/** A running detector over one session's input audio. */
export interface VoiceActivityDetector {
  /**
   * Reads the next samples with the settings in force now (so a threshold
   * changed mid-turn applies from the next window), and returns what started
   * or stopped in them.
   */
  push(samples: Int16Array, sampleRate: number, settings: VoiceActivitySettings): readonly VoiceActivityEvent[];
  /** Ms of input audio read so far: the clock the events' times are on. */
  readonly audioMs: number;
  /** Whether a turn is in progress. */
  readonly speaking: boolean;
  /** Forgets a turn in progress without an event (the buffer was cleared, or turn detection turned off). */
  reset(): void;
}

/**
 * Energy-based turn detection: speech starts in the first window whose level
 * passes `threshold` (reported `prefixPaddingMs` earlier, as the API includes
 * the padding in the turn), and stops once `silenceDurationMs` of windows at
 * or under it have followed; `audio_end_ms` then includes that silence, as
 * the API's does.
 *
 * @example
 * ```ts
 * const detector = createVoiceActivityDetector();
 * const events = detector.push(pcm, 24_000, { threshold: 0.5, prefixPaddingMs: 300, silenceDurationMs: 500 });
 * ```
 */
export function createVoiceActivityDetector(): VoiceActivityDetector {
  let audioMs = 0;
  let speaking = false;
  let silentMs = 0;
  // Samples short of a whole window wait for the next push, so decisions never depend on how audio was chunked.
  let carry = new Int16Array(0);
  let carryRate = 0;

  const decide = (window: Int16Array, settings: VoiceActivitySettings, events: VoiceActivityEvent[]) => {
    const loud = energyLevel(window) > settings.threshold;
    const windowStart = audioMs;
    audioMs += WINDOW_MS;
    if (!speaking) {
      if (!loud) return;
      speaking = true;
      silentMs = 0;
      events.push({ type: 'speech_started', audioStartMs: Math.max(0, windowStart - settings.prefixPaddingMs) });
      return;
    }
    silentMs = loud ? 0 : silentMs + WINDOW_MS;
    if (silentMs >= settings.silenceDurationMs) {
      speaking = false;
      silentMs = 0;
      events.push({ type: 'speech_stopped', audioEndMs: audioMs });
    }
  };

  return {
    push(samples, sampleRate, settings) {
      if (sampleRate !== carryRate) {
        carry = new Int16Array(0);
        carryRate = sampleRate;
      }
      const windowSamples = Math.round((sampleRate * WINDOW_MS) / 1000);
      const all = carry.length === 0 ? samples : concat(carry, samples);
      const events: VoiceActivityEvent[] = [];
      let offset = 0;
      for (; offset + windowSamples <= all.length; offset += windowSamples) {
        decide(all.subarray(offset, offset + windowSamples), settings, events);
      }
      carry = all.slice(offset);
      return events;
    },
    get audioMs() {
      return audioMs;
    },
    get speaking() {
      return speaking;
    },
    reset() {
      speaking = false;
      silentMs = 0;
    },
  };
}

function concat(a: Int16Array, b: Int16Array): Int16Array {
  const joined = new Int16Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** How long a pause ends a turn under `semantic_vad`, by eagerness: the emulator has no model of meaning, only of time. */
const SEMANTIC_SILENCE_MS: Readonly<Record<string, number>> = { low: 1500, medium: 800, auto: 800, high: 300 };

/**
 * The detector's settings for a session's `turn_detection`. `server_vad`
 * gives its own; `semantic_vad`, which has none, is emulated with the
 * server defaults and a pause that shortens as `eagerness` grows.
 *
 * @example
 * ```ts
 * voiceActivitySettings({ type: 'server_vad', threshold: 0.8, prefix_padding_ms: 300, silence_duration_ms: 500 });
 * // { threshold: 0.8, prefixPaddingMs: 300, silenceDurationMs: 500 }
 * ```
 */
export function voiceActivitySettings(turnDetection: Readonly<Record<string, unknown>>): VoiceActivitySettings {
  const number = (key: string, fallback: number) => {
    const value = turnDetection[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  };
  if (turnDetection['type'] === 'semantic_vad') {
    const eagerness = turnDetection['eagerness'];
    return {
      threshold: DEFAULT_TURN_DETECTION.threshold,
      prefixPaddingMs: DEFAULT_TURN_DETECTION.prefix_padding_ms,
      silenceDurationMs: SEMANTIC_SILENCE_MS[typeof eagerness === 'string' ? eagerness : 'auto'] ?? 800,
    };
  }
  return {
    threshold: number('threshold', DEFAULT_TURN_DETECTION.threshold),
    prefixPaddingMs: number('prefix_padding_ms', DEFAULT_TURN_DETECTION.prefix_padding_ms),
    silenceDurationMs: number('silence_duration_ms', DEFAULT_TURN_DETECTION.silence_duration_ms),
  };
}
