import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { InstructionsEditor } from '../../src/components/instructions-editor/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const request = unspecified.copyWith({
  instructions: 'You are a friendly support agent for Acme. Keep answers short.',
});

const meta = {
  title: 'Components/InstructionsEditor',
  component: InstructionsEditor,
  args: { onValueChange: fn() },
  argTypes: { ...SESSION_COMPONENT_ARG_TYPES, maxLength: { control: 'number' } },
} satisfies Meta<typeof InstructionsEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

const box = (canvas: ReturnType<typeof within>) => canvas.getByRole('textbox', { name: 'Instructions' });

/** The parent owns the request; each keystroke is reported through `onValueChange`. */
export const Controlled: Story = {
  render: (args) => (
    <ControlledHarness
      Component={InstructionsEditor}
      args={args}
      // Short, so the readout's one line fits the panel without scrolling.
      initial={unspecified.copyWith({ instructions: 'Be kind.' })}
    />
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(box(canvas), ' Speak French.');
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Request JSON')).toHaveTextContent('"instructions": "Be kind. Speak French."');
  },
};

/** The editor keeps its own text, starting from `defaultValue`, and counts the characters. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('62 characters')).toBeVisible();
    await userEvent.type(box(canvas), '!');
    await expect(canvas.getByText('63 characters')).toBeVisible();
  },
};

/** Unspecified, the box shows the server's own default instructions; an edit is sent when the box is left. */
export const Connected: Story = {
  ...connectedTo(unspecified),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(box(canvas)).not.toHaveValue(''));
    await expect(canvas.getByText('Server value')).toBeVisible();
    await userEvent.clear(box(canvas));
    await userEvent.type(box(canvas), 'Answer like a pirate.');
    await userEvent.tab();
    const group = canvas.getByRole('group', { name: 'Instructions' });
    await waitFor(() => expect(group).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(group).getByText('Applied')).toBeVisible();
  },
};

/** With `maxLength`, longer text stays in the box, marked invalid, and is not sent until it is shortened. */
export const Invalid: Story = {
  args: { defaultValue: request, maxLength: 50 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(box(canvas)).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText(/12 characters over the limit of 50/)).toBeVisible();
    await userEvent.clear(box(canvas));
    await userEvent.type(box(canvas), 'Be brief.');
    await expect(box(canvas)).not.toHaveAttribute('aria-invalid');
    await expect(canvas.getByText('9 / 50 characters')).toBeVisible();
  },
};

/** The box is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    await expect(box(within(canvasElement))).toBeDisabled();
  },
};
