import type { RealtimeSessionFieldPath } from '../../model/index.js';
import type { FieldPart } from './use-field.js';

/**
 * Where an issue sits under its field: `prompt.id` → `id`,
 * `include[0]` → `[0]`, `truncation` → `''`.
 */
export function issueSubpath(field: RealtimeSessionFieldPath, path: string): string {
  return path.startsWith(field) ? path.slice(field.length).replace(/^\./, '') : path;
}

/** True when one of `part`'s issues is at `control` or below it (`token_limits` covers `token_limits.post_instructions`). */
export function hasIssueAt(part: FieldPart<RealtimeSessionFieldPath>, control: string): boolean {
  return part.state.issues.some((issue) => {
    const at = issueSubpath(part.path, issue.path);
    return at === control || at.startsWith(`${control}.`) || at.startsWith(`${control}[`);
  });
}

/**
 * The field's error as one text that names each control: "ID must not be
 * empty." rather than a bare "must not be empty", since a group with several
 * controls shows its error once, after them. A server rejection is kept as it
 * is; `undefined` while the field hides its errors (a new item not yet left).
 *
 * @example
 * ```ts
 * issuesText(field, (at) => (at === 'id' ? 'ID' : 'The prompt')); // "ID must not be empty."
 * ```
 */
export function issuesText(
  part: FieldPart<RealtimeSessionFieldPath>,
  label: (subpath: string) => string,
): string | undefined {
  if (part.messages.error === undefined) return undefined;
  const { issues } = part.state;
  if (issues.length === 0) return part.messages.error;
  return issues.map((issue) => `${label(issueSubpath(part.path, issue.path))} ${issue.message}.`).join(' ');
}

const withoutId = (ids: string | undefined, id: string) =>
  (ids ?? '')
    .split(' ')
    .filter((item) => item !== '' && item !== id)
    .join(' ');

/**
 * `part` with `error` as the field's error: the text `FieldFeedback` shows
 * (with the field's error id), and the group and its controls described by it
 * and marked invalid while it is set. For messages the store does not know:
 * a control's own text that does not parse, or issues reworded per control.
 *
 * @example
 * ```tsx
 * <FieldGroup part={withFieldError(field, localError ?? field.messages.error)} label="Truncation" description="…">
 * ```
 */
export function withFieldError<P extends RealtimeSessionFieldPath>(
  part: FieldPart<P>,
  error: string | undefined,
): FieldPart<P> {
  if (error === part.messages.error) return part;
  const errorId = part.ids.errorId;
  const described = (ids: string | undefined, invalid: boolean) => {
    const rest = withoutId(ids, errorId);
    const [first = '', ...others] = rest.split(' ');
    // The error goes right after the description, where the field's own getters put it.
    const joined = [first, invalid && error !== undefined ? errorId : '', ...others].filter(Boolean).join(' ');
    return joined === '' ? undefined : joined;
  };
  const invalid = part.messages.invalid || error !== undefined;
  return {
    ...part,
    messages: { ...part.messages, error, invalid },
    getGroupProps: () => {
      const own = part.getGroupProps();
      return {
        ...own,
        'aria-describedby': described(own['aria-describedby'], true),
        'aria-invalid': invalid || undefined,
      };
    },
    getControlProps: (options = {}) => {
      const own = part.getControlProps(options);
      const marked = options.invalid ?? true;
      return {
        ...own,
        'aria-describedby': described(own['aria-describedby'], marked),
        'aria-invalid': (marked && invalid) || undefined,
      };
    },
  };
}
