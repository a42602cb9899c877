/*
 * The hook-level half of "a live edit re-renders only what it changed", in the README's layout: the
 * component that calls useRealtimeSession shows the status inline and holds the fields. The server is
 * the scripted fake transport, so every count is exact. test/react/renders.bench.tsx measures the same
 * layout with the kit's components against the emulator.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Profiler, useEffect, type ProfilerOnRenderCallback } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider, useRealtimeSession, useSessionField } from '../../src/react/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { createFakeTransport, type FakeTransport } from '../session/fake-transport.js';
import { InstructionsField } from '../support/instructions-field.js';

const KEYSTROKES = 20;
const TYPED = 'Answer in one line, please.'.slice(0, KEYSTROKES);

const initial = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: '',
  audio: { output: { voice: 'marin' } },
});

const renders = { Settings: 0, instructions: 0, voice: 0 };
const count: ProfilerOnRenderCallback = (id) => {
  renders[id as keyof typeof renders] += 1;
};

function VoiceField() {
  const voice = useSessionField('audio.output.voice');
  return <p data-status={voice.status}>voice: {String(voice.value)}</p>;
}

let fake: FakeTransport;
/** The mounted session's store, reported from an effect. */
const mounted: { store?: RealtimeSessionStore | undefined } = {};
function store(): RealtimeSessionStore {
  if (mounted.store === undefined) throw new Error('Settings has not mounted');
  return mounted.store;
}

/** The README's parent. Its Profiler wraps only the status line, so it counts this component's own renders. */
function Settings() {
  const session = useRealtimeSession({ initial, transport: fake });
  useEffect(() => {
    mounted.store = session.store;
  }, [session.store]);
  return (
    <RealtimeSessionProvider session={session}>
      <Profiler id="Settings" onRender={count}>
        <p>status: {session.status}</p>
      </Profiler>
      <Profiler id="voice" onRender={count}>
        <VoiceField />
      </Profiler>
      <Profiler id="instructions" onRender={count}>
        <InstructionsField />
      </Profiler>
    </RealtimeSessionProvider>
  );
}

beforeEach(() => {
  fake = createFakeTransport();
  mounted.store = undefined;
  render(<Settings />);
  act(() => fake.open());
  act(() => fake.ack());
  expect(screen.getByText('status: open')).toBeInTheDocument();
  expect(store().getSnapshot().pending).toEqual([]);
  renders.Settings = 0;
  renders.instructions = 0;
  renders.voice = 0;
});

afterEach(() => cleanup());

describe(`given the README layout on an open session, typing ${KEYSTROKES} characters into instructions until acknowledged`, () => {
  beforeEach(() => {
    const textarea = screen.getByRole('textbox', { name: 'Instructions' });
    for (let i = 1; i <= KEYSTROKES; i++) fireEvent.change(textarea, { target: { value: TYPED.slice(0, i) } });
    act(() => store().commit());
    act(() => fake.ack());
    expect(store().getSnapshot().applied?.instructions).toBe(TYPED);
    expect(store().getSnapshot().fields.instructions.status).toBe('synced');
  });

  it('never re-renders the parent, which reads only status', () => {
    expect(renders.Settings).toBe(0);
  });

  it('re-renders the instructions field for each keystroke', () => {
    expect(screen.getByRole('textbox', { name: 'Instructions' })).toHaveValue(TYPED);
    expect(renders.instructions).toBeGreaterThanOrEqual(KEYSTROKES);
  });

  it('never re-renders the voice field', () => {
    expect(renders.voice).toBe(0);
  });

  it('still re-renders the parent when the status changes', () => {
    act(() => fake.status_('closed'));
    expect(screen.getByText('status: closed')).toBeInTheDocument();
    expect(renders.Settings).toBe(1);
  });
});
