'use client';
import { forwardRef, type ComponentPropsWithoutRef, type InputHTMLAttributes, type ReactNode } from 'react';
import type { RealtimeSessionFieldPath } from '../../model/index.js';
import { FIELD_LABELS } from './labels.js';
import type { SessionRequestProps } from './use-field-store.js';
import type { FieldPart } from './use-field.js';

/**
 * What every form component's root accepts besides the binding props: any
 * `div` attribute. `className` and `style` are merged with the component's
 * own; event handlers land on the root.
 */
export type FieldRootAttributes = Omit<ComponentPropsWithoutRef<'div'>, keyof SessionRequestProps | 'children'>;

/** Props of {@link FieldRoot}. */
export interface FieldRootProps extends FieldRootAttributes {
  /** The field the root belongs to; its path and status become `data-field` and `data-status`. */
  readonly field: FieldPart<RealtimeSessionFieldPath>;
  /** The component's own class, such as `rrs-voice-picker`. */
  readonly kind: string;
  readonly children: ReactNode;
}

/** The root element of every form component: `rrs-field`, its own class, the user's props and the `data-*` styling hooks. */
export const FieldRoot = forwardRef<HTMLDivElement, FieldRootProps>(function FieldRoot(props, ref) {
  const { field, kind, children, ...rest } = props;
  return (
    <div ref={ref} {...field.getRootProps(rest, { className: `rrs-field ${kind}` })}>
      {children}
    </div>
  );
});

/** The status badge, the "Default"/"Server value" mark and Revert, after a field's label. */
export function FieldHeaderExtras(props: { readonly part: FieldPart<RealtimeSessionFieldPath> }) {
  const { part } = props;
  const source = part.effective.source;
  return (
    <>
      {part.badge === undefined ? null : (
        <span className="rrs-status" {...part.getStatusProps()} data-status={part.badge.status}>
          {part.badge.text}
        </span>
      )}
      {source === 'draft' ? null : (
        <span className="rrs-tag" data-source={source}>
          {source === 'applied' ? 'Server value' : 'Default'}
        </span>
      )}
      {part.canRevert ? (
        <button className="rrs-button rrs-button-quiet rrs-revert" {...part.getRevertButtonProps()}>
          Revert
        </button>
      ) : null}
    </>
  );
}

/**
 * A field whose controls sit in one `fieldset`: legend with status, source
 * and Revert; description; the controls; then the field's messages.
 */
export function FieldGroup(props: {
  readonly part: FieldPart<RealtimeSessionFieldPath>;
  readonly label: ReactNode;
  readonly description: ReactNode;
  readonly children: ReactNode;
}) {
  const { part } = props;
  return (
    <fieldset {...part.getGroupProps()}>
      <legend className="rrs-label">
        <span {...part.getLabelProps()}>{props.label}</span> <FieldHeaderExtras part={part} />
      </legend>
      <p className="rrs-description" {...part.getDescriptionProps()}>
        {props.description}
      </p>
      {props.children}
      <FieldFeedback part={part} />
    </fieldset>
  );
}

/**
 * A field's messages after its controls: the error; one note for its lock,
 * a hold by another field (with the fix) or the connection; and the keys the
 * model does not know, each removable.
 */
export function FieldFeedback(props: { readonly part: FieldPart<RealtimeSessionFieldPath> }) {
  const { part } = props;
  const { messages } = part;
  const hasNote = messages.lock !== undefined || messages.hold !== undefined || messages.connection !== undefined;
  return (
    <>
      {messages.error === undefined ? null : (
        <p className="rrs-error" {...part.getErrorMessageProps()}>
          {messages.error}
        </p>
      )}
      {hasNote ? (
        <div className="rrs-note" {...part.getNoteProps()}>
          {messages.connection === undefined ? null : <p data-kind="connection">{messages.connection}</p>}
          {messages.hold === undefined ? null : <HoldNote part={part} />}
          {messages.lock === undefined ? null : <LockNote part={part} />}
        </div>
      ) : null}
      {messages.unknownKeys.length === 0 ? null : <UnknownKeys part={part} />}
    </>
  );
}

function HoldNote(props: { readonly part: FieldPart<RealtimeSessionFieldPath> }) {
  const { part } = props;
  const hold = part.messages.hold;
  if (hold === undefined) return null;
  const fix = hold.fix;
  return (
    <p data-kind="hold">
      {`Held back: ${FIELD_LABELS[hold.field]} ${hold.message}.`}{' '}
      {fix === undefined || part.mode !== 'connected' ? null : (
        <button type="button" className="rrs-button" disabled={part.disabled} onClick={() => part.fixHold()}>
          {fix.label}
        </button>
      )}
    </p>
  );
}

function LockNote(props: { readonly part: FieldPart<RealtimeSessionFieldPath> }) {
  const { part } = props;
  return (
    <p data-kind="lock" data-state={part.messages.lockedEdit ? 'waiting' : 'idle'}>
      {part.messages.lock}{' '}
      {part.mode !== 'connected' || !part.messages.lockedEdit ? null : (
        <button type="button" className="rrs-button" disabled={part.disabled} onClick={() => part.reconnect()}>
          Reconnect to apply
        </button>
      )}
    </p>
  );
}

function UnknownKeys(props: { readonly part: FieldPart<RealtimeSessionFieldPath> }) {
  const { part } = props;
  return (
    <div className="rrs-unknown-keys">
      <span>Unknown settings:</span>
      <ul>
        {part.messages.unknownKeys.map((key) => (
          <li key={key}>
            <code>{key.slice(part.path.length).replace(/^\./, '')}</code>{' '}
            <button
              type="button"
              className="rrs-button rrs-button-quiet"
              aria-label={`Remove ${key}`}
              disabled={part.disabled}
              onClick={() => part.removeUnknownKey(key)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One choice of a radio group: its radio, its name and tags. `data-state`
 * follows the radio; `data` adds the choice's own styling hooks.
 */
export function FieldOption(props: {
  readonly input: InputHTMLAttributes<HTMLInputElement>;
  readonly label: string;
  /** Small tags after the name, such as "Recommended"; `false` ones are left out. */
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
