'use client';
import { forwardRef, memo } from 'react';
import { FieldGroup, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { useInstructionsField, type UseInstructionsFieldProps } from './use-instructions-field.js';

export interface InstructionsEditorProps extends UseInstructionsFieldProps, FieldRootAttributes {
  /** @default 'Instructions' */
  readonly label?: string;
  /** Rows of the textarea. @default 6 */
  readonly rows?: number;
  /** Shown in the empty box. @default a note on what empty or unspecified instructions mean */
  readonly placeholder?: string;
}

/**
 * Edits the session's system instructions in a textarea with a character
 * count. Typing is sent once it pauses or the box loses focus, and
 * re-renders no other component. While the draft leaves the instructions
 * unspecified it shows the ones the session uses: the server's own default
 * instructions, marked "Server value" (offline, the API's empty default).
 * With `maxLength`, longer text is marked invalid and not sent. Any other
 * prop goes on the root element.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-invalid` on the count while over the limit.
 *
 * @example
 * ```tsx
 * <InstructionsEditor />   // in a RealtimeSessionProvider
 * <InstructionsEditor defaultValue={request} onValueChange={setRequest} maxLength={4000} />
 * ```
 */
export const InstructionsEditor = memo(
  forwardRef<HTMLDivElement, InstructionsEditorProps>(function InstructionsEditor(props, ref) {
    const [bindingProps, { label = 'Instructions', rows, placeholder, maxLength, ...rootProps }] =
      splitFieldProps(props);
    const { field, state, getTextareaProps, getCountProps } = useInstructionsField({ ...bindingProps, maxLength });
    const empty =
      state.source === 'draft' ? 'No instructions.' : 'Unspecified: the server uses its own default instructions.';
    const description =
      state.source === 'applied'
        ? 'The system message the assistant follows. These are the session’s current instructions.'
        : 'The system message the assistant follows: who it is, what it does, how it speaks.';
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-instructions-editor" {...rootProps}>
        <FieldGroup part={field} label={label} description={description}>
          <textarea
            className="rrs-input rrs-instructions"
            {...getTextareaProps({ rows, placeholder: placeholder ?? empty })}
            aria-labelledby={field.ids.labelId}
          />
          <p className="rrs-description rrs-count" {...getCountProps()}>
            {state.maxLength === undefined
              ? `${state.length} ${state.length === 1 ? 'character' : 'characters'}`
              : `${state.length} / ${state.maxLength} characters`}
          </p>
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
InstructionsEditor.displayName = 'InstructionsEditor';
