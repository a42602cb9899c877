'use client';
import { useState } from 'react';
import type { TranscriptionListProps } from './use-input-audio-field.js';

const parse = (text: string, separator: ',' | '\n'): readonly string[] | undefined => {
  const items = text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length === 0 ? undefined : items;
};

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((item, i) => item === b[i]));

/**
 * A list of strings typed as text: comma-separated on one line, or one item
 * per line. The text is kept as typed ("en, " does not lose its comma); a
 * new list from outside (a revert, another model) replaces it.
 *
 * @example
 * ```tsx
 * <ListTextInput {...getTranscriptionListProps('languages')} separator="," className="rrs-input" />
 * ```
 */
export function ListTextInput(
  props: TranscriptionListProps & {
    readonly separator: ',' | '\n';
    readonly className?: string;
    readonly placeholder?: string;
    readonly rows?: number;
  },
) {
  const { separator, value, onValueChange } = props;
  const format = (list: readonly string[] | undefined) => (list ?? []).join(separator === ',' ? ', ' : '\n');
  const fromValue = format(value);
  const [text, setText] = useState(fromValue);
  const [shown, setShown] = useState(fromValue);
  if (shown !== fromValue) {
    setShown(fromValue);
    if (!sameList(parse(text, separator), value)) setText(fromValue);
  }
  const shared = {
    id: props.id,
    className: props.className,
    placeholder: props.placeholder,
    value: text,
    disabled: props.disabled,
    'aria-describedby': props['aria-describedby'],
    'aria-invalid': props['aria-invalid'],
    onBlur: props.onBlur,
  } as const;
  const change = (next: string) => {
    setText(next);
    const list = parse(next, separator);
    if (!sameList(list, value)) onValueChange(list);
  };
  return separator === ',' ? (
    <input {...shared} type="text" spellCheck={false} onChange={(event) => change(event.target.value)} />
  ) : (
    <textarea {...shared} rows={props.rows ?? 3} onChange={(event) => change(event.target.value)} />
  );
}
