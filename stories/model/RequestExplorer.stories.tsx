import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { RequestExplorer, type RequestExplorerProps } from './RequestExplorer.js';

function StatefulExplorer(props: RequestExplorerProps) {
  const [values, setValues] = useState(props);
  return (
    <RequestExplorer
      {...values}
      onChange={(patch) => {
        props.onChange?.(patch);
        setValues((previous) => ({ ...previous, ...patch }));
      }}
    />
  );
}

const meta = {
  title: 'Model/RequestExplorer',
  component: RequestExplorer,
  args: {
    model: 'gpt-realtime-2',
    voice: 'marin',
    instructions: 'You are a helpful assistant.',
    reasoningEffort: 'low',
    maxOutputTokens: 'inf',
    onChange: fn(),
  },
  argTypes: {
    reasoningEffort: { control: 'select', options: ['unset', 'minimal', 'low', 'medium', 'high', 'xhigh'] },
    onChange: { table: { category: 'Events' } },
  },
  // The form keeps its edits in React state; a change in the Controls panel starts it afresh from the new args.
  render: (args) => {
    const key = JSON.stringify(args, (name, value: unknown) => (name === 'onChange' ? undefined : value));
    return <StatefulExplorer key={key} {...args} />;
  },
} satisfies Meta<typeof RequestExplorer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A config that validates: its `toJson()` and no issues. */
export const Valid: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('None: this config can be sent.')).toBeVisible();
    await expect(canvas.getByLabelText('toJson()')).toHaveTextContent('"voice": "marin"');
  },
};

/** An out-of-range `max_output_tokens` is an issue at its path. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const tokens = canvas.getByRole('textbox', { name: 'Max output tokens' });
    await userEvent.clear(tokens);
    await userEvent.type(tokens, '5000');
    const issues = await canvas.findByRole('list', { name: 'Validation issues' });
    await expect(issues).toHaveTextContent("max_output_tokens: must be between 1 and 4096, or 'inf'");
  },
};

/** A model that cannot reason: a reasoning effort on it is an issue. */
export const ReasoningUnavailable: Story = {
  args: { model: 'gpt-realtime', reasoningEffort: 'high' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('list', { name: 'Validation issues' })).toHaveTextContent(
      'reasoning: is only supported by reasoning models, not gpt-realtime',
    );
  },
};
