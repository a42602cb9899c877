/*
 * "Typing in InstructionsEditor inside the full form re-renders no other field component." The root
 * of every field component sits (through vi.mock of the field layout) in a Profiler named after the
 * component, so each count is a commit of that component.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FieldLayout from '../../src/components/field/field-layout.js';
import { SessionConfigForm } from '../../src/components/session-config-form/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { renderCounts } from '../support/count-renders.js';
import { openSession } from './field-contract.js';

// Every field component renders one FieldRoot: counting the roots' commits counts the components' renders.
vi.mock('../../src/components/field/field-layout.js', async (importOriginal) => {
  const { countingFieldRoots } = await import('../support/count-renders.js');
  return countingFieldRoots(await importOriginal<typeof FieldLayout>());
});

const FIELD_COMPONENTS = [
  'VoicePicker',
  'ReasoningEffortPicker',
  'ToolChoicePicker',
  'ToolsEditor',
  'ParallelToolCallsToggle',
  'ModelPicker',
  'OutputModalitiesPicker',
  'MaxOutputTokensInput',
  'OutputAudioFormatPicker',
  'TurnDetectionEditor',
  'InputAudioEditor',
  'PromptReferenceEditor',
  'IncludePicker',
  'TracingEditor',
  'TruncationEditor',
  'InstructionsEditor',
];
const initial = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2', instructions: '' });

vi.setConfig({ testTimeout: 30_000 });

let transport: ReturnType<typeof openSession>['transport'];

beforeEach(() => {
  const session = openSession(initial);
  transport = session.transport;
  render(
    <RealtimeSessionProvider session={session.store}>
      <SessionConfigForm aria-label="Session settings" role="region" />
    </RealtimeSessionProvider>,
  );
  for (const name of FIELD_COMPONENTS) expect(renderCounts.get(name), name).toBeGreaterThan(0);
  renderCounts.clear();
});

afterEach(() => cleanup());

const form = () => screen.getByRole('region', { name: 'Session settings' });

describe('given the full form on an open session', () => {
  it('typing instructions re-renders the instructions editor alone, through the acknowledgement', () => {
    const textarea = within(form()).getByRole('textbox', { name: /^Instructions/ });
    const typed = 'Answer in one line.';
    for (let index = 1; index <= typed.length; index++) {
      fireEvent.change(textarea, { target: { value: typed.slice(0, index) } });
    }
    fireEvent.blur(textarea);
    act(() => transport.ack());
    expect(renderCounts.get('InstructionsEditor')).toBeGreaterThanOrEqual(typed.length);
    for (const name of FIELD_COMPONENTS.filter((item) => item !== 'InstructionsEditor')) {
      expect([name, renderCounts.get(name) ?? 0]).toEqual([name, 0]);
    }
  });

  it('a voice edit re-renders the voice picker alone', async () => {
    await userEvent.click(within(form()).getByRole('radio', { name: /^Cedar/ }));
    act(() => transport.ack());
    expect(renderCounts.get('VoicePicker')).toBeGreaterThan(0);
    for (const name of FIELD_COMPONENTS.filter((item) => item !== 'VoicePicker')) {
      expect([name, renderCounts.get(name) ?? 0]).toEqual([name, 0]);
    }
  });
});
