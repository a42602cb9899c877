'use client';
import { forwardRef, memo } from 'react';
import type { RealtimeOutputModality } from '../../model/index.js';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { useOutputModalitiesField, type UseOutputModalitiesFieldProps } from './use-output-modalities-field.js';

export interface OutputModalitiesPickerProps extends UseOutputModalitiesFieldProps, FieldRootAttributes {
  /** @default 'Output' */
  readonly label?: string;
}

const LABELS: Readonly<Record<RealtimeOutputModality, string>> = {
  audio: 'Audio and transcript',
  text: 'Text only',
};

/**
 * Chooses what the model answers with: speech with its transcript (the API's
 * default) or text only. The API takes one modality at a time, so the choices
 * are exclusive. An unspecified choice shows the one the session uses; a list
 * naming none or both is shown as invalid and never sent. Any other prop goes
 * on the root element.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-state="checked|unchecked"`,
 * `data-default` and `data-disabled` on each option.
 *
 * @example
 * ```tsx
 * <OutputModalitiesPicker />   // in a RealtimeSessionProvider
 * <OutputModalitiesPicker value={request} onValueChange={setRequest} />
 * ```
 */
export const OutputModalitiesPicker = memo(
  forwardRef<HTMLDivElement, OutputModalitiesPickerProps>(function OutputModalitiesPicker(props, ref) {
    const [bindingProps, { label = 'Output', ...rootProps }] = splitFieldProps(props);
    const { field, state, getOptionProps } = useOutputModalitiesField(bindingProps);
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-output-modalities-picker" {...rootProps}>
        <FieldGroup
          part={field}
          label={label}
          description="What the model answers with. Text only produces no audio, so voice and audio format go unused."
        >
          <div className="rrs-options">
            {state.options.map((modality) => {
              const isDefault = modality === state.defaultModality;
              const input = getOptionProps(modality);
              return (
                <FieldOption
                  key={modality}
                  input={input}
                  label={LABELS[modality]}
                  tags={[isDefault && 'Default']}
                  disabled={input.disabled === true}
                  data={{ 'data-default': isDefault || undefined }}
                />
              );
            })}
          </div>
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
OutputModalitiesPicker.displayName = 'OutputModalitiesPicker';
