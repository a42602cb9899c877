import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ControlledHarness, SESSION_COMPONENT_ARG_TYPES } from '../support/component-story.js';
import { connectedTo, waitForOpenSession } from '../../.storybook/live-session.js';
import { SessionConfigForm } from '../../src/components/session-config-form/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop. Keep answers short.',
  audio: { output: { voice: 'marin' } },
});

const meta = {
  title: 'Components/SessionConfigForm',
  component: SessionConfigForm,
  args: { onValueChange: fn(), 'aria-label': 'Session settings' },
  argTypes: SESSION_COMPONENT_ARG_TYPES,
} satisfies Meta<typeof SessionConfigForm>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const section = (canvasElement: HTMLElement, id: string) => {
  const found = canvasElement.querySelector<HTMLDetailsElement>(`details[data-section="${id}"]`);
  if (found === null) throw new Error(`no section ${id}`);
  return found;
};
const summaryOf = (canvasElement: HTMLElement, id: string) =>
  section(canvasElement, id).querySelector('.rrs-section-status');
const voiceGroup = (canvas: Canvas) => canvas.getByRole('group', { name: /^Voice/ });

/** The parent owns the request; an edit in any section is reported through `onValueChange` as the whole request. */
export const Controlled: Story = {
  args: { defaultOpenSections: ['voice', 'reasoning'] },
  render: (args) => <ControlledHarness Component={SessionConfigForm} args={args} initial={request} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(within(voiceGroup(canvas)).getByRole('radio', { name: /^Cedar/ }));
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByLabelText('Request JSON')).toHaveTextContent('"voice": "cedar"');
    await userEvent.click(
      within(canvas.getByRole('group', { name: /^Reasoning effort/ })).getByRole('radio', { name: /^High/ }),
    );
    await expect(canvas.getByLabelText('Request JSON')).toHaveTextContent('"effort": "high"');
  },
};

/** The form keeps its own request; collapsed sections open on demand and keep their fields' values. */
export const Uncontrolled: Story = {
  args: { defaultValue: request, defaultOpenSections: ['model'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const audioIn = section(canvasElement, 'audio-in');
    await expect(audioIn.open).toBe(false);
    await userEvent.click(within(audioIn).getByText('Audio in'));
    await expect(audioIn.open).toBe(true);
    const turnDetection = canvas.getByRole('group', { name: /^Turn detection/ });
    await userEvent.click(within(turnDetection).getByRole('radio', { name: /^Semantic VAD/ }));
    await expect(within(turnDetection).getByRole('radio', { name: /^Semantic VAD/ })).toBeChecked();
  },
};

/** Inside a live session: each section sums up its fields, and an edit is applied on its own. */
export const Connected: Story = {
  ...connectedTo(request),
  args: { defaultOpenSections: ['audio-in'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForOpenSession(canvas);
    await waitFor(() => expect(summaryOf(canvasElement, 'audio-in')).toHaveTextContent('All applied'));
    const noise = canvas.getByRole('group', { name: /^Noise reduction/ });
    await userEvent.click(within(noise).getByRole('radio', { name: /^Near field/ }));
    await waitFor(() => expect(noise).toHaveAttribute('data-status', 'synced'), { timeout: 5000 });
    await expect(summaryOf(canvasElement, 'audio-in')).toHaveTextContent('All applied');
    await expect(summaryOf(canvasElement, 'voice')).toHaveTextContent('All applied');
  },
};

/** A section with an invalid field says so in its header, even collapsed; fixing the field clears it. */
export const Invalid: Story = {
  args: { defaultValue: request.copyWith({ maxOutputTokens: 5000 }), defaultOpenSections: ['model'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(summaryOf(canvasElement, 'limits')).toHaveTextContent('1 invalid');
    await expect(summaryOf(canvasElement, 'limits')).toHaveAttribute('data-status', 'invalid');
    await userEvent.click(within(section(canvasElement, 'limits')).getByText('Limits'));
    const tokens = canvas.getByRole('group', { name: /^Max output tokens/ });
    await userEvent.click(within(tokens).getByRole('radio', { name: /^No limit/ }));
    await expect(summaryOf(canvasElement, 'limits')).not.toHaveTextContent('invalid');
  },
};

/** Every control of every section is off. */
export const Disabled: Story = {
  args: { defaultValue: request, disabled: true, defaultOpenSections: ['model', 'voice', 'instructions'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('combobox', { name: 'Model' })).toBeDisabled();
    for (const radio of within(voiceGroup(canvas)).getAllByRole('radio')) await expect(radio).toBeDisabled();
    await expect(canvas.getByRole('textbox', { name: /^Instructions/ })).toBeDisabled();
  },
};
