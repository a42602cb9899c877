import { cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { DEV_ENDPOINT_META_NAME, devEndpointContent } from '../../src/protocol/index.js';
import { useRealtimeSession, type UseRealtimeSessionOptions } from '../../src/react/index.js';
import type { WebSocketConstructor } from '../../src/transport/index.js';
import {
  FakeAudioElement,
  fakeMicrophone,
  FakePeerConnection,
  fakeSdpEndpoint,
  FakeStream,
} from '../support/fake-webrtc.js';
import { actNotify } from '../support/react.js';

// `transport: 'webrtc'` against the browser's APIs, faked as globals: the hook builds the transport itself, so
// these tests see what a page would (one RTCPeerConnection per call, one microphone prompt).

const initial = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2', instructions: 'Be brief.' });

let microphone: ReturnType<typeof fakeMicrophone>;
let endpoint: ReturnType<typeof fakeSdpEndpoint>;
let secretsMinted: number;

async function getClientSecret() {
  secretsMinted += 1;
  return { value: `ek_${secretsMinted}`, expires_at: Math.floor(Date.now() / 1000) + 600 };
}

function webrtcOptions(overrides: Partial<UseRealtimeSessionOptions> = {}): UseRealtimeSessionOptions {
  return {
    initial,
    transport: 'webrtc',
    getClientSecret,
    url: 'http://127.0.0.1:8787',
    batchNotify: actNotify,
    ...overrides,
  };
}

const lastPc = () => FakePeerConnection.made.at(-1)!;

/** The call comes up as the server would bring it: the data channel opens and says `session.created`. */
function serverOpens() {
  lastPc().events.open();
  lastPc().events.receive(
    JSON.stringify({
      type: 'session.created',
      event_id: 'event_1',
      session: { type: 'realtime', model: 'gpt-realtime-2' },
    }),
  );
}

beforeEach(() => {
  FakePeerConnection.made = [];
  microphone = fakeMicrophone();
  endpoint = fakeSdpEndpoint();
  secretsMinted = 0;
  vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
  vi.stubGlobal('fetch', endpoint.fetch);
  // jsdom has no navigator.mediaDevices; the page's one is what the transport asks.
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { getUserMedia: microphone.getUserMedia },
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete (navigator as { mediaDevices?: unknown }).mediaDevices;
});

function Status(props: { options: UseRealtimeSessionOptions }) {
  const session = useRealtimeSession(props.options);
  return <p>status: {session.status}</p>;
}

describe("useRealtimeSession with transport: 'webrtc'", () => {
  it('calls over WebRTC with the webrtc options, and syncs the draft over the data channel', async () => {
    const audioElement = new FakeAudioElement();
    const rtcConfiguration = { iceServers: [{ urls: 'stun:stun.example' }] };
    const { result } = renderHook(() =>
      useRealtimeSession(
        webrtcOptions({
          webrtc: { audioElement: audioElement as unknown as HTMLAudioElement, rtcConfiguration },
        }),
      ),
    );
    await waitFor(() => expect(endpoint.requests).toHaveLength(1));
    expect(endpoint.requests[0]).toMatchObject({
      url: 'http://127.0.0.1:8787/v1/realtime/calls',
      headers: { Authorization: 'Bearer ek_1', 'Content-Type': 'application/sdp' },
    });
    expect(lastPc().configuration).toBe(rtcConfiguration);
    await waitFor(() => expect(lastPc().remoteDescription).toBeDefined());
    serverOpens();
    await waitFor(() => expect(result.current.status).toBe('open'));
    await waitFor(() => expect(lastPc().events.sent).toHaveLength(1));
    expect(JSON.parse(lastPc().events.sent[0]!)).toMatchObject({
      type: 'session.update',
      session: { instructions: 'Be brief.' },
    });
    const remote = lastPc().deliverTrack();
    expect(audioElement.srcObject).toBe(remote);
  });

  it('uses the microphone stream given, and never asks for one', async () => {
    const own = new FakeStream();
    renderHook(() => useRealtimeSession(webrtcOptions({ webrtc: { mediaStream: own as unknown as MediaStream } })));
    await waitFor(() => expect(FakePeerConnection.made).toHaveLength(1));
    await waitFor(() => expect(lastPc().added.map(({ track }) => track)).toEqual(own.tracks));
    expect(microphone.requests).toHaveLength(0);
  });

  describe('given StrictMode, which mounts, unmounts and remounts', () => {
    it('builds one peer connection and asks for the microphone once; unmounting ends the call and the microphone', async () => {
      const view = render(
        <StrictMode>
          <Status options={webrtcOptions()} />
        </StrictMode>,
      );
      await waitFor(() => expect(FakePeerConnection.made).toHaveLength(1));
      await waitFor(() => expect(lastPc().remoteDescription).toBeDefined());
      serverOpens();
      await screen.findByText('status: open');
      // Give a second connection, if one were on its way, time to show up.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(FakePeerConnection.made).toHaveLength(1);
      expect(microphone.requests).toHaveLength(1);
      expect(secretsMinted).toBe(1);
      view.unmount();
      await waitFor(() => expect(lastPc().closed).toBe(true));
      expect(microphone.granted[0]!.tracks[0]!.readyState).toBe('ended');
    });
  });

  it('moves to a new connection when the transport kind changes', async () => {
    const sockets: string[] = [];
    const RecordingWebSocket = class {
      readonly readyState = 0;
      constructor(url: string) {
        sockets.push(url);
      }
      send() {}
      close() {}
      addEventListener() {}
    } as unknown as WebSocketConstructor;
    const { rerender } = renderHook((props: Partial<UseRealtimeSessionOptions>) =>
      useRealtimeSession(webrtcOptions({ WebSocket: RecordingWebSocket, ...props })),
    );
    await waitFor(() => expect(FakePeerConnection.made).toHaveLength(1));
    await waitFor(() => expect(microphone.granted).toHaveLength(1));
    rerender({ transport: 'websocket' });
    await waitFor(() => expect(sockets).toEqual(['ws://127.0.0.1:8787?model=gpt-realtime-2']));
    expect(lastPc().closed).toBe(true);
    expect(microphone.granted[0]!.tracks[0]!.readyState).toBe('ended');
    expect(FakePeerConnection.made).toHaveLength(1);
  });

  describe('given a page served by realtimeDevServer() (its endpoint meta tag)', () => {
    const secretPath = '/api/realtime/client-secret';
    let secretRequests: unknown[];

    beforeEach(() => {
      secretRequests = [];
      const meta = document.createElement('meta');
      meta.name = DEV_ENDPOINT_META_NAME;
      meta.content = devEndpointContent({ url: '/v1/realtime', clientSecretPath: secretPath });
      document.head.append(meta);
      vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
        if (input !== secretPath) return endpoint.fetch(input, init);
        secretRequests.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify({ value: 'ek_dev', expires_at: Math.floor(Date.now() / 1000) + 600 }));
      });
    });
    afterEach(() => {
      document.head.querySelector(`meta[name="${DEV_ENDPOINT_META_NAME}"]`)?.remove();
    });

    it("posts the offer to the page's own /v1/realtime/calls with a secret from its route, given { initial, transport } alone", async () => {
      renderHook(() => useRealtimeSession({ initial, transport: 'webrtc', batchNotify: actNotify }));
      await waitFor(() => expect(endpoint.requests).toHaveLength(1));
      expect(endpoint.requests[0]?.url).toBe(new URL('/v1/realtime/calls', window.location.href).href);
      expect(endpoint.requests[0]?.headers.Authorization).toBe('Bearer ek_dev');
      expect(secretRequests).toEqual([{ session: { type: 'realtime', model: 'gpt-realtime-2' } }]);
    });
  });
});
