'use client';
import { forwardRef } from 'react';
import { DEFAULT_REASONING_EFFORT } from '../../model/index.js';
import { FieldError, FieldStatusBadge, LockNote } from '../field/field-parts.js';
import {
  REASONING_EFFORTS,
  useReasoningEffortField,
  type UseReasoningEffortFieldProps,
} from './use-reasoning-effort-field.js';

export interface ReasoningEffortPickerProps extends UseReasoningEffortFieldProps {
  readonly className?: string;
  /** @default 'Reasoning effort' */
  readonly label?: string;
}

const LABELS: Readonly<Record<string, string>> = {
  minimal: 'Minimal',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  xhigh: 'Extra high',
};

/**
 * Chooses how hard a reasoning model thinks before it answers, from
 * `minimal` to `xhigh`; the API's default (`low`) is marked. On a model that
 * cannot reason it is disabled and says why, and a leftover setting can be removed.
 *
 * Styling hooks: `data-status` on the group, `data-state="checked|unchecked"`
 * and `data-default` on each option, `data-supported="false"` on the root.
 *
 * @example
 * ```tsx
 * <ReasoningEffortPicker />                                     // in a RealtimeSessionProvider
 * <ReasoningEffortPicker value={request} onValueChange={setRequest} />
 * ```
 */
export const ReasoningEffortPicker = forwardRef<HTMLDivElement, ReasoningEffortPickerProps>(
  function ReasoningEffortPicker(props, ref) {
    const { className, label = 'Reasoning effort', ...fieldProps } = props;
    const field = useReasoningEffortField(fieldProps);
    const { state, ids, binding } = field;
    const hasReasoning = binding.request.reasoning !== undefined;
    return (
      <div
        ref={ref}
        className={['rrs-field', 'rrs-reasoning-effort-picker', className].filter(Boolean).join(' ')}
        data-disabled={state.disabled || undefined}
        data-supported={state.supported === false ? 'false' : undefined}
      >
        <fieldset className="rrs-group" {...field.groupProps}>
          <legend className="rrs-label">
            {label} <FieldStatusBadge status={state.status} mode={binding.mode} />
          </legend>
          <p id={ids.descriptionId} className="rrs-description">
            {state.supported === false
              ? `${state.model} does not reason. Choose a reasoning model such as gpt-realtime-2 to set an effort.`
              : 'More effort gives better answers more slowly.'}
          </p>
          <div className="rrs-options">
            {REASONING_EFFORTS.map((effort) => (
              <label
                key={effort}
                className="rrs-option"
                data-state={state.effort === effort ? 'checked' : 'unchecked'}
                data-default={effort === DEFAULT_REASONING_EFFORT || undefined}
                data-disabled={state.disabled || undefined}
              >
                <input {...field.getOptionProps(effort)} />
                <span>{LABELS[effort] ?? effort}</span>
                {effort === DEFAULT_REASONING_EFFORT ? <span className="rrs-tag">Default</span> : null}
              </label>
            ))}
          </div>
          <FieldError id={ids.errorId} message={state.messages.error} />
          <LockNote id={ids.noteId} messages={state.messages} store={binding.store} />
        </fieldset>
        {state.supported === false && hasReasoning ? (
          <button className="rrs-button" {...field.clearButtonProps}>
            Remove reasoning
          </button>
        ) : null}
      </div>
    );
  },
);
