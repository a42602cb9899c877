'use client';
import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import type { SessionFieldStatus } from '../../session/index.js';
import { FieldDescription, FieldFeedback, FieldStatusBadge } from './field-parts.js';
import type { FieldGroupHookReturn, FieldStateBase } from './use-field-binding.js';

/** Props of {@link FieldRoot}. */
export interface FieldRootProps {
  /** The component's own class, such as `rrs-voice-picker`. */
  readonly kind: string;
  /** The user's extra class. */
  readonly className?: string | undefined;
  /** `disabled` is shown as `data-disabled`; `supported: false` as `data-supported="false"`. */
  readonly state: { readonly disabled: boolean; readonly supported?: boolean | undefined };
  /** Shown as `data-status`, for components that style their root by status. */
  readonly status?: SessionFieldStatus;
  readonly children: ReactNode;
}

/** The root element of every form component: `rrs-field`, its own class and its `data-*` styling hooks. */
export const FieldRoot = forwardRef<HTMLDivElement, FieldRootProps>(function FieldRoot(props, ref) {
  const { state } = props;
  return (
    <div
      ref={ref}
      className={['rrs-field', props.kind, props.className].filter(Boolean).join(' ')}
      data-status={props.status}
      data-disabled={state.disabled || undefined}
      data-supported={state.supported === false ? 'false' : undefined}
    >
      {props.children}
    </div>
  );
});

/**
 * A field whose controls sit in one `fieldset`: legend with status badge,
 * description, the controls, then the error and lock messages.
 */
export function FieldGroup(props: {
  readonly field: FieldGroupHookReturn<FieldStateBase>;
  readonly label: ReactNode;
  readonly description: ReactNode;
  readonly children: ReactNode;
}) {
  const { state, ids, binding, groupProps } = props.field;
  return (
    <fieldset className="rrs-group" {...groupProps}>
      <legend className="rrs-label">
        {props.label} <FieldStatusBadge status={state.status} mode={binding.mode} />
      </legend>
      <FieldDescription id={ids.descriptionId}>{props.description}</FieldDescription>
      {props.children}
      <FieldFeedback ids={ids} messages={state.messages} store={binding.store} />
    </fieldset>
  );
}

/**
 * One choice of a radio group: its radio, its name and tags. `data-state`
 * follows the radio; `data` adds the choice's own styling hooks.
 */
export function FieldOption(props: {
  readonly input: InputHTMLAttributes<HTMLInputElement>;
  readonly label: string;
  /** Small tags after the name, such as "Default"; `false` ones are left out. */
  readonly tags?: readonly (string | false)[];
  readonly title?: string;
  /** Shown as `data-disabled`. */
  readonly disabled?: boolean;
  readonly data?: Readonly<Record<`data-${string}`, true | undefined>>;
}) {
  return (
    <label
      className="rrs-option"
      data-state={props.input.checked === true ? 'checked' : 'unchecked'}
      data-disabled={props.disabled === true || undefined}
      title={props.title}
      {...props.data}
    >
      <input {...props.input} />
      <span>{props.label}</span>
      {props.tags?.map((tag) =>
        tag === false ? null : (
          <span key={tag} className="rrs-tag">
            {tag}
          </span>
        ),
      )}
    </label>
  );
}
