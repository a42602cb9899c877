import { afterEach, expect, it } from 'vitest';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { responseCreateEvent } from '../../src/protocol/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import {
  clientSecretFrom,
  createWebRTCTransport,
  createWebSocketTransport,
  type WebRTCTransport,
} from '../../src/transport/index.js';

// The voice path in Chromium: a real RTCPeerConnection with a fake microphone (a looped WAV of a tone and
// silence, see fake-microphone.ts) against the emulator that the dev-server plugin serves at this page's
// origin. The session store drives it exactly as it drives a WebSocket.

const initial = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime',
  audio: {
    input: { turnDetection: { type: 'server_vad', threshold: 0.95, silenceDurationMs: 300, createResponse: false } },
  },
});

let transport: WebRTCTransport | undefined;
let store: RealtimeSessionStore | undefined;
afterEach(() => {
  store?.disconnect();
  transport?.close();
});

/** Resolves once `probe` returns true; fails naming `what` after `timeoutMs`. */
async function until(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!probe()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function openStore(): { transport: WebRTCTransport; store: RealtimeSessionStore } {
  transport = createWebRTCTransport({
    model: initial.model,
    getClientSecret: clientSecretFrom('/api/realtime/client-secret'),
    url: '/v1/realtime',
    // The fake microphone is a steady tone: browser noise suppression would take it for noise.
    audioConstraints: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  store = createSessionStore({ initial, transport });
  return { transport, store };
}

it('talks to the emulator: live edits, turn detection from the microphone, the voice back, mute and close', async () => {
  const { transport, store } = openStore();
  const speechStarts: number[] = [];
  store.on('input_audio_buffer.speech_started', () => speechStarts.push(performance.now()));

  const connectStarted = performance.now();
  store.connect();
  await until(
    'the session to open',
    () => store.getSnapshot().status === 'open' && store.getSnapshot().applied !== undefined,
  );
  console.info(`[webrtc] connect to session.created: ${(performance.now() - connectStarted).toFixed(0)} ms`);
  expect(transport.media.getSnapshot().hasMicrophone).toBe(true);

  // The voice and the threshold, changed live over the data channel.
  const updateStarted = performance.now();
  const applied = await store.setField('audio.output.voice', 'cedar');
  console.info(`[webrtc] session.update to session.updated: ${(performance.now() - updateStarted).toFixed(1)} ms`);
  expect(applied?.audio?.output?.voice).toBe('cedar');
  // Steady state: the first update often waits out a lost packet's retransmission (see webrtc-call.ts).
  const roundTrips: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await store.setField('audio.output.speed', i % 2 === 0 ? 1.1 : 1);
    roundTrips.push(performance.now() - started);
  }
  roundTrips.sort((a, b) => a - b);
  console.info(`[webrtc] then 10 updates: median ${roundTrips[5]?.toFixed(1)} ms, max ${roundTrips[9]?.toFixed(1)} ms`);

  // The session began with the server's default threshold until the draft's 0.95 was acknowledged, which was
  // before this update's acknowledgement: a turn heard from here on was judged at 0.95.
  expect(store.getSnapshot().applied?.toJson()).toMatchObject({
    audio: { input: { turn_detection: { threshold: 0.95 } } },
  });
  speechStarts.length = 0;
  // At 0.95 the microphone's tone (level about 0.78) is no speech: two loops of it go by unheard.
  await new Promise((resolve) => setTimeout(resolve, 4500));
  expect(speechStarts).toEqual([]);
  await store.update({
    audio: {
      input: { turnDetection: { type: 'server_vad', threshold: 0.5, silenceDurationMs: 300, createResponse: false } },
    },
  });
  await until('speech_started from the fake microphone', () => speechStarts.length > 0, 5000);

  // The answer comes back as audio on the remote track, at the new voice's pitch.
  store.send(responseCreateEvent());
  let peak = 0;
  await until('remote audio above zero', () => {
    peak = Math.max(peak, transport.media.outputLevel());
    return peak > 0.01;
  });
  expect(transport.media.getSnapshot().hasRemoteAudio).toBe(true);

  // Muted, the microphone sends silence: the next loops start no turn.
  transport.media.setMuted(true);
  expect(transport.media.localStream?.getAudioTracks().every((track) => !track.enabled)).toBe(true);
  // Audio already on its way (jitter buffers, a loaded machine) may still start a turn: let one loop go by.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const startsWhenMuted = speechStarts.length;
  await new Promise((resolve) => setTimeout(resolve, 4500));
  expect(speechStarts.length).toBe(startsWhenMuted);

  const tracks = [
    ...(transport.media.localStream?.getTracks() ?? []),
    ...(transport.media.remoteStream?.getTracks() ?? []),
  ];
  expect(tracks.length).toBeGreaterThanOrEqual(2);
  store.disconnect();
  transport.close();
  expect(tracks.filter((track) => track.readyState === 'live')).toEqual([]);
});

it('for comparison: the same session over a WebSocket to the same emulator', async () => {
  const socket = createWebSocketTransport({
    model: initial.model,
    getClientSecret: clientSecretFrom('/api/realtime/client-secret'),
    url: '/v1/realtime',
  });
  const socketStore = createSessionStore({ initial, transport: socket });
  const connectStarted = performance.now();
  socketStore.connect();
  await until('the session to open', () => socketStore.getSnapshot().applied !== undefined);
  console.info(`[websocket] connect to session.created: ${(performance.now() - connectStarted).toFixed(0)} ms`);
  const roundTrips: number[] = [];
  for (let i = 0; i < 11; i++) {
    const started = performance.now();
    await socketStore.setField('audio.output.speed', i % 2 === 0 ? 1.1 : 1);
    roundTrips.push(performance.now() - started);
  }
  console.info(`[websocket] first update: ${roundTrips[0]?.toFixed(1)} ms`);
  const rest = roundTrips.slice(1).sort((a, b) => a - b);
  console.info(`[websocket] then 10 updates: median ${rest[5]?.toFixed(1)} ms, max ${rest[9]?.toFixed(1)} ms`);
  expect(socketStore.getSnapshot().applied?.audio?.output?.speed).toBe(1.1);
  socketStore.disconnect();
});
