'use client';
import {
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type ChangeEvent,
  type FocusEvent,
  type InputHTMLAttributes,
} from 'react';
import { isOff, RealtimeOff, RealtimeTracingConfig, type JsonObject, type JsonValue } from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';
import { hasIssueAt, issuesText, withFieldError } from '../field/field-errors.js';
import { jsonValueText, type RecordValueText } from '../field/record-entries.js';

/** The tracing choices: off (`null` on the wire), `auto`, or custom settings. */
export type TracingMode = 'off' | 'auto' | 'custom';

/** The choices in the order the editor lists them. */
export const TRACING_MODES: readonly TracingMode[] = ['off', 'auto', 'custom'];

/** The tracing field's state, for rendering. */
export interface TracingFieldState {
  /** What the session does (the draft's, else the live or default setting); `undefined` for a value the API does not list. */
  readonly mode: TracingMode | undefined;
  /** A string the API does not list (a newer API's, or a typo): shown, invalid, so another choice can be made. */
  readonly unknownMode: string | undefined;
  /** The custom settings, while custom tracing is chosen. */
  readonly config: RealtimeTracingConfig | undefined;
  /** True once the live session traces: it cannot change until a new session (the field's lock says so). */
  readonly locked: boolean;
  /**
   * True while custom settings are being filled in for a live session that
   * does not trace yet: they stay here, unsent, until they are applied at
   * once, since tracing cannot change after the first one is sent.
   */
  readonly staged: boolean;
  readonly disabled: boolean;
}

/** Props for the metadata rows: spread them on the kit's `RecordEntriesInput`, or read them for your own. */
export interface TracingMetadataInputProps {
  readonly id: string;
  readonly record: JsonObject | undefined;
  readonly text: RecordValueText<JsonValue>;
  readonly onRecordChange: (record: JsonObject | undefined) => void;
  readonly onLocalError: (message: string | undefined) => void;
  readonly disabled: boolean;
  readonly onBlur: () => void;
}

export interface UseTracingFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, lock, messages and the shared prop getters. Its error names each control. */
  readonly field: FieldPart<'tracing'>;
  readonly state: TracingFieldState;
  /** For the radio of one {@link TracingMode}, or of `state.unknownMode`; the user's `onChange` runs first. */
  getModeProps(mode: string, user?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement>;
  /** For the workflow name text input; an empty box leaves it to the server. */
  getWorkflowNameInputProps(
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement> & { id: string };
  /** For the group id text input; an empty box sets none. */
  getGroupIdInputProps(
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement> & { id: string };
  /** For the metadata's name–value rows. */
  getMetadataInputProps(): TracingMetadataInputProps;
  /** For the button that sends {@link TracingFieldState.staged} settings, turning tracing on; the user's `onClick` runs first. */
  getApplyButtonProps(user?: ButtonHTMLAttributes<HTMLButtonElement>): ButtonHTMLAttributes<HTMLButtonElement>;
}

export type UseTracingFieldProps = SessionRequestProps;

const ISSUE_LABELS: Readonly<Record<string, string>> = {
  workflow_name: 'Workflow name',
  group_id: 'Group ID',
  metadata: 'Metadata',
};
const METADATA_TEXT = jsonValueText<JsonValue>(() => true);

/**
 * The tracing field without markup: off, `auto`, or custom settings
 * (workflow name, group id and metadata). Once a live session traces, the
 * store locks the field: an edit waits, and the field's lock note offers to
 * reconnect. So on a live session that does not trace yet, custom settings
 * are staged (`state.staged`) and sent together by the apply button, rather
 * than locked in as the first letter of a name is typed.
 *
 * @example
 * ```tsx
 * const { state, getModeProps, getWorkflowNameInputProps } = useTracingField();
 * return (
 *   <>
 *     {TRACING_MODES.map((mode) => (
 *       <label key={mode}><input {...getModeProps(mode)} /> {mode}</label>
 *     ))}
 *     {state.mode === 'custom' ? <input {...getWorkflowNameInputProps()} /> : null}
 *   </>
 * );
 * ```
 */
export function useTracingField(props: UseTracingFieldProps = {}): UseTracingFieldReturn {
  const binding = useFieldStore(props, ['tracing'], 'TracingEditor');
  const part = useFieldPart(binding, 'tracing');
  const locked = part.state.lock !== undefined;
  // On an open session that does not trace yet, the first settings sent lock tracing for good; sent as they are
  // typed, that would be the first letter of the workflow name. Custom settings are staged here and sent at once.
  const staging = binding.mode === 'connected' && binding.snapshot.status === 'open' && !locked;
  const [staged, setStaged] = useState<RealtimeTracingConfig | undefined>(undefined);
  const pending = staging ? staged : undefined;
  if (!staging && staged !== undefined) setStaged(undefined);

  const shown = part.effective.value;
  const config = pending ?? (shown instanceof RealtimeTracingConfig ? shown : undefined);
  const mode: TracingMode | undefined =
    config !== undefined
      ? 'custom'
      : shown === 'auto'
        ? 'auto'
        : shown === undefined || isOff(shown)
          ? 'off'
          : undefined;
  const unknownMode = typeof shown === 'string' && mode === undefined ? shown : undefined;
  const field = withFieldError(
    part,
    issuesText(part, (at) => ISSUE_LABELS[at.split(/[.[]/)[0] ?? at] ?? 'Tracing'),
  );
  const disabled = field.disabled;

  // Custom settings left for another choice come back as they were.
  const lastConfig = useRef<RealtimeTracingConfig | undefined>(undefined);
  const select = (next: string) => {
    if (next === mode || next === unknownMode) return;
    if (config !== undefined) lastConfig.current = config;
    setStaged(undefined);
    const custom = lastConfig.current ?? new RealtimeTracingConfig({});
    if (next === 'custom' && staging) {
      setStaged(custom);
      return;
    }
    binding.setField('tracing', next === 'off' ? RealtimeOff : next === 'custom' ? custom : (next as 'auto'));
  };
  const edit = (change: (current: RealtimeTracingConfig) => RealtimeTracingConfig) => {
    if (config === undefined) return;
    if (staging) setStaged(change(config));
    else binding.setField('tracing', change(config), { coalesce: 'text' });
  };
  const apply = () => {
    if (pending === undefined) return;
    setStaged(undefined);
    binding.setField('tracing', pending);
  };
  const leave = () => {
    field.touch();
    binding.commit();
  };
  const textProps = (
    control: 'workflow_name' | 'group_id',
    value: string | undefined,
    write: (current: RealtimeTracingConfig, text: string) => RealtimeTracingConfig,
    user: InputHTMLAttributes<HTMLInputElement>,
  ) => ({
    ...user,
    ...field.getControlProps({ id: `${field.ids.controlId}-${control}`, invalid: hasIssueAt(field, control) }),
    type: 'text',
    value: value ?? '',
    disabled: disabled || config === undefined,
    onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLInputElement>) => {
      const text = event.target.value;
      edit((current) => write(current, text));
    }),
    onBlur: composeEventHandlers(user.onBlur, (_event: FocusEvent<HTMLInputElement>) => leave()),
  });

  return {
    binding,
    field,
    state: { mode, unknownMode, config, locked, staged: pending !== undefined, disabled },
    getModeProps: (option, user = {}) => ({
      ...user,
      ...field.getOptionProps(option, {
        checked: option === mode || (unknownMode !== undefined && option === unknownMode),
        onSelect: () => select(option),
      }),
      onChange: composeEventHandlers(user.onChange, (_event: ChangeEvent<HTMLInputElement>) => select(option)),
    }),
    // An emptied box removes the setting rather than sending an empty name, which the API would refuse.
    getWorkflowNameInputProps: (user = {}) =>
      textProps(
        'workflow_name',
        config?.workflowName,
        (current, text) => current.copyWith({ workflowName: text || null }),
        user,
      ),
    getGroupIdInputProps: (user = {}) =>
      textProps('group_id', config?.groupId, (current, text) => current.copyWith({ groupId: text || null }), user),
    getMetadataInputProps: () => ({
      id: `${field.ids.controlId}-metadata`,
      record: config?.metadata,
      text: METADATA_TEXT,
      onRecordChange: (record) => edit((current) => current.copyWith({ metadata: record ?? null })),
      onLocalError: (message) => part.setLocalError('metadata', message),
      disabled: disabled || config === undefined,
      onBlur: leave,
    }),
    getApplyButtonProps: (user = {}) => ({
      type: 'button',
      ...user,
      disabled: disabled || pending === undefined,
      onClick: composeEventHandlers(user.onClick, () => apply()),
    }),
  };
}
