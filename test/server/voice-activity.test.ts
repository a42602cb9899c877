import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createVoiceActivityDetector,
  energyLevel,
  voiceActivitySettings,
  type VoiceActivityEvent,
  type VoiceActivitySettings,
} from '../../src/server/voice-activity.js';

const RATE = 24_000;

/** `ms` of a 440 Hz tone at `amplitude` of full scale (0 gives silence). */
function tone(ms: number, amplitude: number): Int16Array {
  const samples = new Int16Array((RATE * ms) / 1000);
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / RATE) * amplitude * 32767);
  return samples;
}

function join(...parts: Int16Array[]): Int16Array {
  const all = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

const settings: VoiceActivitySettings = { threshold: 0.5, prefixPaddingMs: 300, silenceDurationMs: 200 };

describe('energyLevel', () => {
  it('maps -60 dBFS and below to 0 and full scale to 1, in dB steps', () => {
    expect(energyLevel(new Int16Array(240))).toBe(0);
    expect(energyLevel(tone(10, 0.0005))).toBe(0);
    // A sine's RMS is its amplitude over √2: 1.0 peak is -3 dBFS RMS.
    expect(energyLevel(tone(10, 1))).toBeCloseTo(57 / 60, 1);
    expect(energyLevel(tone(10, 0.3))).toBeGreaterThan(0.75);
    expect(energyLevel(tone(10, 0.3))).toBeLessThan(0.85);
    // 0.01 peak is -43 dBFS RMS: 17 dB above the floor.
    expect(energyLevel(tone(10, 0.01))).toBeCloseTo(17 / 60, 1);
  });
});

describe('createVoiceActivityDetector', () => {
  it('starts a turn where the level passes the threshold, back by the prefix padding', () => {
    const detector = createVoiceActivityDetector();
    const events = detector.push(join(tone(1000, 0), tone(200, 0.3)), RATE, settings);
    expect(events).toEqual([{ type: 'speech_started', audioStartMs: 700 }]);
    expect(detector.speaking).toBe(true);
  });

  it('ignores audio at or under the threshold', () => {
    const detector = createVoiceActivityDetector();
    // Level about 0.8: loud, but not louder than 0.9.
    expect(detector.push(tone(500, 0.3), RATE, { ...settings, threshold: 0.9 })).toEqual([]);
    expect(detector.push(tone(500, 0.3), RATE, { ...settings, threshold: 0.7 })).toHaveLength(1);
  });

  it('ends a turn after silence_duration_ms of quiet, counting the silence in audio_end_ms', () => {
    const detector = createVoiceActivityDetector();
    const events = detector.push(join(tone(300, 0.3), tone(150, 0), tone(100, 0.3), tone(500, 0)), RATE, {
      ...settings,
      silenceDurationMs: 200,
    });
    // The 150 ms pause is shorter than 200 ms: one turn, ending 200 ms into the last silence.
    expect(events).toEqual([
      { type: 'speech_started', audioStartMs: 0 },
      { type: 'speech_stopped', audioEndMs: 750 },
    ]);
  });

  it('decides the same whatever sizes the audio arrives in', () => {
    const audio = join(tone(200, 0), tone(300, 0.3), tone(250, 0), tone(120, 0.2), tone(400, 0));
    const whole = createVoiceActivityDetector().push(audio, RATE, settings);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const detector = createVoiceActivityDetector();
        const events: VoiceActivityEvent[] = [];
        let offset = 0;
        for (let index = 0; offset < audio.length; index++) {
          const size = sizes[index % sizes.length] ?? 1;
          events.push(...detector.push(audio.subarray(offset, offset + size), RATE, settings));
          offset += size;
        }
        expect(events).toEqual(whole);
      }),
    );
  });

  it('forgets a turn in progress on reset, without an event', () => {
    const detector = createVoiceActivityDetector();
    detector.push(tone(100, 0.3), RATE, settings);
    detector.reset();
    expect(detector.speaking).toBe(false);
    expect(detector.push(tone(500, 0), RATE, settings)).toEqual([]);
  });
});

describe('voiceActivitySettings', () => {
  it('reads server_vad settings, with the API defaults for those left out', () => {
    expect(voiceActivitySettings({ type: 'server_vad', threshold: 0.8, silence_duration_ms: 500 })).toEqual({
      threshold: 0.8,
      prefixPaddingMs: 300,
      silenceDurationMs: 500,
    });
  });

  it('gives semantic_vad a shorter pause the more eager it is', () => {
    const pause = (eagerness: string) => voiceActivitySettings({ type: 'semantic_vad', eagerness }).silenceDurationMs;
    expect(pause('low')).toBeGreaterThan(pause('medium'));
    expect(pause('medium')).toBeGreaterThan(pause('high'));
    expect(pause('auto')).toBe(pause('medium'));
  });
});
