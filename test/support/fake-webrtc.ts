/*
 * Hand-written stand-ins for the browser's WebRTC and media APIs, enough for the WebRTC transport to run in Node
 * or jsdom: peer connections and data channels the test drives (open, fail, deliver a track), microphones that
 * grant or refuse, an SDP endpoint that answers as scripted, an audio element and an AudioContext whose levels
 * the test sets. Each records what the transport did to it.
 */
import type { WebRTCGlobals } from '../../src/transport/index.js';

export class FakeTrack {
  readonly kind = 'audio';
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  stop() {
    this.readyState = 'ended';
  }
}

let streamIds = 0;

export class FakeStream {
  readonly id = `stream-${++streamIds}`;
  readonly tracks: FakeTrack[];
  constructor(tracks: FakeTrack[] = [new FakeTrack()]) {
    this.tracks = tracks;
  }
  getTracks() {
    return [...this.tracks];
  }
  getAudioTracks() {
    return this.tracks.filter((track) => track.kind === 'audio');
  }
}

export class FakeDataChannel extends EventTarget {
  readyState: 'connecting' | 'open' | 'closing' | 'closed' = 'connecting';
  readonly sent: string[] = [];
  constructor(readonly label: string) {
    super();
  }
  send(data: string) {
    if (this.readyState !== 'open') throw new Error(`send on a ${this.readyState} channel`);
    this.sent.push(data);
  }
  close() {
    this.readyState = 'closed';
  }
  /** The channel opens, as when the call is up. */
  open() {
    this.readyState = 'open';
    this.dispatchEvent(new Event('open'));
  }
  /** One server event arrives. */
  receive(data: string) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  /** The channel closes from the far side. */
  drop() {
    this.readyState = 'closed';
    this.dispatchEvent(new Event('close'));
  }
}

export class FakePeerConnection extends EventTarget {
  /** Every peer connection constructed, in order. */
  static made: FakePeerConnection[] = [];
  connectionState: RTCPeerConnectionState = 'new';
  iceConnectionState: RTCIceConnectionState = 'new';
  readonly added: { track: FakeTrack; stream: FakeStream }[] = [];
  readonly channels: FakeDataChannel[] = [];
  localDescription: RTCSessionDescriptionInit | undefined;
  remoteDescription: RTCSessionDescriptionInit | undefined;
  closed = false;
  readonly offerSdp: string;

  constructor(readonly configuration?: RTCConfiguration) {
    super();
    FakePeerConnection.made.push(this);
    this.offerSdp = `v=0\r\no=fake-offer ${FakePeerConnection.made.length}\r\n`;
  }
  addTrack(track: FakeTrack, stream: FakeStream) {
    this.added.push({ track, stream });
  }
  createDataChannel(label: string) {
    const channel = new FakeDataChannel(label);
    this.channels.push(channel);
    return channel;
  }
  async createOffer(): Promise<RTCSessionDescriptionInit> {
    return { type: 'offer', sdp: this.offerSdp };
  }
  async setLocalDescription(description: RTCSessionDescriptionInit) {
    this.localDescription = description;
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    if (this.closed) throw new Error('InvalidStateError: the peer connection is closed');
    this.remoteDescription = description;
  }
  close() {
    // As in browsers: closing changes the states without firing their events.
    this.closed = true;
    this.connectionState = 'closed';
    for (const channel of this.channels) channel.close();
  }
  /** The events channel the transport created. */
  get events(): FakeDataChannel {
    const channel = this.channels[0];
    if (channel === undefined) throw new Error('no data channel yet');
    return channel;
  }
  /** ICE gives up: the connection is `failed`. */
  fail() {
    this.iceConnectionState = 'failed';
    this.dispatchEvent(new Event('iceconnectionstatechange'));
    this.connectionState = 'failed';
    this.dispatchEvent(new Event('connectionstatechange'));
  }
  /** The server's audio track arrives. */
  deliverTrack(stream: FakeStream = new FakeStream()) {
    this.dispatchEvent(Object.assign(new Event('track'), { track: stream.tracks[0], streams: [stream] }));
    return stream;
  }
}

/** A microphone: grants a fresh stream per request, or refuses with the DOMException name set by `refuse`. */
export function fakeMicrophone() {
  const microphone = {
    requests: [] as MediaStreamConstraints[],
    granted: [] as FakeStream[],
    refusal: undefined as string | undefined,
    /** Resolves the pending requests only when `release()` is called (a prompt the user has not answered). */
    holding: false,
    waiting: [] as (() => void)[],
    refuse(name: string | undefined) {
      microphone.refusal = name;
    },
    release() {
      for (const resume of microphone.waiting.splice(0)) resume();
    },
    getUserMedia: async (constraints: MediaStreamConstraints): Promise<FakeStream> => {
      microphone.requests.push(constraints);
      if (microphone.holding) await new Promise<void>((resolve) => microphone.waiting.push(resolve));
      if (microphone.refusal !== undefined) {
        throw Object.assign(new Error(`${microphone.refusal} (fake)`), { name: microphone.refusal });
      }
      const stream = new FakeStream();
      microphone.granted.push(stream);
      return stream;
    },
  };
  return microphone;
}

export interface SdpRequest {
  readonly url: string;
  readonly method: string | undefined;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  readonly signal: AbortSignal | undefined;
}

/** A scripted answer: an HTTP status and body, or a thrown network error. */
export type SdpReply = { readonly status: number; readonly body: string } | { readonly networkError: string };

export const FAKE_ANSWER_SDP = 'v=0\r\no=fake-answer\r\n';

/**
 * The SDP endpoint: answers each request with the next scripted reply, or 201 with {@link FAKE_ANSWER_SDP}.
 * With `holding`, a request waits until `release()`.
 */
export function fakeSdpEndpoint() {
  const endpoint = {
    requests: [] as SdpRequest[],
    replies: [] as SdpReply[],
    holding: false,
    waiting: [] as (() => void)[],
    release() {
      for (const resume of endpoint.waiting.splice(0)) resume();
    },
    fetch: async (url: string, init: RequestInit): Promise<Response> => {
      endpoint.requests.push({
        url,
        method: init.method,
        body: init.body,
        headers: { ...(init.headers as Record<string, string>) },
        signal: init.signal ?? undefined,
      });
      const reply = endpoint.replies.shift() ?? { status: 201, body: FAKE_ANSWER_SDP };
      if (endpoint.holding) await new Promise<void>((resolve) => endpoint.waiting.push(resolve));
      if ('networkError' in reply) throw new TypeError(reply.networkError);
      // Only what the transport reads of a Response.
      return {
        ok: reply.status >= 200 && reply.status < 300,
        status: reply.status,
        text: async () => reply.body,
      } as Response;
    },
  };
  return endpoint;
}

export class FakeAudioElement {
  autoplay = false;
  volume = 1;
  srcObject: FakeStream | null = null;
}

/** An AudioContext whose analysers read the samples set per stream in `FakeAudioContext.samples`. */
export class FakeAudioContext {
  static made: FakeAudioContext[] = [];
  static samples = new Map<FakeStream, number[]>();
  state: 'suspended' | 'running' | 'closed' = 'running';
  constructor() {
    FakeAudioContext.made.push(this);
  }
  createMediaStreamSource(stream: FakeStream) {
    return {
      stream,
      connect: (analyser: { setInput(stream: FakeStream): void }) => analyser.setInput(stream),
      disconnect: () => {},
    };
  }
  createAnalyser() {
    const closed = () => this.state === 'closed';
    let input: FakeStream | undefined;
    return {
      fftSize: 4,
      setInput(stream: FakeStream) {
        input = stream;
      },
      getFloatTimeDomainData(into: Float32Array) {
        const samples = input === undefined ? [] : (FakeAudioContext.samples.get(input) ?? []);
        for (let i = 0; i < into.length; i++) into[i] = closed() ? 0 : (samples[i] ?? 0);
      },
    };
  }
  async resume() {
    this.state = 'running';
  }
  async close() {
    this.state = 'closed';
  }
}

/** The transport's `globals` built from the fakes, typed as the browser's. */
export function fakeGlobals(
  microphone: ReturnType<typeof fakeMicrophone>,
  endpoint: ReturnType<typeof fakeSdpEndpoint>,
  withAudioContext = false,
): WebRTCGlobals {
  return {
    RTCPeerConnection: FakePeerConnection as unknown as NonNullable<WebRTCGlobals['RTCPeerConnection']>,
    getUserMedia: microphone.getUserMedia as unknown as NonNullable<WebRTCGlobals['getUserMedia']>,
    fetch: endpoint.fetch,
    ...(withAudioContext
      ? { AudioContext: FakeAudioContext as unknown as NonNullable<WebRTCGlobals['AudioContext']> }
      : {}),
  };
}

/** A clean slate of fakes for one test: no peer connections or audio contexts made yet, a new microphone, endpoint and element. */
export function freshFakeWebRTC(): {
  microphone: ReturnType<typeof fakeMicrophone>;
  endpoint: ReturnType<typeof fakeSdpEndpoint>;
  audio: FakeAudioElement;
} {
  FakePeerConnection.made = [];
  FakeAudioContext.made = [];
  FakeAudioContext.samples = new Map();
  return { microphone: fakeMicrophone(), endpoint: fakeSdpEndpoint(), audio: new FakeAudioElement() };
}
