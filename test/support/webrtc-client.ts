/*
 * A Node WebRTC client for the emulator's /v1/realtime/calls, on the same
 * stack the emulator answers with (werift + opusscript): what a browser does,
 * minus the browser. It can speak (a tone, or silence) on its audio track and
 * measures the level of what it hears.
 */
import OpusScript from 'opusscript';
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket, type RTCDataChannel } from 'werift';
import { energyLevel } from '../../src/server/voice-activity.js';

const FRAME_MS = 20;
const RATE = 48_000;
const FRAME_SAMPLES = (RATE * FRAME_MS) / 1000;

export interface WebRTCTestClient {
  readonly channel: RTCDataChannel;
  /** Ms from posting the offer to the data channel's open. */
  readonly connectMs: number;
  /** Every server event received so far, parsed. */
  readonly events: readonly Record<string, unknown>[];
  send(event: Record<string, unknown>): void;
  /** The next event of `type` after the `since`-th one received; rejects after `timeoutMs`. */
  waitFor(type: string, options?: { since?: number; timeoutMs?: number }): Promise<Record<string, unknown>>;
  /** Highest level (0 to 1) heard on the remote track so far, and the packets heard. */
  readonly heard: { readonly peakLevel: number; readonly packets: number };
  /** Sends `ms` of a tone at `amplitude` (0 to 1 of full scale), or of silence at 0, in real time. */
  speak(ms: number, amplitude: number): Promise<void>;
  close(): Promise<void>;
}

/** Posts an offer to `callsUrl` and resolves once the `oai-events` channel is open. */
export async function connectWebRTCClient(
  callsUrl: string,
  token: string,
  options: { readonly timeoutMs?: number } = {},
): Promise<WebRTCTestClient> {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', iceAdditionalHostAddresses: ['127.0.0.1'] });
  const microphone = new MediaStreamTrack({ kind: 'audio' });
  pc.addTransceiver(microphone, { direction: 'sendrecv' });
  const channel = pc.createDataChannel('oai-events');
  const events: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  const heard = { peakLevel: 0, packets: 0 };
  const decoder = new OpusScript(RATE, 1);
  const encoder = new OpusScript(RATE, 1, OpusScript.Application.VOIP);

  channel.onMessage.subscribe((data) => {
    events.push(JSON.parse(String(data)) as Record<string, unknown>);
    for (const wake of [...waiters]) wake();
  });
  pc.onTrack.subscribe((track) => {
    track.onReceiveRtp.subscribe((rtp) => {
      const pcm = decoder.decode(rtp.payload);
      heard.packets += 1;
      heard.peakLevel = Math.max(
        heard.peakLevel,
        energyLevel(new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length >> 1)),
      );
    });
  });

  await pc.setLocalDescription(await pc.createOffer());
  await new Promise<void>((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve();
    pc.iceGatheringStateChange.subscribe((state) => state === 'complete' && resolve());
  });
  const started = performance.now();
  const response = await fetch(callsUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/sdp', Authorization: `Bearer ${token}` },
    body: pc.localDescription?.sdp ?? '',
  });
  if (response.status !== 201) {
    await pc.close();
    throw new Error(`POST ${callsUrl} answered ${response.status}: ${await response.text()}`);
  }
  await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The data channel did not open.')), options.timeoutMs ?? 10_000);
    const opened = () => {
      clearTimeout(timer);
      resolve();
    };
    if (channel.readyState === 'open') opened();
    else channel.stateChanged.subscribe((state) => state === 'open' && opened());
  });
  const connectMs = performance.now() - started;

  let sequenceNumber = 1;
  let timestamp = 0;
  return {
    channel,
    connectMs,
    events,
    heard,
    send: (event) => channel.send(JSON.stringify(event)),
    waitFor(type, { since = 0, timeoutMs = 5000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.slice(since).find((event) => event['type'] === type);
          if (found === undefined) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `No ${type} within ${timeoutMs} ms; got ${events.map((event) => String(event['type'])).join(', ')}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async speak(ms, amplitude) {
      const frames = Math.ceil(ms / FRAME_MS);
      for (let frame = 0; frame < frames; frame++) {
        const pcm = new Int16Array(FRAME_SAMPLES);
        for (let i = 0; i < pcm.length; i++) {
          pcm[i] = Math.round(Math.sin((2 * Math.PI * 440 * (frame * FRAME_SAMPLES + i)) / RATE) * amplitude * 32767);
        }
        const opus = encoder.encode(Buffer.from(pcm.buffer), FRAME_SAMPLES);
        microphone.writeRtp(new RtpPacket(new RtpHeader({ sequenceNumber, timestamp, payloadType: 111 }), opus));
        sequenceNumber = (sequenceNumber + 1) & 0xffff;
        timestamp += FRAME_SAMPLES;
        await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
      }
    },
    async close() {
      // As browsers do: the channel's stream is reset first, which the far end hears at once.
      channel.close();
      await pc.close();
      encoder.delete();
      decoder.delete();
    },
  };
}
