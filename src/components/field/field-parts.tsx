'use client';
import { useId, type FieldsetHTMLAttributes, type ReactNode } from 'react';
import type { RealtimeSessionStore, SessionFieldState, SessionFieldStatus } from '../../session/index.js';
import type { SessionBindingMode } from './use-request-binding.js';

/** Ids that tie a field's parts together. */
export interface FieldIds {
  readonly controlId: string;
  readonly labelId: string;
  readonly descriptionId: string;
  readonly errorId: string;
  readonly noteId: string;
}

/** Stable ids for one field's label, control, description, error and lock note. */
export function useFieldIds(): FieldIds {
  const id = useId();
  return {
    controlId: `${id}control`,
    labelId: `${id}label`,
    descriptionId: `${id}description`,
    errorId: `${id}error`,
    noteId: `${id}note`,
  };
}

/** What a field shows besides its control: the message for its error and its lock, if any. */
export interface FieldMessages {
  /** Validation issue or server rejection, shown as the error message. */
  readonly error: string | undefined;
  /** Why the live session will not change this field (shown as soon as it is locked). */
  readonly lock: string | undefined;
  /** True when an edit waits on the lock, so a reconnect would apply it. */
  readonly lockedEdit: boolean;
  readonly invalid: boolean;
}

/** The error and lock messages of one or more fields, the first of each winning. */
export function fieldMessages(...states: readonly SessionFieldState[]): FieldMessages {
  const issue = states.flatMap((state) => state.issues)[0];
  const rejected = states.find((state) => state.status === 'rejected');
  const lock = states.find((state) => state.lock !== undefined)?.lock;
  return {
    error: issue?.message ?? rejected?.error?.message,
    lock: lock?.message,
    lockedEdit: states.some((state) => state.status === 'locked'),
    invalid: issue !== undefined || rejected !== undefined,
  };
}

/** `aria-describedby` for a control: its description, then whichever messages are shown. */
export function describedBy(ids: FieldIds, messages: FieldMessages, hasDescription = true): string | undefined {
  const parts = [
    hasDescription ? ids.descriptionId : undefined,
    messages.error === undefined ? undefined : ids.errorId,
    messages.lock === undefined ? undefined : ids.noteId,
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** Props for a `fieldset` that groups one field's controls: description, messages, validity and status. */
export function fieldsetProps(
  ids: FieldIds,
  messages: FieldMessages,
  status: SessionFieldStatus,
  disabled: boolean,
): FieldsetHTMLAttributes<HTMLFieldSetElement> & { 'data-status': SessionFieldStatus } {
  return {
    disabled,
    'aria-describedby': describedBy(ids, messages),
    'aria-invalid': messages.invalid || undefined,
    'data-status': status,
  };
}

const STATUS_TEXT: Readonly<Record<SessionFieldStatus, string>> = {
  synced: 'Applied',
  dirty: 'Edited',
  pending: 'Applying…',
  rejected: 'Rejected',
  invalid: 'Invalid',
  locked: 'Locked',
};

/**
 * The field's sync status as a small badge (`data-status` carries the raw
 * value). Standalone components have no session, so only `invalid` is shown.
 */
export function FieldStatusBadge(props: { readonly status: SessionFieldStatus; readonly mode: SessionBindingMode }) {
  if (props.mode !== 'connected' && props.status !== 'invalid') return null;
  return (
    <span className="rrs-status" data-status={props.status}>
      {STATUS_TEXT[props.status]}
    </span>
  );
}

/** The error message, referenced by the control's `aria-describedby`. */
export function FieldError(props: { readonly id: string; readonly message: string | undefined }) {
  if (props.message === undefined) return null;
  return (
    <p id={props.id} className="rrs-error">
      {props.message}
    </p>
  );
}

/** Why a field is locked and, when an edit waits on it, the action that applies it: a fresh session. */
export function LockNote(props: {
  readonly id: string;
  readonly messages: FieldMessages;
  readonly store: RealtimeSessionStore | undefined;
}) {
  const { store, messages } = props;
  if (messages.lock === undefined) return null;
  return (
    <p id={props.id} className="rrs-lock-note" data-state={messages.lockedEdit ? 'waiting' : 'idle'}>
      {messages.lock}{' '}
      {store === undefined || !messages.lockedEdit ? null : (
        <button type="button" className="rrs-button" onClick={() => store.reconnect()}>
          Reconnect to apply
        </button>
      )}
    </p>
  );
}

/** A field's error message and lock note, in that order, after its controls. */
export function FieldFeedback(props: {
  readonly ids: FieldIds;
  readonly messages: FieldMessages;
  readonly store: RealtimeSessionStore | undefined;
}) {
  const { ids, messages } = props;
  return (
    <>
      <FieldError id={ids.errorId} message={messages.error} />
      <LockNote id={ids.noteId} messages={messages} store={props.store} />
    </>
  );
}

/** The description a field's control points to with `aria-describedby`. */
export function FieldDescription(props: { readonly id: string; readonly children: ReactNode }) {
  return (
    <p id={props.id} className="rrs-description">
      {props.children}
    </p>
  );
}
