'use client';
import type { InputHTMLAttributes } from 'react';
import { isReasoningModel, REALTIME_SESSION_DEFAULTS, writeSessionField } from '../../model/index.js';
import { describedBy } from '../field/field-parts.js';
import type { SessionRequestProps } from '../field/use-request-binding.js';
import { useFieldBinding, type FieldHookReturn, type FieldStateBase } from '../field/use-field-binding.js';

export interface ParallelToolCallsFieldState extends FieldStateBase {
  /** What the session does: the draft's value, or the API's default. */
  readonly checked: boolean;
  /** True when the draft leaves the API's default in place. */
  readonly isDefault: boolean;
  readonly supported: boolean | undefined;
  readonly model: string;
}

export interface UseParallelToolCallsFieldReturn extends FieldHookReturn<ParallelToolCallsFieldState> {
  /** For an `input type="checkbox"` shown as a switch. */
  readonly switchProps: InputHTMLAttributes<HTMLInputElement> & { 'data-state': 'checked' | 'unchecked' };
}

export type UseParallelToolCallsFieldProps = SessionRequestProps;

/**
 * The `parallel_tool_calls` switch without markup. Only reasoning models
 * accept it, so on other models the switch is off and disabled.
 *
 * @example
 * ```tsx
 * const { switchProps, ids } = useParallelToolCallsField();
 * return <label htmlFor={ids.controlId}><input {...switchProps} /> Parallel tool calls</label>;
 * ```
 */
export function useParallelToolCallsField(props: UseParallelToolCallsFieldProps = {}): UseParallelToolCallsFieldReturn {
  const { binding, ids, status, messages } = useFieldBinding(props, 'ParallelToolCallsToggle', 'parallel_tool_calls', [
    'model',
  ]);
  const { request } = binding;
  const supported = isReasoningModel(request.model);
  const value = request.parallelToolCalls;
  // A model that cannot reason never calls tools in parallel, whatever the API's default says.
  const checked = value ?? (supported === false ? false : REALTIME_SESSION_DEFAULTS.session.parallel_tool_calls);
  // A leftover value on a model that cannot take it stays editable, so it can be turned back off.
  const disabled = binding.disabled || (supported === false && value === undefined);
  return {
    state: { checked, isDefault: value === undefined, supported, model: request.model, status, messages, disabled },
    binding,
    ids,
    switchProps: {
      id: ids.controlId,
      type: 'checkbox',
      role: 'switch',
      checked,
      disabled,
      'aria-describedby': describedBy(ids, messages),
      'aria-invalid': messages.invalid || undefined,
      'data-state': checked ? 'checked' : 'unchecked',
      onChange: (event) => {
        const next = event.target.checked;
        // Back on a model that cannot reason, unspecified is the only valid value.
        binding.update((draft) =>
          writeSessionField(draft, 'parallel_tool_calls', supported === false ? undefined : next),
        );
      },
    },
  };
}
