import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionConfigForm } from '../../src/components/session-config-form/index.js';
import {
  REALTIME_SESSION_FIELD_PATHS,
  RealtimeSessionCreateRequest,
  sessionFieldJson,
  type JsonObject,
} from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { startRealtimeEmulator } from '../../src/server/index.js';
import { axeViolations } from '../support/axe.js';
import { LiveSession } from '../support/live-session.js';
import { openSession } from './field-contract.js';

/** A request that sets every field of a session. */
const full = RealtimeSessionCreateRequest.fromJson({
  model: 'gpt-realtime-2',
  instructions: 'You are the voice agent of a bike shop.',
  output_modalities: ['audio'],
  tools: [{ type: 'function', name: 'lookup_order', description: 'Finds an order.' }],
  tool_choice: 'required',
  max_output_tokens: 321,
  parallel_tool_calls: false,
  reasoning: { effort: 'high' },
  tracing: 'auto',
  truncation: 'disabled',
  include: ['item.input_audio_transcription.logprobs'],
  prompt: { id: 'pmpt_123' },
  audio: {
    input: {
      format: { type: 'audio/pcmu' },
      transcription: { model: 'gpt-4o-mini-transcribe', language: 'en' },
      noise_reduction: { type: 'far_field' },
      turn_detection: { type: 'semantic_vad', eagerness: 'high' },
    },
    output: { format: { type: 'audio/pcma' }, voice: 'cedar', speed: 1.2 },
  },
});

const plain = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });

// The whole form is a large tree for jsdom: give each test room.
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const form = () => screen.getByRole('region', { name: 'Session settings' }) as HTMLElement;
const renderForm = (props: Parameters<typeof SessionConfigForm>[0]) =>
  render(<SessionConfigForm role="region" aria-label="Session settings" {...props} />);

describe('SessionConfigForm', () => {
  describe('given a request that sets every field', () => {
    it('has a control for every field, and every field shows its own value', () => {
      expect(Object.keys(full.toJson())).not.toContain('extra');
      for (const path of REALTIME_SESSION_FIELD_PATHS) {
        expect(sessionFieldJson(full.toJson() as unknown as JsonObject, path), path).toBeDefined();
      }
      renderForm({ defaultValue: full });
      for (const path of REALTIME_SESSION_FIELD_PATHS) {
        const group = form().querySelector(`[data-field="${path}"]`);
        expect(group, `no control for ${path}`).not.toBeNull();
      }
      expect(within(form()).getByRole('radio', { name: /^Cedar/ })).toBeChecked();
      expect(within(form()).getByRole('textbox', { name: /^Speed/ })).toHaveValue('1.2');
      expect(within(form()).getByDisplayValue('You are the voice agent of a bike shop.')).toBeInTheDocument();
      expect(within(form()).getByDisplayValue('321')).toBeInTheDocument();
      expect(within(form()).getByDisplayValue('pmpt_123')).toBeInTheDocument();
      expect(within(form()).getByDisplayValue('lookup_order')).toBeInTheDocument();
      // Nothing is shown as a default or server value: the request specifies all of it.
      expect(form().querySelector('[data-source="default"], [data-source="applied"]')).toBeNull();
    });

    it('has no axe violations', async () => {
      renderForm({ defaultValue: full });
      expect(await axeViolations(form())).toEqual([]);
    });
  });

  describe('standalone', () => {
    it('uncontrolled: an edit in any field reports the whole request', async () => {
      const onValueChange = vi.fn();
      renderForm({ defaultValue: full, onValueChange });
      await userEvent.click(within(form()).getByRole('radio', { name: /^Marin/ }));
      const next = onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest;
      expect(next.audio?.output?.voice).toBe('marin');
      expect(next.toJson()).toEqual({
        ...full.toJson(),
        audio: { ...full.toJson().audio, output: { ...full.toJson().audio?.output, voice: 'marin' } },
      });
    });

    it('controlled: shows the value it is given, and the parent decides', async () => {
      const onValueChange = vi.fn();
      const { rerender } = renderForm({ value: full, onValueChange });
      await userEvent.click(within(form()).getByRole('radio', { name: /^Marin/ }));
      expect(onValueChange).toHaveBeenCalledTimes(1);
      expect(within(form()).getByRole('radio', { name: /^Cedar/ })).toBeChecked();
      rerender(
        <SessionConfigForm
          role="region"
          aria-label="Session settings"
          value={onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest}
          onValueChange={onValueChange}
        />,
      );
      expect(within(form()).getByRole('radio', { name: /^Marin/ })).toBeChecked();
    });

    it('disabled: every control of every field is off', () => {
      renderForm({ defaultValue: full, disabled: true });
      const controls = form().querySelectorAll<HTMLInputElement>('input, select, textarea, button');
      expect(controls.length).toBeGreaterThan(20);
      for (const control of controls) {
        expect(control.disabled || control.closest('fieldset:disabled') !== null, control.outerHTML).toBe(true);
      }
    });

    it('shows an invalid field in its section header', () => {
      renderForm({ defaultValue: plain.copyWith({ maxOutputTokens: 99_999 }) });
      const limits = form().querySelector('[data-section="limits"] .rrs-section-status');
      expect(limits).toHaveTextContent('1 invalid');
    });

    it('collapses sections, and opens the ones asked for', () => {
      renderForm({ defaultValue: plain, defaultOpenSections: ['tools'] });
      const sections = [...form().querySelectorAll<HTMLDetailsElement>('details[data-section]')];
      expect(sections.map((section) => [section.dataset['section'], section.open])).toEqual([
        ['model', false],
        ['voice', false],
        ['audio-in', false],
        ['instructions', false],
        ['tools', true],
        ['reasoning', false],
        ['limits', false],
        ['tracing', false],
      ]);
    });
  });

  describe('connected', () => {
    it('edits the live draft and sums up statuses in the section headers', async () => {
      const { store, transport } = openSession(plain);
      render(
        <RealtimeSessionProvider session={store}>
          <SessionConfigForm role="region" aria-label="Session settings" />
        </RealtimeSessionProvider>,
      );
      const voice = form().querySelector('[data-section="voice"] .rrs-section-status');
      expect(voice).toHaveTextContent('All applied');
      await userEvent.click(within(form()).getByRole('radio', { name: /^Cedar/ }));
      expect(store.getSnapshot().draft.audio?.output?.voice).toBe('cedar');
      expect(voice).toHaveTextContent('1 applying');
      act(() => transport.ack());
      expect(voice).toHaveTextContent('All applied');
    });
  });

  it('applies edits to a live session (emulator)', async () => {
    const emulator = await startRealtimeEmulator({ port: 0, host: '127.0.0.1' });
    try {
      render(
        <LiveSession emulator={emulator} initial={plain}>
          <SessionConfigForm role="region" aria-label="Session settings" />
        </LiveSession>,
      );
      await screen.findByText('status: open', undefined, { timeout: 10_000 });
      // A fresh session shows what the server applied.
      expect(within(form()).getByRole('radio', { name: /^Alloy/ })).toBeChecked();
      await userEvent.click(within(form()).getByRole('radio', { name: /^Cedar/ }));
      const voices = within(form()).getByRole('group', { name: /^Voice/ });
      await waitFor(() => expect(voices).toHaveAttribute('data-status', 'synced'));
    } finally {
      cleanup();
      await emulator.close();
    }
  });
});
