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
}

/** The reasons a {@link ConfigIssue} or {@link RealtimeConfigError} can carry. */
export type ConfigIssueCode =
  | 'invalid_type'
  | 'required'
  | 'invalid_value'
  | 'out_of_range'
  | 'not_integer'
  | 'invalid_pattern'
  | 'duplicate'
  | 'unknown_reference'
  | 'invalid_schema'
  | 'unsupported_for_model'
  | 'conflict';

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
export class RealtimeConfigError extends Error {
  /** Wire path of the offending field; `''` for the document itself. */
  readonly path: string;
  readonly code: ConfigIssueCode;

  constructor(path: string, code: ConfigIssueCode, message: string) {
    super(path === '' ? message : `${path}: ${message}`);
    this.name = 'RealtimeConfigError';
    this.path = path;
    this.code = code;
  }

  /** The error as a {@link ConfigIssue}, for showing it like a validation issue. */
  toIssue(): ConfigIssue {
    const prefix = this.path === '' ? '' : `${this.path}: `;
    return { path: this.path, code: this.code, message: this.message.slice(prefix.length) };
  }
}
