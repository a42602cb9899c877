/** A promise's outcome as a value, so a test can assert on a rejection without try/catch. */
export type Settled<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Waits for `promise` and returns its outcome; `E` is the error type the test expects. */
export function settled<T, E = unknown>(promise: Promise<T>): Promise<Settled<T, E>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: error as E }),
  );
}
