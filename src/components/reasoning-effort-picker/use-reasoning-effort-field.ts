'use client';
import type { ButtonHTMLAttributes, InputHTMLAttributes } from 'react';
import {
  isReasoningModel,
  RealtimeReasoning,
  writeSessionField,
  type RealtimeReasoningEffort,
} from '../../model/index.js';
import type { SessionRequestProps } from '../field/use-request-binding.js';
import { useFieldBinding, type FieldGroupHookReturn, type FieldStateBase } from '../field/use-field-binding.js';

export interface ReasoningEffortFieldState extends FieldStateBase {
  /** The chosen effort; `undefined` leaves the API's default (`REALTIME_SESSION_DEFAULTS.session.reasoning`). */
  readonly effort: RealtimeReasoningEffort | undefined;
  /** `false` when the model cannot reason; `undefined` for a model the capability table does not know. */
  readonly supported: boolean | undefined;
  readonly model: string;
}

export interface UseReasoningEffortFieldReturn extends FieldGroupHookReturn<ReasoningEffortFieldState> {
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
 * return REALTIME_REASONING_EFFORTS.map((effort) => <input key={effort} {...getOptionProps(effort)} aria-label={effort} />);
 * ```
 */
export function useReasoningEffortField(props: UseReasoningEffortFieldProps = {}): UseReasoningEffortFieldReturn {
  const { binding, status, messages, withGroup, radioProps } = useFieldBinding(
    props,
    'ReasoningEffortPicker',
    'reasoning',
    ['model'],
  );
  const { request } = binding;
  const supported = isReasoningModel(request.model);
  const effort = request.reasoning?.effort;
  const disabled = binding.disabled || supported === false;
  const setEffort = (next: RealtimeReasoningEffort | undefined) =>
    binding.update((draft) =>
      writeSessionField(draft, 'reasoning', next === undefined ? undefined : new RealtimeReasoning({ effort: next })),
    );
  return {
    ...withGroup({ effort, supported, model: request.model, status, messages, disabled }),
    getOptionProps: (option) =>
      radioProps(option, { checked: effort === option, disabled, onSelect: () => setEffort(option) }),
    clearButtonProps: {
      type: 'button',
      disabled: binding.disabled || request.reasoning === undefined,
      onClick: () => setEffort(undefined),
    },
  };
}
