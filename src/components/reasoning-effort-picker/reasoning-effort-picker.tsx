'use client';
import { forwardRef } from 'react';
import { REALTIME_REASONING_EFFORTS, REALTIME_SESSION_DEFAULTS } from '../../model/index.js';
import { FieldGroup, FieldOption, FieldRoot } from '../field/field-layout.js';
import { useReasoningEffortField, type UseReasoningEffortFieldProps } from './use-reasoning-effort-field.js';

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
 * `minimal` to `xhigh`; the API's default (from `REALTIME_SESSION_DEFAULTS`)
 * is marked. On a model that cannot reason it is disabled and says why, and a
 * leftover setting can be removed.
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
    const { state, binding } = field;
    const hasReasoning = binding.request.reasoning !== undefined;
    const description =
      state.supported === false
        ? `${state.model} does not reason. Choose a reasoning model such as gpt-realtime-2 to set an effort.`
        : 'More effort gives better answers more slowly.';
    return (
      <FieldRoot ref={ref} kind="rrs-reasoning-effort-picker" className={className} state={state}>
        <FieldGroup field={field} label={label} description={description}>
          <div className="rrs-options">
            {REALTIME_REASONING_EFFORTS.map((effort) => {
              const isDefault = effort === REALTIME_SESSION_DEFAULTS.session.reasoning.effort;
              return (
                <FieldOption
                  key={effort}
                  input={field.getOptionProps(effort)}
                  label={LABELS[effort] ?? effort}
                  tags={[isDefault && 'Default']}
                  disabled={state.disabled}
                  data={{ 'data-default': isDefault || undefined }}
                />
              );
            })}
          </div>
        </FieldGroup>
        {state.supported === false && hasReasoning ? (
          <button className="rrs-button" {...field.clearButtonProps}>
            Remove reasoning
          </button>
        ) : null}
      </FieldRoot>
    );
  },
);
