import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { connectedTo } from '../../.storybook/live-session.js';
import { SessionStatus, type SessionStatusProps } from '../../src/components/session-status/index.js';
import { createSessionStore, RealtimeSessionCreateRequest } from '../../src/index.js';
import { createScriptedSession, useScriptedSession } from '../support/scripted-session.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop.',
  audio: { output: { voice: 'marin' } },
});

const meta = {
  title: 'Components/SessionStatus',
  component: SessionStatus,
  args: { label: 'Session' },
  argTypes: { session: { control: false }, formatTime: { control: false } },
} satisfies Meta<typeof SessionStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

const connection = (canvas: ReturnType<typeof within>) => canvas.getByRole('status', { name: 'Connection' });

/** Inside a live session (the dev server's emulator): its id, expiry and the connection actions. */
export const Connected: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(connection(canvas)).toHaveTextContent('Connected'), { timeout: 5000 });
    await expect(canvas.getByText(/^sess_/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(connection(canvas)).toHaveTextContent('Connected'), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(connection(canvas)).toHaveTextContent('Disconnected'));
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(connection(canvas)).toHaveTextContent('Connected'), { timeout: 5000 });
  },
};

function IdleStatus(props: SessionStatusProps) {
  const [store] = useState(() => createSessionStore({ initial: request }));
  return <SessionStatus {...props} session={store} />;
}

/** A store with nothing to connect to: Connect says why instead of failing silently. */
export const Idle: Story = {
  render: (args) => <IdleStatus {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(connection(canvas)).toHaveTextContent('Not connected');
    await expect(canvas.getByRole('button', { name: 'Reconnect' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Connect' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent(/No Realtime endpoint to connect to/);
  },
};

function FailedStatus(props: SessionStatusProps) {
  const store = useScriptedSession(() =>
    createScriptedSession(request, {
      failWith: 'Gave up after 3 attempts: the Realtime endpoint did not answer.',
    }),
  );
  return <SessionStatus {...props} session={store} />;
}

/** The connection dropped and the retries ran out: the transport's reason, and Connect to try again. */
export const Failed: Story = {
  render: (args) => <FailedStatus {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(connection(canvas)).toHaveTextContent('Connection failed'));
    await expect(canvas.getByRole('alert')).toHaveTextContent('Gave up after 3 attempts');
    await expect(canvas.getByRole('button', { name: 'Connect' })).toBeEnabled();
    await expect(canvas.getByRole('button', { name: 'Reconnect' })).toBeDisabled();
  },
};

function EditsWaitingStatus(props: SessionStatusProps) {
  const store = useScriptedSession(
    () =>
      createScriptedSession(request, {
        answer: (session) => {
          if (session['instructions'] === 'Talk like a pirate.') {
            return {
              code: 'invalid_value',
              message: 'Those instructions are not allowed.',
              param: 'session.instructions',
            };
          }
          const voice = (session['audio'] as { output?: { voice?: string } } | undefined)?.output?.voice;
          return voice === 'cedar' ? 'hold' : 'ack';
        },
      }),
    (store) => {
      void store.setField('audio.output.voice', 'cedar');
      void store.setField('instructions', 'Talk like a pirate.', { coalesce: false });
    },
  );
  return <SessionStatus {...props} session={store} />;
}

/** An update the server has not answered yet and one it refused: the counts name the fields. */
export const EditsWaiting: Story = {
  render: (args) => <EditsWaitingStatus {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('Pending').closest('div')).toHaveTextContent('1 (voice)'), {
      timeout: 3000,
    });
    await waitFor(() => expect(canvas.getByText('Rejected').closest('div')).toHaveTextContent('1 (instructions)'));
  },
};
