import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider, useRealtimeMedia } from '../../src/react/index.js';
import { createSessionStore } from '../../src/session/index.js';
import { createWebRTCTransport, createWebSocketTransport } from '../../src/transport/index.js';
import type { FakeAudioElement, fakeMicrophone, fakeSdpEndpoint } from '../support/fake-webrtc.js';
import { FakeAudioContext, fakeGlobals, FakePeerConnection, freshFakeWebRTC } from '../support/fake-webrtc.js';

const initial = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });

let microphone: ReturnType<typeof fakeMicrophone>;
let endpoint: ReturnType<typeof fakeSdpEndpoint>;
let audio: FakeAudioElement;

function webrtcTransport() {
  return createWebRTCTransport({
    model: initial.model,
    getClientSecret: async () => 'ek_test',
    audioElement: audio as unknown as HTMLAudioElement,
    globals: fakeGlobals(microphone, endpoint, true),
  });
}

/** A store on a WebRTC transport whose call is up, and a wrapper providing it. */
async function connectedStore() {
  const transport = webrtcTransport();
  const store = createSessionStore({ initial, transport, batchNotify: act });
  act(() => store.connect());
  await waitFor(() => expect(FakePeerConnection.made.at(-1)?.remoteDescription).toBeDefined());
  act(() => FakePeerConnection.made.at(-1)!.events.open());
  const wrapper = ({ children }: { children: ReactNode }) => (
    <RealtimeSessionProvider session={store}>{children}</RealtimeSessionProvider>
  );
  return { store, transport, wrapper };
}

beforeEach(() => {
  ({ microphone, endpoint, audio } = freshFakeWebRTC());
});
afterEach(() => {
  cleanup();
});

describe('useRealtimeMedia', () => {
  it('gives the media of the provider’s session, and re-renders when mute, volume or streams change', async () => {
    const { wrapper } = await connectedStore();
    const { result } = renderHook(() => useRealtimeMedia(), { wrapper });
    expect(result.current).toMatchObject({
      available: true,
      muted: false,
      volume: 1,
      hasMicrophone: true,
      hasRemoteAudio: false,
    });
    act(() => result.current.setMuted(true));
    expect(result.current.muted).toBe(true);
    expect(microphone.granted[0]!.tracks[0]!.enabled).toBe(false);
    act(() => result.current.setVolume(0.3));
    expect(result.current.volume).toBe(0.3);
    expect(audio.volume).toBe(0.3);
    act(() => void FakePeerConnection.made.at(-1)!.deliverTrack());
    expect(result.current.hasRemoteAudio).toBe(true);
    expect(() => result.current.setVolume(Number.NaN)).toThrowError(RangeError);
  });

  it('reads the levels on demand, and keeps its actions across renders', async () => {
    const { wrapper } = await connectedStore();
    const { result } = renderHook(() => useRealtimeMedia(), { wrapper });
    const actions = { ...result.current };
    FakeAudioContext.samples.set(microphone.granted[0]!, [0.5, -0.5, 0.5, -0.5]);
    expect(result.current.inputLevel()).toBeCloseTo(0.5);
    expect(result.current.outputLevel()).toBe(0);
    act(() => result.current.setMuted(true));
    for (const name of ['setMuted', 'setVolume', 'inputLevel', 'outputLevel'] as const) {
      expect(result.current[name], name).toBe(actions[name]);
    }
  });

  it('follows the store to a new transport, and says when one has no media', () => {
    const store = createSessionStore({ initial, batchNotify: act });
    const { result } = renderHook(() => useRealtimeMedia(store));
    expect(result.current).toMatchObject({ available: false, muted: false, volume: 1, hasMicrophone: false });
    // Without media the actions do nothing and the levels are silent.
    act(() => result.current.setMuted(true));
    expect(result.current.muted).toBe(false);
    expect(result.current.inputLevel()).toBe(0);

    const transport = webrtcTransport();
    act(() => store.setTransport(transport));
    expect(result.current.available).toBe(true);
    act(() => transport.media.setMuted(true));
    expect(result.current.muted).toBe(true);

    act(() =>
      store.setTransport(createWebSocketTransport({ model: initial.model, getClientSecret: async () => 'ek_x' })),
    );
    expect(result.current).toMatchObject({ available: false, muted: false });
  });
});
