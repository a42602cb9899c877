import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';

// WebSocket-only users never install the WebRTC stack: the calls route then says what to install,
// and everything else works as before.
vi.mock('werift', () => {
  throw new Error("Cannot find package 'werift'");
});

const apiKey = 'sk-test-no-webrtc';
let emulator: RunningRealtimeEmulator;
beforeAll(async () => {
  emulator = await startRealtimeEmulator({ apiKey, port: 0 });
});
afterAll(async () => {
  await emulator.close();
});

it('answers a call with 501 naming the packages to install when werift is missing', async () => {
  const response = await fetch(`${emulator.url}/realtime/calls?model=gpt-realtime`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/sdp' },
    body: 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n',
  });
  expect(response.status).toBe(501);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe('webrtc_unavailable');
  expect(error.message).toContain('npm install -D werift');
  expect(error.message).toContain('opusscript');
});
