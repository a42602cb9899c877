'use client';
import { useEffect, useRef, useState, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { parseJsonText } from './json-syntax.js';
import type { NumberFieldInputProps } from './number-input-props.js';

/** What ties a control to its label, hint and error: spread it on the control. */
export interface SubfieldControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

/**
 * A labelled control with an optional hint and error after it, tied together
 * by ids (`<id>-hint`, `<id>-error`): the control is `children(props)`. An
 * error takes the hint's place: the two usually say the same rule twice.
 *
 * @example
 * ```tsx
 * <Subfield id="name" label="Name" hint="Letters and digits." error={issue?.message}>
 *   {(control) => <input {...control} className="rrs-input" />}
 * </Subfield>
 * ```
 */
export function Subfield(props: {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly error?: string | undefined;
  /** More ids that describe the control, after its hint and error: a status shown elsewhere in its row. */
  readonly describedBy?: string | undefined;
  /** Leaves out the `rrs-subfield` wrapper, for a container that lays out the parts itself. */
  readonly bare?: boolean;
  readonly children: (control: SubfieldControlProps) => ReactNode;
}) {
  const { id, error } = props;
  const hint = error === undefined ? props.hint : undefined;
  const describedBy = [
    hint === undefined ? '' : `${id}-hint`,
    error === undefined ? '' : `${id}-error`,
    props.describedBy ?? '',
  ]
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
      {error === undefined ? null : (
        <p id={`${id}-error`} className="rrs-error">
          {error}
        </p>
      )}
    </>
  );
  return props.bare === true ? parts : <div className="rrs-subfield">{parts}</div>;
}

/** The props every shared input takes besides its value. */
interface InputBase {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  /** The error to show; `undefined` shows none (an untouched new item, for example). */
  readonly error?: string | undefined;
  readonly disabled: boolean;
  /** The user left the control: commit coalesced text, and let errors show. */
  readonly onBlur?: (() => void) | undefined;
  /** More ids that describe the control (see {@link Subfield}). */
  readonly describedBy?: string | undefined;
}

/**
 * A labelled text input or textarea.
 *
 * @example
 * ```tsx
 * <TextInput id="name" label="Name" value={name} onValueChange={setName} disabled={false} />
 * ```
 */
export function TextInput(
  props: InputBase & {
    readonly value: string;
    readonly onValueChange: (value: string) => void;
    readonly type?: 'text' | 'password' | 'url';
    readonly multiline?: boolean;
    readonly rows?: number;
    /** Monospaced and without spell checking, for JSON and other code. */
    readonly code?: boolean;
    readonly placeholder?: string;
  },
) {
  const code = props.code === true;
  return (
    <Subfield id={props.id} label={props.label} hint={props.hint} error={props.error} describedBy={props.describedBy}>
      {(control) => {
        const shared = {
          ...control,
          className: code ? 'rrs-input rrs-code' : 'rrs-input',
          value: props.value,
          disabled: props.disabled,
          placeholder: props.placeholder,
          spellCheck: code ? false : undefined,
          onBlur: props.onBlur,
        } as const;
        return props.multiline === true ? (
          <textarea {...shared} rows={props.rows ?? 2} onChange={(event) => props.onValueChange(event.target.value)} />
        ) : (
          <input
            {...shared}
            type={props.type ?? 'text'}
            autoComplete={props.type === 'password' ? 'off' : undefined}
            onChange={(event) => props.onValueChange(event.target.value)}
          />
        );
      }}
    </Subfield>
  );
}

/** A labelled `select`. */
export function SelectInput(
  props: InputBase & {
    readonly value: string;
    readonly onValueChange: (value: string) => void;
    readonly children: ReactNode;
  },
) {
  return (
    <Subfield id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <select
          {...control}
          className="rrs-input"
          value={props.value}
          disabled={props.disabled}
          onBlur={props.onBlur}
          onChange={(event) => props.onValueChange(event.target.value)}
        >
          {props.children}
        </select>
      )}
    </Subfield>
  );
}

/** Text that is being typed and the number it stands for, if it stands for one yet. */
function parseNumber(text: string): { readonly ok: true; readonly value: number | undefined } | { readonly ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  // `Number` reads "1." and "1e" leniently ("1." is 1): text still being typed is not a number yet.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) || /\.$/.test(trimmed)) return { ok: false };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/**
 * A number input, optionally beside a slider. The text is kept as typed: a
 * half-typed number ("1.", "-") stays in the box, is reported through
 * `onLocalError`, and never reaches the value. The slider rests at
 * `placeholder` (the effective value) while the value is unset.
 */
export function NumberInput(
  props: Omit<NumberFieldInputProps, 'aria-describedby' | 'onBlur'> &
    Partial<Pick<NumberFieldInputProps, 'aria-describedby' | 'onBlur'>>,
) {
  const fromValue = props.value === undefined ? '' : String(props.value);
  const [text, setText] = useState(fromValue);
  const [shown, setShown] = useState(fromValue);
  if (shown !== fromValue) {
    // A new value from outside (the slider, a revert) replaces the text unless the text already says it.
    setShown(fromValue);
    const parsed = parseNumber(text);
    if (!(parsed.ok && parsed.value === props.value)) setText(fromValue);
  }
  const type = (next: string) => {
    setText(next);
    const parsed = parseNumber(next);
    if (!parsed.ok) {
      props.onLocalError(`“${next}” is not a number yet.`);
      return;
    }
    props.onLocalError(undefined);
    props.onValueChange(parsed.value, { dragging: false });
  };
  const resting = Math.min(props.max, Math.max(props.min, props.value ?? props.placeholder ?? props.min));
  return (
    <div className="rrs-number-row">
      {props.slider === true ? (
        <input
          className="rrs-slider"
          type="range"
          id={`${props.id}-slider`}
          aria-label={props['aria-label'] === undefined ? undefined : `${props['aria-label']} slider`}
          aria-describedby={props['aria-describedby']}
          min={props.min}
          max={props.max}
          step={props.step}
          value={resting}
          disabled={props.disabled}
          onBlur={props.onBlur}
          onChange={(event) => {
            props.onLocalError(undefined);
            props.onValueChange(Number(event.target.value), { dragging: true });
          }}
        />
      ) : null}
      <input
        className="rrs-input rrs-number"
        id={props.id}
        type="text"
        inputMode="decimal"
        aria-label={props['aria-label']}
        aria-describedby={props['aria-describedby']}
        aria-invalid={props.invalid || undefined}
        placeholder={props.placeholder === undefined ? undefined : String(props.placeholder)}
        value={text}
        disabled={props.disabled}
        onBlur={props.onBlur}
        onChange={(event) => type(event.target.value)}
      />
    </div>
  );
}

/**
 * A JSON object editor: the text is kept as typed, syntax errors are shown
 * live with line and column (and reported through `onLocalError`, so the
 * field shows `invalid`), and only a parsed object reaches `onValueChange`.
 * The box grows with the text from `rows` up to `maxRows` lines, and long
 * lines scroll rather than wrap, so a schema reads as written.
 *
 * @example
 * ```tsx
 * <JsonEditor
 *   id="schema" label="Parameters" rows={4} disabled={false}
 *   value={tool.parameters} notAnObject="The parameters must be a JSON object."
 *   onValueChange={setParameters} onLocalError={(message) => field.setLocalError('schema', message)}
 * />
 * ```
 */
export function JsonEditor(
  props: InputBase & {
    readonly value: Readonly<Record<string, unknown>> | undefined;
    readonly onValueChange: (value: Readonly<Record<string, unknown>>) => void;
    /** The text's own problem, or `undefined` once it parses again (or the editor unmounts). */
    readonly onLocalError: (message: string | undefined) => void;
    readonly rows: number;
    /** @default 20 */
    readonly maxRows?: number;
    /** Says what the object is for when it is not an object: "The parameters must be …". */
    readonly notAnObject: string;
  },
) {
  const fromValue = props.value === undefined ? '' : JSON.stringify(props.value, null, 2);
  const [text, setText] = useState(fromValue);
  const [syntax, setSyntax] = useState<string | undefined>(undefined);
  // A new value from outside (an import, a revert) replaces the text, unless the text already says the same.
  const [shown, setShown] = useState(fromValue);
  if (shown !== fromValue) {
    setShown(fromValue);
    const parsed = parseJsonText(text);
    if (!(parsed.ok && JSON.stringify(parsed.value, null, 2) === fromValue)) {
      setText(fromValue);
      setSyntax(undefined);
    }
  }
  // Reported from an effect, so a reset from outside and unmounting (its tool removed) clear it as well.
  const onLocalError = useRef(props.onLocalError);
  useEffect(() => {
    onLocalError.current = props.onLocalError;
  });
  useEffect(() => {
    onLocalError.current(syntax);
  }, [syntax]);
  useEffect(() => {
    const report = onLocalError;
    return () => report.current(undefined);
  }, []);
  const edit = (next: string) => {
    setText(next);
    const parsed = parseJsonText(next);
    if (!parsed.ok) {
      setSyntax(`Line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message}`);
      return;
    }
    const value = parsed.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      setSyntax(props.notAnObject);
      return;
    }
    setSyntax(undefined);
    props.onValueChange(value as Readonly<Record<string, unknown>>);
  };
  const lines = text.split('\n').length;
  const rows = Math.min(Math.max(lines, props.rows), Math.max(props.rows, props.maxRows ?? 20));
  return (
    <Subfield id={props.id} label={props.label} hint={props.hint} error={syntax ?? props.error}>
      {(control) => (
        <textarea
          {...control}
          className="rrs-input rrs-code"
          spellCheck={false}
          wrap="off"
          rows={rows}
          value={text}
          disabled={props.disabled}
          onBlur={props.onBlur}
          onChange={(event) => edit(event.target.value)}
        />
      )}
    </Subfield>
  );
}

/**
 * Name–value pairs (HTTP headers, for example) as rows of two inputs that
 * share the width, each with its Remove button, and an Add button. Values
 * can be masked, like secrets.
 *
 * @example
 * ```tsx
 * <KeyValueInputs
 *   id="headers" legend="Headers" itemLabel="Header" maskValues disabled={false}
 *   entries={[['X-Tenant', 'shop']]} onEntriesChange={setHeaders} newEntry={(n) => [`X-Header-${n}`, '']}
 * />
 * ```
 */
export function KeyValueInputs(props: {
  readonly id: string;
  readonly legend: ReactNode;
  /** Names each input and button: "Header 1 name", "Remove header 1". */
  readonly itemLabel: string;
  readonly entries: readonly (readonly [string, string])[];
  readonly onEntriesChange: (entries: readonly (readonly [string, string])[]) => void;
  /** The entry the Add button appends, given its 1-based number. */
  readonly newEntry: (number: number) => readonly [string, string];
  readonly maskValues?: boolean;
  readonly disabled: boolean;
  readonly onBlur?: (() => void) | undefined;
}) {
  const { entries, itemLabel } = props;
  const lower = itemLabel.toLowerCase();
  const set = (index: number, entry: readonly [string, string]) =>
    props.onEntriesChange(entries.map((item, i) => (i === index ? entry : item)));
  return (
    <fieldset className="rrs-subgroup">
      <legend className="rrs-sublabel">{props.legend}</legend>
      {entries.map(([name, value], index) => (
        <div key={index} className="rrs-pair">
          <input
            className="rrs-input"
            id={`${props.id}-${index}-name`}
            aria-label={`${itemLabel} ${index + 1} name`}
            value={name}
            disabled={props.disabled}
            onBlur={props.onBlur}
            onChange={(event) => set(index, [event.target.value, value])}
          />
          <input
            className="rrs-input"
            id={`${props.id}-${index}-value`}
            type={props.maskValues === true ? 'password' : 'text'}
            autoComplete="off"
            aria-label={`${itemLabel} ${index + 1} value`}
            value={value}
            disabled={props.disabled}
            onBlur={props.onBlur}
            onChange={(event) => set(index, [name, event.target.value])}
          />
          <QuietButton
            disabled={props.disabled}
            onClick={() => props.onEntriesChange(entries.filter((_, i) => i !== index))}
          >
            Remove {lower} {index + 1}
          </QuietButton>
        </div>
      ))}
      <div>
        <QuietButton
          disabled={props.disabled}
          onClick={() => props.onEntriesChange([...entries, props.newEntry(entries.length + 1)])}
        >
          Add {lower}
        </QuietButton>
      </div>
    </fieldset>
  );
}

/** A secondary action button. */
export function QuietButton(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" className="rrs-button rrs-button-quiet" {...props} />;
}
