'use client';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { FieldError } from '../field/field-parts.js';

/** What ties a control to its label, hint and error: spread it on the control. */
export interface SubfieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

/**
 * A labelled control with an optional hint and error after it, tied together
 * by ids (`<id>-hint`, `<id>-error`): the control is `children(props)`.
 */
export function Subfield(props: {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  /** Leaves out the `rrs-subfield` wrapper, for a container that lays out the parts itself. */
  readonly bare?: boolean;
  readonly children: (control: SubfieldControlProps) => ReactNode;
}) {
  const { id, hint, error } = props;
  const describedBy = [hint === undefined ? '' : `${id}-hint`, error === undefined ? '' : `${id}-error`]
    .filter(Boolean)
    .join(' ');
  const parts = (
    <>
      <label className="rrs-sublabel" htmlFor={id}>
        {props.label}
      </label>
      {props.children({
        id,
        'aria-invalid': error === undefined ? undefined : true,
        'aria-describedby': describedBy === '' ? undefined : describedBy,
      })}
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="rrs-description">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
  return props.bare === true ? parts : <div className="rrs-subfield">{parts}</div>;
}

/** A {@link Subfield} whose control is a monospaced textarea, for JSON. */
export function CodeField(props: {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint: ReactNode;
  readonly error: string | undefined;
  readonly bare?: boolean;
  readonly rows: number;
  readonly value: string;
  readonly disabled: boolean;
  readonly onBlur?: () => void;
  readonly onText: (text: string) => void;
}) {
  const { rows, value, disabled, onBlur, onText, ...subfield } = props;
  return (
    <Subfield {...subfield}>
      {(control) => (
        <textarea
          {...control}
          className="rrs-input rrs-code"
          spellCheck={false}
          rows={rows}
          value={value}
          disabled={disabled}
          onBlur={onBlur}
          onChange={(event) => onText(event.target.value)}
        />
      )}
    </Subfield>
  );
}

/** A secondary action button. */
export function QuietButton(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" className="rrs-button rrs-button-quiet" {...props} />;
}
