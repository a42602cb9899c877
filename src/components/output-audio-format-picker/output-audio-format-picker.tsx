'use client';
import { forwardRef, memo } from 'react';
import type { RealtimeAudioFormat, RealtimeAudioFormatType } from '../../model/index.js';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { useOutputAudioFormatField, type UseOutputAudioFormatFieldProps } from './use-output-audio-format-field.js';

export interface OutputAudioFormatPickerProps extends UseOutputAudioFormatFieldProps, FieldRootAttributes {
  /** @default 'Output audio format' */
  readonly label?: string;
}

const DETAILS: Readonly<Record<RealtimeAudioFormatType, string>> = {
  'audio/pcm': 'PCM 24 kHz',
  'audio/pcmu': 'G.711 μ-law',
  'audio/pcma': 'G.711 A-law',
};

/** Says what a format the choices do not cover asks for, so its error has something to point at. */
function describeUnmatched(format: RealtimeAudioFormat): string {
  const type = format.type ?? 'no type';
  const rate = format.rate === undefined ? '' : ` at ${format.rate} Hz`;
  return `The draft asks for ${type}${rate}. Pick a format to replace it.`;
}

/**
 * Chooses how the assistant's audio is encoded: `audio/pcm` (16-bit at
 * 24 kHz, the API's default) or, for telephony, `audio/pcmu` (G.711 μ-law) or
 * `audio/pcma` (G.711 A-law). An unspecified format shows the one the session
 * uses; one the API would refuse (PCM at another rate) is shown as invalid and
 * never sent. Any other prop goes on the root element.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-state="checked|unchecked"`,
 * `data-default` and `data-disabled` on each option.
 *
 * @example
 * ```tsx
 * <OutputAudioFormatPicker />   // in a RealtimeSessionProvider
 * <OutputAudioFormatPicker defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const OutputAudioFormatPicker = memo(
  forwardRef<HTMLDivElement, OutputAudioFormatPickerProps>(function OutputAudioFormatPicker(props, ref) {
    const [bindingProps, { label = 'Output audio format', ...rootProps }] = splitFieldProps(props);
    const { field, state, getOptionProps } = useOutputAudioFormatField(bindingProps);
    const base = 'How the assistant’s audio is encoded: 16-bit PCM at 24 kHz, or G.711 at 8 kHz for telephone lines.';
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-output-audio-format-picker" {...rootProps}>
        <FieldGroup
          part={field}
          label={label}
          description={state.unmatched === undefined ? base : `${base} ${describeUnmatched(state.unmatched)}`}
        >
          <div className="rrs-options">
            {state.options.map((type) => {
              const isDefault = type === state.defaultType;
              const input = getOptionProps(type);
              return (
                <FieldOption
                  key={type}
                  input={input}
                  label={type}
                  tags={[DETAILS[type], isDefault && 'Default']}
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
OutputAudioFormatPicker.displayName = 'OutputAudioFormatPicker';
