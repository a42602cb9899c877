import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { responseCreateEvent } from '../../src/protocol/index.js';
import {
  createWebRTCTransport,
  type RealtimeTransportError,
  type RealtimeTransportEvent,
  type WebRTCTransportOptions,
} from '../../src/transport/index.js';
import { webrtcCallsUrl } from '../../src/transport/webrtc.js';
import type { FakeAudioElement, fakeMicrophone, fakeSdpEndpoint } from '../support/fake-webrtc.js';
import {
  FAKE_ANSWER_SDP,
  FakeAudioContext,
  fakeGlobals,
  FakePeerConnection,
  freshFakeWebRTC,
  FakeStream,
} from '../support/fake-webrtc.js';

let microphone: ReturnType<typeof fakeMicrophone>;
let endpoint: ReturnType<typeof fakeSdpEndpoint>;
let audio: FakeAudioElement;

function transportWith(options: Partial<WebRTCTransportOptions> & { withAudioContext?: boolean } = {}) {
  const { withAudioContext, ...rest } = options;
  const getClientSecret = vi.fn(async () => ({
    value: `ek_${getClientSecret.mock.calls.length}`,
    expires_at: Math.floor(Date.now() / 1000) + 600,
  }));
  const events: RealtimeTransportEvent[] = [];
  const transport = createWebRTCTransport({
    model: 'gpt-realtime',
    getClientSecret,
    audioElement: audio as unknown as HTMLAudioElement,
    globals: fakeGlobals(microphone, endpoint, withAudioContext),
    random: () => 0,
    ...rest,
  });
  transport.events((event) => events.push(event));
  const statuses = () => events.flatMap((event) => (event.type === 'status' ? [event.status] : []));
  /** The newest status event that carries an error. */
  const lastError = () =>
    [...events].reverse().find((event) => event.type === 'status' && event.error !== undefined) as
      { status: string; error: RealtimeTransportError } | undefined;
  return { transport, events, statuses, lastError, getClientSecret };
}

/** Lets the awaits of an attempt (microphone, secret, offer, fetch, answer) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);
const lastPc = () => FakePeerConnection.made.at(-1)!;

/** Connects and opens the data channel of the call. */
async function opened(options: Parameters<typeof transportWith>[0] = {}) {
  const made = transportWith(options);
  made.transport.connect();
  await settle();
  lastPc().events.open();
  return made;
}

beforeEach(() => {
  ({ microphone, endpoint, audio } = freshFakeWebRTC());
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('webrtcCallsUrl', () => {
  it.each([
    ['wss://api.openai.com/v1/realtime', undefined, 'https://api.openai.com/v1/realtime/calls'],
    ['ws://127.0.0.1:8787/v1/realtime', undefined, 'http://127.0.0.1:8787/v1/realtime/calls'],
    ['https://api.openai.com/v1/realtime/', undefined, 'https://api.openai.com/v1/realtime/calls'],
    ['http://127.0.0.1:8787', undefined, 'http://127.0.0.1:8787/v1/realtime/calls'],
    ['http://127.0.0.1:8787/', undefined, 'http://127.0.0.1:8787/v1/realtime/calls'],
    ['https://proxy.example/v1/realtime/calls', undefined, 'https://proxy.example/v1/realtime/calls'],
    ['https://proxy.example/realtime?tenant=a', undefined, 'https://proxy.example/realtime/calls?tenant=a'],
    ['/v1/realtime', 'https://localhost:5173/app/index.html?x=1', 'https://localhost:5173/v1/realtime/calls'],
  ])('%s (page %s) → %s', (url, page, expected) => {
    expect(webrtcCallsUrl(url, page)).toBe(expected);
  });
});

describe('createWebRTCTransport', () => {
  describe('given a server that answers the offer', () => {
    it('posts the offer with the secret to the endpoint’s /calls, applies the answer, and opens with the data channel', async () => {
      const rtcConfiguration = { iceServers: [{ urls: 'stun:stun.example' }] };
      const { transport, statuses, getClientSecret } = transportWith({ rtcConfiguration });
      transport.connect();
      await settle();
      expect(microphone.requests).toEqual([{ audio: true }]);
      expect(getClientSecret).toHaveBeenCalledWith({ model: 'gpt-realtime' });
      const pc = lastPc();
      expect(pc.configuration).toBe(rtcConfiguration);
      expect(pc.added.map(({ track }) => track)).toEqual(microphone.granted[0]!.tracks);
      expect(pc.events.label).toBe('oai-events');
      expect(endpoint.requests).toEqual([
        {
          url: 'https://api.openai.com/v1/realtime/calls',
          method: 'POST',
          body: pc.offerSdp,
          headers: { 'Content-Type': 'application/sdp', Authorization: 'Bearer ek_1' },
          signal: expect.any(AbortSignal),
        },
      ]);
      expect(pc.localDescription).toEqual({ type: 'offer', sdp: pc.offerSdp });
      expect(pc.remoteDescription).toEqual({ type: 'answer', sdp: FAKE_ANSWER_SDP });
      // The answer alone is not a session: the data channel must open.
      expect(transport.status).toBe('connecting');
      pc.events.open();
      expect(statuses()).toEqual(['connecting', 'open']);
    });

    it('takes the url as the WebSocket transport does, and the microphone constraints given', async () => {
      const { transport } = transportWith({
        url: 'ws://127.0.0.1:8787/v1/realtime',
        audioConstraints: { echoCancellation: true },
      });
      transport.connect();
      await settle();
      expect(endpoint.requests[0]?.url).toBe('http://127.0.0.1:8787/v1/realtime/calls');
      expect(microphone.requests).toEqual([{ audio: { echoCancellation: true } }]);
    });

    it('refuses send() before the channel opens, then sends JSON on it; emits each frame as received', async () => {
      const { transport, events } = transportWith();
      transport.connect();
      await settle();
      expect(() => transport.send(responseCreateEvent())).toThrowError(
        expect.objectContaining({ code: 'not_open', message: expect.stringContaining('connecting') }),
      );
      lastPc().events.open();
      const event = responseCreateEvent();
      transport.send(event);
      expect(lastPc().events.sent).toEqual([JSON.stringify(event)]);
      lastPc().events.receive('{"type":"session.created"}');
      expect(events.at(-1)).toEqual({ type: 'message', data: '{"type":"session.created"}' });
    });

    it('plays the server’s track in the audio element, with autoplay, and says so in the media snapshot', async () => {
      const { transport } = await opened();
      expect(transport.media.getSnapshot()).toMatchObject({ hasMicrophone: true, hasRemoteAudio: false });
      const remote = lastPc().deliverTrack();
      expect(audio.srcObject).toBe(remote);
      expect(audio.autoplay).toBe(true);
      expect(transport.media.remoteStream).toBe(remote);
      expect(transport.media.localStream).toBe(microphone.granted[0]);
      expect(transport.media.getSnapshot()).toMatchObject({ hasMicrophone: true, hasRemoteAudio: true });
    });
  });

  describe('given a failure no retry can fix', () => {
    it('the user refusing the microphone fails with microphone_denied, before any secret or call, and is not retried', async () => {
      microphone.refuse('NotAllowedError');
      const { transport, lastError, getClientSecret } = transportWith();
      transport.connect();
      await settle();
      expect(transport.status).toBe('failed');
      expect(lastError()?.error.code).toBe('microphone_denied');
      expect(lastError()?.error.message).toMatch(/Allow the microphone/);
      expect(getClientSecret).not.toHaveBeenCalled();
      expect(FakePeerConnection.made).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(microphone.requests).toHaveLength(1);
      // Allowed afterwards, a new connect() asks again.
      microphone.refuse(undefined);
      transport.connect();
      await settle();
      expect(microphone.requests).toHaveLength(2);
      expect(FakePeerConnection.made).toHaveLength(1);
    });

    it.each(['NotFoundError', 'OverconstrainedError'])('%s fails with no_microphone', async (name) => {
      microphone.refuse(name);
      const { transport, lastError } = transportWith();
      transport.connect();
      await settle();
      expect(transport.status).toBe('failed');
      expect(lastError()?.error.code).toBe('no_microphone');
      expect(lastError()?.error.message).toContain(name);
    });

    it('without RTCPeerConnection or mediaDevices (an insecure page) fails with no_webrtc, naming HTTPS and localhost', async () => {
      const { transport, lastError } = transportWith({ globals: {} });
      transport.connect();
      await settle();
      expect(transport.status).toBe('failed');
      expect(lastError()?.error.code).toBe('no_webrtc');
      expect(lastError()?.error.message).toMatch(/HTTPS.*localhost/);
    });

    it('a server that cannot do WebRTC (501) fails at once with its message, as the emulator without werift says', async () => {
      endpoint.replies.push({
        status: 501,
        body: JSON.stringify({
          error: {
            message: 'Install werift and opusscript.',
            type: 'invalid_request_error',
            code: 'webrtc_unavailable',
          },
        }),
      });
      const { transport, lastError } = transportWith();
      transport.connect();
      await settle();
      expect(transport.status).toBe('failed');
      expect(lastError()?.error.code).toBe('sdp_rejected');
      expect(lastError()?.error.message).toContain('HTTP 501: Install werift and opusscript.');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(endpoint.requests).toHaveLength(1);
    });

    it('an SDP offer refused with 400 fails with sdp_rejected, carrying the server’s message and status', async () => {
      endpoint.replies.push({
        status: 400,
        body: JSON.stringify({
          error: { message: 'Invalid SDP offer.', type: 'invalid_request_error', code: 'invalid_offer', param: null },
        }),
      });
      const { transport, lastError } = transportWith();
      transport.connect();
      await settle();
      expect(transport.status).toBe('failed');
      expect(lastError()?.error.code).toBe('sdp_rejected');
      expect(lastError()?.error.message).toContain('HTTP 400: Invalid SDP offer.');
      expect(lastPc().closed).toBe(true);
      // Given up, the transport records no more.
      expect(microphone.granted[0]!.tracks[0]!.readyState).toBe('ended');
      await vi.advanceTimersByTimeAsync(60_000);
      expect(endpoint.requests).toHaveLength(1);
    });

    it('a standard key from getClientSecret in a browser fails with api_key_in_browser, and posts nothing', async () => {
      vi.stubGlobal('window', { document: {} });
      const { transport, lastError } = transportWith({ getClientSecret: async () => 'sk-leaked' });
      transport.connect();
      await settle();
      expect(transport.status).toBe('failed');
      expect(lastError()?.error.code).toBe('api_key_in_browser');
      expect(endpoint.requests).toHaveLength(0);
    });
  });

  describe('given a failure worth a retry', () => {
    it('a 401 drops the cached secret: the retry mints a fresh one and opens', async () => {
      endpoint.replies.push({ status: 401, body: '{"error":{"message":"Invalid ephemeral key."}}' });
      const { transport, lastError, getClientSecret } = transportWith({ reconnect: { baseDelayMs: 100 } });
      transport.connect();
      await settle();
      expect(transport.status).toBe('reconnecting');
      expect(lastError()?.error.code).toBe('connection_failed');
      expect(lastError()?.error.message).toContain('HTTP 401: Invalid ephemeral key.');
      expect(lastPc().closed).toBe(true);
      await vi.advanceTimersByTimeAsync(50);
      expect(getClientSecret).toHaveBeenCalledTimes(2);
      expect(endpoint.requests[1]?.headers.Authorization).toBe('Bearer ek_2');
      lastPc().events.open();
      expect(transport.status).toBe('open');
    });

    it.each([408, 429, 503])('HTTP %i is retried with the same, still valid, secret', async (status) => {
      endpoint.replies.push({ status, body: 'busy' });
      const { transport, lastError, getClientSecret } = transportWith({ reconnect: { baseDelayMs: 100 } });
      transport.connect();
      await settle();
      expect(lastError()).toMatchObject({ status: 'reconnecting' });
      expect(lastError()?.error.message).toContain(`HTTP ${status}: busy`);
      await vi.advanceTimersByTimeAsync(50);
      expect(endpoint.requests).toHaveLength(2);
      expect(getClientSecret).toHaveBeenCalledTimes(1);
      expect(endpoint.requests[1]?.headers.Authorization).toBe('Bearer ek_1');
    });

    it('a network error is retried, and gives up with retries_exhausted after maxAttempts', async () => {
      for (let i = 0; i < 3; i++) endpoint.replies.push({ networkError: 'fetch failed' });
      const { transport, lastError } = transportWith({ reconnect: { maxAttempts: 2, baseDelayMs: 10 } });
      transport.connect();
      await settle();
      expect(lastError()?.error.message).toContain('fetch failed');
      await vi.advanceTimersByTimeAsync(1000);
      expect(endpoint.requests).toHaveLength(3);
      expect(transport.status).toBe('failed');
      expect(lastError()?.error.code).toBe('retries_exhausted');
      // One microphone served every attempt, and was stopped when the transport gave up.
      expect(microphone.requests).toHaveLength(1);
      expect(microphone.granted[0]!.tracks[0]!.readyState).toBe('ended');
    });

    it('ICE failing after open reconnects on a new peer connection with the same microphone, asked for once', async () => {
      const { transport, statuses, lastError } = await opened({ reconnect: { baseDelayMs: 100 } });
      const first = lastPc();
      first.fail();
      expect(transport.status).toBe('reconnecting');
      expect(lastError()?.error.code).toBe('ice_failed');
      expect(first.closed).toBe(true);
      await vi.advanceTimersByTimeAsync(50);
      const second = lastPc();
      expect(second).not.toBe(first);
      expect(second.added.map(({ track }) => track)).toEqual(microphone.granted[0]!.tracks);
      second.events.open();
      expect(statuses()).toEqual(['connecting', 'open', 'reconnecting', 'open']);
      expect(microphone.requests).toHaveLength(1);
      expect(microphone.granted[0]!.tracks.every((track) => track.readyState === 'live')).toBe(true);
    });

    it('the data channel closing after open reconnects with ice_failed', async () => {
      const { transport, lastError } = await opened({ reconnect: { baseDelayMs: 100 } });
      lastPc().events.drop();
      expect(transport.status).toBe('reconnecting');
      expect(lastError()?.error.code).toBe('ice_failed');
      expect(lastError()?.error.message).toMatch(/closed unexpectedly/);
      await vi.advanceTimersByTimeAsync(50);
      expect(FakePeerConnection.made).toHaveLength(2);
    });

    it('ICE failing before open is retried too', async () => {
      const { transport, lastError } = transportWith({ reconnect: { baseDelayMs: 100 } });
      transport.connect();
      await settle();
      lastPc().fail();
      expect(transport.status).toBe('reconnecting');
      expect(lastError()?.error.code).toBe('ice_failed');
    });

    it('a data channel that does not open within connectTimeoutMs is retried with connection_failed', async () => {
      const { transport, lastError } = transportWith({ connectTimeoutMs: 2000, reconnect: { baseDelayMs: 100 } });
      transport.connect();
      await settle();
      await vi.advanceTimersByTimeAsync(1999);
      expect(transport.status).toBe('connecting');
      await vi.advanceTimersByTimeAsync(1);
      expect(transport.status).toBe('reconnecting');
      expect(lastError()?.error.code).toBe('connection_failed');
      expect(lastError()?.error.message).toContain('2 s');
      expect(FakePeerConnection.made[0]!.closed).toBe(true);
    });
  });

  describe('given an abandoned attempt', () => {
    it('ignores the late callbacks of a replaced call and closes its peer connection', async () => {
      const { transport, events } = await opened();
      const old = lastPc();
      transport.connect();
      await settle();
      expect(old.closed).toBe(true);
      const count = events.length;
      old.events.receive('late');
      old.deliverTrack();
      old.fail();
      old.events.drop();
      expect(events).toHaveLength(count);
      expect(audio.srcObject).toBeNull();
      expect(transport.status).toBe('connecting');
      lastPc().events.open();
      expect(transport.status).toBe('open');
    });

    it('a connect() while the microphone prompt is up asks once, mints once and calls once', async () => {
      microphone.holding = true;
      const { transport, getClientSecret } = transportWith();
      transport.connect();
      await settle();
      transport.connect();
      await settle();
      microphone.release();
      await settle();
      expect(microphone.requests).toHaveLength(1);
      expect(getClientSecret).toHaveBeenCalledOnce();
      expect(FakePeerConnection.made).toHaveLength(1);
      expect(endpoint.requests).toHaveLength(1);
    });

    it('ignores an answer that arrives after the attempt was replaced', async () => {
      endpoint.holding = true;
      const { transport } = transportWith();
      transport.connect();
      await settle();
      const old = lastPc();
      endpoint.holding = false;
      transport.connect();
      await settle();
      expect(old.closed).toBe(true);
      expect(endpoint.requests[0]?.signal?.aborted).toBe(true);
      endpoint.release();
      await settle();
      expect(old.remoteDescription).toBeUndefined();
      expect(lastPc().remoteDescription).toEqual({ type: 'answer', sdp: FAKE_ANSWER_SDP });
    });
  });

  describe('given close()', () => {
    it('stops the tracks it acquired, closes the call and the AudioContext, empties the audio element, for good', async () => {
      const { transport, statuses } = await opened({ withAudioContext: true, reconnect: { baseDelayMs: 10 } });
      lastPc().deliverTrack();
      transport.media.inputLevel();
      transport.close();
      expect(microphone.granted[0]!.tracks.map((track) => track.readyState)).toEqual(['ended']);
      expect(lastPc().closed).toBe(true);
      expect(audio.srcObject).toBeNull();
      expect(FakeAudioContext.made[0]!.state).toBe('closed');
      expect(transport.media.getSnapshot()).toMatchObject({ hasMicrophone: false, hasRemoteAudio: false });
      lastPc().events.drop();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(statuses()).toEqual(['connecting', 'open', 'closed']);
      expect(FakePeerConnection.made).toHaveLength(1);
    });

    it('never stops a stream the app gave, and never asks for a microphone', async () => {
      const own = new FakeStream();
      const { transport } = await opened({ mediaStream: own as unknown as MediaStream });
      expect(lastPc().added.map(({ track }) => track)).toEqual(own.tracks);
      transport.close();
      expect(own.tracks[0]!.readyState).toBe('live');
      expect(microphone.requests).toHaveLength(0);
    });

    it('stops a microphone granted only after close()', async () => {
      microphone.holding = true;
      const { transport } = transportWith();
      transport.connect();
      await settle();
      transport.close();
      microphone.release();
      await settle();
      expect(microphone.granted[0]!.tracks[0]!.readyState).toBe('ended');
      expect(transport.media.localStream).toBeUndefined();
      expect(FakePeerConnection.made).toHaveLength(0);
    });

    it('connect() after close() asks for the microphone again', async () => {
      const { transport } = await opened();
      transport.close();
      transport.connect();
      await settle();
      expect(microphone.requests).toHaveLength(2);
      expect(lastPc().added[0]?.track).toBe(microphone.granted[1]!.tracks[0]);
    });
  });

  describe('media controls', () => {
    it('mutes by disabling the microphone tracks, and stays muted across a reconnect', async () => {
      const { transport } = await opened({ reconnect: { baseDelayMs: 10 } });
      const track = microphone.granted[0]!.tracks[0]!;
      const heard = vi.fn();
      transport.media.subscribe(heard);
      const before = transport.media.getSnapshot();
      transport.media.setMuted(true);
      expect(track.enabled).toBe(false);
      expect(transport.media.muted).toBe(true);
      expect(heard).toHaveBeenCalledTimes(1);
      const after = transport.media.getSnapshot();
      expect(after).not.toBe(before);
      expect(after).toMatchObject({ muted: true });
      expect(Object.isFrozen(after)).toBe(true);
      transport.media.setMuted(true);
      expect(heard).toHaveBeenCalledTimes(1);
      expect(transport.media.getSnapshot()).toBe(after);
      lastPc().fail();
      await vi.advanceTimersByTimeAsync(10);
      lastPc().events.open();
      expect(track.enabled).toBe(false);
      transport.media.setMuted(false);
      expect(track.enabled).toBe(true);
    });

    it('mutes a microphone granted after setMuted(true)', async () => {
      const { transport } = transportWith();
      transport.media.setMuted(true);
      transport.connect();
      await settle();
      expect(microphone.granted[0]!.tracks[0]!.enabled).toBe(false);
    });

    it('sets the audio element’s volume, clamped to 0–1, and refuses NaN', async () => {
      const { transport } = await opened();
      lastPc().deliverTrack();
      transport.media.setVolume(0.25);
      expect(audio.volume).toBe(0.25);
      transport.media.setVolume(7);
      expect(transport.media.volume).toBe(1);
      transport.media.setVolume(-1);
      expect(audio.volume).toBe(0);
      expect(() => transport.media.setVolume(Number.NaN)).toThrowError(RangeError);
      expect(transport.media.getSnapshot().volume).toBe(0);
    });

    it('reads the RMS levels of the microphone and the server’s audio, creating the AudioContext on first use', async () => {
      const { transport } = await opened({ withAudioContext: true });
      expect(FakeAudioContext.made).toHaveLength(0);
      FakeAudioContext.samples.set(microphone.granted[0]!, [0.5, -0.5, 0.5, -0.5]);
      expect(transport.media.outputLevel()).toBe(0); // nothing from the server yet
      expect(transport.media.inputLevel()).toBeCloseTo(0.5);
      expect(FakeAudioContext.made).toHaveLength(1);
      const remote = lastPc().deliverTrack();
      FakeAudioContext.samples.set(remote, [0.1, 0.1, -0.1, -0.1]);
      expect(transport.media.outputLevel()).toBeCloseTo(0.1);
      expect(FakeAudioContext.made).toHaveLength(1);
    });

    it('reads 0 without Web Audio', async () => {
      const { transport } = await opened();
      expect(transport.media.inputLevel()).toBe(0);
    });
  });
});
