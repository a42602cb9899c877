'use client';
import { forwardRef, memo } from 'react';
import { FieldFeedback, FieldHeaderExtras, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { useParallelToolCallsField, type UseParallelToolCallsFieldProps } from './use-parallel-tool-calls-field.js';

export interface ParallelToolCallsToggleProps extends UseParallelToolCallsFieldProps, FieldRootAttributes {
  /** @default 'Parallel tool calls' */
  readonly label?: string;
}

/**
 * Lets a reasoning model call several tools at once. Disabled, with the
 * reason, on models that cannot reason. Any other prop goes on the root
 * element.
 *
 * Styling hooks: `data-state="checked|unchecked"` on the switch; `data-field`,
 * `data-status`, `data-source` (`draft`, `applied`, `default`) and
 * `data-disabled` on the root.
 *
 * @example
 * ```tsx
 * <ParallelToolCallsToggle />   // in a RealtimeSessionProvider
 * <ParallelToolCallsToggle defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const ParallelToolCallsToggle = memo(
  forwardRef<HTMLDivElement, ParallelToolCallsToggleProps>(function ParallelToolCallsToggle(props, ref) {
    const [bindingProps, { label = 'Parallel tool calls', ...rootProps }] = splitFieldProps(props);
    const { field, state, getSwitchProps } = useParallelToolCallsField(bindingProps);
    const switchProps = getSwitchProps();
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-parallel-tool-calls-toggle" {...rootProps}>
        <fieldset {...field.getGroupProps()} disabled={field.disabled}>
          <legend className="rrs-label">
            <span {...field.getLabelProps()}>{label}</span> <FieldHeaderExtras part={field} />
          </legend>
          <div className="rrs-row">
            <input className="rrs-switch" {...switchProps} aria-labelledby={field.ids.labelId} />
            <label htmlFor={switchProps.id}>{state.checked ? 'On' : 'Off'}</label>
          </div>
          <p className="rrs-description" {...field.getDescriptionProps()}>
            {state.supported === false
              ? `Only reasoning models call tools in parallel; ${state.model} does not reason.`
              : 'Let the model call several tools at once instead of one after another.'}
          </p>
          <FieldFeedback part={field} />
        </fieldset>
      </FieldRoot>
    );
  }),
);
ParallelToolCallsToggle.displayName = 'ParallelToolCallsToggle';
