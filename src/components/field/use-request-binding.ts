'use client';
import { useCallback, useContext, useMemo } from 'react';
import useSyncExternalStoreExports from 'use-sync-external-store/with-selector';
import {
  readSessionField,
  RealtimeSessionCreateRequest,
  sessionFieldOfPath,
  type ConfigIssue,
  type RealtimeSessionFieldPath,
} from '../../model/index.js';
import type {
  RealtimeSessionSnapshot,
  RealtimeSessionStatus,
  RealtimeSessionStore,
  SessionFieldState,
  SessionUpdateOptions,
} from '../../session/index.js';
import { issuesOf } from '../../session/index.js';
import { RealtimeSessionContext } from '../../react/index.js';
import { useControllableState } from '../../react/index.js';

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
  /** Called with each new request. */
  readonly onValueChange?: ((next: RealtimeSessionCreateRequest) => void) | undefined;
  /** Turns the whole component off. */
  readonly disabled?: boolean | undefined;
  /** A session store to edit instead of the provider's. */
  readonly session?: RealtimeSessionStore | undefined;
}

/** How a component is bound: to a live session, or to its own props. */
export type SessionBindingMode = 'connected' | 'controlled' | 'uncontrolled';

/** What a component needs from its binding. */
export interface RequestBinding {
  readonly mode: SessionBindingMode;
  /** The request as it stands: the session's draft, or the component's value. */
  readonly request: RealtimeSessionCreateRequest;
  /** The session, when connected. */
  readonly store: RealtimeSessionStore | undefined;
  /** The session's status, when connected. */
  readonly status: RealtimeSessionStatus | undefined;
  readonly disabled: boolean;
  /** Status, issues, error and lock of a field. Standalone, only `invalid` and `synced` occur. */
  field(path: RealtimeSessionFieldPath): SessionFieldState;
  /** Applies a change to the current request. */
  update(
    change: (request: RealtimeSessionCreateRequest) => RealtimeSessionCreateRequest,
    options?: SessionUpdateOptions,
  ): void;
}

const PLACEHOLDER = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });
const NO_STORE = {
  subscribe: () => () => {},
  getSnapshot: () => undefined,
};

interface Slice {
  readonly snapshot: RealtimeSessionSnapshot | undefined;
  readonly values: readonly unknown[];
  readonly states: readonly (SessionFieldState | undefined)[];
}

const sameSlice = (a: Slice, b: Slice) =>
  a.snapshot?.status === b.snapshot?.status &&
  a.values.every((value, index) => value === b.values[index]) &&
  a.states.every((state, index) => state === b.states[index]);

/**
 * Binds a form component to a live session or to its own props, following
 * the one contract every component shares. Re-renders only when one of
 * `paths` (or the session status) changes.
 */
export function useRequestBinding(
  props: SessionRequestProps,
  paths: readonly RealtimeSessionFieldPath[],
  name: string,
): RequestBinding {
  const fromContext = useContext(RealtimeSessionContext);
  const standalone = props.value !== undefined || props.defaultValue !== undefined;
  const store = standalone ? undefined : (props.session ?? fromContext ?? undefined);
  if (!standalone && store === undefined) {
    throw new Error(`${name} needs a value or defaultValue, or must be used within <RealtimeSessionProvider>.`);
  }
  const [local, setLocal] = useControllableState({
    value: props.value,
    defaultValue: props.defaultValue ?? PLACEHOLDER,
    onChange: props.onValueChange,
    name,
  });

  const pathsKey = paths.join('|');
  const selector = useCallback(
    (snapshot: RealtimeSessionSnapshot | undefined): Slice => ({
      snapshot,
      values: snapshot === undefined ? [] : paths.map((path) => readSessionField(snapshot.draft, path)),
      states: snapshot === undefined ? [] : paths.map((path) => snapshot.fields[path]),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `pathsKey` stands for `paths`
    [pathsKey],
  );
  const source = store ?? NO_STORE;
  const { snapshot } = useSyncExternalStoreWithSelector<RealtimeSessionSnapshot | undefined, Slice>(
    source.subscribe,
    source.getSnapshot,
    store === undefined ? NO_STORE.getSnapshot : store.getServerSnapshot,
    selector,
    sameSlice,
  );

  const request = snapshot?.draft ?? local;
  const standaloneIssues = useMemo(
    () => (snapshot === undefined ? groupIssues(issuesOf(local)) : undefined),
    [snapshot, local],
  );
  const field = useCallback(
    (path: RealtimeSessionFieldPath): SessionFieldState => {
      if (snapshot !== undefined) return snapshot.fields[path];
      const issues = standaloneIssues?.get(path) ?? [];
      return { status: issues.length > 0 ? 'invalid' : 'synced', issues };
    },
    [snapshot, standaloneIssues],
  );
  const update = useCallback<RequestBinding['update']>(
    (change, options) => {
      if (store !== undefined) void store.update(change, options);
      else setLocal(change(local));
    },
    [store, setLocal, local],
  );
  return {
    mode: store !== undefined ? 'connected' : props.value !== undefined ? 'controlled' : 'uncontrolled',
    request,
    store,
    status: snapshot?.status,
    disabled: props.disabled === true,
    field,
    update,
  };
}

function groupIssues(issues: readonly ConfigIssue[]): Map<RealtimeSessionFieldPath, ConfigIssue[]> {
  const byField = new Map<RealtimeSessionFieldPath, ConfigIssue[]>();
  for (const issue of issues) {
    const field = sessionFieldOfPath(issue.path);
    if (field === undefined) continue;
    byField.set(field, [...(byField.get(field) ?? []), issue]);
  }
  return byField;
}
