import type { ConfigIssue, RealtimeSessionFieldPath } from '../../model/index.js';
import type { FieldPart } from './use-field.js';

/** An error shown under one control of a field, with the id its control is described by. */
export interface SubfieldError {
  readonly id: string;
  readonly message: string;
}

/** Where a field's errors go: under the controls of its sub-fields, or, for the rest, under the whole group. */
export interface PlacedErrors<K extends string> {
  /** The first issue of each sub-field, by control key. */
  readonly byControl: Readonly<Partial<Record<K, SubfieldError>>>;
  /** The field's error when no control shows it (a server refusal, or an issue no control owns). */
  readonly group: string | undefined;
}

/**
 * Places a field's validation issues under the controls they are about, so
 * "must be between 0 and 1" sits under the threshold rather than at the end
 * of the group. The field's first issue keeps the field's error id wherever
 * it is shown: the group's `aria-describedby` points at it, so the group and
 * the control read the same message. While the field hides its errors (a new
 * item not yet left) nothing is placed.
 *
 * @example
 * ```ts
 * const errors = placeSubfieldErrors(field, { threshold: 'threshold', prefixPaddingMs: 'prefix_padding_ms' });
 * errors.byControl.threshold?.message; // 'must be between 0 and 1'
 * ```
 */
export function placeSubfieldErrors<K extends string>(
  part: FieldPart<RealtimeSessionFieldPath>,
  wires: Readonly<Record<K, string>>,
): PlacedErrors<K> {
  const byControl: Partial<Record<K, SubfieldError>> = {};
  if (part.messages.error === undefined) return { byControl, group: undefined };
  const issues = part.state.issues;
  const keys = Object.keys(wires) as K[];
  const keyOf = (issue: ConfigIssue): K | undefined => {
    const prefix = `${part.path}.`;
    if (!issue.path.startsWith(prefix)) return undefined;
    const local = issue.path.slice(prefix.length);
    return keys.find((key) => {
      const wire = wires[key];
      return local === wire || local.startsWith(`${wire}.`) || local.startsWith(`${wire}[`);
    });
  };
  issues.forEach((issue, index) => {
    const key = keyOf(issue);
    if (key === undefined || byControl[key] !== undefined) return;
    byControl[key] = { id: index === 0 ? part.ids.errorId : `${part.ids.errorId}-${key}`, message: issue.message };
  });
  const first = issues[0];
  // A refusal, or an issue no control owns, stays with the group under the field's error id.
  const group = first === undefined || keyOf(first) === undefined ? part.messages.error : undefined;
  return { byControl, group };
}

/** Joins `aria-describedby` ids, leaving out the missing ones; `undefined` when none is left. */
export function describedByIds(...ids: readonly (string | undefined | false)[]): string | undefined {
  const joined = ids.filter((id): id is string => typeof id === 'string' && id !== '').join(' ');
  return joined === '' ? undefined : joined;
}
