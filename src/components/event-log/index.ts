export { EventLog, type EventLogProps } from './event-log.js';
export {
  useEventLog,
  type UseEventLogOptions,
  type UseEventLogReturn,
  type EventLogDirection,
} from './use-event-log.js';
