'use client';
import { forwardRef, memo } from 'react';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { NumberInput } from '../field/inputs.js';
import { splitFieldProps } from '../field/use-field-store.js';
import {
  TRUNCATION_STRATEGIES,
  useTruncationField,
  type TruncationStrategy,
  type UseTruncationFieldProps,
} from './use-truncation-field.js';

export interface TruncationEditorProps extends UseTruncationFieldProps, FieldRootAttributes {
  /** @default 'Truncation' */
  readonly label?: string;
}

const LABELS: Readonly<Record<TruncationStrategy, string>> = {
  auto: 'Auto',
  disabled: 'Disabled',
  retention_ratio: 'Retention ratio',
};

const EXPLAINED: Readonly<Record<TruncationStrategy, string>> = {
  auto: 'When the conversation outgrows the context, the server drops the oldest messages.',
  disabled: 'Never truncate: a conversation over the model’s input limit is an error.',
  retention_ratio:
    'When the conversation outgrows the limit, old messages are dropped until only this fraction of it is used: fewer truncations, and a warmer cache.',
};

/**
 * Chooses how the session truncates a conversation that outgrows the
 * model's context: `auto` (the API's default), `disabled`, or a retention
 * ratio (0 to 1, box and slider) with an optional post-instructions token
 * limit. Out-of-range, fractional or half-typed numbers are shown invalid
 * and never sent; a slider drag sends a few updates, not one per step. Any
 * other prop goes on the root element.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-state="checked|unchecked"`,
 * `data-default` and `data-unknown` on each strategy.
 *
 * @example
 * ```tsx
 * <TruncationEditor />   // in a RealtimeSessionProvider
 * <TruncationEditor defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const TruncationEditor = memo(
  forwardRef<HTMLDivElement, TruncationEditorProps>(function TruncationEditor(props, ref) {
    const [bindingProps, { label = 'Truncation', ...rootProps }] = splitFieldProps(props);
    const { field, state, getStrategyProps, getRatioInputProps, getTokenLimitInputProps } =
      useTruncationField(bindingProps);
    const ratio = getRatioInputProps();
    const tokens = getTokenLimitInputProps();
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-truncation-editor" {...rootProps}>
        <FieldGroup
          part={field}
          label={label}
          description={
            state.strategy === undefined
              ? 'This strategy is not one the API lists; pick another.'
              : EXPLAINED[state.strategy]
          }
        >
          <div className="rrs-options">
            {TRUNCATION_STRATEGIES.map((strategy) => (
              <FieldOption
                key={strategy}
                input={getStrategyProps(strategy)}
                label={LABELS[strategy]}
                tags={[strategy === 'auto' && 'Default']}
                data={{ 'data-default': strategy === 'auto' || undefined }}
              />
            ))}
            {state.unknownStrategy === undefined ? null : (
              <FieldOption
                input={getStrategyProps(state.unknownStrategy)}
                label={state.unknownStrategy}
                tags={['Unknown']}
                data={{ 'data-unknown': true }}
              />
            )}
          </div>
          {state.strategy === 'retention_ratio' ? (
            <>
              <div className="rrs-subfield">
                <label className="rrs-sublabel" htmlFor={ratio.id}>
                  Retention ratio
                </label>
                <NumberInput {...ratio} />
              </div>
              <div className="rrs-subfield">
                <label className="rrs-sublabel" htmlFor={tokens.id}>
                  Token limit after instructions
                </label>
                <NumberInput {...tokens} />
                <p className="rrs-description">
                  Conversation tokens allowed after the instructions and tools before truncating. Empty uses the model’s
                  limit.
                </p>
              </div>
            </>
          ) : null}
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
TruncationEditor.displayName = 'TruncationEditor';
