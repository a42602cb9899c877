import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { SessionDiff, type SessionDiffProps } from '../../src/components/session-diff/index.js';
import { RealtimeSessionCreateRequest, useRealtimeSessionContext } from '../../src/index.js';
import { createScriptedSession, useScriptedSession } from '../support/scripted-session.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop.',
  audio: { output: { voice: 'marin' } },
  tools: [
    {
      type: 'mcp',
      serverLabel: 'orders',
      serverUrl: 'https://mcp.example.com/orders',
      authorization: 'Bearer ek_story_secret_value',
    },
  ],
});

const meta = {
  title: 'Components/SessionDiff',
  component: SessionDiff,
  args: { label: 'Session config', draftLabel: 'Draft', appliedLabel: 'Applied' },
  argTypes: { session: { control: false } },
} satisfies Meta<typeof SessionDiff>;

export default meta;
type Story = StoryObj<typeof meta>;

const side = (canvas: ReturnType<typeof within>, name: string) => canvas.getByRole('figure', { name });
const line = (figure: HTMLElement, field: string) => figure.querySelector(`[data-field="${field}"]`);

function VoiceButton() {
  const session = useRealtimeSessionContext();
  return (
    <p>
      <button
        type="button"
        className="rrs-button rrs-button-quiet"
        onClick={() => void session.setField('audio.output.voice', 'cedar')}
      >
        Switch to the Cedar voice
      </button>
    </p>
  );
}

/** Inside a live session: the server's applied config (defaults included) beside the draft. */
export const Connected: Story = {
  ...connectedTo(request),
  render: (args) => (
    <>
      <VoiceButton />
      <SessionDiff {...args} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    const applied = side(canvas, 'Applied');
    await waitFor(() => expect(line(applied, 'audio.output.voice')).toHaveTextContent('"marin"'));
    await expect(side(canvas, 'Draft')).toHaveTextContent('"authorization": "[redacted]"');
    await expect(canvasElement).not.toHaveTextContent('ek_story_secret_value');
    await userEvent.click(canvas.getByRole('button', { name: 'Switch to the Cedar voice' }));
    await waitFor(() => expect(line(applied, 'audio.output.voice')).toHaveTextContent('"cedar"'), { timeout: 5000 });
  },
};

function PendingDiff(props: SessionDiffProps) {
  const store = useScriptedSession(
    () =>
      createScriptedSession(request, {
        // A slow server: the voice change is never answered.
        answer: (session) =>
          (session['audio'] as { output?: { voice?: string } } | undefined)?.output?.voice === 'cedar' ? 'hold' : 'ack',
      }),
    (store) => void store.setField('audio.output.voice', 'cedar'),
  );
  return <SessionDiff {...props} session={store} />;
}

/** A voice change sent and not yet answered: its lines are marked on both sides. */
export const Pending: Story = {
  render: (args) => <PendingDiff {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The draft the session opened with is pending too, for a moment, until the server applies it.
    await waitFor(
      () =>
        expect(within(canvas.getByRole('list', { name: 'Edits not applied' })).getByRole('listitem')).toHaveTextContent(
          'Pending audio.output.voice',
        ),
      { timeout: 3000 },
    );
    await expect(line(side(canvas, 'Draft'), 'audio.output.voice')).toHaveAttribute('data-status', 'pending');
    await expect(line(side(canvas, 'Applied'), 'audio.output.voice')).toHaveTextContent('"marin"');
  },
};

function RejectedDiff(props: SessionDiffProps) {
  const store = useScriptedSession(
    () =>
      createScriptedSession(request, {
        answer: (session) =>
          (session['audio'] as { output?: { voice?: string } } | undefined)?.output?.voice === 'ballad'
            ? {
                code: 'invalid_value',
                message: "Voice 'ballad' is not available for this project.",
                param: 'session.audio.output.voice',
              }
            : 'ack',
      }),
    (store) => void store.setField('audio.output.voice', 'ballad'),
  );
  return <SessionDiff {...props} session={store} />;
}

/** A voice the server refused: the draft keeps it, marked, with the server's reason. */
export const Rejected: Story = {
  render: (args) => <RejectedDiff {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(
      () =>
        expect(within(canvas.getByRole('list', { name: 'Edits not applied' })).getByRole('listitem')).toHaveTextContent(
          "Rejected audio.output.voice — Voice 'ballad' is not available for this project.",
        ),
      { timeout: 3000 },
    );
    await expect(line(side(canvas, 'Draft'), 'audio.output.voice')).toHaveAttribute('data-status', 'rejected');
  },
};
