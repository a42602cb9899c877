import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PromptReferenceEditor, usePromptField } from '../../src/components/prompt-reference-editor/index.js';
import { isOff, RealtimeOff, RealtimePrompt, RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { describeFieldContract } from './field-contract.js';

const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const image = { type: 'input_image', detail: 'low', image_url: 'https://example.com/a.png' } as const;
const withPrompt = unspecified.copyWith({
  prompt: new RealtimePrompt({ id: 'pmpt_abc', version: '3', variables: { city: 'Paris', photo: image } }),
});

const group = () => screen.getByRole('group', { name: 'Prompt' });
const mode = (name: string) => within(group()).getByRole('radio', { name: new RegExp(`^${name}`) });
const idBox = () => screen.getByRole('textbox', { name: 'Prompt ID' });
const versionBox = () => screen.getByRole('textbox', { name: 'Version' });
const promptOf = (next: unknown) => (next as RealtimeSessionCreateRequest).prompt;

describeFieldContract({
  name: 'PromptReferenceEditor',
  Component: PromptReferenceEditor,
  path: 'prompt',
  request: unspecified,
  edit: async (user) => {
    await user.click(idBox());
    await user.paste('pmpt_123');
    await user.tab();
  },
  edited: new RealtimePrompt({ id: 'pmpt_123' }),
  expectShown: (value) => {
    if (value instanceof RealtimePrompt) {
      expect(mode('Prompt template')).toBeChecked();
      expect(idBox()).toHaveValue(value.id);
    } else {
      expect(mode('No prompt')).toBeChecked();
      expect(idBox()).toHaveValue('');
    }
  },
  apiDefault: RealtimeOff,
  serverValue: {
    json: { prompt: { id: 'pmpt_abc', version: '3' } },
    value: new RealtimePrompt({ id: 'pmpt_abc', version: '3' }),
  },
  invalid: unspecified.copyWith({ prompt: new RealtimePrompt({ id: '' }) }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('PromptReferenceEditor', () => {
  it('shows a template with its version and variables; an input content variable shows as JSON', () => {
    render(<PromptReferenceEditor defaultValue={withPrompt} />);
    expect(mode('Prompt template')).toBeChecked();
    expect(idBox()).toHaveValue('pmpt_abc');
    expect(versionBox()).toHaveValue('3');
    expect(screen.getByRole('textbox', { name: 'Variable 1 name' })).toHaveValue('city');
    expect(screen.getByRole('textbox', { name: 'Variable 1 value' })).toHaveValue('Paris');
    expect(screen.getByRole('textbox', { name: 'Variable 2 value' })).toHaveValue(JSON.stringify(image));
  });

  it('starts a template from the radio, hiding the empty id’s error until the box is left', async () => {
    const onValueChange = vi.fn();
    render(<PromptReferenceEditor defaultValue={unspecified} onValueChange={onValueChange} />);
    await userEvent.click(mode('Prompt template'));
    expect((promptOf(onValueChange.mock.lastCall?.[0]) as RealtimePrompt).id).toBe('');
    expect(screen.queryByText('Prompt ID must not be empty.')).toBeNull();
    expect(within(group()).getByText('Incomplete')).toBeInTheDocument();
    idBox().focus();
    await userEvent.tab();
    expect(screen.getByText('Prompt ID must not be empty.')).toBeInTheDocument();
    expect(idBox()).toHaveAttribute('aria-invalid', 'true');
    expect(versionBox()).not.toHaveAttribute('aria-invalid');
  });

  it('edits the version and the variables; an emptied version means the latest', async () => {
    const onValueChange = vi.fn();
    render(<PromptReferenceEditor defaultValue={withPrompt} onValueChange={onValueChange} />);
    const wire = () => (onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).toJson().prompt;
    await userEvent.clear(versionBox());
    expect(wire()).toEqual({ id: 'pmpt_abc', variables: { city: 'Paris', photo: image } });
    await userEvent.type(screen.getByRole('textbox', { name: 'Variable 1 value' }), ' 6e');
    expect(wire()).toEqual({ id: 'pmpt_abc', variables: { city: 'Paris 6e', photo: image } });
    await userEvent.click(screen.getByRole('button', { name: 'Remove variable 2' }));
    expect(wire()).toEqual({ id: 'pmpt_abc', variables: { city: 'Paris 6e' } });
    await userEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    expect(wire()).toEqual({ id: 'pmpt_abc', variables: { city: 'Paris 6e', variable_2: '' } });
    await userEvent.click(screen.getByRole('button', { name: 'Remove variable 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove variable 1' }));
    expect(wire()).toEqual({ id: 'pmpt_abc' });
  });

  it('keeps an input content variable an object while its JSON is edited', async () => {
    const onValueChange = vi.fn();
    render(<PromptReferenceEditor defaultValue={withPrompt} onValueChange={onValueChange} />);
    const value = screen.getByRole('textbox', { name: 'Variable 2 value' });
    await userEvent.clear(value);
    await userEvent.click(value);
    await userEvent.paste('{"type":"input_text","text":"hi"}');
    const prompt = promptOf(onValueChange.mock.lastCall?.[0]) as RealtimePrompt;
    expect(prompt.variables).toEqual({ city: 'Paris', photo: { type: 'input_text', text: 'hi' } });
  });

  it('turns the prompt off with an explicit null, and brings the template back', async () => {
    const onValueChange = vi.fn();
    render(<PromptReferenceEditor defaultValue={withPrompt} onValueChange={onValueChange} />);
    await userEvent.click(mode('No prompt'));
    expect(isOff(promptOf(onValueChange.mock.lastCall?.[0]))).toBe(true);
    expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).toJson().prompt).toBeNull();
    expect(idBox()).toHaveValue('');
    expect(screen.queryByRole('textbox', { name: 'Version' })).toBeNull();
    await userEvent.click(mode('Prompt template'));
    expect(promptOf(onValueChange.mock.lastCall?.[0])).toBe(withPrompt.prompt);
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    let calls = 0;
    function Vetoing() {
      const { getIdInputProps } = usePromptField({ defaultValue: unspecified, onValueChange });
      return (
        <input
          aria-label="Prompt ID"
          {...getIdInputProps({
            onChange: (event) => {
              calls += 1;
              event.preventDefault();
            },
          })}
        />
      );
    }
    render(<Vetoing />);
    await userEvent.type(idBox(), 'p');
    expect(calls).toBe(1);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it.each([
    ['template', { defaultValue: withPrompt }],
    ['off', { defaultValue: unspecified }],
    ['disabled', { defaultValue: withPrompt, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<PromptReferenceEditor {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('applies a template to a live session, then removes it (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    const live: { store?: RealtimeSessionStore } = {};
    try {
      const { container } = render(
        <LiveSession emulator={emulator} initial={unspecified} onStore={(store) => (live.store = store)}>
          <PromptReferenceEditor />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      await waitFor(() => expect(mode('No prompt')).toBeChecked());
      expect(within(group()).getByText('Server value')).toBeInTheDocument();
      await userEvent.type(idBox(), 'pmpt_live');
      await userEvent.tab();
      const root = container.querySelector('.rrs-prompt-reference-editor');
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'));
      expect(within(group()).getByText('Applied')).toBeInTheDocument();
      expect(live.store?.getSnapshot().applied?.toJson().prompt).toEqual({ id: 'pmpt_live' });
      await userEvent.click(mode('No prompt'));
      await waitFor(() => expect(isOff(live.store?.getSnapshot().applied?.prompt)).toBe(true));
      expect(await axeViolations(container)).toEqual([]);
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});
