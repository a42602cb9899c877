'use client';
import type { FieldsetHTMLAttributes, InputHTMLAttributes } from 'react';
import type { RealtimeSessionFieldPath } from '../../model/index.js';
import type { SessionFieldState, SessionFieldStatus } from '../../session/index.js';
import { fieldMessages, fieldsetProps, useFieldIds, type FieldIds, type FieldMessages } from './field-parts.js';
import { useRequestBinding, type RequestBinding, type SessionRequestProps } from './use-request-binding.js';

/** Props for the `fieldset` that groups a field's controls. */
export type FieldGroupProps = FieldsetHTMLAttributes<HTMLFieldSetElement> & { 'data-status': SessionFieldStatus };

/** What every field's state carries for rendering, besides its value. */
export interface FieldStateBase {
  readonly status: SessionFieldStatus;
  readonly messages: FieldMessages;
  readonly disabled: boolean;
}

/** What every headless field hook returns, besides its prop objects. */
export interface FieldHookReturn<State, Ids = FieldIds> {
  readonly state: State;
  readonly binding: RequestBinding;
  readonly ids: Ids;
}

/** What a hook for a field whose controls sit in one `fieldset` returns. */
export interface FieldGroupHookReturn<State> extends FieldHookReturn<State> {
  /** For the `fieldset` around the field's controls. */
  readonly groupProps: FieldGroupProps;
}

/** One field of a binding: its ids, state and messages. */
export interface FieldPart {
  readonly ids: FieldIds;
  /** The field's sync state; `status` and `messages` are read from it. */
  readonly field: SessionFieldState;
  readonly status: SessionFieldStatus;
  readonly messages: FieldMessages;
  /** Props for the `fieldset` around the field's controls. */
  groupProps(disabled: boolean): FieldGroupProps;
  /** Props for the radio that picks `value`, in the field's one radio group. */
  radioProps(
    value: string,
    radio: { readonly checked: boolean; readonly disabled: boolean; onSelect(): void },
  ): InputHTMLAttributes<HTMLInputElement>;
}

/** A field hook's binding and field, and the start of its return value. */
export interface FieldBinding extends FieldPart {
  readonly binding: RequestBinding;
  /** `state`, the binding, the ids, and `groupProps` that follow `state.disabled`. */
  withGroup<State extends FieldStateBase>(state: State): FieldGroupHookReturn<State>;
}

/** Ids, state and messages of field `path` of `binding`. */
export function useFieldPart(binding: RequestBinding, path: RealtimeSessionFieldPath): FieldPart {
  const ids = useFieldIds();
  const field = binding.field(path);
  const messages = fieldMessages(field);
  return {
    ids,
    field,
    status: field.status,
    messages,
    groupProps: (disabled) => fieldsetProps(ids, messages, field.status, disabled),
    radioProps: (value, radio) => ({
      type: 'radio',
      name: `${ids.controlId}-choice`,
      value,
      checked: radio.checked,
      disabled: radio.disabled,
      onChange: () => radio.onSelect(),
    }),
  };
}

/**
 * What a headless hook for one field starts with: the binding, and the ids,
 * state and messages of field `path`. The component re-renders when `path`,
 * one of `alsoReads` or the session status changes.
 */
export function useFieldBinding(
  props: SessionRequestProps,
  name: string,
  path: RealtimeSessionFieldPath,
  alsoReads: readonly RealtimeSessionFieldPath[] = [],
): FieldBinding {
  const binding = useRequestBinding(props, [...alsoReads, path], name);
  const part = useFieldPart(binding, path);
  return {
    ...part,
    binding,
    withGroup: (state) => ({ state, binding, ids: part.ids, groupProps: part.groupProps(state.disabled) }),
  };
}
