'use client';
import { forwardRef } from 'react';
import { FieldRoot } from '../field/field-layout.js';
import { FieldDescription, FieldFeedback, FieldStatusBadge } from '../field/field-parts.js';
import { useParallelToolCallsField, type UseParallelToolCallsFieldProps } from './use-parallel-tool-calls-field.js';

export interface ParallelToolCallsToggleProps extends UseParallelToolCallsFieldProps {
  readonly className?: string;
  /** @default 'Parallel tool calls' */
  readonly label?: string;
}

/**
 * Lets a reasoning model call several tools at once. Disabled, with the
 * reason, on models that cannot reason.
 *
 * Styling hooks: `data-state="checked|unchecked"` on the switch, `data-status`
 * and `data-supported="false"` on the root.
 *
 * @example
 * ```tsx
 * <ParallelToolCallsToggle />   // in a RealtimeSessionProvider
 * ```
 */
export const ParallelToolCallsToggle = forwardRef<HTMLDivElement, ParallelToolCallsToggleProps>(
  function ParallelToolCallsToggle(props, ref) {
    const { className, label = 'Parallel tool calls', ...fieldProps } = props;
    const { state, ids, binding, switchProps } = useParallelToolCallsField(fieldProps);
    return (
      <FieldRoot
        ref={ref}
        kind="rrs-parallel-tool-calls-toggle"
        className={className}
        state={state}
        status={state.status}
      >
        <div className="rrs-group" data-status={state.status}>
          <div className="rrs-label">
            <input className="rrs-switch" {...switchProps} />
            <label htmlFor={ids.controlId}>{label}</label>
            <FieldStatusBadge status={state.status} mode={binding.mode} />
            {state.isDefault && state.supported !== false ? <span className="rrs-tag">Default</span> : null}
          </div>
          <FieldDescription id={ids.descriptionId}>
            {state.supported === false
              ? `Only reasoning models call tools in parallel; ${state.model} does not reason.`
              : 'Let the model call several tools at once instead of one after another.'}
          </FieldDescription>
          <FieldFeedback ids={ids} messages={state.messages} store={binding.store} />
        </div>
      </FieldRoot>
    );
  },
);
