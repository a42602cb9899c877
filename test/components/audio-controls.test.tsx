import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AudioControls } from '../../src/components/index.js';
import { loudness, RealtimeOff, RealtimeServerVad, RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { createWebRTCTransport, createWebSocketTransport } from '../../src/transport/index.js';
import { axeViolations } from '../support/axe.js';
import {
  FakeAudioContext,
  FakeAudioElement,
  fakeGlobals,
  fakeMicrophone,
  FakePeerConnection,
  fakeSdpEndpoint,
} from '../support/fake-webrtc.js';

const voiceRequest = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const pushToTalkRequest = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  audio: { input: { turnDetection: RealtimeOff } },
});

let microphone: ReturnType<typeof fakeMicrophone>;
let endpoint: ReturnType<typeof fakeSdpEndpoint>;
let audio: FakeAudioElement;

/** requestAnimationFrame under the test's control: `frame(now)` runs what is scheduled, as a display refresh would. */
const frames = {
  next: 1,
  pending: new Map<number, FrameRequestCallback>(),
  cancelled: [] as number[],
  run(now: number) {
    const due = [...frames.pending.values()];
    frames.pending.clear();
    for (const callback of due) callback(now);
  },
};

function webrtcStore(initial = voiceRequest) {
  const transport = createWebRTCTransport({
    model: initial.model,
    getClientSecret: async () => 'ek_test',
    audioElement: audio as unknown as HTMLAudioElement,
    globals: fakeGlobals(microphone, endpoint, true),
  });
  return { transport, store: createSessionStore({ initial, transport, batchNotify: act }) };
}

const lastPc = () => FakePeerConnection.made.at(-1)!;

/** A WebRTC session whose call is up and whose server said `session.created`. */
async function openStore(initial = voiceRequest) {
  const { transport, store } = webrtcStore(initial);
  act(() => store.connect());
  await waitFor(() => expect(lastPc().remoteDescription).toBeDefined());
  act(() => {
    lastPc().events.open();
    lastPc().events.receive(
      JSON.stringify({
        type: 'session.created',
        event_id: 'event_1',
        session: { type: 'realtime', model: initial.model },
      }),
    );
  });
  expect(store.getSnapshot().status).toBe('open');
  return { transport, store };
}

/** The client events sent on the data channel, by type, leaving out the config sync. */
const sentTypes = () =>
  lastPc()
    .events.sent.map((data) => (JSON.parse(data) as { type: string }).type)
    .filter((type) => type !== 'session.update');

function renderControls(store: RealtimeSessionStore) {
  return render(
    <RealtimeSessionProvider session={store}>
      <AudioControls />
    </RealtimeSessionProvider>,
  );
}

const bar = () => screen.getByRole('region', { name: 'Audio' });
const button = (name: string) => screen.getByRole('button', { name });
const meter = (name: string) => screen.getByRole('meter', { name }) as HTMLMeterElement;
const microphoneTrack = () => microphone.granted[0]!.tracks[0]!;

beforeEach(() => {
  FakePeerConnection.made = [];
  FakeAudioContext.made = [];
  FakeAudioContext.samples = new Map();
  microphone = fakeMicrophone();
  endpoint = fakeSdpEndpoint();
  audio = new FakeAudioElement();
  frames.pending.clear();
  frames.cancelled = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    const id = frames.next++;
    frames.pending.set(id, callback);
    return id;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames.cancelled.push(id);
    frames.pending.delete(id);
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AudioControls', () => {
  it('says that audio needs WebRTC when the session has no media, instead of showing dead controls', async () => {
    const socket = createWebSocketTransport({ model: voiceRequest.model, getClientSecret: async () => 'ek_x' });
    const { unmount } = renderControls(createSessionStore({ initial: voiceRequest, transport: socket }));
    expect(bar()).toHaveTextContent("Audio needs a session with transport: 'webrtc'");
    expect(bar()).toHaveAttribute('data-available', 'false');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.queryByRole('slider')).toBeNull();
    expect(await axeViolations(bar())).toEqual([]);
    unmount();

    // A store with no transport at all has no media either.
    renderControls(createSessionStore({ initial: voiceRequest }));
    expect(bar()).toHaveTextContent("transport: 'webrtc'");
    expect(frames.pending.size).toBe(0);
  });

  it('is disabled until the session is open, and enabled once it is', async () => {
    const { store } = webrtcStore();
    renderControls(store);
    expect(bar()).toHaveAttribute('data-status', 'idle');
    expect(button('Mute')).toBeDisabled();
    expect(screen.getByRole('slider', { name: 'Volume' })).toBeDisabled();
    expect(bar()).toHaveTextContent('The controls work once the session is connected.');
    // Nothing to measure yet: no meter loop runs.
    expect(frames.pending.size).toBe(0);

    act(() => store.connect());
    await waitFor(() => expect(lastPc().remoteDescription).toBeDefined());
    expect(button('Mute')).toBeDisabled();
    act(() => {
      lastPc().events.open();
      lastPc().events.receive(
        JSON.stringify({ type: 'session.created', event_id: 'e', session: { type: 'realtime', model: 'm' } }),
      );
    });
    expect(button('Mute')).toBeEnabled();
    expect(screen.getByRole('slider', { name: 'Volume' })).toBeEnabled();
    expect(bar()).not.toHaveTextContent('once the session is connected');
    expect(frames.pending.size).toBe(2);
  });

  it('mutes and unmutes the microphone, with the state in aria-pressed', async () => {
    const { store, transport } = await openStore();
    renderControls(store);
    const mute = button('Mute');
    expect(mute).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(mute);
    expect(mute).toHaveAttribute('aria-pressed', 'true');
    expect(transport.media.muted).toBe(true);
    expect(microphoneTrack().enabled).toBe(false);
    expect(bar()).toHaveAttribute('data-muted', 'true');
    // The name stays: the state is aria-pressed's to say.
    await userEvent.click(button('Mute'));
    expect(mute).toHaveAttribute('aria-pressed', 'false');
    expect(microphoneTrack().enabled).toBe(true);
    expect(bar()).not.toHaveAttribute('data-muted');
  });

  it('follows a mute made elsewhere', async () => {
    const { store, transport } = await openStore();
    renderControls(store);
    act(() => transport.media.setMuted(true));
    expect(button('Mute')).toHaveAttribute('aria-pressed', 'true');
  });

  it('sets the volume of the played audio from the slider', async () => {
    const { store, transport } = await openStore();
    renderControls(store);
    const volume = screen.getByRole('slider', { name: 'Volume' });
    expect(volume).toHaveValue('1');
    expect(volume).toHaveAttribute('aria-valuetext', '100%');
    fireEvent.change(volume, { target: { value: '0.4' } });
    expect(transport.media.volume).toBe(0.4);
    expect(audio.volume).toBe(0.4);
    expect(volume).toHaveValue('0.4');
    expect(volume).toHaveAttribute('aria-valuetext', '40%');
  });

  it('offers Hold to talk only while turn detection is off, following the draft', async () => {
    const { store } = await openStore();
    renderControls(store);
    expect(screen.queryByRole('button', { name: 'Hold to talk' })).toBeNull();
    act(() => void store.setField('audio.input.turn_detection', RealtimeOff));
    expect(button('Hold to talk')).toHaveAttribute('aria-pressed', 'false');
    expect(bar()).toHaveAttribute('data-push-to-talk', 'true');
    expect(button('Hold to talk')).toHaveAccessibleDescription(/Turn detection is off/);
    act(() => void store.setField('audio.input.turn_detection', new RealtimeServerVad({ threshold: 0.6 })));
    expect(screen.queryByRole('button', { name: 'Hold to talk' })).toBeNull();
  });

  it('reads an unspecified turn detection from what the server applied', async () => {
    const { store } = await openStore();
    renderControls(store);
    act(() =>
      lastPc().events.receive(
        JSON.stringify({
          type: 'session.updated',
          event_id: 'event_2',
          session: { type: 'realtime', model: voiceRequest.model, audio: { input: { turn_detection: null } } },
        }),
      ),
    );
    expect(store.getSnapshot().applied?.audio?.input?.turnDetection).toBe(RealtimeOff);
    expect(button('Hold to talk')).toBeInTheDocument();
  });

  it('holds to talk with the pointer: clear and unmute, then mute, commit and response.create in order', async () => {
    const { store, transport } = await openStore(pushToTalkRequest);
    renderControls(store);
    const talk = button('Hold to talk');
    const user = userEvent.setup();
    await user.pointer({ keys: '[MouseLeft>]', target: talk });
    expect(talk).toHaveAttribute('aria-pressed', 'true');
    expect(sentTypes()).toEqual(['input_audio_buffer.clear']);
    expect(transport.media.muted).toBe(false);
    await user.pointer({ keys: '[/MouseLeft]', target: talk });
    expect(talk).toHaveAttribute('aria-pressed', 'false');
    expect(transport.media.muted).toBe(true);
    expect(sentTypes()).toEqual(['input_audio_buffer.clear', 'input_audio_buffer.commit', 'response.create']);
    // Mute shows the microphone off between turns.
    expect(button('Mute')).toHaveAttribute('aria-pressed', 'true');
  });

  it('drops the turn when the pointer is cancelled, and ignores buttons other than the main one', async () => {
    const { store, transport } = await openStore(pushToTalkRequest);
    renderControls(store);
    const talk = button('Hold to talk');
    fireEvent.pointerDown(talk, { button: 2, pointerId: 1 });
    expect(sentTypes()).toEqual([]);
    fireEvent.pointerDown(talk, { button: 0, pointerId: 1 });
    expect(sentTypes()).toEqual(['input_audio_buffer.clear']);
    fireEvent.pointerCancel(talk, { pointerId: 1 });
    expect(talk).toHaveAttribute('aria-pressed', 'false');
    expect(transport.media.muted).toBe(true);
    expect(sentTypes()).toEqual(['input_audio_buffer.clear', 'input_audio_buffer.clear']);
  });

  it('holds to talk with Space or Enter; a repeating key is one turn, and losing focus cancels', async () => {
    const { store, transport } = await openStore(pushToTalkRequest);
    renderControls(store);
    const talk = button('Hold to talk');
    talk.focus();
    const user = userEvent.setup();
    await user.keyboard('[Space>]');
    expect(talk).toHaveAttribute('aria-pressed', 'true');
    fireEvent.keyDown(talk, { key: ' ', repeat: true });
    expect(sentTypes()).toEqual(['input_audio_buffer.clear']);
    await user.keyboard('[/Space]');
    expect(sentTypes()).toEqual(['input_audio_buffer.clear', 'input_audio_buffer.commit', 'response.create']);
    expect(talk).toHaveAttribute('aria-pressed', 'false');

    await user.keyboard('[Enter>]');
    expect(talk).toHaveAttribute('aria-pressed', 'true');
    expect(transport.media.muted).toBe(false);
    await user.keyboard('[/Enter]');
    expect(sentTypes().slice(3)).toEqual(['input_audio_buffer.clear', 'input_audio_buffer.commit', 'response.create']);

    fireEvent.keyDown(talk, { key: ' ' });
    expect(talk).toHaveAttribute('aria-pressed', 'true');
    act(() => talk.blur());
    expect(talk).toHaveAttribute('aria-pressed', 'false');
    expect(transport.media.muted).toBe(true);
    expect(sentTypes().slice(6)).toEqual(['input_audio_buffer.clear', 'input_audio_buffer.clear']);
    // Other keys do nothing.
    fireEvent.keyDown(talk, { key: 'a' });
    expect(sentTypes()).toHaveLength(8);
  });

  it('ends a hold without an answer when turn detection comes back on, and mutes when the session closes', async () => {
    const { store, transport } = await openStore(pushToTalkRequest);
    renderControls(store);
    fireEvent.keyDown(button('Hold to talk'), { key: ' ' });
    act(() => void store.setField('audio.input.turn_detection', new RealtimeServerVad()));
    expect(screen.queryByRole('button', { name: 'Hold to talk' })).toBeNull();
    expect(sentTypes()).toEqual(['input_audio_buffer.clear', 'input_audio_buffer.clear']);
    expect(transport.media.muted).toBe(true);

    act(() => void store.setField('audio.input.turn_detection', RealtimeOff));
    fireEvent.keyDown(button('Hold to talk'), { key: ' ' });
    expect(transport.media.muted).toBe(false);
    act(() => store.disconnect());
    // The session went with its buffer: nothing more is sent, but the microphone is off and the button up.
    expect(button('Hold to talk')).toBeDisabled();
    expect(button('Hold to talk')).toHaveAttribute('aria-pressed', 'false');
    expect(transport.media.muted).toBe(true);
  });

  it('moves the meters from the level getters each frame, without rendering', async () => {
    const { store } = await openStore();
    const remote = lastPc().deliverTrack();
    let renders = 0;
    render(
      <Profiler id="audio" onRender={() => (renders += 1)}>
        <AudioControls session={store} />
      </Profiler>,
    );
    const rendersBefore = renders;
    FakeAudioContext.samples.set(microphone.granted[0]!, [0.5, -0.5, 0.5, -0.5]);
    FakeAudioContext.samples.set(remote, [0.25, -0.25, 0.25, -0.25]);
    frames.run(16);
    // The meters show the RMS as the ear hears it: 0.5 (-6 dBFS) near the top, 0.25 (-12 dBFS) a little lower.
    expect(meter('Microphone level').value).toBeCloseTo(loudness(0.5));
    expect(meter('Speaker level').value).toBeCloseTo(loudness(0.25));
    for (let frame = 2; frame <= 60; frame++) {
      FakeAudioContext.samples.set(microphone.granted[0]!, [frame / 100, -frame / 100, frame / 100, -frame / 100]);
      frames.run(frame * 16);
    }
    expect(meter('Microphone level').value).toBeCloseTo(loudness(0.6));
    expect(renders).toBe(rendersBefore);
  });

  it('updates the meters at most 4 times a second when reduced motion is asked for', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(prefers-reduced-motion: reduce)' }));
    const { store } = await openStore();
    renderControls(store);
    const input = microphone.granted[0]!;
    const seen: number[] = [];
    for (let frame = 0; frame < 60; frame++) {
      // A new level every frame; the meter shows only some of them.
      FakeAudioContext.samples.set(input, [frame / 100, -frame / 100, frame / 100, -frame / 100]);
      frames.run(1000 + frame * 16);
      const value = Math.round(meter('Microphone level').value * 100);
      if (seen.at(-1) !== value) seen.push(value);
    }
    // Frames 16, 32 and 48 (at 1256, 1512 and 1768 ms) are the first at least 250 ms after the last update:
    // 4 levels in a second of 60 frames.
    expect(seen).toEqual([0, 0.16, 0.32, 0.48].map((rms) => Math.round(loudness(rms) * 100)));
  });

  it('stops the meter loop on unmount, and rests the meters at 0 when the session closes', async () => {
    const { store } = await openStore();
    const view = renderControls(store);
    FakeAudioContext.samples.set(microphone.granted[0]!, [0.5, -0.5, 0.5, -0.5]);
    frames.run(16);
    expect(meter('Microphone level').value).toBeCloseTo(loudness(0.5));
    act(() => store.disconnect());
    expect(frames.pending.size).toBe(0);
    expect(meter('Microphone level').value).toBe(0);
    act(() => store.connect());
    view.unmount();
    expect(frames.pending.size).toBe(0);
  });

  it('has no axe violations, connected with push-to-talk', async () => {
    const { store } = await openStore(pushToTalkRequest);
    renderControls(store);
    expect(within(bar()).getByRole('group', { name: 'Microphone' })).toContainElement(button('Hold to talk'));
    expect(within(bar()).getByRole('group', { name: 'Speaker' })).toContainElement(meter('Speaker level'));
    expect(await axeViolations(bar())).toEqual([]);
  });

  it('takes a session prop instead of the provider, and puts other props on the root', async () => {
    const { store } = await openStore();
    const ref = createRef<HTMLElement>();
    render(
      <AudioControls
        ref={ref}
        session={store}
        label="Call"
        className="mine"
        style={{ maxWidth: 300 }}
        data-testid="audio"
      />,
    );
    const root = screen.getByTestId('audio');
    expect(ref.current).toBe(root);
    expect(root.tagName).toBe('SECTION');
    expect(root).toHaveClass('rrs-audio-controls', 'mine');
    expect(root).toHaveStyle({ maxWidth: '300px' });
    expect(screen.getByRole('region', { name: 'Call' })).toBe(root);
  });

  it('throws outside a provider without a session, as the other live views do', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<AudioControls />)).toThrow(/RealtimeSessionProvider/);
  });
});
