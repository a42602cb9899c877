'use client';
import { forwardRef, memo } from 'react';
import { DEFAULT_REASONING_EFFORT, REALTIME_REASONING_EFFORTS } from '../../model/index.js';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { useReasoningEffortField, type UseReasoningEffortFieldProps } from './use-reasoning-effort-field.js';

export interface ReasoningEffortPickerProps extends UseReasoningEffortFieldProps, FieldRootAttributes {
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
 * `minimal` to `xhigh`; the API's default is marked, and an unspecified
 * effort shows the one the session uses. On a model that cannot reason it is
 * disabled and says why, and a leftover setting can be removed. Any other
 * prop goes on the root element.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-state="checked|unchecked"`,
 * `data-default` and `data-disabled` on each option.
 *
 * @example
 * ```tsx
 * <ReasoningEffortPicker />                                     // in a RealtimeSessionProvider
 * <ReasoningEffortPicker value={request} onValueChange={setRequest} />
 * ```
 */
export const ReasoningEffortPicker = memo(
  forwardRef<HTMLDivElement, ReasoningEffortPickerProps>(function ReasoningEffortPicker(props, ref) {
    const [bindingProps, { label = 'Reasoning effort', ...rootProps }] = splitFieldProps(props);
    const { field, state, getOptionProps, getClearButtonProps } = useReasoningEffortField(bindingProps);
    const description =
      state.supported === false
        ? `${state.model} does not reason. Choose a reasoning model such as gpt-realtime-2 to set an effort.`
        : 'More effort gives better answers more slowly.';
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-reasoning-effort-picker" {...rootProps}>
        <FieldGroup part={field} label={label} description={description}>
          <div className="rrs-options">
            {REALTIME_REASONING_EFFORTS.map((effort) => {
              const isDefault = effort === DEFAULT_REASONING_EFFORT;
              const input = getOptionProps(effort);
              return (
                <FieldOption
                  key={effort}
                  input={input}
                  label={LABELS[effort] ?? effort}
                  tags={[isDefault && 'Default']}
                  disabled={input.disabled === true}
                  data={{ 'data-default': isDefault || undefined }}
                />
              );
            })}
          </div>
          {state.supported === false && state.canClear ? (
            <div className="rrs-row">
              <button className="rrs-button" {...getClearButtonProps()}>
                Remove reasoning
              </button>
            </div>
          ) : null}
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
ReasoningEffortPicker.displayName = 'ReasoningEffortPicker';
