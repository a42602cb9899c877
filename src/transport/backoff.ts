/** How a dropped connection is retried. */
export interface RealtimeReconnectOptions {
  /** Retries after a drop before giving up with `failed`; `0` turns reconnecting off. @default 5 */
  readonly maxAttempts?: number;
  /** Delay before the first retry; each further retry doubles it. @default 500 */
  readonly baseDelayMs?: number;
  /** Ceiling of the delay. @default 10000 */
  readonly maxDelayMs?: number;
  /**
   * How long a connection must stay open before the retry count starts
   * afresh. A server that accepts and then drops every connection (a
   * flapping one) so still ends in `failed` instead of being redialled forever.
   * @default 10000
   */
  readonly healthyAfterMs?: number;
}

export const DEFAULT_RECONNECT: Required<RealtimeReconnectOptions> = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  healthyAfterMs: 10_000,
});

/**
 * The wait before retry number `attempt` (from 1): exponential, capped, with
 * "equal jitter": half the delay is fixed, half random, so clients that lost
 * the same server do not come back in lockstep yet never retry instantly.
 */
export function backoffDelay(
  attempt: number,
  options: Required<RealtimeReconnectOptions>,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
