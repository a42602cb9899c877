import { act } from '@testing-library/react';

/**
 * `batchNotify` for hook tests with a live socket: the store notifies from
 * inside React effects (connect on mount) and from socket callbacks; deferring
 * to a microtask and wrapping in `act` keeps both outside React's own work and
 * inside an act scope, so React neither warns nor drops the update.
 */
export function actNotify(notify: () => void): void {
  queueMicrotask(() => act(notify));
}
