'use client';
import { useCallback, useDebugValue } from 'react';
import useSyncExternalStoreExports from 'use-sync-external-store/with-selector';
import {
  readSessionField,
  writeSessionField,
  type RealtimeSessionCreateRequest,
  type RealtimeSessionFieldPath,
  type RealtimeSessionFieldValues,
} from '../model/index.js';
import type {
  RealtimeSessionSnapshot,
  RealtimeSessionStore,
  SessionFieldState,
  SessionUpdateOptions,
} from '../session/index.js';
import { useRealtimeSessionContext } from './context.js';

// The package is CommonJS; reading the named export off the default keeps it working under Node ESM (SSR).
const { useSyncExternalStoreWithSelector } = useSyncExternalStoreExports;

/**
 * A slice of the session snapshot. The component re-renders only when the
 * slice changes according to `isEqual` (default `Object.is`); snapshots share
 * unchanged parts, so selecting a field or a sub-object is cheap and stable.
 *
 * @example
 * ```tsx
 * const status = useSessionSelector((snapshot) => snapshot.status);
 * const voices = useSessionSelector((s) => s.applied?.audio?.output?.voice);
 * ```
 */
export function useSessionSelector<T>(
  selector: (snapshot: RealtimeSessionSnapshot) => T,
  isEqual?: (a: T, b: T) => boolean,
  store?: RealtimeSessionStore,
): T {
  const session = useRealtimeSessionContext(store);
  const slice = useSyncExternalStoreWithSelector(
    session.subscribe,
    session.getSnapshot,
    session.getServerSnapshot,
    selector,
    isEqual,
  );
  useDebugValue(slice);
  return slice;
}

/** What {@link useSessionField} returns for one field. */
export interface UseSessionFieldReturn<P extends RealtimeSessionFieldPath> extends SessionFieldState {
  readonly path: P;
  /** The draft value: what the form shows. */
  readonly value: RealtimeSessionFieldValues[P];
  /** The value the live session has, server defaults included; `undefined` without a session. */
  readonly appliedValue: RealtimeSessionFieldValues[P] | undefined;
  /** Writes the draft field and syncs it; `undefined` makes it unspecified. */
  setValue(
    value: RealtimeSessionFieldValues[P] | undefined,
    options?: SessionUpdateOptions,
  ): Promise<RealtimeSessionCreateRequest | undefined>;
  /** Puts back the acknowledged value. */
  revert(): void;
}

interface FieldSlice<P extends RealtimeSessionFieldPath> {
  readonly value: RealtimeSessionFieldValues[P];
  readonly appliedValue: RealtimeSessionFieldValues[P] | undefined;
  readonly state: SessionFieldState;
}

const sameFieldSlice = <P extends RealtimeSessionFieldPath>(a: FieldSlice<P>, b: FieldSlice<P>) =>
  a.value === b.value && a.appliedValue === b.appliedValue && a.state === b.state;

/**
 * One session field: its draft value, applied value, status, issues, server
 * error and lock, plus a setter. Re-renders only when that field changes.
 *
 * @example
 * ```tsx
 * function SpeedSlider() {
 *   const speed = useSessionField('audio.output.speed');
 *   return (
 *     <input
 *       type="range" min={0.25} max={1.5} step={0.05}
 *       value={speed.value ?? 1}
 *       aria-invalid={speed.status === 'invalid'}
 *       onChange={(event) => void speed.setValue(Number(event.target.value))}
 *     />
 *   );
 * }
 * ```
 */
export function useSessionField<P extends RealtimeSessionFieldPath>(
  path: P,
  store?: RealtimeSessionStore,
): UseSessionFieldReturn<P> {
  const session = useRealtimeSessionContext(store);
  const selector = useCallback(
    (snapshot: RealtimeSessionSnapshot): FieldSlice<P> => ({
      value: readSessionField(snapshot.draft, path),
      appliedValue: snapshot.applied === undefined ? undefined : readSessionField(snapshot.applied, path),
      state: snapshot.fields[path],
    }),
    [path],
  );
  const slice = useSyncExternalStoreWithSelector(
    session.subscribe,
    session.getSnapshot,
    session.getServerSnapshot,
    selector,
    sameFieldSlice,
  );
  const setValue = useCallback(
    (value: RealtimeSessionFieldValues[P] | undefined, options?: SessionUpdateOptions) =>
      session.update((draft) => writeSessionField(draft, path, value), options),
    [session, path],
  );
  const revert = useCallback(() => session.revert(path), [session, path]);
  useDebugValue(slice.state.status);
  return { path, value: slice.value, appliedValue: slice.appliedValue, ...slice.state, setValue, revert };
}
