import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { connectedTo } from '../../.storybook/live-session.js';
import { EventLog, type EventLogProps } from '../../src/components/event-log/index.js';
import { createSessionStore, RealtimeSessionCreateRequest } from '../../src/index.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop.',
  audio: { output: { voice: 'marin' } },
});

const meta = {
  title: 'Components/EventLog',
  component: EventLog,
  args: { label: 'Event log', onPausedChange: fn() },
  argTypes: {
    session: { control: false },
    formatTime: { control: false },
    paused: { control: 'boolean' },
    onPausedChange: { table: { category: 'Events' } },
  },
} satisfies Meta<typeof EventLog>;

export default meta;
type Story = StoryObj<typeof meta>;

const rowTypes = (canvas: ReturnType<typeof within>) =>
  canvas.queryAllByRole('listitem').map((item: HTMLElement) => item.getAttribute('data-type'));

/** A live session's frames: open one to see its payload; audio shows as its length. */
export const Connected: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowTypes(canvas)).toContain('session.updated'), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Make the assistant speak' }));
    await waitFor(() => expect(rowTypes(canvas)).toContain('response.output_audio.delta'), { timeout: 5000 });
    await userEvent.type(canvas.getByRole('combobox', { name: 'Filter by type' }), 'session.update');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Direction' }), 'Sent');
    const [row] = within(canvas.getByRole('list', { name: 'Events, newest first' })).getAllByRole('button');
    await userEvent.click(row as HTMLElement);
    await expect(row).toHaveAttribute('aria-expanded', 'true');
    await expect(canvas.getByText(/"type": "session.update"/)).toBeVisible();
  },
};

function EmptyLog(props: EventLogProps) {
  const [store] = useState(() => createSessionStore({ initial: request }));
  return <EventLog {...props} session={store} />;
}

/** Nothing sent or received yet. */
export const Empty: Story = {
  render: (args) => <EmptyLog {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('No events yet.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'false');
  },
};

/** Paused: the list stays as it was while the count of new frames grows. */
export const Paused: Story = {
  ...connectedTo(request),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rowTypes(canvas)).toContain('session.updated'), { timeout: 5000 });
    const pause = canvas.getByRole('button', { name: 'Pause' });
    await userEvent.click(pause);
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
    await expect(args.onPausedChange).toHaveBeenCalledWith(true);
    const frozen = rowTypes(canvas);
    await userEvent.click(canvas.getByRole('button', { name: 'Make the assistant speak' }));
    await expect(
      await canvas.findByText(/^Paused: [1-9]\d* new events?\.$/, undefined, { timeout: 5000 }),
    ).toBeVisible();
    await expect(rowTypes(canvas)).toEqual(frozen);
  },
};
