import type { RealtimeSessionSnapshot, RealtimeSessionStore } from '../../src/session/index.js';

/** Resolves with the first snapshot that satisfies `predicate`, or fails after `timeoutMs`. */
export function until(
  store: RealtimeSessionStore,
  predicate: (snapshot: RealtimeSessionSnapshot) => boolean,
  timeoutMs = 3000,
  what = 'the expected session state',
): Promise<RealtimeSessionSnapshot> {
  return new Promise((resolve, reject) => {
    const check = (snapshot: RealtimeSessionSnapshot) => {
      if (!predicate(snapshot)) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(snapshot);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      const snapshot = store.getSnapshot();
      reject(
        new Error(
          `no ${what} within ${timeoutMs} ms (status ${snapshot.status}, errors ${JSON.stringify(snapshot.errors)})`,
        ),
      );
    }, timeoutMs);
    const unsubscribe = store.subscribe((next) => {
      check(next);
    });
    check(store.getSnapshot());
  });
}

/** Waits until `condition()` holds, polling every 5 ms, for at most `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 3000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** True when every field the draft specifies has the same wire value in `applied`. */
export function appliedMatchesDraft(snapshot: RealtimeSessionSnapshot): boolean {
  const draft = snapshot.draft.toJson() as unknown as Record<string, unknown>;
  const applied = snapshot.applied?.toJson() as unknown as Record<string, unknown> | undefined;
  return applied !== undefined && contains(applied, draft);
}

function contains(whole: unknown, part: unknown): boolean {
  if (part === null || typeof part !== 'object' || Array.isArray(part)) {
    return JSON.stringify(whole) === JSON.stringify(part);
  }
  if (whole === null || typeof whole !== 'object') return false;
  return Object.entries(part).every(([key, value]) => contains((whole as Record<string, unknown>)[key], value));
}
