import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { EventLog } from '../../src/components/event-log/index.js';
import { SessionConfigForm } from '../../src/components/session-config-form/index.js';
import { SessionDiff } from '../../src/components/session-diff/index.js';
import { SessionStatus } from '../../src/components/session-status/index.js';
import { RealtimeSessionCreateRequest, responseCreateEvent } from '../../src/index.js';
import { RealtimeSessionProvider, useRealtimeSession } from '../../src/react/index.js';
import { SHOP_FUNCTION_TOOLS } from '../support/function-tools.js';

const initial = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop. Keep answers short.',
  audio: { output: { voice: 'marin' } },
  tools: SHOP_FUNCTION_TOOLS,
});

/**
 * The whole kit on one live session: every setting in the form, and beside it
 * what the session is doing: its status, the draft against what the server
 * applied, and the frames on the wire. Runs against the local emulator (or
 * OpenAI, when Storybook was started with OPENAI_API_KEY).
 */
function SessionStudio() {
  const session = useRealtimeSession({ initial });
  return (
    <RealtimeSessionProvider session={session}>
      <div className="rrs-studio">
        <header className="rrs-studio-bar">
          <h1 className="rrs-studio-title">Session Studio</h1>
          <button
            type="button"
            className="rrs-button"
            disabled={session.status !== 'open'}
            onClick={() => session.send(responseCreateEvent())}
          >
            Make the assistant respond
          </button>
        </header>
        <main className="rrs-studio-main">
          <SessionConfigForm
            aria-label="Session settings"
            defaultOpenSections={['model', 'voice', 'instructions', 'tools']}
          />
          <aside className="rrs-studio-live" aria-label="Live session">
            <SessionStatus />
            <SessionDiff />
            <EventLog />
          </aside>
        </main>
      </div>
    </RealtimeSessionProvider>
  );
}

const meta = {
  title: 'Session/Studio',
  component: SessionStudio,
} satisfies Meta<typeof SessionStudio>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Edit any setting and watch it reach the live session; make the assistant respond to see the voice lock. */
export const Studio: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Make the assistant respond' })).toBeEnabled(), {
      timeout: 5000,
    });
    const voices = canvas.getByRole('group', { name: /^Voice/ });
    await userEvent.click(within(voices).getByRole('radio', { name: /^Cedar/ }));
    await waitFor(() => expect(voices).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
  },
};
