/**
 * The type of {@link RealtimeOff}: a setting explicitly turned off.
 */
export class RealtimeOffSetting {
  // A private brand keeps this nominal: no look-alike object passes for it.
  readonly #brand = 'off';

  /** @internal Use the shared {@link RealtimeOff} instance. */
  static readonly instance = new RealtimeOffSetting();

  private constructor() {
    Object.freeze(this);
  }

  /** Written as `null` on the wire. */
  toJSON(): null {
    return null;
  }

  toString(): string {
    return this.#brand;
  }
}

/**
 * An explicit *off* for settings where `null` on the wire is itself a setting
 * (`turn_detection`, `transcription`, `noise_reduction`, `tracing`, `prompt`,
 * `idle_timeout_ms`, and the other nullable fields). It differs from
 * *unspecified* (`undefined`), which leaves the server's value alone:
 * `toJson()` writes it as `null`, `fromJson()` reads it from `null`.
 *
 * @example
 * ```ts
 * const pushToTalk = request.copyWith({
 *   audio: request.audio?.copyWith({ input: { turnDetection: RealtimeOff } }),
 * });
 * pushToTalk.toJson().audio; // { input: { turn_detection: null } }
 * ```
 */
export const RealtimeOff: RealtimeOffSetting = RealtimeOffSetting.instance;
/** The type of {@link RealtimeOff}. */
export type RealtimeOff = RealtimeOffSetting;

/** True when a setting holds the explicit {@link RealtimeOff}. */
export function isOff(value: unknown): value is RealtimeOff {
  return value === RealtimeOff;
}
