'use client';
import {
  useCallback,
  useId,
  useState,
  type ButtonHTMLAttributes,
  type CSSProperties,
  type FieldsetHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
} from 'react';
import {
  readSessionField,
  RealtimeSessionCreateRequest,
  sessionFieldDefault,
  withoutUnknownKey,
  type JsonObject,
  type JsonValue,
  type RealtimeSessionFieldPath,
  type RealtimeSessionFieldValues,
} from '../../model/index.js';
import type { SessionFieldHold, SessionFieldState, SessionFieldStatus } from '../../session/index.js';
import { FIELD_LABELS } from './labels.js';
import type { FieldStore, SessionBindingMode } from './use-field-store.js';

/** Ids that tie a field's parts together. */
export interface FieldIds {
  readonly controlId: string;
  readonly labelId: string;
  readonly descriptionId: string;
  readonly errorId: string;
  readonly noteId: string;
}

/** Where the value a field shows comes from. */
export type FieldValueSource = 'draft' | 'applied' | 'default';

/**
 * The value a field shows: the draft's when it specifies one; otherwise what
 * the live session has (`applied`) or, without a session, the API's default.
 */
export interface EffectiveValue<P extends RealtimeSessionFieldPath> {
  readonly value: RealtimeSessionFieldValues[P] | undefined;
  readonly source: FieldValueSource;
}

/** What a field shows besides its control. */
export interface FieldMessages {
  /** Validation issue or server rejection; `undefined` while hidden (a new item not yet touched). */
  readonly error: string | undefined;
  /** Why the live session will not change this field. */
  readonly lock: string | undefined;
  /** True when an edit waits on the lock, so a reconnect would apply it. */
  readonly lockedEdit: boolean;
  /** Another field's problem that keeps this one from being sent. */
  readonly hold: SessionFieldHold | undefined;
  /** Set while a connected session is not open: what happens to edits, and why it is not open. */
  readonly connection: string | undefined;
  /** Wire paths under this field that the model does not know (a newer API's keys, or a typo the server refused). */
  readonly unknownKeys: readonly string[];
  /** True when the control should carry `aria-invalid`. */
  readonly invalid: boolean;
}

/** The short text of a field's status badge, or `undefined` for none. */
export type FieldBadge = { readonly status: SessionFieldStatus; readonly text: string } | undefined;

type DataAttributes = { readonly [key: `data-${string}`]: string | boolean | undefined };

/** Everything one field of a component needs: its value, state and messages, and prop getters for every part. */
export interface FieldPart<P extends RealtimeSessionFieldPath> {
  readonly path: P;
  readonly ids: FieldIds;
  readonly mode: SessionBindingMode;
  /** The draft's value (`undefined` when unspecified). */
  readonly value: RealtimeSessionFieldValues[P];
  /** The value to show: see {@link EffectiveValue}. */
  readonly effective: EffectiveValue<P>;
  readonly state: SessionFieldState;
  readonly status: SessionFieldStatus;
  readonly disabled: boolean;
  readonly messages: FieldMessages;
  readonly badge: FieldBadge;
  /** True when Revert would change something the user should be able to undo. */
  readonly canRevert: boolean;
  /** Sets the draft back to the acknowledged value (or the initial one standalone). */
  revert(): void;
  /** Removes one of `messages.unknownKeys` from the draft. */
  removeUnknownKey(key: string): void;
  /** Applies the fix a hold offers (`messages.hold.fix`): an edit of the blocking field. */
  fixHold(): void;
  /** Replaces the live session with a fresh one, which applies a locked edit. The conversation restarts. */
  reconnect(): void;
  /** Marks an item the user just created: its errors wait until it is touched. */
  markNew(key: string): void;
  /** The user left an item (blur): its errors may show. */
  touch(key?: string): void;
  /** True while an item created by the user has not been touched. */
  isNew(key: string): boolean;
  /**
   * An input's own text does not parse (JSON with a syntax error, a half-typed
   * number), so the draft still holds the last good value: the field shows
   * `invalid` until the input reports `undefined` again.
   */
  setLocalError(key: string, message: string | undefined): void;
  /** For the component's root element: merges the user's `className` and `style` and adds the field's data attributes. */
  getRootProps<T extends { className?: string | undefined; style?: CSSProperties | undefined }>(
    user: T,
    own: { readonly className: string },
  ): T & DataAttributes & { className: string };
  /** For the `fieldset` that groups the field's controls. */
  getGroupProps(): FieldsetHTMLAttributes<HTMLFieldSetElement> & DataAttributes;
  /** For the field's `legend` (or `label`). */
  getLabelProps(): HTMLAttributes<HTMLElement> & { id: string };
  getDescriptionProps(): HTMLAttributes<HTMLElement> & { id: string };
  getErrorMessageProps(): HTMLAttributes<HTMLElement> & { id: string };
  /** For the status badge. */
  getStatusProps(): HTMLAttributes<HTMLElement> & DataAttributes;
  /** For the note that explains a lock, a hold or the connection. */
  getNoteProps(): HTMLAttributes<HTMLElement> & { id: string };
  /** For one control of the field: its description and messages, validity and disabled state. */
  getControlProps(options?: { readonly id?: string; readonly invalid?: boolean }): {
    id: string;
    disabled: boolean;
    'aria-describedby': string | undefined;
    'aria-invalid': true | undefined;
  };
  /** For the radio that picks `option` in the field's one radio group; checked follows the effective value. */
  getOptionProps(
    option: string,
    radio: { readonly checked: boolean; readonly disabled?: boolean; onSelect(): void },
  ): InputHTMLAttributes<HTMLInputElement>;
  getRevertButtonProps(): ButtonHTMLAttributes<HTMLButtonElement>;
}

const STATUS_TEXT: Readonly<Record<SessionFieldStatus, string>> = {
  synced: 'Applied',
  dirty: 'Edited',
  pending: 'Applying…',
  rejected: 'Rejected',
  invalid: 'Invalid',
  locked: 'Locked',
};

const NO_KEYS: ReadonlySet<string> = new Set();
const SYNCED = (state: SessionFieldState): SessionFieldState =>
  state.status === 'synced' ? state : { ...state, status: 'synced' };
const NO_LOCAL_ERRORS: ReadonlyMap<string, string> = new Map();

/**
 * The one field contract: value, effective value, state and messages of field
 * `path`, with prop getters for every part. Every component builds on it, so
 * each wires descriptions, errors and notes the same way.
 *
 * @example
 * ```tsx
 * function SpeedField(props: SessionRequestProps) {
 *   const binding = useFieldStore(props, ['audio.output.speed'], 'SpeedField');
 *   const speed = useFieldPart(binding, 'audio.output.speed');
 *   return (
 *     <fieldset {...speed.getGroupProps()}>
 *       <legend {...speed.getLabelProps()}>Speed</legend>
 *       <input type="number" {...speed.getControlProps()} value={speed.effective.value ?? ''} readOnly />
 *     </fieldset>
 *   );
 * }
 * ```
 */
export function useFieldPart<P extends RealtimeSessionFieldPath>(binding: FieldStore, path: P): FieldPart<P> {
  const id = useId();
  const ids: FieldIds = {
    controlId: `${id}control`,
    labelId: `${id}label`,
    descriptionId: `${id}description`,
    errorId: `${id}error`,
    noteId: `${id}note`,
  };
  const [fresh, setFresh] = useState<ReadonlySet<string>>(NO_KEYS);
  const markNew = useCallback((key: string) => setFresh((keys) => new Set([...keys, key])), []);
  const touch = useCallback(
    (key?: string) =>
      setFresh((keys) => {
        if (keys.size === 0 || (key !== undefined && !keys.has(key))) return keys;
        if (key === undefined) return NO_KEYS;
        const next = new Set(keys);
        next.delete(key);
        return next;
      }),
    [],
  );

  const [localErrors, setLocalErrors] = useState<ReadonlyMap<string, string>>(NO_LOCAL_ERRORS);
  const setLocalError = useCallback(
    (key: string, message: string | undefined) =>
      setLocalErrors((errors) => {
        if (errors.get(key) === message) return errors;
        const next = new Map(errors);
        if (message === undefined) next.delete(key);
        else next.set(key, message);
        return next;
      }),
    [],
  );

  const { snapshot, mode } = binding;
  const connected = mode === 'connected';
  // Standalone there is no session: a field is valid or not, never edited, sent or applied.
  const stored =
    connected || snapshot.fields[path].status === 'invalid' ? snapshot.fields[path] : SYNCED(snapshot.fields[path]);
  // A local parse error outranks what the store says: the draft only has the last value that parsed.
  const state: SessionFieldState =
    localErrors.size > 0 && stored.status !== 'invalid' ? { ...stored, status: 'invalid' } : stored;
  const value = readSessionField(snapshot.draft, path);
  const effective = effectiveValue(snapshot.draft, connected ? snapshot.applied : undefined, path);
  const disabled = binding.disabled;

  const issue = state.issues[0];
  const rejection = state.status === 'rejected' ? state.error?.message : undefined;
  const hideErrors = fresh.size > 0;
  const error = hideErrors ? undefined : (issue?.message ?? rejection);
  const unknownKeys = snapshot.draft.unknownKeys().filter((key) => isUnder(key, path));
  const open = snapshot.status === 'open';
  const messages: FieldMessages = {
    error,
    lock:
      state.lock === undefined
        ? undefined
        : `${state.lock.message} Reconnecting starts a new session: the conversation restarts.`,
    lockedEdit: state.status === 'locked',
    hold: state.heldBy,
    connection:
      connected && !open ? connectionMessage(snapshot.status, state.status, lastConnectionError(snapshot)) : undefined,
    unknownKeys,
    invalid: error !== undefined || localErrors.size > 0,
  };
  const badge = badgeOf(mode, state, open, hideErrors);
  const canRevert = connected
    ? state.status === 'dirty' || state.status === 'invalid' || state.status === 'rejected' || state.status === 'locked'
    : state.status === 'invalid';

  const hasNote = messages.lock !== undefined || messages.hold !== undefined || messages.connection !== undefined;
  const describedBy = (invalid: boolean) =>
    [ids.descriptionId, invalid && error !== undefined ? ids.errorId : undefined, hasNote ? ids.noteId : undefined]
      .filter((part): part is string => part !== undefined)
      .join(' ');

  return {
    path,
    ids,
    mode,
    value,
    effective,
    state,
    status: state.status,
    disabled,
    messages,
    badge,
    canRevert,
    revert: () => binding.revert(path),
    removeUnknownKey: (key) => binding.update((draft) => withoutUnknownKey(draft, key)),
    fixHold: () => {
      const fix = state.heldBy?.fix;
      if (fix !== undefined) binding.update((draft) => withFieldJson(draft, fix.field, fix.value));
    },
    reconnect: () => binding.store.reconnect(),
    markNew,
    touch,
    isNew: (key) => fresh.has(key),
    setLocalError,
    getRootProps: (user, own) => ({
      ...user,
      className: [own.className, user.className].filter(Boolean).join(' '),
      'data-field': path,
      'data-status': state.status,
      'data-source': effective.source,
      'data-disabled': disabled || undefined,
    }),
    getGroupProps: () => ({
      className: 'rrs-group',
      // Named by the label alone, not by the badges and buttons beside it in the legend.
      'aria-labelledby': ids.labelId,
      disabled,
      'aria-describedby': describedBy(true) || undefined,
      'aria-invalid': messages.invalid || undefined,
      'data-field': path,
      'data-status': state.status,
    }),
    getLabelProps: () => ({ id: ids.labelId }),
    getDescriptionProps: () => ({ id: ids.descriptionId }),
    getErrorMessageProps: () => ({ id: ids.errorId }),
    getStatusProps: () => ({ 'data-status': state.status, 'data-source': effective.source }),
    getNoteProps: () => ({ id: ids.noteId }),
    getControlProps: (options = {}) => {
      const invalid = options.invalid ?? true;
      return {
        id: options.id ?? ids.controlId,
        disabled,
        'aria-describedby': describedBy(invalid) || undefined,
        'aria-invalid': (invalid && messages.invalid) || undefined,
      };
    },
    getOptionProps: (option, radio) => ({
      type: 'radio',
      name: `${ids.controlId}-choice`,
      value: option,
      checked: radio.checked,
      disabled: disabled || radio.disabled === true,
      onChange: () => radio.onSelect(),
    }),
    getRevertButtonProps: () => ({
      type: 'button',
      disabled: disabled || !canRevert,
      'aria-label': `Revert ${FIELD_LABELS[path]}`,
      onClick: () => {
        touch();
        binding.revert(path);
      },
    }),
  };
}

/** See {@link EffectiveValue}. */
export function effectiveValue<P extends RealtimeSessionFieldPath>(
  draft: RealtimeSessionCreateRequest,
  applied: RealtimeSessionCreateRequest | undefined,
  path: P,
): EffectiveValue<P> {
  const own = readSessionField(draft, path);
  if (own !== undefined) return { value: own, source: 'draft' };
  const live = applied === undefined ? undefined : readSessionField(applied, path);
  if (live !== undefined) return { value: live, source: 'applied' };
  return { value: sessionFieldDefault(path), source: 'default' };
}

/** `draft` with one field set from its wire JSON. */
function withFieldJson(
  draft: RealtimeSessionCreateRequest,
  path: RealtimeSessionFieldPath,
  value: JsonValue,
): RealtimeSessionCreateRequest {
  const json = draft.toJson() as unknown as JsonObject;
  const [head = '', side, key] = path.split('.');
  if (side === undefined || key === undefined) return RealtimeSessionCreateRequest.fromJson({ ...json, [head]: value });
  const audio = (json['audio'] ?? {}) as JsonObject;
  const sideJson = (audio[side] ?? {}) as JsonObject;
  return RealtimeSessionCreateRequest.fromJson({ ...json, audio: { ...audio, [side]: { ...sideJson, [key]: value } } });
}

function isUnder(key: string, path: RealtimeSessionFieldPath): boolean {
  return key.startsWith(`${path}.`) || key.startsWith(`${path}[`);
}

function lastConnectionError(snapshot: FieldStore['snapshot']): string | undefined {
  for (let index = snapshot.errors.length - 1; index >= 0; index--) {
    const error = snapshot.errors[index];
    if (error?.source === 'transport') return error.message;
  }
  return undefined;
}

function connectionMessage(
  status: FieldStore['snapshot']['status'],
  fieldStatus: SessionFieldStatus,
  error: string | undefined,
): string {
  const state =
    status === 'connecting' || status === 'reconnecting'
      ? 'Connecting'
      : status === 'idle'
        ? 'Not connected'
        : 'Disconnected';
  const edit = fieldStatus === 'dirty' ? ' — your edit is kept and sent when the session opens.' : '.';
  return `${state}${edit}${error === undefined ? '' : ` ${error}`}`;
}

function badgeOf(mode: SessionBindingMode, state: SessionFieldState, open: boolean, hideErrors: boolean): FieldBadge {
  const { status } = state;
  if (status === 'invalid') return { status, text: hideErrors ? 'Incomplete' : STATUS_TEXT.invalid };
  if (mode !== 'connected') return undefined;
  if (!open) {
    // Without a session nothing is applied: an unchanged field gets no badge, an edit waits to be sent.
    return status === 'dirty' || status === 'pending' ? { status, text: 'Not sent' } : undefined;
  }
  if (state.heldBy !== undefined) return { status, text: 'Held back' };
  return { status, text: STATUS_TEXT[status] };
}
