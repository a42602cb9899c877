import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  InstructionsEditor,
  useInstructionsField,
  type InstructionsEditorProps,
} from '../../src/components/instructions-editor/index.js';
import { VoicePicker } from '../../src/components/voice-picker/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { EMULATOR_DEFAULT_INSTRUCTIONS, startRealtimeEmulator } from '../../src/server/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { describeFieldContract, openSession } from './field-contract.js';

const unspecified = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const request = unspecified.copyWith({ instructions: 'Be kind.' });
const box = () => screen.getByRole('textbox', { name: 'Instructions' });

/** The limit the contract runs with: the API sets none, so only a limit of the app's own makes the text invalid. */
const LIMIT = 20;
const Limited = (props: InstructionsEditorProps) => <InstructionsEditor maxLength={LIMIT} {...props} />;

describeFieldContract({
  name: 'InstructionsEditor',
  Component: Limited,
  path: 'instructions',
  request: unspecified,
  edit: async (user) => {
    await user.click(box());
    await user.paste('Be brief.');
    await user.tab();
  },
  edited: 'Be brief.',
  expectShown: (value) => expect(box()).toHaveValue(value ?? ''),
  apiDefault: '',
  serverValue: { json: { instructions: 'Server says hi.' }, value: 'Server says hi.' },
  invalid: unspecified.copyWith({ instructions: 'x'.repeat(LIMIT + 5) }),
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('InstructionsEditor', () => {
  it('counts the characters as they are typed', async () => {
    render(<InstructionsEditor defaultValue={request} />);
    expect(screen.getByText('8 characters')).toBeInTheDocument();
    await userEvent.type(box(), ' Really.');
    expect(box()).toHaveValue('Be kind. Really.');
    const count = screen.getByText('16 characters');
    expect(box().getAttribute('aria-describedby')?.split(' ')).toContain(count.id);
  });

  it('reports each edit, and an emptied box as empty instructions (not unspecified)', async () => {
    const onValueChange = vi.fn();
    render(<InstructionsEditor defaultValue={request} onValueChange={onValueChange} />);
    await userEvent.clear(box());
    const last = onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest;
    expect(last.instructions).toBe('');
    expect(box()).toHaveAttribute('placeholder', 'No instructions.');
  });

  it('says what an unspecified box means', () => {
    render(<InstructionsEditor defaultValue={unspecified} />);
    expect(box()).toHaveAttribute('placeholder', 'Unspecified: the server uses its own default instructions.');
    expect(screen.getByText('Default')).toBeInTheDocument();
  });

  describe('with maxLength', () => {
    it('keeps longer text in the box, invalid and never reported, until it is shortened', async () => {
      const onValueChange = vi.fn();
      render(<InstructionsEditor defaultValue={request} maxLength={10} onValueChange={onValueChange} />);
      await userEvent.type(box(), ' Yes!');
      expect(box()).toHaveValue('Be kind. Yes!');
      expect(box()).toHaveAttribute('aria-invalid', 'true');
      const error = screen.getByText(/3 characters over the limit of 10/);
      expect(box().getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
      expect(screen.getByText('13 / 10 characters')).toHaveAttribute('data-invalid');
      const reported = onValueChange.mock.calls.map(([next]) => (next as RealtimeSessionCreateRequest).instructions);
      expect(reported).toEqual(['Be kind. ', 'Be kind. Y']);
      await userEvent.type(box(), '{Backspace}{Backspace}{Backspace}');
      expect(box()).not.toHaveAttribute('aria-invalid');
      expect(screen.queryByText(/over the limit/)).toBeNull();
      expect((onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest).instructions).toBe('Be kind. Y');
    });

    it('never sends text over the limit on a live session', async () => {
      const { store, transport } = openSession(request, { instructions: 'Be kind.' });
      render(
        <RealtimeSessionProvider session={store}>
          <InstructionsEditor maxLength={10} />
        </RealtimeSessionProvider>,
      );
      const before = transport.updates().length;
      await userEvent.type(box(), ' Too long');
      await userEvent.tab();
      const sent = transport.updates().slice(before);
      expect(sent.map((update) => update.session.instructions)).toEqual(['Be kind. T']);
      expect(within(screen.getByRole('group', { name: 'Instructions' })).getByText('Invalid')).toBeInTheDocument();
    });
  });

  it('sends typing once the box is left, as one session.update', async () => {
    const { store, transport } = openSession(unspecified, { instructions: 'Server says hi.' }, { coalesceMs: 60_000 });
    render(
      <RealtimeSessionProvider session={store}>
        <InstructionsEditor />
      </RealtimeSessionProvider>,
    );
    expect(box()).toHaveValue('Server says hi.');
    const before = transport.updates().length;
    await userEvent.clear(box());
    await userEvent.type(box(), 'Answer in French.');
    expect(transport.updates().length).toBe(before);
    await userEvent.tab();
    expect(
      transport
        .updates()
        .slice(before)
        .map((update) => update.session.instructions),
    ).toEqual(['Answer in French.']);
  });

  it('re-renders no other kit component while typing', () => {
    const { store } = openSession(unspecified);
    const renders = new Map<string, number>();
    const count: ProfilerOnRenderCallback = (id) => renders.set(id, (renders.get(id) ?? 0) + 1);
    render(
      <RealtimeSessionProvider session={store}>
        <Profiler id="instructions" onRender={count}>
          <InstructionsEditor />
        </Profiler>
        <Profiler id="voice" onRender={count}>
          <VoicePicker />
        </Profiler>
      </RealtimeSessionProvider>,
    );
    renders.clear();
    const typed = 'Speak slowly.';
    for (let index = 1; index <= typed.length; index++) {
      fireEvent.change(box(), { target: { value: typed.slice(0, index) } });
    }
    act(() => store.commit());
    expect(renders.get('instructions')).toBeGreaterThanOrEqual(typed.length);
    expect(renders.get('voice') ?? 0).toBe(0);
  });

  it('runs a user onChange first, and a preventDefault() there skips its own', async () => {
    const onValueChange = vi.fn();
    const seen: string[] = [];
    function Vetoing() {
      const { getTextareaProps } = useInstructionsField({ defaultValue: request, onValueChange });
      return (
        <textarea
          aria-label="Instructions"
          {...getTextareaProps({
            onChange: (event) => {
              seen.push(event.target.value);
              event.preventDefault();
            },
          })}
        />
      );
    }
    render(<Vetoing />);
    await userEvent.type(box(), '!');
    expect(seen).toEqual(['Be kind.!']);
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it.each([
    ['default', { defaultValue: unspecified }],
    ['over the limit', { defaultValue: request, maxLength: 4 }],
    ['disabled', { defaultValue: request, disabled: true }],
  ] as const)('has no axe violations: %s', async (_name, props) => {
    const { container } = render(<InstructionsEditor {...props} />);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows and edits the instructions of a live session (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    const live: { store?: RealtimeSessionStore } = {};
    try {
      const { container } = render(
        <LiveSession emulator={emulator} initial={unspecified} onStore={(store) => (live.store = store)}>
          <InstructionsEditor />
        </LiveSession>,
      );
      await screen.findByText('status: open');
      // Unspecified, the box shows the server's own default instructions.
      await waitFor(() => expect(box()).toHaveValue(EMULATOR_DEFAULT_INSTRUCTIONS));
      expect(screen.getByText('Server value')).toBeInTheDocument();
      await userEvent.clear(box());
      await userEvent.type(box(), 'Answer like a pirate.');
      await userEvent.tab();
      const root = container.querySelector('.rrs-instructions-editor');
      await waitFor(() => expect(root).toHaveAttribute('data-status', 'synced'));
      expect(screen.getByText('Applied')).toBeInTheDocument();
      expect(live.store?.getSnapshot().applied?.instructions).toBe('Answer like a pirate.');
      expect(await axeViolations(container)).toEqual([]);
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});
