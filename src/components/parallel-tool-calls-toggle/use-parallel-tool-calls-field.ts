'use client';
import type { ChangeEvent, InputHTMLAttributes } from 'react';
import { isReasoningModel } from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';

export interface ParallelToolCallsFieldState {
  /** What the session does: the draft's value, else the live or default one. */
  readonly checked: boolean;
  /** `false` when the model cannot reason; `undefined` for a model the capability table does not know. */
  readonly supported: boolean | undefined;
  readonly model: string;
  /** True when the switch cannot be used: the component is disabled, or the model cannot take the setting. */
  readonly disabled: boolean;
}

export interface UseParallelToolCallsFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages and the shared prop getters. */
  readonly field: FieldPart<'parallel_tool_calls'>;
  readonly state: ParallelToolCallsFieldState;
  /** For an `input type="checkbox"` shown as a switch; the user's `onChange` runs first. */
  getSwitchProps(
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement> & { 'data-state': 'checked' | 'unchecked' };
}

export type UseParallelToolCallsFieldProps = SessionRequestProps;

/**
 * The `parallel_tool_calls` switch without markup. Only reasoning models
 * accept it, so on other models the switch is off and disabled.
 *
 * @example
 * ```tsx
 * const { field, getSwitchProps } = useParallelToolCallsField();
 * return <label><input {...getSwitchProps()} /> Parallel tool calls</label>;
 * ```
 */
export function useParallelToolCallsField(props: UseParallelToolCallsFieldProps = {}): UseParallelToolCallsFieldReturn {
  const binding = useFieldStore(props, ['parallel_tool_calls', 'model'], 'ParallelToolCallsToggle');
  const field = useFieldPart(binding, 'parallel_tool_calls');
  const model = binding.snapshot.draft.model;
  const supported = isReasoningModel(model);
  // A model that cannot reason never calls tools in parallel, whatever the API's default says.
  const checked = supported === false && field.value === undefined ? false : field.effective.value === true;
  // A leftover value on a model that cannot take it stays editable, so it can be turned back off.
  const disabled = field.disabled || (supported === false && field.value === undefined);
  const onChange = (event: ChangeEvent<HTMLInputElement>) =>
    // Back on a model that cannot reason, unspecified is the only valid value.
    binding.setField('parallel_tool_calls', supported === false ? undefined : event.target.checked);
  return {
    binding,
    field,
    state: { checked, supported, model, disabled },
    getSwitchProps: (user = {}) => ({
      ...user,
      ...field.getControlProps(),
      type: 'checkbox',
      role: 'switch',
      checked,
      disabled,
      'data-state': checked ? 'checked' : 'unchecked',
      onChange: composeEventHandlers(user.onChange, onChange),
    }),
  };
}
