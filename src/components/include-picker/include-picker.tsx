'use client';
import { forwardRef, memo } from 'react';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { useIncludeField, type UseIncludeFieldProps } from './use-include-field.js';

export interface IncludePickerProps extends UseIncludeFieldProps, FieldRootAttributes {
  /** @default 'Include' */
  readonly label?: string;
}

/**
 * Picks the extra data the server adds to its events (`include`), one
 * checkbox per value the API lists; the wire value is each checkbox's
 * tooltip. A value the API does not list is shown checked and invalid, so
 * it can be removed. Says when input transcription is off, since
 * transcription logprobs only come with transcriptions. Any other prop goes
 * on the root element.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-state="checked|unchecked"` and
 * `data-unknown` on each option.
 *
 * @example
 * ```tsx
 * <IncludePicker />   // in a RealtimeSessionProvider
 * <IncludePicker value={request} onValueChange={setRequest} />
 * ```
 */
export const IncludePicker = memo(
  forwardRef<HTMLDivElement, IncludePickerProps>(function IncludePicker(props, ref) {
    const [bindingProps, { label = 'Include', ...rootProps }] = splitFieldProps(props);
    const { field, state, getCheckboxProps } = useIncludeField(bindingProps);
    const description = state.transcription
      ? 'Extra data the server adds to its events.'
      : 'Extra data the server adds to its events. Input audio transcription is off, so there are no transcription logprobs to include yet.';
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-include-picker" {...rootProps}>
        <FieldGroup part={field} label={label} description={description}>
          {/* Sized to their names: a grid column would wrap "Input transcription logprobs" under its checkbox. */}
          <div className="rrs-row">
            {state.options.map((option) => (
              <FieldOption
                key={option.value}
                input={getCheckboxProps(option.value)}
                label={option.label}
                title={option.value}
                tags={[!option.known && 'Unknown']}
                data={{ 'data-unknown': !option.known || undefined }}
              />
            ))}
          </div>
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
IncludePicker.displayName = 'IncludePicker';
