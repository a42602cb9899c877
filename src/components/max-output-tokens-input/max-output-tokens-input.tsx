'use client';
import { forwardRef, memo } from 'react';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { NumberInput } from '../field/inputs.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { useMaxOutputTokensField, type UseMaxOutputTokensFieldProps } from './use-max-output-tokens-field.js';

export interface MaxOutputTokensInputProps extends UseMaxOutputTokensFieldProps, FieldRootAttributes {
  /** @default 'Max output tokens' */
  readonly label?: string;
}

/**
 * Caps the tokens of each response, tool calls included: no limit (`'inf'`,
 * the API's default: the model's maximum) or a whole number from 1 to 4096.
 * An unspecified limit shows the one the session uses. Typing is sent once it
 * pauses or the box is left; an out-of-range, fractional or half-typed number
 * is shown as invalid and never sent, and an emptied box makes the limit
 * unspecified when it is left. Any other prop goes on the root element.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-state="checked|unchecked"`,
 * `data-default` and `data-disabled` on each choice.
 *
 * @example
 * ```tsx
 * <MaxOutputTokensInput />   // in a RealtimeSessionProvider
 * <MaxOutputTokensInput defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const MaxOutputTokensInput = memo(
  forwardRef<HTMLDivElement, MaxOutputTokensInputProps>(function MaxOutputTokensInput(props, ref) {
    const [bindingProps, { label = 'Max output tokens', ...rootProps }] = splitFieldProps(props);
    const { field, state, getOptionProps, getNumberInputProps } = useMaxOutputTokensField(bindingProps);
    const noLimit = getOptionProps('inf');
    const limited = getOptionProps('limit');
    const box = getNumberInputProps();
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-max-output-tokens-input" {...rootProps}>
        <FieldGroup
          part={field}
          label={label}
          description={`The most tokens one response may use, tool calls included: no limit, or ${state.min} to ${state.max}.`}
        >
          <div className="rrs-options">
            <FieldOption
              input={noLimit}
              label="No limit"
              tags={['Default']}
              disabled={noLimit.disabled === true}
              data={{ 'data-default': true }}
            />
            <FieldOption input={limited} label="Limit" disabled={limited.disabled === true} />
          </div>
          <div className="rrs-subfield">
            <label className="rrs-sublabel" htmlFor={box.id}>
              Tokens
            </label>
            <NumberInput {...box} />
          </div>
          {state.textError === undefined ? null : (
            <p className="rrs-error" id={state.textError.id}>
              {state.textError.message}
            </p>
          )}
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
MaxOutputTokensInput.displayName = 'MaxOutputTokensInput';
