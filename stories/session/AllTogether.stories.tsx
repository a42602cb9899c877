import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { withLiveSession, type LiveSessionParameters } from '../../.storybook/live-session.js';
import {
  ParallelToolCallsToggle,
  ReasoningEffortPicker,
  RealtimeSessionCreateRequest,
  ToolChoicePicker,
  ToolsEditor,
  VoicePicker,
} from '../../src/index.js';
import { SHOP_FUNCTION_TOOL_NAMES, SHOP_FUNCTION_TOOLS } from '../support/function-tools.js';

const initial = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop.',
  audio: { output: { voice: 'marin' } },
  reasoning: { effort: 'low' },
  tools: SHOP_FUNCTION_TOOLS,
  toolChoice: 'auto',
  parallelToolCalls: true,
});

/**
 * The five form components on one live session, with no props but their
 * labels: each edits the session's draft, and the tools added in the editor
 * are the ones the tool choice offers.
 */
function AllTogether() {
  return (
    <div className="rrs-story-columns">
      <div className="rrs-story-column">
        <VoicePicker label="Voice" />
        <ReasoningEffortPicker label="Reasoning effort" />
        <ParallelToolCallsToggle label="Parallel tool calls" />
        <ToolChoicePicker label="Tool choice" />
      </div>
      <div className="rrs-story-column">
        <ToolsEditor label="Tools" />
      </div>
    </div>
  );
}

const meta = {
  title: 'Session/All together',
  component: AllTogether,
  decorators: [withLiveSession],
  parameters: { liveSession: { initial } satisfies LiveSessionParameters },
} satisfies Meta<typeof AllTogether>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A reasoning model with two function tools; a function added in the editor can be chosen at once. */
export const Connected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Session status' })).toHaveTextContent('open'), {
      timeout: 5000,
    });
    const toolChoice = within(canvas.getByRole('group', { name: /^Tool choice/ })).getByRole('combobox');
    for (const name of SHOP_FUNCTION_TOOL_NAMES) {
      await expect(within(toolChoice).getByRole('option', { name: new RegExp(`\\b${name}\\b`) })).toBeInTheDocument();
    }
    // A new function joins the choices once it has a name: until then it stays in the draft, unsent.
    const before = within(toolChoice).getAllByRole('option').length;
    await userEvent.click(canvas.getByRole('button', { name: /^Add function/ }));
    await expect(within(toolChoice).getAllByRole('option')).toHaveLength(before);
    await userEvent.keyboard('check_stock');
    await userEvent.tab();
    await waitFor(() =>
      expect(within(toolChoice).getByRole('option', { name: /\bcheck_stock\b/ })).toBeInTheDocument(),
    );
  },
};
