'use client';
import type { ButtonHTMLAttributes, FieldsetHTMLAttributes, InputHTMLAttributes } from 'react';
import { isReasoningModel, RealtimeReasoning, RealtimeReasoningEffort, writeSessionField } from '../../model/index.js';
import type { SessionFieldStatus } from '../../session/index.js';
import { fieldMessages, fieldsetProps, useFieldIds, type FieldIds, type FieldMessages } from '../field/field-parts.js';
import { useRequestBinding, type RequestBinding, type SessionRequestProps } from '../field/use-request-binding.js';

/** The efforts in increasing order. */
export const REASONING_EFFORTS: readonly RealtimeReasoningEffort[] = Object.freeze(
  Object.values(RealtimeReasoningEffort),
);

export interface ReasoningEffortFieldState {
  /** The chosen effort; `undefined` leaves the server's default (`low`). */
  readonly effort: RealtimeReasoningEffort | undefined;
  /** `false` when the model cannot reason; `undefined` for a model the capability table does not know. */
  readonly supported: boolean | undefined;
  readonly model: string;
  readonly status: SessionFieldStatus;
  readonly messages: FieldMessages;
  readonly disabled: boolean;
}

export interface UseReasoningEffortFieldReturn {
  readonly state: ReasoningEffortFieldState;
  readonly binding: RequestBinding;
  readonly ids: FieldIds;
  readonly groupProps: FieldsetHTMLAttributes<HTMLFieldSetElement> & { 'data-status': SessionFieldStatus };
  getOptionProps(effort: RealtimeReasoningEffort): InputHTMLAttributes<HTMLInputElement>;
  /** For a button that removes `reasoning` (the way out of an unsupported setting). */
  readonly clearButtonProps: ButtonHTMLAttributes<HTMLButtonElement>;
}

export type UseReasoningEffortFieldProps = SessionRequestProps;

/**
 * The reasoning effort field without markup: the chosen effort, whether the
 * model supports reasoning, status and messages, and prop objects for radios.
 *
 * @example
 * ```tsx
 * const { state, getOptionProps } = useReasoningEffortField();
 * return REASONING_EFFORTS.map((effort) => <input key={effort} {...getOptionProps(effort)} aria-label={effort} />);
 * ```
 */
export function useReasoningEffortField(props: UseReasoningEffortFieldProps = {}): UseReasoningEffortFieldReturn {
  const binding = useRequestBinding(props, ['model', 'reasoning'], 'ReasoningEffortPicker');
  const ids = useFieldIds();
  const { request } = binding;
  const supported = isReasoningModel(request.model);
  const field = binding.field('reasoning');
  const messages = fieldMessages(field);
  const effort = request.reasoning?.effort;
  const disabled = binding.disabled || supported === false;
  const setEffort = (next: RealtimeReasoningEffort | undefined) =>
    binding.update((draft) =>
      writeSessionField(draft, 'reasoning', next === undefined ? undefined : new RealtimeReasoning({ effort: next })),
    );
  return {
    state: { effort, supported, model: request.model, status: field.status, messages, disabled },
    binding,
    ids,
    groupProps: fieldsetProps(ids, messages, field.status, disabled),
    getOptionProps: (option) => ({
      type: 'radio',
      name: `${ids.controlId}-effort`,
      value: option,
      checked: effort === option,
      disabled,
      onChange: () => setEffort(option),
    }),
    clearButtonProps: {
      type: 'button',
      disabled: binding.disabled || request.reasoning === undefined,
      onClick: () => setEffort(undefined),
    },
  };
}
