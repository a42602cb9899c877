'use client';
import type { ButtonHTMLAttributes, InputHTMLAttributes } from 'react';
import { isReasoningModel, RealtimeReasoning, type RealtimeReasoningEffort } from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';

export interface ReasoningEffortFieldState {
  /** The effort the session uses: the draft's, else the live or default one; none on a model that cannot reason. */
  readonly effort: RealtimeReasoningEffort | undefined;
  /** `false` when the model cannot reason; `undefined` for a model the capability table does not know. */
  readonly supported: boolean | undefined;
  readonly model: string;
  /** True when the efforts cannot be picked: the component is disabled, or the model cannot reason. */
  readonly disabled: boolean;
  /** True when the draft sets `reasoning`, so the clear button has something to remove. */
  readonly canClear: boolean;
}

export interface UseReasoningEffortFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages and the shared prop getters. */
  readonly field: FieldPart<'reasoning'>;
  readonly state: ReasoningEffortFieldState;
  /** For the radio of one effort; the user's `onChange` runs first. */
  getOptionProps(
    effort: RealtimeReasoningEffort,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
  /** For a button that removes `reasoning` (the way out of a setting the model cannot take); the user's `onClick` runs first. */
  getClearButtonProps(user?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement>;
}

export type UseReasoningEffortFieldProps = SessionRequestProps;

/**
 * The reasoning effort field without markup: the effort the session uses,
 * whether the model can reason, status and messages, and prop getters for
 * the radios and the clear button.
 *
 * @example
 * ```tsx
 * const { getOptionProps } = useReasoningEffortField();
 * return REALTIME_REASONING_EFFORTS.map((effort) => (
 *   <label key={effort}>
 *     <input {...getOptionProps(effort)} /> {effort}
 *   </label>
 * ));
 * ```
 */
export function useReasoningEffortField(props: UseReasoningEffortFieldProps = {}): UseReasoningEffortFieldReturn {
  const binding = useFieldStore(props, ['reasoning', 'model'], 'ReasoningEffortPicker');
  const field = useFieldPart(binding, 'reasoning');
  const model = binding.snapshot.draft.model;
  const supported = isReasoningModel(model);
  // A model that cannot reason has no effort, whatever the API's default says.
  const effort = supported === false && field.value === undefined ? undefined : field.effective.value?.effort;
  const disabled = field.disabled || supported === false;
  const setEffort = (next: RealtimeReasoningEffort | undefined) =>
    binding.setField('reasoning', next === undefined ? undefined : new RealtimeReasoning({ effort: next }));
  return {
    binding,
    field,
    state: { effort, supported, model, disabled, canClear: field.value !== undefined },
    getOptionProps: (option, user = {}) => ({
      ...user,
      ...field.getOptionProps(option, { checked: effort === option, disabled, onSelect: () => setEffort(option) }),
      onChange: composeEventHandlers(user.onChange, () => setEffort(option)),
    }),
    getClearButtonProps: (user = {}) => ({
      type: 'button',
      ...user,
      disabled: field.disabled || field.value === undefined,
      onClick: composeEventHandlers(user.onClick, () => setEffort(undefined)),
    }),
  };
}
