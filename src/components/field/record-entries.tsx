'use client';
import { useEffect, useRef, useState } from 'react';
import { KeyValueInputs } from './inputs.js';

/** One row of a {@link RecordEntriesInput}: a name and the value as text. */
export type RecordEntry = readonly [name: string, text: string];

/** How the values of a record read as text and back. */
export interface RecordValueText<V> {
  /** The text a value shows as. */
  toText(value: V): string;
  /** The value a row's text stands for; `before` is the row's value as it was read, if any. */
  fromText(text: string, before: V | undefined): V;
}

/** Strings as they are; anything else as its JSON, read back as JSON while it still parses to the same kind. */
export function jsonValueText<V>(accept: (parsed: unknown) => boolean): RecordValueText<V> {
  return {
    toText: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
    fromText: (text, before) => {
      // A value that was not a string stays what it was while its text is JSON of that kind: an edited input
      // content object stays an object. A string value (or a new row) stays a string, whatever it looks like.
      if (before === undefined || typeof before === 'string') return text as V;
      try {
        const parsed: unknown = JSON.parse(text);
        return accept(parsed) ? (parsed as V) : (text as V);
      } catch {
        return text as V;
      }
    },
  };
}

const entriesOf = <V,>(record: Readonly<Record<string, V>> | undefined, text: RecordValueText<V>): RecordEntry[] =>
  record === undefined ? [] : Object.keys(record).map((name) => [name, text.toText(record[name] as V)] as const);

function recordOf<V>(
  entries: readonly RecordEntry[],
  before: Readonly<Record<string, V>> | undefined,
  text: RecordValueText<V>,
): Readonly<Record<string, V>> {
  const values = before === undefined ? [] : Object.values(before);
  // A renamed row has no value under its new name: the old value its text still shows keeps its kind.
  const previous = (name: string, shown: string) =>
    before !== undefined && Object.hasOwn(before, name)
      ? before[name]
      : values.find((value) => typeof value !== 'string' && text.toText(value) === shown);
  return Object.fromEntries(entries.map(([name, value]) => [name, text.fromText(value, previous(name, value))]));
}

/** Why the rows do not make a record: a name left empty or used twice. */
function problemOf(entries: readonly RecordEntry[], itemLabel: string): string | undefined {
  const seen = new Set<string>();
  for (const [index, [name]] of entries.entries()) {
    if (name.trim() === '') return `${itemLabel} ${index + 1} needs a name.`;
    if (seen.has(name)) return `${itemLabel} names must differ: “${name}” is used twice.`;
    seen.add(name);
  }
  return undefined;
}

/**
 * Name–value rows for a record of the model (prompt variables, trace
 * metadata). The rows are kept as typed: a name left empty or used twice
 * would lose a row, so it is reported through `onLocalError` and the record
 * keeps its last good value until the names are fixed. Each row keeps the
 * kind its value was read as (see {@link jsonValueText}). A new record from
 * outside (a revert, the server) replaces the rows.
 *
 * @example
 * ```tsx
 * <RecordEntriesInput
 *   id="vars" legend="Variables" itemLabel="Variable" disabled={false}
 *   record={variables} text={jsonValueText(isPlainObject)}
 *   onRecordChange={setVariables} onLocalError={(message) => field.setLocalError('variables', message)}
 * />
 * ```
 */
export function RecordEntriesInput<V>(props: {
  readonly id: string;
  readonly legend: string;
  /** Names the rows and buttons: "Variable 1 name", "Add variable". */
  readonly itemLabel: string;
  readonly record: Readonly<Record<string, V>> | undefined;
  readonly text: RecordValueText<V>;
  /** A new record from the rows; `undefined` once the last row is removed. */
  readonly onRecordChange: (record: Readonly<Record<string, V>> | undefined) => void;
  /** The rows' own problem, or `undefined` once they make a record again (or the input unmounts). */
  readonly onLocalError: (message: string | undefined) => void;
  readonly disabled: boolean;
  readonly onBlur?: (() => void) | undefined;
}) {
  const { record, text, itemLabel } = props;
  const [entries, setEntries] = useState<readonly RecordEntry[]>(() => entriesOf(record, text));
  // The record the rows were read from: what kind each value was (a row keeps it while its text is edited).
  const [origin, setOrigin] = useState(record);
  // Compared by content: a copy of the owner with another field changed brings an equal record.
  const content = JSON.stringify(record ?? {});
  const [shown, setShown] = useState(content);
  if (shown !== content) {
    setShown(content);
    // A record from outside replaces the rows, unless the rows already say the same (our own edit coming back).
    const same = JSON.stringify(recordOf(entries, origin, text)) === content;
    if (!same || problemOf(entries, itemLabel) !== undefined) {
      setEntries(entriesOf(record, text));
      setOrigin(record);
    }
  }
  const problem = problemOf(entries, itemLabel);
  // Reported from an effect, so a reset from outside and unmounting clear it as well.
  const onLocalError = useRef(props.onLocalError);
  useEffect(() => {
    onLocalError.current = props.onLocalError;
  });
  useEffect(() => {
    onLocalError.current(problem);
  }, [problem]);
  useEffect(() => {
    const report = onLocalError;
    return () => report.current(undefined);
  }, []);

  const change = (next: readonly RecordEntry[]) => {
    setEntries(next);
    if (problemOf(next, itemLabel) !== undefined) return;
    props.onRecordChange(next.length === 0 ? undefined : recordOf(next, origin, text));
  };
  const lower = itemLabel.toLowerCase().replace(/\s+/g, '_');
  return (
    <>
      <KeyValueInputs
        id={props.id}
        legend={props.legend}
        itemLabel={itemLabel}
        entries={entries}
        disabled={props.disabled}
        onBlur={props.onBlur}
        onEntriesChange={change}
        newEntry={(number) => {
          const names = new Set(entries.map(([name]) => name));
          let n = number;
          while (names.has(`${lower}_${n}`)) n += 1;
          return [`${lower}_${n}`, ''];
        }}
      />
      {problem === undefined ? null : (
        <p className="rrs-error" id={`${props.id}-error`} aria-live="polite">
          {problem}
        </p>
      )}
    </>
  );
}
