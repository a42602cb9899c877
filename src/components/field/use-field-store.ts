'use client';
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import useSyncExternalStoreExports from 'use-sync-external-store/with-selector';
import {
  DEFAULT_REALTIME_MODEL,
  readSessionField,
  RealtimeSessionCreateRequest,
  type RealtimeSessionFieldPath,
  type RealtimeSessionFieldValues,
} from '../../model/index.js';
import {
  createSessionStore,
  type RealtimeSessionSnapshot,
  type RealtimeSessionStore,
  type SessionChange,
  type SessionUpdateOptions,
} from '../../session/index.js';
import { RealtimeSessionContext, useControlSwitchWarning } from '../../react/index.js';

const { useSyncExternalStoreWithSelector } = useSyncExternalStoreExports;

/**
 * The props every form component shares. Inside a `RealtimeSessionProvider`
 * none are needed: the component edits the live session's draft. Standalone,
 * it edits `value` (controlled) or `defaultValue` (uncontrolled) and reports
 * each new request through `onValueChange`.
 */
export interface SessionRequestProps {
  /** The request to edit, controlled. */
  readonly value?: RealtimeSessionCreateRequest | undefined;
  /** The request to start from, uncontrolled. */
  readonly defaultValue?: RealtimeSessionCreateRequest | undefined;
  /** Called with each new request the user makes. */
  readonly onValueChange?: ((next: RealtimeSessionCreateRequest) => void) | undefined;
  /** Turns the whole component off. */
  readonly disabled?: boolean | undefined;
  /** A session store to edit instead of the provider's. */
  readonly session?: RealtimeSessionStore | undefined;
}

/** How a component is bound: to a live session, or to its own props. */
export type SessionBindingMode = 'connected' | 'controlled' | 'uncontrolled';

/**
 * What every field hook reads and writes through: one session store, whether
 * the component is connected (the provider's store) or standalone (an offline
 * store of its own, with no transport, that a controlled `value` syncs into).
 */
export interface FieldStore {
  readonly mode: SessionBindingMode;
  readonly store: RealtimeSessionStore;
  readonly disabled: boolean;
  /** The snapshot as of this render; the component re-renders when a watched field or the status changes. */
  readonly snapshot: RealtimeSessionSnapshot;
  /** Writes one field of the draft; standalone, reports the new request through `onValueChange`. */
  setField<P extends RealtimeSessionFieldPath>(
    path: P,
    value: RealtimeSessionFieldValues[P] | undefined,
    options?: SessionUpdateOptions,
  ): void;
  /** Applies a change to the whole draft (removing an unknown key, for example). */
  update(change: SessionChange, options?: SessionUpdateOptions): void;
  /** Sets a field back to its acknowledged value (standalone: the value the component started with). */
  revert(path: RealtimeSessionFieldPath): void;
  /** Sends coalesced edits now, as a control loses focus. */
  commit(): void;
}

// Before any request is known (a controlled component whose value is still loading) the store holds a placeholder.
const PLACEHOLDER = new RealtimeSessionCreateRequest({ model: DEFAULT_REALTIME_MODEL });

const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

interface Slice {
  readonly snapshot: RealtimeSessionSnapshot;
  readonly values: readonly unknown[];
  readonly applied: readonly unknown[];
  readonly states: readonly unknown[];
  readonly lastError: unknown;
}

const sameSlice = (a: Slice, b: Slice) =>
  a.snapshot.status === b.snapshot.status &&
  a.lastError === b.lastError &&
  a.values.every((value, index) => value === b.values[index]) &&
  a.applied.every((value, index) => value === b.applied[index]) &&
  a.states.every((state, index) => state === b.states[index]);

/** What a component edits through: its store, its mode, and how an edit is reported. */
export interface SessionBinding {
  readonly mode: SessionBindingMode;
  readonly store: RealtimeSessionStore;
  /** Runs `edit` against the store; standalone, reports the new draft through `onValueChange` when it changed. */
  reported(edit: () => void): void;
}

/**
 * A standalone form shares its offline store with the fields inside it, so
 * they edit one request together and report through the form's `onValueChange`.
 */
export const FieldBindingContext = createContext<SessionBinding | null>(null);
FieldBindingContext.displayName = 'FieldBindingContext';

/** True inside a disabled form: every field in it is disabled too. */
export const FieldDisabledContext = createContext(false);
FieldDisabledContext.displayName = 'FieldDisabledContext';

/**
 * The store a component edits, without subscribing to it: its own offline
 * store when it has a `value` or `defaultValue`; else its `session` prop; else
 * the standalone form around it; else the nearest `RealtimeSessionProvider`.
 */
export function useSessionBinding(props: SessionRequestProps, name: string): SessionBinding {
  const fromProvider = useContext(RealtimeSessionContext);
  const fromForm = useContext(FieldBindingContext);
  const standalone = props.value !== undefined || props.defaultValue !== undefined;
  const connected = standalone ? undefined : (props.session ?? (fromForm === null ? fromProvider : null) ?? undefined);
  if (!standalone && connected === undefined && fromForm === null) {
    throw new Error(`${name} needs a value or defaultValue, or must be used within <RealtimeSessionProvider>.`);
  }
  // Built even when not needed, so the hook order never depends on the mode; an idle store with no
  // transport costs one derivation of the shared placeholder, whose validation is cached.
  const [offline] = useState(() => createSessionStore({ initial: props.value ?? props.defaultValue ?? PLACEHOLDER }));
  const inherited = !standalone && connected === undefined ? fromForm : null;
  const store = connected ?? inherited?.store ?? offline;
  const mode: SessionBindingMode =
    inherited?.mode ??
    (connected !== undefined ? 'connected' : props.value !== undefined ? 'controlled' : 'uncontrolled');

  // A controlled value wins: after every render the offline draft is made to match it, so an
  // edit the parent does not accept is undone before the browser paints.
  const controlledValue = standalone && props.value !== undefined ? props.value : undefined;
  const latestValue = useRef(controlledValue);
  useIsomorphicLayoutEffect(() => {
    latestValue.current = controlledValue;
    if (controlledValue === undefined) return;
    const draft = offline.getSnapshot().draft;
    if (draft !== controlledValue && !draft.equals(controlledValue)) void offline.update(controlledValue);
  });
  useControlSwitchWarning(standalone && props.value !== undefined, name);

  const onValueChange = useRef(props.onValueChange);
  useEffect(() => {
    onValueChange.current = props.onValueChange;
  });
  const reported = useCallback(
    (edit: () => void) => {
      if (inherited !== null) {
        inherited.reported(edit);
        return;
      }
      const before = store.getSnapshot().draft;
      const given = latestValue.current;
      edit();
      const after = store.getSnapshot().draft;
      if (mode === 'connected' || after === before) return;
      onValueChange.current?.(after);
      if (given === undefined) return;
      // A parent that takes the edit re-renders before this microtask (React flushes its sync work
      // first), and the layout effect above records the new value. One that does not leaves `given`
      // in place: the store goes back to it, even if nothing else re-renders the component.
      queueMicrotask(() => {
        if (latestValue.current !== given) return;
        const draft = offline.getSnapshot().draft;
        if (draft !== given && !draft.equals(given)) void offline.update(given);
      });
    },
    [store, mode, inherited, offline],
  );
  return useMemo(() => ({ mode, store, reported }), [mode, store, reported]);
}

/**
 * Binds a form component to its store (see {@link useSessionBinding}). The
 * component re-renders only when one of `paths`, the session status or its
 * newest error change.
 */
export function useFieldStore(
  props: SessionRequestProps,
  paths: readonly RealtimeSessionFieldPath[],
  name: string,
): FieldStore {
  const { mode, store, reported } = useSessionBinding(props, name);
  const disabledByForm = useContext(FieldDisabledContext);
  const pathsKey = paths.join('|');
  const selector = useCallback(
    (snapshot: RealtimeSessionSnapshot): Slice => ({
      snapshot,
      values: paths.map((path) => readSessionField(snapshot.draft, path)),
      applied: paths.map((path) =>
        snapshot.applied === undefined ? undefined : readSessionField(snapshot.applied, path),
      ),
      states: paths.map((path) => snapshot.fields[path]),
      // The list is bounded, so its length stops changing; its newest entry does not.
      lastError: snapshot.errors.at(-1),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `pathsKey` stands for `paths`
    [pathsKey],
  );
  const { snapshot } = useSyncExternalStoreWithSelector(
    store.subscribe,
    store.getSnapshot,
    store.getServerSnapshot,
    selector,
    sameSlice,
  );
  return {
    mode,
    store,
    disabled: props.disabled === true || disabledByForm,
    snapshot,
    setField: (path, value, options) => reported(() => void store.setField(path, value, options)),
    update: (change, options) => reported(() => void store.update(change, options)),
    revert: (path) => reported(() => store.revert(path)),
    commit: () => store.commit(),
  };
}

/**
 * Splits a component's props into the binding props and the rest, which go
 * on its root element.
 *
 * @example
 * ```tsx
 * const [bindingProps, { label, ...rootProps }] = splitFieldProps(props);
 * ```
 */
export function splitFieldProps<T extends SessionRequestProps>(
  props: T,
): readonly [SessionRequestProps, Omit<T, keyof SessionRequestProps>] {
  const { value, defaultValue, onValueChange, disabled, session, ...rest } = props;
  return [{ value, defaultValue, onValueChange, disabled, session }, rest] as const;
}
