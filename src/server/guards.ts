import type { IncomingMessage } from 'node:http';
import { jsonDeeperThan } from '../model/index.js';
import { apiError, type ApiErrorBody } from './http.js';

type Json = Record<string, unknown>;

/** Longest client `event_id` echoed back in errors: ids are meant to be short, and echoes must stay small. */
const MAX_ECHOED_EVENT_ID_CHARS = 512;

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where a parsed JSON value nests deeper than `maxDepth` containers: the
 * top-level key it happens under (`''` for a top-level array), or `undefined`
 * when it is shallow enough. Walks with an explicit stack, so no input can
 * overflow the call stack here.
 *
 * @example
 * ```ts
 * tooDeepAt({ item: [[[1]]] }, 3); // 'item'
 * ```
 */
export function tooDeepAt(value: unknown, maxDepth: number): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) return jsonDeeperThan(value, maxDepth) ? '' : undefined;
  const record = value as Json;
  return Object.keys(record).find((key) => jsonDeeperThan(record[key], maxDepth - 1));
}

/** A client frame read as an event, or the error to answer it with. Either way, the `event_id` to echo. */
export type ClientFrame =
  | { readonly ok: true; readonly event: Json; readonly eventId: string | null }
  | { readonly ok: false; readonly error: ApiErrorBody; readonly eventId: string | null };

/**
 * Reads one WebSocket frame as a client event: a JSON object in a text
 * frame, nested at most `maxDepth` deep. Never throws.
 */
export function readClientFrame(text: string | undefined, maxDepth: number): ClientFrame {
  if (text === undefined)
    return { ok: false, error: apiError('invalid_type', 'Send JSON text frames.'), eventId: null };
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return { ok: false, error: apiError('invalid_json', 'The event is not valid JSON.'), eventId: null };
  }
  if (!isJsonObject(event)) {
    return { ok: false, error: apiError('invalid_type', 'The event must be a JSON object.'), eventId: null };
  }
  const id = event['event_id'];
  const eventId = typeof id === 'string' && id.length <= MAX_ECHOED_EVENT_ID_CHARS ? id : null;
  const deep = tooDeepAt(event, maxDepth);
  if (deep !== undefined) {
    const error = apiError('too_deep', `The event nests deeper than ${maxDepth} levels.`, deep === '' ? null : deep);
    return { ok: false, error, eventId };
  }
  return { ok: true, event, eventId };
}

/** A short, printable rendering of a client value for error messages. */
export function describeValue(value: unknown, maxChars = 64): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

const LOOPBACK_HOSTNAMES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a browser page at `Origin` may use the emulator. Requests without
 * an `Origin` (non-browser clients) may; so may pages of the same origin as
 * the request's `Host`, pages on localhost / 127.0.0.1 / [::1], and origins
 * in `allowed` (`'*'` allows any). Everything else is a cross-site page the
 * developer happens to visit, which must not drive the emulator.
 */
export function isAllowedOrigin(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // `Origin: null` (sandboxed frames, file: pages) and garbage.
    return false;
  }
  if (allowed.includes(url.origin) || LOOPBACK_HOSTNAMES.has(url.hostname)) return true;
  const host = request.headers.host;
  if (host === undefined) return false;
  try {
    // Normalise the Host header with the origin's scheme, so default ports compare equal.
    return new URL(`${url.protocol}//${host}`).host === url.host;
  } catch {
    return false;
  }
}

/** The URL of a request, or `undefined` when its target is not a valid URL path (`//[`). */
export function requestUrl(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '/', 'http://emulator');
  } catch {
    return undefined;
  }
}

/**
 * Counts bad frames on a connection over a sliding window; `add()` says
 * when there have been more than `max` of them within `windowMs`.
 */
export function createBadFrameCounter(max: number, windowMs = 60_000): { add(now: number): boolean } {
  const times: number[] = [];
  return {
    add(now) {
      times.push(now);
      while ((times[0] as number) <= now - windowMs) times.shift();
      // Keeps the list bounded even when `max` is never reached within a window.
      if (times.length > max + 1) times.splice(0, times.length - max - 1);
      return times.length > max;
    },
  };
}
