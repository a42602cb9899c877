'use client';
import { forwardRef, memo, useId, useState, type ComponentPropsWithoutRef } from 'react';
import type { RealtimeEventLogEntry } from '../../session/index.js';
import { useHydrated, utcTimeOfDay } from '../session-status/time.js';
import { useEventLog, type EventLogDirection, type UseEventLogOptions } from './use-event-log.js';

export interface EventLogProps extends UseEventLogOptions, Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The heading of the panel. @default 'Event log' */
  readonly label?: string;
  /**
   * Formats each entry's time once the page is hydrated (before that, and on
   * the server, it is shown in UTC so both render the same markup).
   * @default local time with milliseconds, such as `14:03:07.215`
   */
  readonly formatTime?: (date: Date) => string;
}

const DIRECTIONS: readonly { readonly value: EventLogDirection; readonly label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'sent', label: 'Sent' },
  { value: 'received', label: 'Received' },
];

const isDirection = (value: string): value is EventLogDirection => DIRECTIONS.some((item) => item.value === value);

const localTime = (date: Date) =>
  `${date.toLocaleTimeString([], { hour12: false })}.${String(date.getMilliseconds()).padStart(3, '0')}`;

const EventRow = memo(function EventRow(props: {
  readonly entry: RealtimeEventLogEntry;
  readonly hydrated: boolean;
  readonly formatTime: (date: Date) => string;
}) {
  const { entry, hydrated, formatTime } = props;
  const [open, setOpen] = useState(false);
  const payloadId = useId();
  const date = new Date(entry.at);
  return (
    <li className="rrs-event" data-direction={entry.direction} data-type={entry.type}>
      <button
        type="button"
        className="rrs-button rrs-button-quiet rrs-event-toggle"
        aria-expanded={open}
        // Only while the payload exists: a reference to a missing id is an ARIA error.
        aria-controls={open ? payloadId : undefined}
        onClick={() => setOpen(!open)}
      >
        <time dateTime={date.toISOString()}>{hydrated ? formatTime(date) : utcTimeOfDay(date, true)}</time>{' '}
        <span className="rrs-tag" data-direction={entry.direction}>
          <span aria-hidden="true">{entry.direction === 'sent' ? '↑ ' : '↓ '}</span>
          {entry.direction}
        </span>{' '}
        <code className="rrs-code">{entry.type}</code>
        {entry.eventId === undefined ? null : (
          <>
            {' '}
            <span className="rrs-description">{entry.eventId}</span>
          </>
        )}
      </button>
      {/* The payload is masked when first read: rendering it only when opened keeps a long log cheap. */}
      {open ? (
        <pre id={payloadId} className="rrs-code rrs-event-payload">
          {JSON.stringify(entry.payload, null, 2)}
        </pre>
      ) : null}
    </li>
  );
});

/**
 * The frames the session sent and received, newest first: a type filter
 * (with the types seen as suggestions), a direction filter, Pause (the list
 * freezes and counts what arrives, announced politely) and Clear. Each row
 * opens to its payload as JSON; secrets are masked and audio is shown as its
 * length by the log itself. Reads the provider's store, or `session`, and
 * subscribes to its log only. Any other prop goes on the root `section`.
 *
 * Styling hooks: `data-paused` on the root; `data-direction` and `data-type`
 * on each row.
 *
 * @example
 * ```tsx
 * <RealtimeSessionProvider session={session}>
 *   <EventLog defaultFilter="session." />
 * </RealtimeSessionProvider>
 * ```
 */
export const EventLog = memo(
  forwardRef<HTMLElement, EventLogProps>(function EventLog(props, ref) {
    const {
      session,
      paused: pausedProp,
      defaultPaused,
      onPausedChange,
      defaultFilter,
      defaultDirection,
      label = 'Event log',
      formatTime = localTime,
      className,
      ...rootProps
    } = props;
    const log = useEventLog({
      session,
      paused: pausedProp,
      defaultPaused,
      onPausedChange,
      defaultFilter,
      defaultDirection,
    });
    const hydrated = useHydrated();
    const id = useId();
    const titleId = `${id}-title`;
    const typesId = `${id}-types`;
    const { entries, paused, newCount } = log;
    return (
      <section
        ref={ref}
        // The heading names the region unless the user names it.
        aria-labelledby={rootProps['aria-label'] === undefined ? titleId : undefined}
        {...rootProps}
        className={['rrs-group rrs-view rrs-event-log', className].filter(Boolean).join(' ')}
        data-paused={paused || undefined}
      >
        <span className="rrs-label" id={titleId}>
          {label}
        </span>
        <div className="rrs-row rrs-event-log-controls">
          <label className="rrs-subfield">
            <span className="rrs-sublabel">Filter by type</span>
            <input
              type="search"
              className="rrs-input"
              list={typesId}
              value={log.filter}
              placeholder="session.updated"
              autoComplete="off"
              onChange={(event) => log.setFilter(event.target.value)}
            />
          </label>
          <datalist id={typesId}>
            {log.types.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
          <label className="rrs-subfield">
            <span className="rrs-sublabel">Direction</span>
            <select
              className="rrs-input"
              value={log.direction}
              onChange={(event) => {
                if (isDirection(event.target.value)) log.setDirection(event.target.value);
              }}
            >
              {DIRECTIONS.map((item) => (
                <option key={item.value} value={item.value}>
                  {item.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="rrs-button rrs-button-quiet"
            aria-pressed={paused}
            onClick={() => log.setPaused(!paused)}
          >
            Pause
          </button>
          <button type="button" className="rrs-button rrs-button-quiet" onClick={log.clear}>
            Clear
          </button>
          {/* Always in the page, so screen readers hear it change; it says something only while paused, not per frame. */}
          <p role="status" className="rrs-description rrs-event-log-status">
            {paused ? `Paused: ${newCount} new ${newCount === 1 ? 'event' : 'events'}.` : ''}
          </p>
        </div>
        {entries.length === 0 ? (
          <p className="rrs-description">{log.total === 0 ? 'No events yet.' : 'No events match the filters.'}</p>
        ) : (
          <ol className="rrs-event-list" aria-label="Events, newest first">
            {entries.map((entry) => (
              <EventRow key={entry.id} entry={entry} hydrated={hydrated} formatTime={formatTime} />
            ))}
          </ol>
        )}
      </section>
    );
  }),
);
EventLog.displayName = 'EventLog';
