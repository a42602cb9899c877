/*
 * How many components re-render for one live edit, counted with React's <Profiler> in jsdom against the
 * project's emulator on loopback. Each bench mounts its layout, waits for a settled session, then counts
 * the Profiler commits of every component from the first edit until the server acknowledged the last one,
 * and prints them; vitest's own columns time the whole scenario (mount and connect included).
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Profiler, useEffect, useState, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import { bench, describe } from 'vitest';
import WebSocket from 'ws';
import {
  ParallelToolCallsToggle,
  ReasoningEffortPicker,
  ToolChoicePicker,
  ToolsEditor,
  VoicePicker,
} from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider, useRealtimeSession, useSessionSelector } from '../../src/react/index.js';
import { EMULATOR_API_KEY, startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
import {
  createSessionStore,
  type RealtimeSessionSnapshot,
  type RealtimeSessionStore,
} from '../../src/session/index.js';
import { createWebSocketTransport } from '../../src/transport/index.js';
import { shopFunctionTools } from '../support/function-tools.js';
import { appliedMatchesDraft, until } from '../support/session-waits.js';
import { InstructionsField } from '../support/instructions-field.js';

const KEYSTROKES = 20;
const TYPED = 'Answer in one line. '.padEnd(KEYSTROKES, '.').slice(0, KEYSTROKES);
/** Every component counted, in layout order; `Settings` is the parent that owns the session. */
const COMPONENTS = [
  'Settings',
  'VoicePicker',
  'ReasoningEffortPicker',
  'ToolChoicePicker',
  'ToolsEditor',
  'ParallelToolCallsToggle',
  'instructions',
] as const;
type ComponentName = (typeof COMPONENTS)[number];

const initial = RealtimeSessionCreateRequest.fromJson({
  model: 'gpt-realtime-2',
  instructions: '',
  audio: { output: { voice: 'marin' } },
  reasoning: { effort: 'low' },
  tools: shopFunctionTools(2, 4),
  tool_choice: 'auto',
  parallel_tool_calls: true,
});

/** Profiler commits per component id; the callback is stable, so it never causes a render itself. */
function createCounter() {
  const counts = new Map<string, number>();
  const onRender: ProfilerOnRenderCallback = (id) => {
    counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  return { counts, onRender, reset: () => counts.clear() };
}
type Counter = ReturnType<typeof createCounter>;
type Figures = Readonly<Record<ComponentName, number>>;

const figuresOf = (counter: Counter): Figures =>
  Object.fromEntries(COMPONENTS.map((name) => [name, counter.counts.get(name) ?? 0])) as Record<ComponentName, number>;
const total = (figures: Figures) => COMPONENTS.reduce((sum, name) => sum + figures[name], 0);

function printTable(title: string, columns: Readonly<Record<string, Figures>>, perKeystroke: boolean): void {
  const headers = Object.keys(columns);
  const cell = (renders: number) =>
    perKeystroke ? `${renders} (${(renders / KEYSTROKES).toFixed(2)}/key)` : `${renders}`;
  const rows = [...COMPONENTS, 'total'].map((name) => [
    name,
    ...headers.map((header) => {
      const figures = columns[header] as Figures;
      return cell(name === 'total' ? total(figures) : figures[name as ComponentName]);
    }),
  ]);
  const widths = [0, ...headers.map((_, i) => i + 1)].map((i) =>
    Math.max(...[['component', ...headers], ...rows].map((row) => row[i]?.length ?? 0)),
  );
  const line = (row: readonly string[]) => `| ${row.map((text, i) => text.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(
    [
      `\n${title}`,
      line(['component', ...headers]),
      `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
      ...rows.map(line),
    ].join('\n'),
  );
}

/** The kit's fields, written inline in the parent as the README does, each in its own Profiler. */
function kitFields(onRender: ProfilerOnRenderCallback): ReactNode {
  return (
    <>
      <Profiler id="VoicePicker" onRender={onRender}>
        <VoicePicker />
      </Profiler>
      <Profiler id="ReasoningEffortPicker" onRender={onRender}>
        <ReasoningEffortPicker />
      </Profiler>
      <Profiler id="ToolChoicePicker" onRender={onRender}>
        <ToolChoicePicker />
      </Profiler>
      <Profiler id="ToolsEditor" onRender={onRender}>
        <ToolsEditor />
      </Profiler>
      <Profiler id="ParallelToolCallsToggle" onRender={onRender}>
        <ParallelToolCallsToggle />
      </Profiler>
      <Profiler id="instructions" onRender={onRender}>
        <InstructionsField />
      </Profiler>
    </>
  );
}

/** A live emulator and a client-secret minter for it. */
async function startEmulator() {
  const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
  const getClientSecret = async ({ model }: { model: string }) => {
    const response = await fetch(`${emulator.url}/realtime/client_secrets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${EMULATOR_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ session: { type: 'realtime', model } }),
    });
    return (await response.json()) as { value: string };
  };
  return { emulator, getClientSecret, url: `${emulator.url.replace(/^http/, 'ws')}/realtime` };
}

/**
 * The README's layout: the component that calls `useRealtimeSession` shows the status inline and holds
 * the fields. Its own Profiler wraps only the status line, so it counts the parent's renders alone.
 */
function Settings(props: {
  readonly url: string;
  readonly getClientSecret: (context: { model: string }) => Promise<{ value: string }>;
  readonly onRender: ProfilerOnRenderCallback;
  readonly onStore: (store: RealtimeSessionStore) => void;
}) {
  const { onStore } = props;
  const session = useRealtimeSession({
    initial,
    url: props.url,
    getClientSecret: props.getClientSecret,
    WebSocket,
  });
  useEffect(() => onStore(session.store), [onStore, session.store]);
  return (
    <RealtimeSessionProvider session={session}>
      <Profiler id="Settings" onRender={props.onRender}>
        <p>{session.status}</p>
      </Profiler>
      {kitFields(props.onRender)}
    </RealtimeSessionProvider>
  );
}

/** The same layout around a store made outside React; the status line reads its own slice. */
function StoreSettings(props: { readonly store: RealtimeSessionStore; readonly onRender: ProfilerOnRenderCallback }) {
  return (
    <RealtimeSessionProvider session={props.store}>
      <Profiler id="Settings" onRender={props.onRender}>
        <StoreStatus />
      </Profiler>
      {kitFields(props.onRender)}
    </RealtimeSessionProvider>
  );
}

function StoreStatus() {
  return <p>{useSessionSelector((snapshot) => snapshot.status)}</p>;
}

/** The baseline: one useState holding the whole form, six plain inputs, no session. */
function NaiveForm(props: { readonly onRender: ProfilerOnRenderCallback }) {
  const { onRender } = props;
  const [form, setForm] = useState({
    voice: 'marin',
    effort: 'low',
    toolChoice: 'auto',
    tools: JSON.stringify(initial.toJson().tools ?? []),
    parallel: true,
    instructions: '',
  });
  const set = (patch: Partial<typeof form>) => setForm((previous) => ({ ...previous, ...patch }));
  return (
    <form>
      <Profiler id="Settings" onRender={onRender}>
        <p>draft</p>
      </Profiler>
      <Profiler id="VoicePicker" onRender={onRender}>
        <select aria-label="Voice" value={form.voice} onChange={(event) => set({ voice: event.target.value })}>
          <option>marin</option>
          <option>cedar</option>
        </select>
      </Profiler>
      <Profiler id="ReasoningEffortPicker" onRender={onRender}>
        <select aria-label="Effort" value={form.effort} onChange={(event) => set({ effort: event.target.value })}>
          <option>low</option>
          <option>high</option>
        </select>
      </Profiler>
      <Profiler id="ToolChoicePicker" onRender={onRender}>
        <select
          aria-label="Tool choice"
          value={form.toolChoice}
          onChange={(event) => set({ toolChoice: event.target.value })}
        >
          <option>auto</option>
          <option>none</option>
        </select>
      </Profiler>
      <Profiler id="ToolsEditor" onRender={onRender}>
        <textarea aria-label="Tools" value={form.tools} onChange={(event) => set({ tools: event.target.value })} />
      </Profiler>
      <Profiler id="ParallelToolCallsToggle" onRender={onRender}>
        <input
          type="checkbox"
          aria-label="Parallel tool calls"
          checked={form.parallel}
          onChange={(event) => set({ parallel: event.target.checked })}
        />
      </Profiler>
      <Profiler id="instructions" onRender={onRender}>
        <label>
          Instructions
          <textarea value={form.instructions} onChange={(event) => set({ instructions: event.target.value })} />
        </label>
      </Profiler>
    </form>
  );
}

/** Open, with every field the server's: nothing in flight, applied carries the whole draft. */
const settled = (snapshot: RealtimeSessionSnapshot) =>
  snapshot.status === 'open' && snapshot.pending.length === 0 && appliedMatchesDraft(snapshot);

/** Lets commits that trail the last notification land before counting stops. */
const quiet = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 30)));

function typeInstructions(): void {
  const textarea = screen.getByRole('textbox', { name: 'Instructions' });
  for (let i = 1; i <= KEYSTROKES; i++) {
    // fireEvent runs inside act, so each keystroke commits before the next one.
    fireEvent.change(textarea, { target: { value: TYPED.slice(0, i) } });
  }
}

async function typedAndAcknowledged(store: RealtimeSessionStore): Promise<void> {
  typeInstructions();
  await until(store, (snapshot) => settled(snapshot) && snapshot.applied?.instructions === TYPED, 5000, 'typed text');
  await quiet();
}

/** Mounts the README layout against a fresh emulator and waits for a settled session. */
async function mountReadmeLayout(counter: Counter) {
  const { emulator, getClientSecret, url } = await startEmulator();
  let store: RealtimeSessionStore | undefined;
  render(
    <Settings
      url={url}
      getClientSecret={getClientSecret}
      onRender={counter.onRender}
      onStore={(mounted) => {
        store = mounted;
      }}
    />,
  );
  if (store === undefined) throw new Error('the session store was not reported');
  await until(store, settled, 5000, 'settled session');
  await quiet();
  return { store, emulator };
}

async function unmount(emulator: RunningRealtimeEmulator): Promise<void> {
  cleanup();
  await emulator.close();
}

/** Cedar, or else any other voice that can be picked, in the voice picker's group. */
function anotherVoice(): HTMLElement {
  const group = within(screen.getByRole('group', { name: /^voice/i }));
  const cedar = group.queryByRole('radio', { name: /^cedar/i, checked: false });
  const other = group
    .getAllByRole('radio', { checked: false })
    .find(
      (radio) =>
        !(radio as HTMLInputElement).disabled &&
        !/^custom/i.test(radio.getAttribute('aria-label') ?? radio.closest('label')?.textContent ?? ''),
    );
  const choice = cedar ?? other;
  if (choice === null || choice === undefined) throw new Error('no other voice to pick');
  return choice;
}

const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };
const results: Partial<Record<string, Figures>> = {};

describe('re-renders per live edit (React Profiler, jsdom, emulator on loopback)', () => {
  bench(
    `README layout (parent calls useRealtimeSession): ${KEYSTROKES} keystrokes → acknowledged`,
    async () => {
      const counter = createCounter();
      const { store, emulator } = await mountReadmeLayout(counter);
      counter.reset();
      await typedAndAcknowledged(store);
      results['README layout'] = figuresOf(counter);
      await unmount(emulator);
    },
    once,
  );

  bench(
    'README layout: one voice edit → acknowledged',
    async () => {
      const counter = createCounter();
      const { store, emulator } = await mountReadmeLayout(counter);
      const voiceBefore = store.getSnapshot().draft.audio?.output?.voice;
      counter.reset();
      fireEvent.click(anotherVoice());
      await until(
        store,
        (snapshot) => settled(snapshot) && snapshot.applied?.audio?.output?.voice !== voiceBefore,
        5000,
        'applied voice',
      );
      await quiet();
      printTable(
        'Renders for one voice edit, from the click to the acknowledgement',
        { renders: figuresOf(counter) },
        false,
      );
      await unmount(emulator);
    },
    once,
  );

  bench(
    `baseline: store from createSessionStore() in the provider, ${KEYSTROKES} keystrokes → acknowledged`,
    async () => {
      const counter = createCounter();
      const { emulator, getClientSecret, url } = await startEmulator();
      const store = createSessionStore({
        initial,
        transport: createWebSocketTransport({ model: initial.model, url, getClientSecret, WebSocket }),
      });
      render(<StoreSettings store={store} onRender={counter.onRender} />);
      store.connect();
      await until(store, settled, 5000, 'settled session');
      await quiet();
      counter.reset();
      await typedAndAcknowledged(store);
      results['external store'] = figuresOf(counter);
      store.disconnect();
      await unmount(emulator);
    },
    once,
  );

  bench(
    `baseline: naive useState form, ${KEYSTROKES} keystrokes`,
    // async, so that tinybench does not call it once more to find out whether it returns a promise
    async () => {
      const counter = createCounter();
      render(<NaiveForm onRender={counter.onRender} />);
      counter.reset();
      typeInstructions();
      results['naive useState'] = figuresOf(counter);
      cleanup();
      const columns = Object.fromEntries(
        Object.entries(results).filter((entry): entry is [string, Figures] => entry[1] !== undefined),
      );
      printTable(`Renders while typing ${KEYSTROKES} characters into instructions, until acknowledged`, columns, true);
    },
    once,
  );
});
