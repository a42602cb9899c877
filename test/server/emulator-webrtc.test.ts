import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
import { connectWebRTCClient, type WebRTCTestClient } from '../support/webrtc-client.js';

// The emulator's WebRTC route with a real peer: werift on both ends, over loopback. What goes on the data
// channel is the WebSocket protocol; what goes on the tracks is audio, both ways.

const apiKey = 'sk-test-webrtc';
let emulator: RunningRealtimeEmulator;
const open: WebRTCTestClient[] = [];

beforeAll(async () => {
  emulator = await startRealtimeEmulator({ apiKey, port: 0, responseDeltaMs: 5 });
});
afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  await emulator.close();
});

async function mintSecret(session: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${emulator.url}/realtime/client_secrets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ session: { type: 'realtime', model: 'gpt-realtime', ...session } }),
  });
  return ((await response.json()) as { value: string }).value;
}

async function call(session: Record<string, unknown> = {}): Promise<WebRTCTestClient> {
  const client = await connectWebRTCClient(`${emulator.url}/realtime/calls`, await mintSecret(session));
  open.push(client);
  return client;
}

const turnDetection = (settings: Record<string, unknown>) => ({
  audio: { input: { turn_detection: { type: 'server_vad', create_response: false, ...settings } } },
});

describe('POST /v1/realtime/calls', () => {
  it('answers an offer, and the data channel carries session.update to session.updated', async () => {
    const client = await call({ instructions: 'Be brief.' });
    const created = await client.waitFor('session.created');
    expect((created['session'] as Record<string, unknown>)['instructions']).toBe('Be brief.');
    expect(emulator.emulator.sessionCount).toBe(1);

    client.send({ type: 'session.update', session: { type: 'realtime', audio: { output: { voice: 'marin' } } } });
    const updated = await client.waitFor('session.updated');
    const audio = (updated['session'] as { audio: { output: { voice: string } } }).audio;
    expect(audio.output.voice).toBe('marin');
  });

  it('plays the response on the outgoing track, announced by output_audio_buffer events, and sends no audio deltas', async () => {
    const client = await call();
    await client.waitFor('session.created');
    const from = client.events.length;
    client.send({ type: 'response.create' });
    const started = await client.waitFor('output_audio_buffer.started', { since: from });
    await client.waitFor('response.done', { since: from });
    const stopped = await client.waitFor('output_audio_buffer.stopped', { since: from, timeoutMs: 10_000 });
    expect(stopped['response_id']).toBe(started['response_id']);
    expect(client.heard.packets).toBeGreaterThan(10);
    expect(client.heard.peakLevel).toBeGreaterThan(0.5);
    const types = client.events.slice(from).map((event) => event['type']);
    expect(types).toContain('response.output_audio_transcript.delta');
    expect(types).not.toContain('response.output_audio.delta');
  });

  it('detects speech on the incoming track with the threshold in force, changed live', async () => {
    const client = await call(turnDetection({ threshold: 0.95, silence_duration_ms: 200 }));
    await client.waitFor('session.created');
    // A tone at -10 dBFS is level 0.83: under 0.95, so no turn starts.
    await client.speak(400, 0.3);
    await client.speak(300, 0);
    expect(client.events.some((event) => event['type'] === 'input_audio_buffer.speech_started')).toBe(false);

    client.send({ type: 'session.update', session: { type: 'realtime', ...turnDetection({ threshold: 0.5 }) } });
    await client.waitFor('session.updated');
    const from = client.events.length;
    await client.speak(400, 0.3);
    const speechStarted = await client.waitFor('input_audio_buffer.speech_started', { since: from });
    await client.speak(400, 0);
    const speechStopped = await client.waitFor('input_audio_buffer.speech_stopped', { since: from });
    expect(speechStopped['item_id']).toBe(speechStarted['item_id']);
    expect(speechStopped['audio_end_ms']).toBeGreaterThan(speechStarted['audio_start_ms'] as number);
    const committed = await client.waitFor('input_audio_buffer.committed', { since: from });
    expect(committed['item_id']).toBe(speechStarted['item_id']);
  });

  it('answers a detected turn, and a new turn interrupts the answer and clears its audio', async () => {
    const client = await call(
      turnDetection({ threshold: 0.5, silence_duration_ms: 200, create_response: true, interrupt_response: true }),
    );
    await client.waitFor('session.created');
    const from = client.events.length;
    await client.speak(300, 0.3);
    await client.speak(300, 0);
    const created = await client.waitFor('response.created', { since: from });
    await client.waitFor('output_audio_buffer.started', { since: from });
    const interrupted = client.events.length;
    await client.speak(200, 0.3);
    await client.waitFor('input_audio_buffer.speech_started', { since: interrupted });
    // The answer's events were all sent long before its audio has played: what the interruption cuts is the audio.
    const cleared = await client.waitFor('output_audio_buffer.cleared', { since: interrupted });
    expect(cleared['response_id']).toBe((created['response'] as Record<string, unknown>)['id']);
    const packets = client.heard.packets;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.heard.packets - packets).toBeLessThanOrEqual(2);
  });

  it('commits what the microphone sent when turn detection is off (push to talk)', async () => {
    const client = await call({ audio: { input: { turn_detection: null } } });
    await client.waitFor('session.created');
    await client.speak(300, 0.3);
    const from = client.events.length;
    client.send({ type: 'input_audio_buffer.commit' });
    await client.waitFor('input_audio_buffer.committed', { since: from });
    expect(client.events.some((event) => event['type'] === 'input_audio_buffer.speech_started')).toBe(false);
  });

  it('refuses a call without credentials, with a bad secret, or without an SDP body', async () => {
    const url = `${emulator.url}/realtime/calls`;
    const post = (headers: Record<string, string>, body: string) => fetch(url, { method: 'POST', headers, body });
    const missing = await post({ 'Content-Type': 'application/sdp' }, 'v=0');
    expect(missing.status).toBe(401);
    const expired = await post({ 'Content-Type': 'application/sdp', Authorization: 'Bearer ek_nope' }, 'v=0');
    expect(expired.status).toBe(401);
    const secret = await mintSecret();
    const json = await post({ 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` }, '{}');
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe('invalid_content_type');
    const garbage = await post({ 'Content-Type': 'application/sdp', Authorization: `Bearer ${secret}` }, 'hello');
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { error: { code: string } }).error.code).toBe('invalid_offer');
  });

  it('keeps a call that sends audio but no events past the idle timeout, and ends a silent one', async () => {
    const idle = await startRealtimeEmulator({ apiKey, port: 0, idleTimeoutMs: 500 });
    try {
      const client = await connectWebRTCClient(`${idle.url}/realtime/calls?model=gpt-realtime`, apiKey);
      open.push(client);
      await client.waitFor('session.created');
      // A muted microphone still sends (silent) audio: the caller is there.
      await client.speak(1000, 0);
      expect(idle.emulator.sessionCount).toBe(1);
      await expect.poll(() => idle.emulator.sessionCount, { timeout: 3000 }).toBe(0);
    } finally {
      await idle.close();
    }
  });

  it('ends the session when the caller hangs up', async () => {
    const before = emulator.emulator.sessionCount;
    const client = await call();
    await client.waitFor('session.created');
    expect(emulator.emulator.sessionCount).toBe(before + 1);
    open.splice(open.indexOf(client), 1);
    await client.close();
    await expect.poll(() => emulator.emulator.sessionCount, { timeout: 3000 }).toBe(before);
  });
});
