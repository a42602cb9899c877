'use client';
import { forwardRef, memo, useId, type ComponentPropsWithoutRef } from 'react';
import type { RealtimeSessionFieldPath } from '../../model/index.js';
import type { SessionFieldStatus } from '../../session/index.js';
import type { SessionJsonLine } from './json-lines.js';
import { useSessionDiff, type SessionDiffHighlight, type UseSessionDiffOptions } from './use-session-diff.js';

export interface SessionDiffProps extends UseSessionDiffOptions, Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The heading of the panel. @default 'Session config' */
  readonly label?: string;
  /** The caption of the draft's column. @default 'Draft' */
  readonly draftLabel?: string;
  /** The caption of the applied config's column. @default 'Applied' */
  readonly appliedLabel?: string;
}

const HIGHLIGHT_TEXT: Readonly<Record<SessionDiffHighlight, string>> = {
  pending: 'Pending',
  rejected: 'Rejected',
  locked: 'Locked',
};

const isHighlight = (status: SessionFieldStatus | undefined): status is SessionDiffHighlight =>
  status === 'pending' || status === 'rejected' || status === 'locked';

const JsonLines = memo(function JsonLines(props: {
  readonly lines: readonly SessionJsonLine[];
  readonly statuses: Readonly<Record<RealtimeSessionFieldPath, SessionFieldStatus>>;
  /** The caption's id: the JSON scrolls within a bounded height, so it is a named stop for the keyboard. */
  readonly labelledBy: string;
}) {
  const { lines, statuses } = props;
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must be reachable by keyboard
    <pre className="rrs-code rrs-diff-json" tabIndex={0} role="region" aria-labelledby={props.labelledBy}>
      <code>
        {lines.map((line, index) => {
          const status = line.field === undefined ? undefined : statuses[line.field];
          const flagged = isHighlight(status);
          return (
            <span
              // Lines have no identity of their own; the list is rebuilt whole when the config changes.
              key={index}
              className="rrs-diff-line"
              data-field={line.field}
              data-status={status}
              data-highlight={flagged || undefined}
            >
              {line.text}
              {/* The status in words, so it is not told by colour alone. */}
              {flagged && line.first === true ? (
                <span className="rrs-diff-flag" data-status={status}>{`  ← ${status}`}</span>
              ) : null}
              {'\n'}
            </span>
          );
        })}
      </code>
    </pre>
  );
});

/**
 * The draft and the config the server applied, side by side as JSON, with
 * the lines of each pending, rejected and locked field marked (and listed,
 * with the server's or the lock's reason). MCP `authorization` and `headers`
 * are masked. Reads the provider's store, or `session`. Any other prop goes
 * on the root `section`.
 *
 * Styling hooks: `data-field`, `data-status` (the field's status) and
 * `data-highlight` (pending, rejected or locked) on each line of a field;
 * `data-side="draft|applied"` on each column.
 *
 * @example
 * ```tsx
 * <RealtimeSessionProvider session={session}>
 *   <VoicePicker />
 *   <SessionDiff />
 * </RealtimeSessionProvider>
 * ```
 */
export const SessionDiff = memo(
  forwardRef<HTMLElement, SessionDiffProps>(function SessionDiff(props, ref) {
    const {
      session,
      label = 'Session config',
      draftLabel = 'Draft',
      appliedLabel = 'Applied',
      className,
      ...rootProps
    } = props;
    const { draft, applied, statuses, highlighted } = useSessionDiff({ session });
    const id = useId();
    const titleId = `${id}-title`;
    return (
      <section
        ref={ref}
        // The heading names the region unless the user names it.
        aria-labelledby={rootProps['aria-label'] === undefined ? titleId : undefined}
        {...rootProps}
        className={['rrs-group rrs-view rrs-session-diff', className].filter(Boolean).join(' ')}
      >
        <span className="rrs-label" id={titleId}>
          {label}
        </span>
        {highlighted.length === 0 ? null : (
          <ul className="rrs-diff-summary" aria-label="Edits not applied">
            {highlighted.map(({ path, status, message }) => (
              <li key={path} data-field={path} data-status={status}>
                <span className="rrs-status" data-status={status}>
                  {HIGHLIGHT_TEXT[status]}
                </span>{' '}
                <code className="rrs-code">{path}</code>
                {message === undefined ? null : ` — ${message}`}
              </li>
            ))}
          </ul>
        )}
        <div className="rrs-diff-columns">
          {/* Named through the caption's id as well: not every accessibility tree reads a figcaption. */}
          <figure className="rrs-diff-side" data-side="draft" aria-labelledby={`${id}-draft`}>
            <figcaption className="rrs-sublabel" id={`${id}-draft`}>
              {draftLabel}
            </figcaption>
            <JsonLines lines={draft} statuses={statuses} labelledBy={`${id}-draft`} />
          </figure>
          <figure className="rrs-diff-side" data-side="applied" aria-labelledby={`${id}-applied`}>
            <figcaption className="rrs-sublabel" id={`${id}-applied`}>
              {appliedLabel}
            </figcaption>
            {applied === undefined ? (
              <p className="rrs-description">No session yet: nothing is applied.</p>
            ) : (
              <JsonLines lines={applied} statuses={statuses} labelledBy={`${id}-applied`} />
            )}
          </figure>
        </div>
      </section>
    );
  }),
);
SessionDiff.displayName = 'SessionDiff';
