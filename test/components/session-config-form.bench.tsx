/*
 * What one live edit costs in the full SessionConfigForm: the renders of every field component (the
 * root of each sits in a Profiler named after it, through vi.mock of the field layout) and the time
 * React takes for the keystrokes, in jsdom against the emulator on loopback. Each bench mounts the form
 * on a live session, waits until it is settled, then counts from the first edit until the server
 * acknowledged the last one, and prints the figures; vitest's own columns time the whole scenario.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { bench, describe, vi } from 'vitest';
import type * as FieldLayout from '../../src/components/field/field-layout.js';
import { SessionConfigForm } from '../../src/components/session-config-form/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import type { RealtimeSessionSnapshot, RealtimeSessionStore } from '../../src/session/index.js';
import { renderCounts } from '../support/count-renders.js';
import { shopFunctionTools } from '../support/function-tools.js';
import { LiveSession } from '../support/live-session.js';
import { appliedMatchesDraft, until } from '../support/session-waits.js';

vi.mock('../../src/components/field/field-layout.js', async (importOriginal) => {
  const { countingFieldRoots } = await import('../support/count-renders.js');
  return countingFieldRoots(await importOriginal<typeof FieldLayout>());
});

const KEYSTROKES = 20;
const TYPED = 'Answer in one line. '.padEnd(KEYSTROKES, '.').slice(0, KEYSTROKES);
const initial = RealtimeSessionCreateRequest.fromJson({
  model: 'gpt-realtime-2',
  instructions: '',
  audio: { output: { voice: 'marin' } },
  tools: shopFunctionTools(2, 4),
});

const settled = (snapshot: RealtimeSessionSnapshot) =>
  snapshot.status === 'open' && snapshot.pending.length === 0 && appliedMatchesDraft(snapshot);
/** Lets commits that trail the last notification land before counting stops. */
const quiet = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 30)));

async function mountForm() {
  const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
  let store: RealtimeSessionStore | undefined;
  render(
    <LiveSession emulator={emulator} initial={initial} onStore={(mounted) => (store = mounted)}>
      <SessionConfigForm aria-label="Session settings" role="region" />
    </LiveSession>,
  );
  if (store === undefined) throw new Error('the session store was not reported');
  await until(store, settled, 5000, 'settled session');
  await quiet();
  renderCounts.clear();
  return {
    store,
    form: within(screen.getByRole('region', { name: 'Session settings' })),
    unmount: async () => {
      cleanup();
      await emulator.close();
    },
  };
}

function printCounts(title: string, edits: number): void {
  const rows = [...renderCounts.entries()].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  const lines = rows.map(([name, count]) => `| ${name.padEnd(24)} | ${String(count).padStart(7)} |`);
  console.log(
    [
      `\n${title}`,
      `| ${'component'.padEnd(24)} | renders |`,
      `|${'-'.repeat(26)}|${'-'.repeat(9)}|`,
      ...(lines.length === 0 ? [`| ${'(none)'.padEnd(24)} | ${'0'.padStart(7)} |`] : lines),
      `| ${'total'.padEnd(24)} | ${String(total).padStart(7)} |  ${(total / edits).toFixed(2)} per edit`,
    ].join('\n'),
  );
}

const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

describe('the full SessionConfigForm on a live session (React Profiler, jsdom, emulator on loopback)', () => {
  bench(
    `${KEYSTROKES} keystrokes in InstructionsEditor → acknowledged`,
    async () => {
      const { store, form, unmount } = await mountForm();
      const textarea = form.getByRole('textbox', { name: /^Instructions/ });
      const started = performance.now();
      for (let index = 1; index <= KEYSTROKES; index++) {
        fireEvent.change(textarea, { target: { value: TYPED.slice(0, index) } });
      }
      const typing = performance.now() - started;
      fireEvent.blur(textarea);
      await until(store, (snapshot) => settled(snapshot) && snapshot.applied?.instructions === TYPED, 5000, 'text');
      await quiet();
      printCounts(`Field components rendered while typing ${KEYSTROKES} characters, until acknowledged`, KEYSTROKES);
      console.log(`Typing took ${typing.toFixed(1)} ms: ${(typing / KEYSTROKES).toFixed(2)} ms per keystroke.`);
      await unmount();
    },
    once,
  );

  bench(
    'one voice edit → acknowledged',
    async () => {
      const { store, form, unmount } = await mountForm();
      fireEvent.click(form.getByRole('radio', { name: /^Cedar/ }));
      await until(store, (snapshot) => settled(snapshot) && snapshot.applied?.audio?.output?.voice === 'cedar', 5000);
      await quiet();
      printCounts('Field components rendered for one voice edit, until acknowledged', 1);
      await unmount();
    },
    once,
  );
});
