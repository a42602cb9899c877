import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  OutputModalitiesPicker,
  useOutputModalitiesField,
} from '../../src/components/output-modalities-picker/index.js';
import { RealtimeSessionCreateRequest, type RealtimeOutputModality } from '../../src/model/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { describeFieldContract } from './field-contract.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });
const group = () => screen.getByRole('group', { name: /^Output/ });
const audio = () => within(group()).getByRole('radio', { name: /^Audio and transcript/ });
const text = () => within(group()).getByRole('radio', { name: /^Text only/ });
const radioOf = (modality: RealtimeOutputModality | undefined) => (modality === 'text' ? text() : audio());

describeFieldContract({
  name: 'OutputModalitiesPicker',
  Component: OutputModalitiesPicker,
  path: 'output_modalities',
  request,
  edit: (user) => user.click(text()),
  edited: ['text'],
  expectShown: (value) => expect(radioOf(value?.[0])).toBeChecked(),
  apiDefault: ['audio'],
  serverValue: { json: { output_modalities: ['text'] }, value: ['text'] },
  invalid: request.copyWith({ outputModalities: ['audio', 'text'] }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('OutputModalitiesPicker', () => {
  it('is exclusive: the value is always a one-element list', async () => {
    const onValueChange = vi.fn();
    render(<OutputModalitiesPicker defaultValue={request} onValueChange={onValueChange} />);
    expect(audio()).toBeChecked();
    expect(audio().closest('label')).toHaveAttribute('data-default');
    await userEvent.click(text());
    expect(audio()).not.toBeChecked();
    expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).outputModalities).toEqual(['text']);
    await userEvent.click(audio());
    expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).outputModalities).toEqual(['audio']);
  });

  it('is operable from the keyboard', async () => {
    render(<OutputModalitiesPicker defaultValue={request} />);
    audio().focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(text()).toBeChecked();
  });

  it.each([
    ['both', ['audio', 'text']],
    ['none', []],
  ] as const)('checks neither choice for a list naming %s, says why, and a choice fixes it', async (_name, list) => {
    const onValueChange = vi.fn();
    render(
      <OutputModalitiesPicker
        defaultValue={request.copyWith({ outputModalities: list })}
        onValueChange={onValueChange}
      />,
    );
    expect(audio()).not.toBeChecked();
    expect(text()).not.toBeChecked();
    const message = screen.getByText("must name exactly one modality: ['audio'] or ['text']");
    expect(group().getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(group()).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(audio());
    expect(group()).not.toHaveAttribute('data-status', 'invalid');
    expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).outputModalities).toEqual(['audio']);
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    const seen: string[] = [];
    function Vetoing() {
      const { state, getOptionProps } = useOutputModalitiesField({ defaultValue: request, onValueChange });
      return state.options.map((modality) => (
        <label key={modality}>
          <input
            {...getOptionProps(modality, {
              onChange: (event) => {
                seen.push(modality);
                event.preventDefault();
              },
            })}
          />
          {modality}
        </label>
      ));
    }
    render(<Vetoing />);
    await userEvent.click(screen.getByRole('radio', { name: 'text' }));
    expect(seen).toEqual(['text']);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it.each([
    ['default', { defaultValue: request }],
    ['text', { defaultValue: request.copyWith({ outputModalities: ['text'] }) }],
    ['invalid', { defaultValue: request.copyWith({ outputModalities: ['audio', 'text'] }) }],
    ['disabled', { defaultValue: request, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<OutputModalitiesPicker {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('applies to a live session (emulator), starting from what a fresh session uses', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    const live: { store?: RealtimeSessionStore } = {};
    try {
      render(
        <LiveSession emulator={emulator} initial={request} onStore={(store) => (live.store = store)}>
          <OutputModalitiesPicker />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      await waitFor(() => expect(within(group()).getByText('Server value')).toBeInTheDocument());
      expect(audio()).toBeChecked();
      await userEvent.click(text());
      await waitFor(() => expect(group()).toHaveAttribute('data-status', 'synced'));
      expect(within(group()).getByText('Applied')).toBeInTheDocument();
      expect(text()).toBeChecked();
      expect(live.store?.getSnapshot().applied?.outputModalities).toEqual(['text']);
    } finally {
      cleanup();
      await emulator.close();
    }
  }, 20_000);
});
