/*
 * The emulator's side of a WebRTC call, on werift (a WebRTC stack in plain
 * TypeScript) and opusscript (Opus compiled to WebAssembly). Both are
 * optional peers, loaded on the first call, so WebSocket-only users never
 * install them. werift is chosen over @roamhq/wrtc: the native binary of the
 * latter crashes the process on exit once an audio source has existed, which
 * no test runner survives.
 */
import type OpusScript from 'opusscript';
import type * as WeriftModule from 'werift';
import { PCM_SAMPLE_RATE } from '../model/index.js';
import { createEventId } from '../protocol/index.js';

type Werift = typeof WeriftModule;
type OpusScriptClass = typeof OpusScript;
type PeerConnection = InstanceType<Werift['RTCPeerConnection']>;
/** The `oai-events` data channel of a call. */
export type CallDataChannel = InstanceType<Werift['RTCDataChannel']>;
type OpusCodec = InstanceType<OpusScriptClass>;

/** The optional peers a WebRTC call needs. */
export interface WebRTCStack {
  readonly werift: Werift;
  readonly OpusScript: OpusScriptClass;
}

/** What to install when the stack is missing; the route's 501 says it too. */
export const WEBRTC_STACK_INSTALL = 'npm install -D werift@~0.24.4 opusscript@^0.1.1';

let loading: Promise<WebRTCStack> | undefined;

/**
 * Loads werift and opusscript once. Rejects, with what to install, when
 * either is missing; a later call tries again (they may have been installed since).
 */
export function loadWebRTCStack(): Promise<WebRTCStack> {
  const pending = (loading ??= Promise.all([import('werift'), import('opusscript')]).then(
    ([werift, opus]) => ({ werift, OpusScript: opus.default }),
    (cause: unknown) => {
      loading = undefined;
      throw new Error(
        `The emulator's WebRTC route needs the optional peers werift and opusscript: ${WEBRTC_STACK_INSTALL}`,
        { cause },
      );
    },
  ));
  return pending;
}

/** The Opus RTP clock, whatever the audio's own rate. */
const RTP_CLOCK_RATE = 48_000;
/** One Opus frame: what is encoded and sent at a time. */
const FRAME_MS = 20;
const FRAME_SAMPLES = (PCM_SAMPLE_RATE * FRAME_MS) / 1000;
/** Frames sent at most per tick when a timer ran late, so a stalled event loop does not burst seconds of audio. */
const MAX_CATCH_UP_FRAMES = 5;
/** How long a call may go without its data channel before it is dropped. */
const CHANNEL_TIMEOUT_MS = 20_000;

/** The model's voice on the call's outgoing track. */
export interface CallAudioOut {
  /** Queues 24 kHz PCM16 mono for playback in real time, for `responseId`. */
  play(samples: Int16Array, responseId: string): void;
  /** Drops what is queued; returns the response whose audio was cut, if any was playing. */
  clear(): string | undefined;
}

/** What the call tells its session. */
export interface CallHandlers {
  /** The caller's audio, decoded: 48 kHz PCM16 mono, about 20 ms at a time. */
  readonly onInputAudio: (samples: Int16Array, sampleRate: number) => void;
  /** Queued audio began to play (`output_audio_buffer.started`). */
  readonly onOutputStarted: (responseId: string) => void;
  /** Queued audio has all played (`output_audio_buffer.stopped`). */
  readonly onOutputStopped: (responseId: string) => void;
}

/** One answered call. */
export interface EmulatedCall {
  /** `rtc_…`, as the API names calls in its `Location` header. */
  readonly id: string;
  readonly answerSdp: string;
  readonly audioOut: CallAudioOut;
  /** Resolves with the `oai-events` data channel once it is open; rejects if none opens in time or the call ends. */
  readonly channel: Promise<CallDataChannel>;
  /** Runs once when the peer connection fails or closes, or `close()` is called. */
  onEnd(listener: () => void): void;
  /** Hangs up: stops the audio, closes the connection. */
  close(): Promise<void>;
}

/** Why an offer could not be answered: the route turns it into a 400. */
export class OfferRejectedError extends Error {
  override readonly name = 'OfferRejectedError';
}

/**
 * Answers a browser's SDP offer. The answer carries every local candidate
 * (the API does not trickle either), including 127.0.0.1, so a page on the
 * same machine connects even where the only interface is loopback.
 *
 * @example
 * ```ts
 * const call = await answerCall(await loadWebRTCStack(), offerSdp, { onInputAudio, onOutputStarted, onOutputStopped });
 * response.writeHead(201, { 'content-type': 'application/sdp', location: `/v1/realtime/calls/${call.id}` });
 * response.end(call.answerSdp);
 * ```
 */
export async function answerCall(stack: WebRTCStack, offerSdp: string, handlers: CallHandlers): Promise<EmulatedCall> {
  const { werift, OpusScript } = stack;
  if (!/^v=0/m.test(offerSdp) || !/^m=audio /m.test(offerSdp)) {
    throw new OfferRejectedError(
      'The body must be an SDP offer with an audio section (Content-Type: application/sdp).',
    );
  }
  const pc: PeerConnection = new werift.RTCPeerConnection({
    // Without bundling, werift keeps a transport per section alive and the process cannot exit.
    bundlePolicy: 'max-bundle',
    iceAdditionalHostAddresses: ['127.0.0.1'],
    // No STUN: the emulator serves this machine and its network, and a lookup of Google's server would stall offline.
    iceServers: [],
    iceUseIpv6: false,
  });
  const endListeners = new Set<() => void>();
  let ended = false;
  const encoder: OpusCodec = new OpusScript(PCM_SAMPLE_RATE, 1, OpusScript.Application.VOIP);
  const decoder: OpusCodec = new OpusScript(RTP_CLOCK_RATE, 1);
  const outgoing = new werift.MediaStreamTrack({ kind: 'audio' });
  const player = createPlayer(werift, outgoing, encoder, handlers);

  const end = async () => {
    if (ended) return;
    ended = true;
    player.stop();
    for (const listener of endListeners) listener();
    endListeners.clear();
    await pc.close().catch(() => {});
    encoder.delete();
    decoder.delete();
  };

  pc.connectionStateChange.subscribe((state) => {
    if (state === 'failed' || state === 'closed') void end();
  });
  pc.onTrack.subscribe((track) => {
    track.onReceiveRtp.subscribe((rtp) => {
      if (ended || rtp.payload.length === 0) return;
      let pcm: Buffer;
      try {
        pcm = decoder.decode(rtp.payload);
      } catch {
        return; // A packet Opus cannot read is lost audio, as on any network; the call goes on.
      }
      handlers.onInputAudio(new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength >> 1), RTP_CLOCK_RATE);
    });
  });
  const channel = new Promise<CallDataChannel>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No oai-events data channel opened.')), CHANNEL_TIMEOUT_MS);
    endListeners.add(() => {
      clearTimeout(timer);
      reject(new Error('The call ended before its data channel opened.'));
    });
    pc.onDataChannel.subscribe((dc) => {
      if (dc.label !== 'oai-events') return;
      const opened = () => {
        clearTimeout(timer);
        resolve(dc);
      };
      if (dc.readyState === 'open') opened();
      else dc.stateChanged.subscribe((state) => state === 'open' && opened());
    });
  });
  // A rejection nobody awaits yet (the session attaches after the HTTP answer) must not be reported as unhandled.
  channel.catch(() => {});

  try {
    await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
    const audio = pc.getTransceivers().find((transceiver) => transceiver.kind === 'audio');
    if (audio === undefined) throw new OfferRejectedError('The offer has no audio section.');
    // The browser offers to send and receive; the model answers both ways.
    audio.setDirection('sendrecv');
    await audio.sender.replaceTrack(outgoing);
    await pc.setLocalDescription(await pc.createAnswer());
    recoverSctpFromLoss(pc);
    await gatheringComplete(pc);
  } catch (error) {
    await end();
    if (error instanceof OfferRejectedError) throw error;
    throw new OfferRejectedError(
      `The SDP offer could not be answered: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const answerSdp = pc.localDescription?.sdp;
  if (answerSdp === undefined) {
    await end();
    throw new OfferRejectedError('No SDP answer was produced.');
  }

  return {
    id: createEventId('rtc'),
    answerSdp,
    audioOut: player,
    channel,
    onEnd(listener) {
      if (ended) listener();
      else endListeners.add(listener);
    },
    close: end,
  };
}

/** The part of werift's SCTP association the workaround below touches; not part of its typed API. */
interface SctpInternals {
  timer3Expired: () => void;
  readonly sentQueue: readonly { acked?: boolean; retransmit?: boolean }[];
  /** The retransmission timeout, and the smoothed round trip and its variation it is made of, in seconds. */
  rto: number;
  readonly srtt?: number;
  readonly rttvar?: number;
  updateRto: (roundTripSeconds: number) => void;
}

/**
 * The least retransmission timeout the emulator's SCTP waits, in seconds. RFC 9260's floor of 1 s is for the
 * Internet; the emulator's callers are on this machine or its network, where a lost packet that waited a
 * whole second froze the session for as long.
 */
const LOCAL_RTO_MIN_SECONDS = 0.2;

/**
 * Works around a werift 0.24 SCTP bug that stalls a data channel for good:
 * when the retransmission timer fires, werift marks every unacknowledged-by-
 * cumulative-TSN chunk for retransmission, those already acknowledged by a
 * gap block included, and counts them in flight again; their later
 * acknowledgement never takes them out, so the flight size outgrows the
 * congestion window and nothing is sent any more. Chrome loses a packet early
 * in most calls, so without this the session froze after its first events.
 * Here a chunk already acknowledged is simply not retransmitted, and the
 * retransmission timeout may go below werift's 1 s floor (to
 * {@link LOCAL_RTO_MIN_SECONDS}), so that lost packet costs a fifth of a
 * second instead of a second. A no-op if werift's internals change shape.
 */
function recoverSctpFromLoss(pc: PeerConnection): void {
  const sctp = (pc as unknown as { sctpManager?: { sctpTransport?: { sctp?: Partial<SctpInternals> } } }).sctpManager
    ?.sctpTransport?.sctp;
  const expired = sctp?.timer3Expired;
  const updateRto = sctp?.updateRto?.bind(sctp);
  if (sctp === undefined || typeof expired !== 'function' || !Array.isArray(sctp.sentQueue)) return;
  sctp.timer3Expired = () => {
    expired();
    // The first chunk (the lost one) was re-sent synchronously above; the rest wait for their turn.
    for (const chunk of sctp.sentQueue ?? []) if (chunk.acked === true) chunk.retransmit = false;
  };
  if (updateRto !== undefined && typeof sctp.rto === 'number') {
    sctp.updateRto = (roundTripSeconds) => {
      updateRto(roundTripSeconds);
      // werift floors the timeout at 1 s; on a short path the measured one, with RFC 9260's margin, is enough.
      const measured = (sctp.srtt ?? roundTripSeconds) + 4 * (sctp.rttvar ?? 0);
      sctp.rto = Math.min(sctp.rto ?? measured, Math.max(LOCAL_RTO_MIN_SECONDS, measured));
    };
  }
}

function gatheringComplete(pc: PeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const { unSubscribe } = pc.iceGatheringStateChange.subscribe((state) => {
      if (state !== 'complete') return;
      unSubscribe();
      resolve();
    });
  });
}

type Player = CallAudioOut & { stop(): void };

/**
 * Plays queued PCM on the outgoing track in real time: one Opus frame per
 * 20 ms, paced by the clock rather than by counting timer ticks, since
 * timers drift. Nothing is sent while the queue is empty, as a muted sender
 * does; the browser plays silence.
 */
function createPlayer(
  werift: Werift,
  track: InstanceType<Werift['MediaStreamTrack']>,
  encoder: OpusCodec,
  handlers: CallHandlers,
): Player {
  const queue: { samples: Int16Array; responseId: string }[] = [];
  let offset = 0;
  let playing: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let nextFrameAt = 0;
  let sequenceNumber = Math.floor(Math.random() * 0xffff);
  let timestamp = Math.floor(Math.random() * 0xffffffff);

  const frame = (): Int16Array | undefined => {
    const out = new Int16Array(FRAME_SAMPLES);
    let filled = 0;
    while (filled < FRAME_SAMPLES && queue.length > 0) {
      const head = queue[0] as { samples: Int16Array; responseId: string };
      const take = Math.min(FRAME_SAMPLES - filled, head.samples.length - offset);
      out.set(head.samples.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (offset === head.samples.length) {
        queue.shift();
        offset = 0;
      }
    }
    return filled === 0 ? undefined : out;
  };

  const sendFrame = (samples: Int16Array) => {
    const opus = encoder.encode(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength), FRAME_SAMPLES);
    // 111 is Opus's usual number; the track rewrites it to whatever the answer negotiated.
    const header = new werift.RtpHeader({ sequenceNumber, timestamp, payloadType: 111, marker: false });
    track.writeRtp(new werift.RtpPacket(header, opus));
    sequenceNumber = (sequenceNumber + 1) & 0xffff;
    timestamp = (timestamp + (RTP_CLOCK_RATE * FRAME_MS) / 1000) >>> 0;
  };

  const stopTimer = () => {
    clearInterval(timer);
    timer = undefined;
  };

  const tick = () => {
    const now = performance.now();
    let frames = 0;
    while (nextFrameAt <= now && frames < MAX_CATCH_UP_FRAMES) {
      const responseId = queue[0]?.responseId;
      const samples = frame();
      if (samples === undefined || responseId === undefined) {
        stopTimer();
        const finished = playing;
        playing = undefined;
        if (finished !== undefined) handlers.onOutputStopped(finished);
        return;
      }
      if (playing !== responseId) {
        if (playing !== undefined) handlers.onOutputStopped(playing);
        playing = responseId;
        handlers.onOutputStarted(responseId);
      }
      sendFrame(samples);
      nextFrameAt += FRAME_MS;
      frames += 1;
    }
    // Far behind (the loop was blocked): skip ahead rather than play the backlog at double speed.
    if (nextFrameAt < now - FRAME_MS * MAX_CATCH_UP_FRAMES) nextFrameAt = now;
  };

  return {
    play(samples, responseId) {
      queue.push({ samples, responseId });
      if (timer !== undefined) return;
      nextFrameAt = performance.now();
      timer = setInterval(tick, FRAME_MS / 2);
      tick();
    },
    clear() {
      const cut = playing ?? queue[0]?.responseId;
      queue.length = 0;
      offset = 0;
      stopTimer();
      playing = undefined;
      return cut;
    },
    stop() {
      queue.length = 0;
      stopTimer();
    },
  };
}
