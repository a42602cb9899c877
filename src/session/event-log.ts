import { isPlainObject, redactSecrets, redactSecretText, type JsonValue } from '../model/index.js';

/** One frame in the event log. */
export interface RealtimeEventLogEntry {
  /** Increasing number, unique within a store; handy as a React key. */
  readonly id: number;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly direction: 'sent' | 'received';
  /** The event type; `invalid` for a frame that could not be read. */
  readonly type: string;
  readonly eventId?: string;
  /** The event with secrets masked and audio replaced by its length. */
  readonly payload: JsonValue;
}

/**
 * A bounded log of the frames a session sent and received, for inspectors
 * and debugging. It lives beside the snapshot rather than in it, so audio
 * deltas arriving 10 times a second do not wake every session subscriber.
 */
export interface RealtimeEventLog {
  /** The retained entries, oldest first. The array is immutable and replaced on change. */
  entries(): readonly RealtimeEventLogEntry[];
  /** Calls `listener` after each new entry; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  clear(): void;
  /** How many entries are kept. */
  readonly capacity: number;
}

/** Keys whose string values are base64 audio: logged as their length only. */
const AUDIO_KEYS: ReadonlySet<string> = new Set(['audio', 'delta']);
const AUDIO_EVENTS: ReadonlySet<string> = new Set(['response.output_audio.delta', 'input_audio_buffer.append']);
/** Longest text of an unreadable frame kept in the log. */
const MAX_INVALID_FRAME_CHARS = 500;
const MASKED_WINDOW_CHARS = 64 * 1024;

/** The writable side, used by the store; not exported from the session layer. */
export interface EventLogWriter extends RealtimeEventLog {
  record(direction: RealtimeEventLogEntry['direction'], payload: unknown, now: number): void;
}

export function createEventLog(capacity: number): EventLogWriter {
  const size = Math.max(1, Math.floor(capacity));
  const ring: (RealtimeEventLogEntry | undefined)[] = new Array<RealtimeEventLogEntry | undefined>(size);
  const listeners = new Set<() => void>();
  let start = 0;
  let count = 0;
  let nextId = 1;
  let ordered: readonly RealtimeEventLogEntry[] | undefined = Object.freeze([]);

  return {
    capacity: size,
    record(direction, payload, now) {
      const entry = toEntry(nextId++, direction, payload, now);
      ring[(start + count) % size] = entry;
      if (count < size) count += 1;
      else start = (start + 1) % size;
      ordered = undefined;
      for (const listener of [...listeners]) listener();
    },
    entries() {
      if (ordered === undefined) {
        const list: RealtimeEventLogEntry[] = [];
        for (let i = 0; i < count; i++) list.push(ring[(start + i) % size] as RealtimeEventLogEntry);
        ordered = Object.freeze(list);
      }
      return ordered;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear() {
      ring.fill(undefined);
      start = 0;
      count = 0;
      ordered = Object.freeze([]);
      for (const listener of [...listeners]) listener();
    },
  };
}

function toEntry(
  id: number,
  direction: RealtimeEventLogEntry['direction'],
  payload: unknown,
  at: number,
): RealtimeEventLogEntry {
  if (!isPlainObject(payload)) {
    // Masked before the final cut, so a secret straddling it cannot survive as a fragment; the
    // first cut only bounds the work on a huge frame.
    const text =
      typeof payload === 'string'
        ? redactSecretText(payload.slice(0, MASKED_WINDOW_CHARS))
        : `[${typeof payload} frame]`;
    return Object.freeze({ id, at, direction, type: 'invalid', payload: text.slice(0, MAX_INVALID_FRAME_CHARS) });
  }
  const type = typeof payload['type'] === 'string' ? payload['type'] : 'invalid';
  const eventId = payload['event_id'];
  const summarized = AUDIO_EVENTS.has(type) ? withoutAudio(payload) : payload;
  // Masked when first read, not when recorded: a burst of edits logs thousands of frames that only
  // the last 200 of can ever be looked at. Only the masked form is ever handed out.
  let masked: JsonValue | undefined;
  const entry = { id, at, direction, type, ...(typeof eventId === 'string' ? { eventId } : {}) };
  Object.defineProperty(entry, 'payload', {
    enumerable: true,
    get: () => (masked ??= redactSecrets(summarized) as JsonValue),
  });
  return Object.freeze(entry as RealtimeEventLogEntry);
}

function withoutAudio(payload: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...payload };
  for (const key of AUDIO_KEYS) {
    const value = copy[key];
    if (typeof value === 'string') copy[key] = `[base64 audio, ${value.length} chars]`;
  }
  return copy;
}
