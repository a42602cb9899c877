/*
 * The contract every form component keeps, as one suite each component's
 * test file runs: controlled, uncontrolled and connected modes; disabled,
 * invalid, rejected (with Revert) and locked; root props and data attributes;
 * the effective value of an unspecified field; the connection state.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import {
  readSessionField,
  type JsonObject,
  type RealtimeSessionFieldPath,
  type RealtimeSessionFieldValues,
} from '../../src/model/index.js';
import { RealtimeSessionProvider } from '../../src/react/index.js';
import { createSessionStore, type RealtimeSessionStore } from '../../src/session/index.js';
import { axeViolations } from '../support/axe.js';
import { createFakeTransport, type FakeTransport } from '../session/fake-transport.js';

/** Props every form component takes (its own extra props are optional). */
interface ContractProps {
  readonly value?: RealtimeSessionCreateRequest;
  readonly defaultValue?: RealtimeSessionCreateRequest;
  readonly onValueChange?: (next: RealtimeSessionCreateRequest) => void;
  readonly disabled?: boolean;
  readonly className?: string;
  readonly style?: Record<string, string>;
  readonly title?: string;
  readonly 'data-testid'?: string;
}

export interface FieldContract<P extends RealtimeSessionFieldPath> {
  readonly name: string;
  readonly Component: ComponentType<ContractProps>;
  /** The field the root belongs to (`data-field`). */
  readonly path: P;
  /** A valid request the component starts from; it leaves `path` unspecified. */
  readonly request: RealtimeSessionCreateRequest;
  /** Makes one edit as a user would; afterwards the field holds `edited`. */
  edit(user: UserEvent): Promise<void>;
  readonly edited: RealtimeSessionFieldValues[P];
  /** Asserts the controls show `value` as the field's value. */
  expectShown(value: RealtimeSessionFieldValues[P] | undefined): void;
  /** The API default the component shows while the field is unspecified offline. */
  readonly apiDefault: RealtimeSessionFieldValues[P];
  /** The field's wire JSON the server reports in `session.created`, and its value in the model. */
  readonly serverValue: { readonly json: JsonObject; readonly value: RealtimeSessionFieldValues[P] };
  /** A request whose `path` is invalid. */
  readonly invalid: RealtimeSessionCreateRequest;
  /**
   * A field that is never unspecified and never sent in a live session (the model: every request names
   * it, and an open session locks it) has no default, server value or server rejection to show.
   */
  readonly alwaysSpecified?: boolean;
  /** Locks the field in an open session (after `transport.open()`), for fields that can be locked. */
  readonly lock?: (transport: FakeTransport) => void;
}

const wire = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'toJson' in value ? (value as { toJson(): unknown }).toJson() : value;

function root(name: string): HTMLElement {
  const element = document.querySelector<HTMLElement>('.rrs-field');
  if (element === null) throw new Error(`${name} rendered no .rrs-field root`);
  return element;
}

/** An open session over a scripted transport, with `json` as the server's session config. */
export function openSession(
  initial: RealtimeSessionCreateRequest,
  json: JsonObject = {},
  options: { readonly coalesceMs?: number } = {},
) {
  const transport = createFakeTransport();
  const store = createSessionStore({ initial, transport, batchNotify: act, ...options });
  act(() => {
    store.connect();
    transport.open(json);
    if (transport.updates().length > 0) transport.ack();
  });
  return { store, transport };
}

function renderConnected<P extends RealtimeSessionFieldPath>(contract: FieldContract<P>, store: RealtimeSessionStore) {
  const { Component } = contract;
  return render(
    <RealtimeSessionProvider session={store}>
      <Component />
    </RealtimeSessionProvider>,
  );
}

export function describeFieldContract<P extends RealtimeSessionFieldPath>(contract: FieldContract<P>): void {
  const { name, Component, path } = contract;
  const hasDefaults = contract.alwaysSpecified !== true;

  describe(`${name} keeps the field contract`, () => {
    afterEach(() => {
      cleanup();
      vi.restoreAllMocks();
    });

    describe('uncontrolled', () => {
      it('edits its own copy and reports each new request', async () => {
        const onValueChange = vi.fn();
        render(<Component defaultValue={contract.request} onValueChange={onValueChange} />);
        await contract.edit(userEvent.setup());
        const last = onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest;
        expect(wire(readSessionField(last, path))).toEqual(wire(contract.edited));
        contract.expectShown(contract.edited);
      });
    });

    describe('controlled', () => {
      it('reports the edit and shows only the value it is given', async () => {
        const onValueChange = vi.fn();
        const { rerender } = render(<Component value={contract.request} onValueChange={onValueChange} />);
        await contract.edit(userEvent.setup());
        expect(onValueChange).toHaveBeenCalled();
        const next = onValueChange.mock.lastCall?.[0] as RealtimeSessionCreateRequest;
        // The parent did not take the edit: the component still shows the value it was given.
        contract.expectShown(contract.apiDefault);
        rerender(<Component value={next} onValueChange={onValueChange} />);
        contract.expectShown(contract.edited);
      });
    });

    describe('connected', () => {
      it('edits the session draft', async () => {
        const store = createSessionStore({ initial: contract.request, batchNotify: act });
        renderConnected(contract, store);
        await contract.edit(userEvent.setup());
        expect(wire(readSessionField(store.getSnapshot().draft, path))).toEqual(wire(contract.edited));
      });

      if (hasDefaults)
        it('shows the server value of a field the draft leaves unspecified, marked as such', () => {
          const { store } = openSession(contract.request, contract.serverValue.json);
          renderConnected(contract, store);
          contract.expectShown(contract.serverValue.value);
          expect(within(root(name)).getAllByText('Server value').length).toBeGreaterThan(0);
          expect(root(name)).toHaveAttribute('data-source', 'applied');
        });

      it('says once, in its status line, that an edit waits for the session to open', async () => {
        const store = createSessionStore({ initial: contract.request, batchNotify: act });
        renderConnected(contract, store);
        await contract.edit(userEvent.setup());
        const notes = within(root(name)).getAllByText(/your edit is kept and sent when the session opens/);
        expect(notes).toHaveLength(1);
      });

      if (hasDefaults)
        it('shows a server rejection on the field and reverts it', async () => {
          const { store, transport } = openSession(contract.request);
          renderConnected(contract, store);
          await contract.edit(userEvent.setup());
          act(() =>
            transport.reject({ code: 'invalid_value', message: 'Not on this server.', param: `session.${path}` }),
          );
          expect(store.getSnapshot().fields[path].status).toBe('rejected');
          expect(root(name)).toHaveAttribute('data-status', 'rejected');
          expect(within(root(name)).getByText('Not on this server.')).toBeInTheDocument();
          await userEvent.click(within(root(name)).getAllByRole('button', { name: /^Revert/ })[0] as HTMLElement);
          expect(store.getSnapshot().fields[path].status).toBe('synced');
          expect(within(root(name)).queryByText('Not on this server.')).toBeNull();
        });

      if (contract.lock !== undefined) {
        it('shows a lock with its reason, a warning that reconnecting restarts the conversation, and the way out', async () => {
          const { store, transport } = openSession(contract.request);
          act(() => contract.lock?.(transport));
          renderConnected(contract, store);
          await contract.edit(userEvent.setup());
          expect(store.getSnapshot().fields[path].status).toBe('locked');
          expect(root(name)).toHaveAttribute('data-status', 'locked');
          expect(within(root(name)).getByText(/the conversation restarts/)).toBeInTheDocument();
          const connects = transport.connects.length;
          await userEvent.click(within(root(name)).getByRole('button', { name: 'Reconnect to apply' }));
          expect(transport.connects.length).toBe(connects + 1);
        });
      }
    });

    if (hasDefaults)
      describe('offline, unspecified', () => {
        it('shows the API default, marked Default', () => {
          render(<Component defaultValue={contract.request} />);
          contract.expectShown(contract.apiDefault);
          expect(within(root(name)).getAllByText('Default').length).toBeGreaterThan(0);
          expect(root(name)).toHaveAttribute('data-source', 'default');
        });
      });

    describe('invalid', () => {
      it('marks the field and a control invalid, with the message wired to it', async () => {
        render(<Component defaultValue={contract.invalid} />);
        expect(root(name)).toHaveAttribute('data-status', 'invalid');
        const invalid = root(name).querySelector('[aria-invalid="true"]');
        expect(invalid).not.toBeNull();
        const described = (invalid?.getAttribute('aria-describedby') ?? '').split(' ');
        const error = root(name).querySelector('.rrs-error');
        expect(error).not.toBeNull();
        expect(described).toContain(error?.id);
        expect(await axeViolations(root(name))).toEqual([]);
      });
    });

    describe('disabled', () => {
      it('disables every control', () => {
        render(<Component defaultValue={contract.request} disabled />);
        const controls = root(name).querySelectorAll<HTMLInputElement>('input, select, textarea, button');
        expect(controls.length).toBeGreaterThan(0);
        for (const control of controls)
          expect(control.disabled || control.closest('fieldset:disabled') !== null).toBe(true);
        expect(root(name)).toHaveAttribute('data-disabled');
      });
    });

    describe('root', () => {
      it('spreads other props, merges className and style, and carries data-field and data-status', async () => {
        render(
          <Component
            defaultValue={contract.request}
            className="mine"
            style={{ marginTop: '7px' }}
            title="settings"
            data-testid="custom-root"
          />,
        );
        const element = screen.getByTestId('custom-root');
        expect(element).toBe(root(name));
        expect(element.className.split(' ')).toEqual(expect.arrayContaining(['rrs-field', 'mine']));
        expect(element.style.marginTop).toBe('7px');
        expect(element).toHaveAttribute('title', 'settings');
        expect(element).toHaveAttribute('data-field', path);
        expect(element).toHaveAttribute('data-status');
        expect(await axeViolations(element)).toEqual([]);
      });
    });
  });
}
