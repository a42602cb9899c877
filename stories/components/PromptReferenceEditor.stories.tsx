import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { PromptReferenceEditor } from '../../src/components/prompt-reference-editor/index.js';
import { RealtimePrompt, RealtimeSessionCreateRequest } from '../../src/model/index.js';

const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const request = unspecified.copyWith({
  prompt: new RealtimePrompt({ id: 'pmpt_support', version: '4', variables: { city: 'Paris', tier: 'gold' } }),
});

const meta = {
  title: 'Components/PromptReferenceEditor',
  component: PromptReferenceEditor,
  args: { onValueChange: fn() },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof PromptReferenceEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const idBox = (canvas: Canvas) => canvas.getByRole('textbox', { name: 'Prompt ID' });

/** The parent owns the request; typing an id turns the template on. */
export const Controlled: Story = {
  render: (args) => <ControlledHarness Component={PromptReferenceEditor} args={args} initial={unspecified} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(idBox(canvas), 'pmpt_123');
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByRole('radio', { name: /^Prompt template/ })).toBeChecked();
    await expect(canvas.getByLabelText('Request JSON')).toHaveTextContent('"id": "pmpt_123"');
  },
};

/** The editor keeps its own template: version, and variables as name–value rows. */
export const Uncontrolled: Story = {
  args: { defaultValue: request },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add variable' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Variable 3 value' }), 'fr');
    await expect(canvas.getByRole('textbox', { name: 'Variable 3 name' })).toHaveValue('variable_3');
  },
};

/** Inside a live session: the server has no prompt; a template is applied by the emulator. */
export const Connected: Story = {
  ...connectedTo(unspecified),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    const group = canvas.getByRole('group', { name: 'Prompt' });
    await waitFor(() => expect(within(group).getByRole('radio', { name: /^No prompt/ })).toBeChecked());
    await expect(within(group).getByText('Server value')).toBeVisible();
    await userEvent.type(idBox(canvas), 'pmpt_live');
    await userEvent.tab();
    await waitFor(() => expect(group).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(within(group).getByText('Applied')).toBeVisible();
  },
};

/** A template without an id is invalid, says which box, and is never sent. */
export const Invalid: Story = {
  args: { defaultValue: unspecified.copyWith({ prompt: new RealtimePrompt({ id: '', version: '2' }) }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(idBox(canvas)).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('Prompt ID must not be empty.')).toBeVisible();
    await userEvent.type(idBox(canvas), 'pmpt_fixed');
    await expect(idBox(canvas)).not.toHaveAttribute('aria-invalid');
  },
};

/** Every control is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(idBox(canvas)).toBeDisabled();
    await expect(canvas.getByRole('textbox', { name: 'Version' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Add variable' })).toBeDisabled();
  },
};
