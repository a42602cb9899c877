'use client';
import { forwardRef, memo } from 'react';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { RecordEntriesInput } from '../field/record-entries.js';
import { PROMPT_MODES, usePromptField, type PromptMode, type UsePromptFieldProps } from './use-prompt-field.js';

export interface PromptReferenceEditorProps extends UsePromptFieldProps, FieldRootAttributes {
  /** @default 'Prompt' */
  readonly label?: string;
}

const LABELS: Readonly<Record<PromptMode, string>> = { off: 'No prompt', template: 'Prompt template' };

/**
 * Points the session at a reusable prompt template: its id, an optional
 * version (the latest when empty) and values for its variables; or no
 * prompt, an explicit `null` that removes one from a live session. Typing an
 * id turns the template on. A variable given as an input content object (an
 * image, a file) shows as its JSON and stays an object while it is edited.
 * Any other prop goes on the root element.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-state="checked|unchecked"` and
 * `data-default` on each choice.
 *
 * @example
 * ```tsx
 * <PromptReferenceEditor />   // in a RealtimeSessionProvider
 * <PromptReferenceEditor defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const PromptReferenceEditor = memo(
  forwardRef<HTMLDivElement, PromptReferenceEditorProps>(function PromptReferenceEditor(props, ref) {
    const [bindingProps, { label = 'Prompt', ...rootProps }] = splitFieldProps(props);
    const { field, state, getModeProps, getIdInputProps, getVersionInputProps, getVariablesInputProps } =
      usePromptField(bindingProps);
    const id = getIdInputProps({ placeholder: 'pmpt_…' });
    const version = getVersionInputProps({ placeholder: 'Latest' });
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-prompt-reference-editor" {...rootProps}>
        <FieldGroup
          part={field}
          label={label}
          description="A reusable prompt template from the OpenAI dashboard, with values for its variables."
        >
          <div className="rrs-options">
            {PROMPT_MODES.map((mode) => (
              <FieldOption
                key={mode}
                input={getModeProps(mode)}
                label={LABELS[mode]}
                tags={[mode === 'off' && 'Default']}
                data={{ 'data-default': mode === 'off' || undefined }}
              />
            ))}
          </div>
          <div className="rrs-subfield">
            <label className="rrs-sublabel" htmlFor={id.id}>
              Prompt ID
            </label>
            <input className="rrs-input rrs-code" {...id} />
            {state.mode === 'off' ? <p className="rrs-description">Typing an ID turns the template on.</p> : null}
          </div>
          {state.mode === 'template' ? (
            <>
              <div className="rrs-subfield">
                <label className="rrs-sublabel" htmlFor={version.id}>
                  Version
                </label>
                <input className="rrs-input" {...version} />
              </div>
              <RecordEntriesInput legend="Variables" itemLabel="Variable" {...getVariablesInputProps()} />
            </>
          ) : null}
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
PromptReferenceEditor.displayName = 'PromptReferenceEditor';
