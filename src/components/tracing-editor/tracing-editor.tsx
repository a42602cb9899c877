'use client';
import { forwardRef, memo } from 'react';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { RecordEntriesInput } from '../field/record-entries.js';
import { TRACING_MODES, useTracingField, type TracingMode, type UseTracingFieldProps } from './use-tracing-field.js';

export interface TracingEditorProps extends UseTracingFieldProps, FieldRootAttributes {
  /** @default 'Tracing' */
  readonly label?: string;
}

const LABELS: Readonly<Record<TracingMode, string>> = { off: 'Off', auto: 'Auto', custom: 'Custom' };

const EXPLAINED: Readonly<Record<TracingMode, string>> = {
  off: 'The session writes no traces.',
  auto: 'Traces go to the Traces Dashboard with the default workflow name, group and metadata.',
  custom: 'Traces go to the Traces Dashboard with the names and metadata below.',
};

/**
 * Turns tracing to the Traces Dashboard off, on with the defaults (`auto`),
 * or on with a workflow name, group id and metadata. Once a live session
 * traces, tracing cannot change: the field is locked, says why, and an edit
 * waits with "Reconnect to apply" (a new session: the conversation
 * restarts). So on a live session that does not trace yet, custom settings
 * are filled in first and sent together with "Turn on tracing". Any other
 * prop goes on the root element.
 *
 * Styling hooks: `data-field`, `data-status` (`locked` while an edit waits),
 * `data-source` and `data-disabled` on the root;
 * `data-state="checked|unchecked"`, `data-default` and `data-unknown` on each choice.
 *
 * @example
 * ```tsx
 * <TracingEditor />   // in a RealtimeSessionProvider
 * <TracingEditor defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const TracingEditor = memo(
  forwardRef<HTMLDivElement, TracingEditorProps>(function TracingEditor(props, ref) {
    const [bindingProps, { label = 'Tracing', ...rootProps }] = splitFieldProps(props);
    const {
      field,
      state,
      getModeProps,
      getWorkflowNameInputProps,
      getGroupIdInputProps,
      getMetadataInputProps,
      getApplyButtonProps,
    } = useTracingField(bindingProps);
    const workflow = getWorkflowNameInputProps({ placeholder: 'The server’s default' });
    const group = getGroupIdInputProps();
    const explained =
      state.mode === undefined ? 'This setting is not one the API lists; pick another.' : EXPLAINED[state.mode];
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-tracing-editor" {...rootProps}>
        <FieldGroup
          part={field}
          label={label}
          description={`${explained} Once a live session traces, tracing cannot change.`}
        >
          <div className="rrs-options">
            {TRACING_MODES.map((mode) => (
              <FieldOption
                key={mode}
                input={getModeProps(mode)}
                label={LABELS[mode]}
                tags={[mode === 'off' && 'Default']}
                data={{ 'data-default': mode === 'off' || undefined }}
              />
            ))}
            {state.unknownMode === undefined ? null : (
              <FieldOption
                input={getModeProps(state.unknownMode)}
                label={state.unknownMode}
                tags={['Unknown']}
                data={{ 'data-unknown': true }}
              />
            )}
          </div>
          {state.mode === 'custom' ? (
            <>
              <div className="rrs-subfield">
                <label className="rrs-sublabel" htmlFor={workflow.id}>
                  Workflow name
                </label>
                <input className="rrs-input" {...workflow} />
              </div>
              <div className="rrs-subfield">
                <label className="rrs-sublabel" htmlFor={group.id}>
                  Group ID
                </label>
                <input className="rrs-input" {...group} />
              </div>
              <RecordEntriesInput legend="Metadata" itemLabel="Entry" {...getMetadataInputProps()} />
              {state.staged ? (
                <div className="rrs-row">
                  <button className="rrs-button" {...getApplyButtonProps()}>
                    Turn on tracing
                  </button>
                  <span className="rrs-description">
                    Sent together: once the session traces, these settings cannot change.
                  </span>
                </div>
              ) : null}
            </>
          ) : null}
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
TracingEditor.displayName = 'TracingEditor';
