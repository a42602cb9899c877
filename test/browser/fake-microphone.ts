/*
 * The microphone Chromium hears in the browser tests: a WAV file it loops
 * (`--use-file-for-fake-audio-capture`). 600 ms of a 440 Hz tone at -13 dBFS,
 * then 1.4 s of silence: a "voice" that starts and stops a turn every two
 * seconds under the emulator's default threshold, and none above 0.8.
 */
import { writeFileSync } from 'node:fs';

const RATE = 48_000;
const TONE_MS = 600;
const LOOP_MS = 2000;
/** Peak of the tone, of full scale: about -13 dBFS RMS, level 0.78 on the emulator's scale. */
const AMPLITUDE = 0.3;

/** Writes the looped microphone to `path` as 16-bit mono PCM WAV. */
export function writeFakeMicrophone(path: string): void {
  const samples = (RATE * LOOP_MS) / 1000;
  const toneSamples = (RATE * TONE_MS) / 1000;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(RATE, 24);
  wav.writeUInt32LE(RATE * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < toneSamples; i++) {
    wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / RATE) * AMPLITUDE * 32767), 44 + i * 2);
  }
  writeFileSync(path, wav);
}
