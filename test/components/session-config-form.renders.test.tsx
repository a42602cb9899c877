/*
 * "Typing in InstructionsEditor inside the full form re-renders no other field component." Every field
 * component the form uses is wrapped (through vi.mock of its module) in a memo and a Profiler named
 * after it, so each count is a render the component's own subscription caused.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionConfigForm } from '../../src/components/session-config-form/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { renderCounts } from '../support/count-renders.js';
import { openSession } from './field-contract.js';

vi.mock('../../src/components/voice-picker/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, VoicePicker: countingRenders('VoicePicker', original.VoicePicker) };
});
vi.mock('../../src/components/reasoning-effort-picker/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return {
    ...original,
    ReasoningEffortPicker: countingRenders('ReasoningEffortPicker', original.ReasoningEffortPicker),
  };
});
vi.mock('../../src/components/tool-choice-picker/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, ToolChoicePicker: countingRenders('ToolChoicePicker', original.ToolChoicePicker) };
});
vi.mock('../../src/components/tools-editor/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, ToolsEditor: countingRenders('ToolsEditor', original.ToolsEditor) };
});
vi.mock('../../src/components/parallel-tool-calls-toggle/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return {
    ...original,
    ParallelToolCallsToggle: countingRenders('ParallelToolCallsToggle', original.ParallelToolCallsToggle),
  };
});
vi.mock('../../src/components/model-picker/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, ModelPicker: countingRenders('ModelPicker', original.ModelPicker) };
});
vi.mock('../../src/components/output-modalities-picker/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return {
    ...original,
    OutputModalitiesPicker: countingRenders('OutputModalitiesPicker', original.OutputModalitiesPicker),
  };
});
vi.mock('../../src/components/max-output-tokens-input/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, MaxOutputTokensInput: countingRenders('MaxOutputTokensInput', original.MaxOutputTokensInput) };
});
vi.mock('../../src/components/output-audio-format-picker/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return {
    ...original,
    OutputAudioFormatPicker: countingRenders('OutputAudioFormatPicker', original.OutputAudioFormatPicker),
  };
});
vi.mock('../../src/components/turn-detection-editor/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, TurnDetectionEditor: countingRenders('TurnDetectionEditor', original.TurnDetectionEditor) };
});
vi.mock('../../src/components/input-audio-editor/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, InputAudioEditor: countingRenders('InputAudioEditor', original.InputAudioEditor) };
});
vi.mock('../../src/components/prompt-reference-editor/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return {
    ...original,
    PromptReferenceEditor: countingRenders('PromptReferenceEditor', original.PromptReferenceEditor),
  };
});
vi.mock('../../src/components/include-picker/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, IncludePicker: countingRenders('IncludePicker', original.IncludePicker) };
});
vi.mock('../../src/components/tracing-editor/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, TracingEditor: countingRenders('TracingEditor', original.TracingEditor) };
});
vi.mock('../../src/components/truncation-editor/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, TruncationEditor: countingRenders('TruncationEditor', original.TruncationEditor) };
});
vi.mock('../../src/components/instructions-editor/index.js', async (importOriginal) => {
  const original = await importOriginal<Record<string, ComponentType<object>>>();
  const { countingRenders } = await import('../support/count-renders.js');
  return { ...original, InstructionsEditor: countingRenders('InstructionsEditor', original.InstructionsEditor) };
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
