/*
 * "A live edit re-renders only the components whose field or status changed", with the kit's five
 * components in the README's layout: the component that calls useRealtimeSession renders them inline.
 * The server is the scripted fake transport, so every count is exact, from the edit through the
 * server's acknowledgement.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, useEffect, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ParallelToolCallsToggle,
  ReasoningEffortPicker,
  ToolChoicePicker,
  ToolsEditor,
  VoicePicker,
} from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider, useRealtimeSession } from '../../src/react/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { createFakeTransport, type FakeTransport } from '../session/fake-transport.js';
import { InstructionsField } from '../support/instructions-field.js';

const initial = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: '',
  tools: [{ type: 'function', name: 'lookup', description: 'Finds an order.' }],
});

const KIT = [
  'VoicePicker',
  'ReasoningEffortPicker',
  'ToolChoicePicker',
  'ToolsEditor',
  'ParallelToolCallsToggle',
] as const;
type Counted = (typeof KIT)[number] | 'Settings' | 'Instructions';
const renders = new Map<Counted, number>();
const count: ProfilerOnRenderCallback = (id) => renders.set(id as Counted, (renders.get(id as Counted) ?? 0) + 1);
const counted = (id: Counted, children: ReactNode) => (
  <Profiler id={id} onRender={count}>
    {children}
  </Profiler>
);

let fake: FakeTransport;
let liveStore: RealtimeSessionStore | undefined;

function Settings() {
  const session = useRealtimeSession({ initial, transport: fake });
  useEffect(() => {
    liveStore = session.store;
  }, [session.store]);
  return (
    <RealtimeSessionProvider session={session}>
      {counted('Settings', <p>status: {session.status}</p>)}
      {counted('VoicePicker', <VoicePicker />)}
      {counted('ReasoningEffortPicker', <ReasoningEffortPicker />)}
      {counted('ToolChoicePicker', <ToolChoicePicker />)}
      {counted('ToolsEditor', <ToolsEditor />)}
      {counted('ParallelToolCallsToggle', <ParallelToolCallsToggle />)}
      {counted('Instructions', <InstructionsField />)}
    </RealtimeSessionProvider>
  );
}

beforeEach(() => {
  fake = createFakeTransport();
  render(<Settings />);
  act(() => fake.open());
  act(() => fake.ack());
  expect(screen.getByText('status: open')).toBeInTheDocument();
  renders.clear();
});

afterEach(() => cleanup());

describe('given the README layout with the five components on an open session', () => {
  it('typing 20 characters of instructions re-renders no kit component and not the parent', () => {
    const textarea = screen.getByRole('textbox', { name: 'Instructions' });
    const typed = 'Answer in one line!!';
    for (let index = 1; index <= typed.length; index++) {
      fireEvent.change(textarea, { target: { value: typed.slice(0, index) } });
    }
    act(() => liveStore?.commit());
    act(() => fake.ack());
    expect(liveStore?.getSnapshot().fields.instructions.status).toBe('synced');
    expect(renders.get('Instructions')).toBeGreaterThanOrEqual(typed.length);
    for (const name of [...KIT, 'Settings'] as const) expect([name, renders.get(name) ?? 0]).toEqual([name, 0]);
  });

  it('a voice edit re-renders the voice picker alone, through the acknowledgement', async () => {
    await userEvent.click(screen.getByRole('radio', { name: /^Cedar/ }));
    act(() => fake.ack());
    expect(screen.getByRole('radio', { name: /^Cedar/ })).toBeChecked();
    expect(renders.get('VoicePicker')).toBeGreaterThan(0);
    for (const name of [
      'ReasoningEffortPicker',
      'ToolChoicePicker',
      'ToolsEditor',
      'ParallelToolCallsToggle',
      'Settings',
      'Instructions',
    ] as const) {
      expect([name, renders.get(name) ?? 0]).toEqual([name, 0]);
    }
  });
});
