import {
  RealtimeAudioConfig,
  RealtimeAudioConfigInput,
  RealtimeAudioConfigOutput,
  type RealtimeAudioFormat,
  type RealtimeCustomVoice,
  type RealtimeNoiseReduction,
  type RealtimeTranscription,
  type RealtimeTurnDetection,
} from './audio.js';
import type { RealtimeIncludable, RealtimeOutputModality, RealtimeVoice } from './enums.js';
import { DEFAULT_REALTIME_MODEL } from './capabilities.js';
import { tableOf } from './codec.js';
import { jsonEqual, objectFromEntries, type JsonObject, type JsonValue } from './json.js';
import type { RealtimeOff } from './off.js';
import type { RealtimePrompt, RealtimeReasoning, RealtimeTracing, RealtimeTruncation } from './options.js';
import { RealtimeSessionCreateRequest, type RealtimeModelId } from './session-request.js';
import type { RealtimeTool, RealtimeToolChoice } from './tools.js';
import type { RealtimeTruncationMode } from './enums.js';
import { REALTIME_SESSION_DEFAULTS } from './defaults.js';

/**
 * The value each session field holds in the model, by wire path. These are the
 * units a form edits and a `session.update` changes: top-level fields whole,
 * `audio.input.*` and `audio.output.*` one by one. `undefined` means unspecified.
 */
export interface RealtimeSessionFieldValues {
  model: RealtimeModelId;
  instructions: string | undefined;
  output_modalities: readonly RealtimeOutputModality[] | undefined;
  tools: readonly RealtimeTool[] | undefined;
  tool_choice: RealtimeToolChoice | undefined;
  max_output_tokens: number | 'inf' | undefined;
  parallel_tool_calls: boolean | undefined;
  reasoning: RealtimeReasoning | undefined;
  tracing: RealtimeTracing | undefined;
  truncation: RealtimeTruncationMode | RealtimeTruncation | undefined;
  include: readonly RealtimeIncludable[] | undefined;
  prompt: RealtimePrompt | RealtimeOff | undefined;
  'audio.input.format': RealtimeAudioFormat | undefined;
  'audio.input.transcription': RealtimeTranscription | RealtimeOff | undefined;
  'audio.input.noise_reduction': RealtimeNoiseReduction | RealtimeOff | undefined;
  'audio.input.turn_detection': RealtimeTurnDetection | undefined;
  'audio.output.format': RealtimeAudioFormat | undefined;
  'audio.output.voice': RealtimeVoice | RealtimeCustomVoice | undefined;
  'audio.output.speed': number | undefined;
}

/** A session field's wire path, for example `audio.output.voice`. */
export type RealtimeSessionFieldPath = keyof RealtimeSessionFieldValues;

/** A path list that names every field; a field left out makes the argument `never`, so it fails to compile. */
function everyFieldPath<const T extends readonly RealtimeSessionFieldPath[]>(
  paths: T & ([Exclude<RealtimeSessionFieldPath, T[number]>] extends [never] ? unknown : never),
): readonly RealtimeSessionFieldPath[] {
  return Object.freeze([...paths]);
}

/**
 * Every session field path, in form order.
 *
 * @example
 * ```ts
 * for (const path of REALTIME_SESSION_FIELD_PATHS) console.log(path, readSessionField(request, path));
 * ```
 */
export const REALTIME_SESSION_FIELD_PATHS: readonly RealtimeSessionFieldPath[] = everyFieldPath([
  'model',
  'instructions',
  'output_modalities',
  'tools',
  'tool_choice',
  'max_output_tokens',
  'parallel_tool_calls',
  'reasoning',
  'tracing',
  'truncation',
  'include',
  'prompt',
  'audio.input.format',
  'audio.input.transcription',
  'audio.input.noise_reduction',
  'audio.input.turn_detection',
  'audio.output.format',
  'audio.output.voice',
  'audio.output.speed',
]);

type Owner = 'top' | 'input' | 'output';
const OWNER_CLASSES = {
  top: RealtimeSessionCreateRequest,
  input: RealtimeAudioConfigInput,
  output: RealtimeAudioConfigOutput,
} as const;

/** Where each field lives on the model: its owner and property name, looked up in the owner's field table. */
const FIELD_LOCATIONS = objectFromEntries(
  REALTIME_SESSION_FIELD_PATHS.map((path) => {
    const [head = '', side, wire = head] = path.split('.');
    const owner: Owner = side === 'input' || side === 'output' ? side : 'top';
    const field = tableOf(OWNER_CLASSES[owner]).byWire.get(wire);
    if (field === undefined) throw new TypeError(`no model field at ${path}`);
    return [path, [owner, field.name] as const] as const;
  }),
) as Readonly<Record<RealtimeSessionFieldPath, readonly [owner: Owner, name: string]>>;

const FIELD_PATH_SET: ReadonlySet<string> = new Set(REALTIME_SESSION_FIELD_PATHS);

/** True when `path` names a session field. */
export function isSessionFieldPath(path: string): path is RealtimeSessionFieldPath {
  return FIELD_PATH_SET.has(path);
}

/**
 * The value of one field of a request, as the model holds it (`undefined` when unspecified).
 * Unchanged fields keep their identity across `copyWith`, so the result is safe to memoize on.
 *
 * @example
 * ```ts
 * readSessionField(request, 'audio.output.voice'); // 'marin'
 * ```
 */
export function readSessionField<P extends RealtimeSessionFieldPath>(
  request: RealtimeSessionCreateRequest,
  path: P,
): RealtimeSessionFieldValues[P] {
  const [where, key] = FIELD_LOCATIONS[path];
  const owner: object | undefined =
    where === 'top' ? request : where === 'input' ? request.audio?.input : request.audio?.output;
  return (owner as Record<string, unknown> | undefined)?.[key] as RealtimeSessionFieldValues[P];
}

/**
 * A copy of `request` with one field replaced; `undefined` makes it
 * unspecified. Returns `request` itself when nothing changes.
 *
 * @example
 * ```ts
 * const next = writeSessionField(request, 'audio.output.voice', 'cedar');
 * ```
 */
export function writeSessionField<P extends RealtimeSessionFieldPath>(
  request: RealtimeSessionCreateRequest,
  path: P,
  value: RealtimeSessionFieldValues[P] | undefined,
): RealtimeSessionCreateRequest {
  const [where, key] = FIELD_LOCATIONS[path];
  // `copyWith` reads `null` as "make unspecified"; `undefined` would mean "keep".
  const patch = { [key]: value ?? null };
  if (where === 'top') {
    if (key === 'model' && value === undefined) return request;
    return request.copyWith(patch);
  }
  const audio = request.audio ?? new RealtimeAudioConfig({});
  if (where === 'input') {
    const input = audio.input ?? new RealtimeAudioConfigInput({});
    const nextInput = input.copyWith(patch);
    return nextInput === input ? request : request.copyWith({ audio: audio.copyWith({ input: nextInput }) });
  }
  const output = audio.output ?? new RealtimeAudioConfigOutput({});
  const nextOutput = output.copyWith(patch);
  return nextOutput === output ? request : request.copyWith({ audio: audio.copyWith({ output: nextOutput }) });
}

/**
 * The wire JSON of one field inside a request's `toJson()`, or `undefined`
 * when the field is unspecified. Reads own properties only.
 */
export function sessionFieldJson(json: JsonObject, path: RealtimeSessionFieldPath): JsonValue | undefined {
  let value: JsonValue | undefined = json;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) {
      return undefined;
    }
    value = (value as JsonObject)[key];
  }
  return value;
}

/**
 * The session field an issue or error path belongs to: `tools[2].name` →
 * `tools`, `session.audio.output.voice` → `audio.output.voice`. Returns
 * `undefined` for paths outside any field.
 *
 * @example
 * ```ts
 * sessionFieldOfPath('session.tools[0].parameters'); // 'tools'
 * ```
 */
export function sessionFieldOfPath(path: string): RealtimeSessionFieldPath | undefined {
  const local = path.startsWith('session.') ? path.slice('session.'.length) : path;
  const segments = local.split(/[.[]/);
  // Field paths are one segment, or three under `audio`.
  const candidate = segments[0] === 'audio' ? segments.slice(0, 3).join('.') : segments[0];
  return candidate !== undefined && isSessionFieldPath(candidate) ? candidate : undefined;
}

/**
 * The fields whose wire value differs between two requests, in form order.
 *
 * @example
 * ```ts
 * changedSessionFields(request, request.copyWith({ instructions: 'Hi' })); // ['instructions']
 * ```
 */
export function changedSessionFields(
  before: RealtimeSessionCreateRequest,
  after: RealtimeSessionCreateRequest,
): readonly RealtimeSessionFieldPath[] {
  if (before === after) return [];
  let a: JsonObject | undefined;
  let b: JsonObject | undefined;
  return REALTIME_SESSION_FIELD_PATHS.filter((path) => {
    // Copies share unchanged values, so most fields are settled by identity without building JSON.
    if (readSessionField(before, path) === readSessionField(after, path)) return false;
    a ??= before.toJson() as unknown as JsonObject;
    b ??= after.toJson() as unknown as JsonObject;
    return !jsonEqual(sessionFieldJson(a, path), sessionFieldJson(b, path));
  });
}

let defaultsRequest: RealtimeSessionCreateRequest | undefined;

/**
 * The value the API uses for a field a request leaves unspecified, as the
 * model holds it, read from {@link REALTIME_SESSION_DEFAULTS}. `undefined`
 * for `model`, which has no default, and for fields whose default is "off"
 * in a form the model has no value for.
 *
 * @example
 * ```ts
 * sessionFieldDefault('audio.output.voice'); // 'alloy'
 * sessionFieldDefault('reasoning')?.effort; // 'low'
 * ```
 */
export function sessionFieldDefault<P extends RealtimeSessionFieldPath>(
  path: P,
): RealtimeSessionFieldValues[P] | undefined {
  if (path === 'model') return undefined;
  defaultsRequest ??= RealtimeSessionCreateRequest.fromJson({
    ...REALTIME_SESSION_DEFAULTS.session,
    model: DEFAULT_REALTIME_MODEL,
    audio: { input: REALTIME_SESSION_DEFAULTS.input, output: REALTIME_SESSION_DEFAULTS.output },
  });
  return readSessionField(defaultsRequest, path);
}

/**
 * A copy of `request` without one key the model does not know (one of
 * `request.unknownKeys()`), for example a key the server refused. Returns
 * `request` itself when there is no such key.
 *
 * @example
 * ```ts
 * const request = RealtimeSessionCreateRequest.fromJson({ model: 'm', tools: [{ type: 'function', name: 'f', strict_beta: true }] });
 * withoutUnknownKey(request, 'tools[0].strict_beta').unknownKeys(); // []
 * ```
 */
export function withoutUnknownKey(request: RealtimeSessionCreateRequest, path: string): RealtimeSessionCreateRequest {
  if (!request.unknownKeys().includes(path)) return request;
  const segments = path.match(/[^.[\]]+/g) ?? [];
  const key = segments.pop();
  const json = structuredClone(request.toJson()) as unknown as Record<string, unknown>;
  let owner: unknown = json;
  for (const segment of segments) owner = (owner as Record<string, unknown> | undefined)?.[segment];
  if (key === undefined || owner === null || typeof owner !== 'object' || !Object.hasOwn(owner, key)) return request;
  delete (owner as Record<string, unknown>)[key];
  return RealtimeSessionCreateRequest.fromJson(json);
}
