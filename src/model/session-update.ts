import { REALTIME_SESSION_DEFAULTS, type RealtimeSessionDefaults } from './defaults.js';
import {
  adoptFrozenJson,
  isPlainObject,
  jsonEqual,
  objectFromEntries,
  type JsonObject,
  type JsonValue,
} from './json.js';
import type { RealtimeSessionCreateRequest, RealtimeSessionCreateRequestJson } from './session-request.js';
import type { RealtimeAudioConfigInputJson, RealtimeAudioConfigOutputJson } from './audio.js';

/**
 * The `session` of a `session.update` event: always `type: 'realtime'`, then
 * only the fields to change. Never carries `model`.
 */
export interface RealtimeSessionUpdateJson extends Omit<RealtimeSessionCreateRequestJson, 'model' | 'type' | 'audio'> {
  type: 'realtime';
  audio?: { input?: RealtimeAudioConfigInputJson; output?: RealtimeAudioConfigOutputJson };
}

/** Fields that the payload never carries: `model` is fixed by the connection, `type` is always added. */
const FIXED_FIELDS: ReadonlySet<string> = new Set(['model', 'type', 'audio']);

/**
 * The minimal `session.update` payload that turns a session configured with
 * `previous` into one configured with `next`.
 *
 * - Only fields that differ are sent; `audio.input` and `audio.output` fields
 *   one by one, lists whole.
 * - A field specified in `previous` and unspecified in `next` is reset to the
 *   API's value ({@link REALTIME_SESSION_DEFAULTS}); an explicit off is sent as `null`.
 * - With no `previous` (a new session), every specified field is sent and
 *   nothing is reset.
 *
 * @example
 * ```ts
 * const before = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', instructions: 'Be brief.' });
 * const after = before.copyWith({ instructions: null, audio: { output: { voice: 'marin' } } });
 * sessionUpdateFor(before, after);
 * // { type: 'realtime', instructions: '', audio: { output: { voice: 'marin' } } }
 * ```
 */
export function sessionUpdateFor(
  previous: RealtimeSessionCreateRequest | null | undefined,
  next: RealtimeSessionCreateRequest,
): RealtimeSessionUpdateJson {
  return sessionUpdateBetween(
    (previous?.toJson() ?? {}) as unknown as JsonObject,
    next.toJson() as unknown as JsonObject,
  );
}

/**
 * {@link sessionUpdateFor} on wire JSON, with the defaults to reset to as a
 * parameter: a test can then show that a default added to the list is reset
 * with no other change. Internal; not exported from the package.
 *
 * @example
 * ```ts
 * sessionUpdateBetween({ instructions: 'Be brief.' }, {}); // { type: 'realtime', instructions: '' }
 * ```
 */
export function sessionUpdateBetween(
  before: JsonObject,
  after: JsonObject,
  defaults: RealtimeSessionDefaults = REALTIME_SESSION_DEFAULTS,
): RealtimeSessionUpdateJson {
  const entries: (readonly [string, JsonValue])[] = [['type', 'realtime']];
  entries.push(...changedEntries(before, after, defaults.session, FIXED_FIELDS));

  const audioBefore = objectAt(before, 'audio');
  const audioAfter = objectAt(after, 'audio');
  const audio = [
    ...sideEntries('input', audioBefore, audioAfter, defaults.input),
    ...sideEntries('output', audioBefore, audioAfter, defaults.output),
    // Keys under `audio` this version does not model are compared whole.
    ...changedEntries(audioBefore, audioAfter, {}, new Set(['input', 'output'])),
  ];
  if (audio.length > 0) entries.push(['audio', adoptFrozenJson(objectFromEntries(audio))]);
  return adoptFrozenJson(objectFromEntries(entries)) as unknown as RealtimeSessionUpdateJson;
}

/** True when a payload from {@link sessionUpdateFor} changes nothing. */
export function isEmptySessionUpdate(update: RealtimeSessionUpdateJson): boolean {
  return Object.keys(update).length === 1;
}

function objectAt(json: JsonObject, key: string): JsonObject {
  const value = json[key];
  return isPlainObject(value) ? (value as JsonObject) : {};
}

function sideEntries(
  side: 'input' | 'output',
  audioBefore: JsonObject,
  audioAfter: JsonObject,
  defaults: JsonObject,
): (readonly [string, JsonValue])[] {
  const changes = changedEntries(objectAt(audioBefore, side), objectAt(audioAfter, side), defaults, new Set());
  return changes.length > 0 ? [[side, adoptFrozenJson(objectFromEntries(changes))]] : [];
}

/**
 * The fields of `after` that differ from `before`, plus resets for fields
 * only `before` specified (when the API has a value to reset them to).
 */
function changedEntries(
  before: JsonObject,
  after: JsonObject,
  defaults: JsonObject,
  skip: ReadonlySet<string>,
): (readonly [string, JsonValue])[] {
  const entries: (readonly [string, JsonValue])[] = [];
  for (const key of Object.keys(after)) {
    if (skip.has(key)) continue;
    const value = after[key] as JsonValue;
    if (!Object.hasOwn(before, key) || !jsonEqual(before[key], value)) entries.push([key, value]);
  }
  for (const key of Object.keys(before)) {
    if (skip.has(key) || Object.hasOwn(after, key) || !Object.hasOwn(defaults, key)) continue;
    entries.push([key, defaults[key] as JsonValue]);
  }
  return entries;
}
