import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AudioControls } from '../../src/components/audio-controls/index.js';
import { SessionConfigForm } from '../../src/components/session-config-form/index.js';
import { SessionStatus } from '../../src/components/session-status/index.js';
import { RealtimeSessionCreateRequest } from '../../src/index.js';
import { RealtimeSessionProvider, useRealtimeSession } from '../../src/react/index.js';

const initial = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop. Keep answers short.',
  audio: { output: { voice: 'marin' } },
});

/**
 * A voice call you can reconfigure while you talk: `useRealtimeSession({ initial, transport: 'webrtc' })`
 * with no endpoint and no secret, since the `realtimeDevServer()` plugin of Storybook's Vite config serves
 * both at Storybook's own origin. By default that is the local emulator, which answers with a tone whose
 * pitch follows the voice and hears your turns by their loudness (server VAD). Start Storybook with
 * `OPENAI_API_KEY` set and the same story talks to OpenAI, through client secrets the plugin mints: nothing
 * in the story changes.
 *
 * Allow the microphone when the browser asks. Change the voice or the turn detection in the form and the
 * live call takes it; switch turn detection off and the audio bar offers Hold to talk.
 */
function Talk() {
  const session = useRealtimeSession({ initial, transport: 'webrtc' });
  return (
    <RealtimeSessionProvider session={session}>
      <div className="rrs-studio">
        <header className="rrs-studio-bar">
          <h1 className="rrs-studio-title">Talk</h1>
        </header>
        <main className="rrs-studio-main rrs-talk-main">
          {/* The call first, on the left and in a narrow window's one column: Mute is never below a long form. */}
          <aside className="rrs-studio-live" aria-label="Live call">
            <AudioControls label="Call audio" />
            <SessionStatus />
          </aside>
          <SessionConfigForm aria-label="Session settings" defaultOpenSections={['voice', 'audio-in']} />
        </main>
      </div>
    </RealtimeSessionProvider>
  );
}

const meta = {
  title: 'Session/Talk',
  component: Talk,
} satisfies Meta<typeof Talk>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Talk to the session; mute, watch the levels, and switch turn detection off to hold to talk. */
export const Call: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // A call (microphone, SDP offer, ICE) takes longer to come up than a socket.
    await waitFor(() => expect(canvas.getByRole('status', { name: 'Connection' })).toHaveTextContent('Connected'), {
      timeout: 15_000,
    });
    const audio = canvas.getByRole('region', { name: 'Call audio' });
    const mute = within(audio).getByRole('button', { name: 'Mute' });
    await expect(mute).toBeEnabled();
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    // The microphone is live: its meter moves with the fake microphone's tone.
    const level = within(audio).getByRole('meter', { name: 'Microphone level' });
    await waitFor(() => expect((level as HTMLMeterElement).value).toBeGreaterThan(0), { timeout: 5000 });

    await userEvent.click(mute);
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await expect(audio).toHaveAttribute('data-muted', 'true');

    await expect(within(audio).queryByRole('button', { name: 'Hold to talk' })).toBeNull();
    const turnDetection = canvas.getByRole('group', { name: /^Turn detection/ });
    await userEvent.click(within(turnDetection).getByRole('radio', { name: /^Off \(push-to-talk\)/ }));
    await expect(await within(audio).findByRole('button', { name: 'Hold to talk' })).toBeEnabled();
    await waitFor(() => expect(turnDetection).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
  },
};
