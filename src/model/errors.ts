/**
 * One problem found in a session config, addressed by its field path.
 *
 * Paths use the wire (snake_case) names joined by dots, with list indexes in
 * brackets: `audio.output.speed`, `tools[2].name`.
 *
 * @example
 * ```ts
 * const issues = validateSessionRequest(request);
 * // [{ path: 'audio.output.speed', code: 'out_of_range', message: 'must be between 0.25 and 1.5' }]
 * ```
 */
export interface ConfigIssue {
  /** Wire path of the field, for example `audio.output.speed`. */
  readonly path: string;
  /** Stable machine-readable reason, for example `out_of_range`. */
  readonly code: ConfigIssueCode;
  /** Human-readable explanation, suitable for showing next to the field. */
  readonly message: string;
  /**
   * What the broken rule accepts, when it is a bound or a list of values: for
   * whoever words its own message (the emulator words the API's).
   */
  readonly accepts?: {
    readonly min?: number;
    readonly max?: number;
    /** Whole numbers only. */
    readonly integer?: boolean;
    /** The most characters a string may have. */
    readonly maxLength?: number;
    /** The allowed strings. */
    readonly values?: readonly string[];
  };
}

/** The reasons a {@link ConfigIssue} or {@link RealtimeConfigError} can carry. */
export type ConfigIssueCode =
  | 'invalid_type'
  | 'required'
  | 'invalid_value'
  | 'out_of_range'
  | 'too_long'
  | 'not_integer'
  | 'invalid_pattern'
  | 'duplicate'
  | 'unknown_reference'
  | 'invalid_schema'
  | 'unsupported_for_model'
  | 'conflict';

/**
 * The base of every error this kit throws or rejects with. Each subclass sets a
 * stable, machine-readable `code`; `name` is the subclass's name.
 *
 * Protocol problems (a server frame that cannot be read) are plain data, not
 * errors: see `RealtimeProtocolIssue`.
 *
 * @example
 * ```ts
 * try {
 *   await store.update({ model: 'gpt-realtime-mini' });
 * } catch (error) {
 *   if (error instanceof RealtimeError) console.warn(error.name, error.code, error.message);
 * }
 * ```
 */
export class RealtimeError extends Error {
  /** Stable machine-readable reason; each subclass narrows it. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Each subclass sets its own name: a minifier may rename classes, so `new.target.name` is not reliable.
    this.name = 'RealtimeError';
    this.code = code;
  }
}

/**
 * Thrown when JSON cannot be read into the model at all (a wrong type, a
 * missing `model`). Range and enum problems are not thrown: they are reported
 * by `validateSessionRequest`, so a half-filled form can still be represented.
 *
 * @example
 * ```ts
 * try {
 *   RealtimeSessionCreateRequest.fromJson({ model: 'gpt-realtime', audio: { output: { speed: 'fast' } } });
 * } catch (error) {
 *   if (error instanceof RealtimeConfigError) console.log(error.path); // 'audio.output.speed'
 * }
 * ```
 */
export class RealtimeConfigError extends RealtimeError {
  /** Wire path of the offending field; `''` for the document itself. */
  readonly path: string;
  declare readonly code: ConfigIssueCode;

  constructor(path: string, code: ConfigIssueCode, message: string) {
    super(code, path === '' ? message : `${path}: ${message}`);
    this.name = 'RealtimeConfigError';
    this.path = path;
  }

  /** The error as a {@link ConfigIssue}, for showing it like a validation issue. */
  toIssue(): ConfigIssue {
    const prefix = this.path === '' ? '' : `${this.path}: `;
    return { path: this.path, code: this.code, message: this.message.slice(prefix.length) };
  }
}
