'use client';
import { forwardRef, memo, useId, type ComponentPropsWithoutRef } from 'react';
import { FIELD_LABELS } from '../field/labels.js';
import { useHydrated, utcTimeOfDay } from './time.js';
import { useSessionStatus, type SessionFieldCounts, type UseSessionStatusOptions } from './use-session-status.js';

export interface SessionStatusProps
  extends UseSessionStatusOptions, Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The heading of the panel. @default 'Session' */
  readonly label?: string;
  /**
   * Formats the expiry time once the page is hydrated (before that, and on
   * the server, it is shown in UTC so both render the same markup).
   * @default (date) => date.toLocaleTimeString()
   */
  readonly formatTime?: (date: Date) => string;
}

const COUNTS: readonly { readonly key: keyof SessionFieldCounts; readonly label: string }[] = [
  { key: 'pending', label: 'Pending' },
  { key: 'rejected', label: 'Rejected' },
  { key: 'locked', label: 'Locked' },
];

const localTime = (date: Date) => date.toLocaleTimeString();

/**
 * The live session's connection: its status (announced politely as it
 * changes), why it failed, the server session's id and expiry, how many
 * fields are pending, rejected or locked, and Connect, Disconnect and
 * Reconnect. Reads the provider's store, or `session`; re-renders only when
 * what it shows changes. Any other prop goes on the root `section`.
 *
 * Styling hooks: `data-status` (`idle`, `connecting`, `open`, `reconnecting`,
 * `closed`, `failed`) on the root and the status; `data-status` and
 * `data-count` on each count.
 *
 * @example
 * ```tsx
 * <RealtimeSessionProvider session={session}>
 *   <SessionStatus />
 * </RealtimeSessionProvider>
 *
 * <SessionStatus session={store} label="Voice agent" formatTime={(date) => date.toLocaleString()} />
 * ```
 */
export const SessionStatus = memo(
  forwardRef<HTMLElement, SessionStatusProps>(function SessionStatus(props, ref) {
    const { session, label = 'Session', formatTime = localTime, className, ...rootProps } = props;
    const status = useSessionStatus({ session });
    const hydrated = useHydrated();
    const titleId = useId();
    const expiry = status.expiresAt === undefined ? undefined : new Date(status.expiresAt * 1000);
    return (
      <section
        ref={ref}
        // The heading names the region unless the user names it.
        aria-labelledby={rootProps['aria-label'] === undefined ? titleId : undefined}
        {...rootProps}
        className={['rrs-group rrs-view rrs-session-status', className].filter(Boolean).join(' ')}
        data-status={status.status}
      >
        <div className="rrs-row">
          <span className="rrs-label" id={titleId}>
            {label}
          </span>
          <output className="rrs-status" aria-label="Connection" aria-live="polite" data-status={status.status}>
            {status.statusText}
          </output>
        </div>
        {status.connectionError === undefined ? null : (
          <p className="rrs-error" role="alert" data-code={status.connectionError.code}>
            {status.connectionError.message}
          </p>
        )}
        <dl className="rrs-session-facts">
          <div>
            <dt>Session ID</dt>
            <dd>
              {status.sessionId === undefined ? 'None yet' : <code className="rrs-code">{status.sessionId}</code>}
            </dd>
          </div>
          <div>
            <dt>Expires</dt>
            <dd>
              {expiry === undefined ? (
                'Unknown'
              ) : (
                <time dateTime={expiry.toISOString()}>{hydrated ? formatTime(expiry) : utcTimeOfDay(expiry)}</time>
              )}
            </dd>
          </div>
          {COUNTS.map(({ key, label: countLabel }) => {
            const paths = status.fields[key];
            return (
              <div key={key} data-status={key} data-count={paths.length}>
                <dt>{countLabel}</dt>
                <dd>
                  {paths.length}
                  {paths.length === 0 ? null : (
                    <span className="rrs-description">{` (${paths.map((path) => FIELD_LABELS[path]).join(', ')})`}</span>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
        <div className="rrs-row">
          {/* One button for Connect and Disconnect: it keeps focus when the status flips. */}
          <button
            type="button"
            className={status.canConnect ? 'rrs-button' : 'rrs-button rrs-button-quiet'}
            onClick={status.canConnect ? status.connect : status.disconnect}
          >
            {status.canConnect ? 'Connect' : 'Disconnect'}
          </button>
          <button
            type="button"
            className="rrs-button rrs-button-quiet"
            disabled={status.canConnect}
            onClick={status.reconnect}
          >
            Reconnect
          </button>
        </div>
      </section>
    );
  }),
);
SessionStatus.displayName = 'SessionStatus';
