import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CUSTOM_MODEL_OPTION, ModelPicker, useModelField } from '../../src/components/model-picker/index.js';
import { REALTIME_MODELS, RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { emulatorPerTest, LiveSession } from '../support/live-session.js';
import { describeFieldContract, openSession } from './field-contract.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });

const group = () => screen.getByRole('group', { name: /^Model/ });
const list = () => within(group()).getByRole('combobox', { name: 'Model' });
const choose = (model: string) => userEvent.selectOptions(list(), model);
const chooseCustom = () => choose(CUSTOM_MODEL_OPTION);
const customId = () => screen.getByRole('textbox', { name: 'Custom model ID' });
const facts = () => group().querySelector('.rrs-model-facts');
const rootOf = () => document.querySelector('.rrs-model-picker');

// Every request names its model, so the draft always has one: the model never shows a default or a
// server value, and a live session locks it (see openSession), so no session.update carries it for a
// server to refuse. The contract leaves those cases out; the tests below show what happens instead.

describe('ModelPicker, contract', () => {
  describeFieldContract({
    name: 'ModelPicker',
    Component: ModelPicker,
    path: 'model',
    alwaysSpecified: true,
    request,
    edit: (user) => user.selectOptions(list(), 'gpt-realtime-mini'),
    edited: 'gpt-realtime-mini',
    expectShown: (value) => expect(list()).toHaveValue(value ?? ''),
    // What a refused edit leaves on show: the request's own model (there is no API default).
    apiDefault: 'gpt-realtime-2',
    serverValue: { json: { model: 'gpt-realtime-2' }, value: 'gpt-realtime-2' },
    invalid: new RealtimeSessionCreateRequest({ model: '' }),
    // Opening the session already locks the model (the store does it on session.created).
    lock: () => {},
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ModelPicker', () => {
  it('offers every model of the capability table in one list, reasoning ones first, and dates the deprecated ones', () => {
    render(<ModelPicker defaultValue={request} />);
    const options = within(list()).getAllByRole('option');
    expect(options.map((option) => option.getAttribute('value'))).toEqual([
      ...REALTIME_MODELS.filter((model) => model.reasoning).map((model) => model.id),
      ...REALTIME_MODELS.filter((model) => !model.reasoning).map((model) => model.id),
      CUSTOM_MODEL_OPTION,
    ]);
    expect(list()).toHaveValue('gpt-realtime-2');
    expect(within(list()).getByRole('option', { name: 'gpt-realtime-2 (reasons)' })).toBeInTheDocument();
    expect(within(list()).getByRole('option', { name: 'gpt-realtime-mini' })).toBeInTheDocument();
    expect(within(list()).getByRole('option', { name: 'gpt-realtime (shuts down 2027-01-20)' })).toBeInTheDocument();
    expect(within(list()).getByRole('group', { name: 'Reasoning models' })).toBeInTheDocument();
  });

  it('tags the chosen model with what sets it apart', async () => {
    render(<ModelPicker defaultValue={new RealtimeSessionCreateRequest({ model: 'gpt-realtime' })} />);
    expect(facts()).toHaveTextContent('Shuts down 2027-01-20');
    expect(facts()).toHaveAttribute('data-deprecated');
    expect(within(facts() as HTMLElement).getByText('Shuts down 2027-01-20')).toHaveAttribute(
      'title',
      'Replaced by gpt-realtime-2',
    );
    await choose('gpt-realtime-2');
    expect(facts()).toHaveTextContent('Reasons');
    expect(facts()).toHaveAttribute('data-reasoning');
    await choose('gpt-realtime-mini');
    expect(facts()).toBeNull();
  });

  it('always shows the draft’s model: never Default, never Server value', () => {
    render(<ModelPicker defaultValue={request} />);
    expect(rootOf()).toHaveAttribute('data-source', 'draft');
    expect(within(group()).queryByText('Default')).toBeNull();
    cleanup();
    const { store } = openSession(request, { model: 'gpt-realtime-2' });
    render(
      <RealtimeSessionProvider session={store}>
        <ModelPicker />
      </RealtimeSessionProvider>,
    );
    expect(list()).toHaveValue('gpt-realtime-2');
    expect(rootOf()).toHaveAttribute('data-source', 'draft');
    expect(within(group()).queryByText('Server value')).toBeNull();
  });

  it('reports a new model, from a native list the keyboard reaches', async () => {
    const onValueChange = vi.fn();
    render(<ModelPicker defaultValue={request} onValueChange={onValueChange} />);
    // A native select: the browser gives it arrow keys and type-ahead; jsdom has neither, so the tab stop is checked here.
    await userEvent.tab();
    expect(list()).toHaveFocus();
    await choose('gpt-realtime-2.1');
    expect(list()).toHaveValue('gpt-realtime-2.1');
    expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).model).toBe('gpt-realtime-2.1');
  });

  it('says when the chosen model shuts down and what replaces it', () => {
    render(<ModelPicker defaultValue={new RealtimeSessionCreateRequest({ model: 'gpt-realtime' })} />);
    const note = screen.getByText(/gpt-realtime shuts down on 2027-01-20; move to gpt-realtime-2\./);
    expect(group().getAttribute('aria-describedby')?.split(' ')).toContain(note.id);
  });

  describe('custom model', () => {
    it('keeps the box while the typed id passes through a listed one', async () => {
      const onValueChange = vi.fn();
      render(<ModelPicker defaultValue={request} onValueChange={onValueChange} />);
      expect(screen.queryByRole('textbox', { name: 'Custom model ID' })).toBeNull();
      await chooseCustom();
      expect(customId()).toBeEnabled();
      expect(customId()).toHaveValue('');
      await userEvent.type(customId(), 'gpt-realtime');
      // "gpt-realtime" is a listed model, but the user is still typing.
      expect(list()).toHaveValue(CUSTOM_MODEL_OPTION);
      await userEvent.type(customId(), '-3');
      expect(customId()).toHaveValue('gpt-realtime-3');
      expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).model).toBe('gpt-realtime-3');
      expect(screen.getByText(/taken to be a newer reasoning model/)).toBeInTheDocument();
      await choose('gpt-realtime-mini');
      expect(screen.queryByRole('textbox', { name: 'Custom model ID' })).toBeNull();
      await chooseCustom();
      expect(customId()).toHaveValue('');
    });

    it('once left, a typed id the table lists is shown as that model', async () => {
      render(<ModelPicker defaultValue={request} />);
      await chooseCustom();
      await userEvent.type(customId(), 'gpt-realtime-2.1');
      expect(list()).toHaveValue(CUSTOM_MODEL_OPTION);
      expect(screen.queryByText(/newer reasoning model/)).toBeNull();
      await userEvent.tab();
      expect(list()).toHaveValue('gpt-realtime-2.1');
      expect(screen.queryByRole('textbox', { name: 'Custom model ID' })).toBeNull();
    });

    it('hides the error of a new, empty id until its box is left', async () => {
      render(<ModelPicker defaultValue={request} />);
      await chooseCustom();
      expect(customId()).not.toHaveAttribute('aria-invalid');
      expect(within(group()).getByText('Incomplete')).toBeInTheDocument();
      expect(group().querySelector('.rrs-error')).toBeNull();
      await userEvent.click(customId());
      await userEvent.tab();
      expect(customId()).toHaveAttribute('aria-invalid', 'true');
      const error = group().querySelector('.rrs-error');
      expect(error).not.toBeNull();
      expect(customId().getAttribute('aria-describedby')?.split(' ')).toContain(error?.id);
    });

    it('shows a model the table does not list as a custom id, and says it cannot check it', () => {
      render(<ModelPicker defaultValue={new RealtimeSessionCreateRequest({ model: 'ft:my-realtime' })} />);
      expect(list()).toHaveValue(CUSTOM_MODEL_OPTION);
      expect(customId()).toHaveValue('ft:my-realtime');
      const hint = screen.getByText(/ft:my-realtime is not in the capability table/);
      expect(customId().getAttribute('aria-describedby')?.split(' ')).toContain(hint.id);
    });

    it('a custom id the parent does not take leaves the given model on show', async () => {
      const onValueChange = vi.fn();
      render(<ModelPicker value={request} onValueChange={onValueChange} />);
      await chooseCustom();
      expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).model).toBe('');
      expect(list()).toHaveValue('gpt-realtime-2');
      expect(screen.queryByRole('textbox', { name: 'Custom model ID' })).toBeNull();
    });
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    const seen: string[] = [];
    function Vetoing() {
      const { state, getOptionProps } = useModelField({ defaultValue: request, onValueChange });
      return [...state.options.map((option) => option.model), CUSTOM_MODEL_OPTION].map((option) => (
        <label key={option}>
          <input
            {...getOptionProps(option, {
              onChange: (event) => {
                seen.push(option);
                event.preventDefault();
              },
            })}
          />
          {option}
        </label>
      ));
    }
    render(<Vetoing />);
    await userEvent.click(screen.getByRole('radio', { name: 'gpt-realtime-mini' }));
    expect(seen).toEqual(['gpt-realtime-mini']);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  describe('connected', () => {
    it('explains the lock of an open session before any edit, and offers the reconnect only for one', async () => {
      const { store, transport } = openSession(request);
      render(
        <RealtimeSessionProvider session={store}>
          <ModelPicker />
        </RealtimeSessionProvider>,
      );
      const note = screen.getByText(/The model of a live session cannot change/);
      expect(note).toHaveTextContent(/the conversation restarts/);
      expect(screen.queryByRole('button', { name: 'Reconnect to apply' })).toBeNull();
      await choose('gpt-realtime-2.1-mini');
      expect(group()).toHaveAttribute('data-status', 'locked');
      expect(within(group()).getByText('Locked')).toBeInTheDocument();
      // A session.update never carries the model: the new one only travels with the next connect.
      expect(transport.updates().some((update) => JSON.stringify(update).includes('gpt-realtime-2.1-mini'))).toBe(
        false,
      );
      await userEvent.click(screen.getByRole('button', { name: 'Reconnect to apply' }));
      expect(transport.connects.at(-1)).toBe('gpt-realtime-2.1-mini');
    });

    it('an edit while not connected waits for the session, which opens with it', async () => {
      const store = createSessionStore({ initial: request, batchNotify: act });
      render(
        <RealtimeSessionProvider session={store}>
          <ModelPicker />
        </RealtimeSessionProvider>,
      );
      await choose('gpt-realtime-mini');
      expect(store.getSnapshot().draft.model).toBe('gpt-realtime-mini');
      expect(within(group()).getByText('Not sent')).toBeInTheDocument();
    });
  });

  describe('accessibility', () => {
    it.each([
      ['default', { defaultValue: request }],
      ['deprecated model', { defaultValue: new RealtimeSessionCreateRequest({ model: 'gpt-realtime' }) }],
      ['custom model', { defaultValue: new RealtimeSessionCreateRequest({ model: 'ft:my-realtime' }) }],
      ['empty custom id', { defaultValue: new RealtimeSessionCreateRequest({ model: '' }) }],
      ['disabled', { defaultValue: request, disabled: true }],
    ] as const)(
      'has no axe violations: %s (the locked state is checked in the live session below)',
      async (_n, props) => {
        const { container } = render(<ModelPicker {...props} />);
        expect(await axeViolations(container)).toEqual([]);
      },
    );
  });
});

describe('ModelPicker in a live session (emulator)', () => {
  const emulator = emulatorPerTest();

  it('holds a new model until Reconnect to apply, then opens a session on it', async () => {
    const live: { store?: RealtimeSessionStore } = {};
    const { container } = render(
      <LiveSession emulator={emulator()} initial={request} onStore={(store) => (live.store = store)}>
        <ModelPicker />
      </LiveSession>,
    );
    await screen.findByText('status: open');
    expect(screen.getByText(/The model of a live session cannot change/)).toBeInTheDocument();
    await choose('gpt-realtime-mini');
    await waitFor(() => expect(group()).toHaveAttribute('data-status', 'locked'));
    expect(await axeViolations(container)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Reconnect to apply' }));
    await waitFor(() => expect(live.store?.getSnapshot().applied?.model).toBe('gpt-realtime-mini'), { timeout: 3000 });
    await waitFor(() => expect(group()).toHaveAttribute('data-status', 'synced'));
    expect(list()).toHaveValue('gpt-realtime-mini');
    expect(within(group()).getByText('Applied')).toBeInTheDocument();
  }, 20_000);
});
