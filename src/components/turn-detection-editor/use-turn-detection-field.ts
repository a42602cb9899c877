'use client';
import { useRef, useState, type ChangeEvent, type InputHTMLAttributes } from 'react';
import {
  DEFAULT_TURN_DETECTION,
  isOff,
  readSessionField,
  REALTIME_LIMITS,
  RealtimeEagerness,
  RealtimeOff,
  RealtimeSemanticVad,
  RealtimeServerVad,
  RealtimeTranscription,
  writeSessionField,
  type CopyWithPatch,
  type RealtimeSemanticVadInit,
  type RealtimeServerVadInit,
  type RealtimeSessionCreateRequest,
  type RealtimeTurnDetection,
} from '../../model/index.js';
import type { SessionUpdateOptions } from '../../session/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { effectiveValue, useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';
import { transcriptionModelLimits } from '../input-audio-editor/transcription-models.js';
import { describedByIds, placeSubfieldErrors, type SubfieldError } from '../field/subfield-errors.js';
import type { NumberFieldInputProps } from '../field/number-input-props.js';

/** How the turn ends: `off` (push-to-talk: the app commits each turn), server VAD or semantic VAD. */
export type TurnDetectionMode = 'off' | 'server_vad' | 'semantic_vad';

/** The modes in the order the editor lists them. */
export const TURN_DETECTION_MODES: readonly TurnDetectionMode[] = Object.freeze(['off', 'server_vad', 'semantic_vad']);

/** The eagerness values of semantic VAD, from least to most eager, then `auto`. */
export const TURN_DETECTION_EAGERNESS: readonly RealtimeEagerness[] = Object.freeze(Object.values(RealtimeEagerness));

/**
 * Semantic VAD's eagerness when none is set, from the schema. `DEFAULT_TURN_DETECTION`
 * has none: the API's default turn detection is server VAD.
 */
export const DEFAULT_EAGERNESS: RealtimeEagerness = RealtimeEagerness.auto;

/** The number settings of server VAD. */
export type TurnDetectionNumberKey = 'threshold' | 'prefixPaddingMs' | 'silenceDurationMs' | 'idleTimeoutMs';
/** The on/off settings both VAD types share. */
export type TurnDetectionFlagKey = 'createResponse' | 'interruptResponse';
/** Every control of the editor below the mode, by the model's property name. */
export type TurnDetectionControlKey = TurnDetectionNumberKey | TurnDetectionFlagKey | 'eagerness';

const PATH = 'audio.input.turn_detection';

const WIRES: Readonly<Record<TurnDetectionControlKey, string>> = {
  threshold: 'threshold',
  prefixPaddingMs: 'prefix_padding_ms',
  silenceDurationMs: 'silence_duration_ms',
  idleTimeoutMs: 'idle_timeout_ms',
  eagerness: 'eagerness',
  createResponse: 'create_response',
  interruptResponse: 'interrupt_response',
};

interface NumberSpec {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly placeholder: number | undefined;
  readonly slider: boolean;
}

// Padding and silence have no upper bound; `max` only bounds where a slider would rest.
const UNBOUNDED = Number.MAX_SAFE_INTEGER;
const NUMBERS: Readonly<Record<TurnDetectionNumberKey, NumberSpec>> = {
  threshold: {
    ...REALTIME_LIMITS.vadThreshold,
    step: 0.05,
    placeholder: DEFAULT_TURN_DETECTION.threshold,
    slider: true,
  },
  prefixPaddingMs: {
    min: 0,
    max: UNBOUNDED,
    step: 10,
    placeholder: DEFAULT_TURN_DETECTION.prefix_padding_ms,
    slider: false,
  },
  silenceDurationMs: {
    min: 0,
    max: UNBOUNDED,
    step: 10,
    placeholder: DEFAULT_TURN_DETECTION.silence_duration_ms,
    slider: false,
  },
  // No timeout is the default, so an empty box has no number to suggest.
  idleTimeoutMs: { ...REALTIME_LIMITS.idleTimeoutMs, step: 1000, placeholder: undefined, slider: false },
};

const FLAG_DEFAULTS: Readonly<Record<TurnDetectionFlagKey, boolean>> = {
  createResponse: DEFAULT_TURN_DETECTION.create_response,
  interruptResponse: DEFAULT_TURN_DETECTION.interrupt_response,
};

/** The turn detection field's state, for rendering. */
export interface TurnDetectionFieldState {
  /** The mode the session uses: the draft's, else the live or default one. */
  readonly mode: TurnDetectionMode;
  /**
   * The VAD settings whose values the controls show: the draft's, else the live session's. Offline and
   * unspecified it is an empty server VAD, so every control shows the API default as its placeholder.
   * `undefined` while turn detection is off.
   */
  readonly shown: RealtimeServerVad | RealtimeSemanticVad | undefined;
  /** The eagerness semantic VAD uses: the shown one, else {@link DEFAULT_EAGERNESS}. */
  readonly eagerness: RealtimeEagerness;
  /** Whether a response is created / interrupted: the shown value, else the API default. */
  readonly flags: Readonly<Record<TurnDetectionFlagKey, boolean>>;
  /** Why VAD cannot be chosen (the transcription model needs turn detection off), or `undefined`. */
  readonly vadUnavailable: string | undefined;
  /** The transcription model the session uses, if transcription is on: it can rule VAD out. */
  readonly transcriptionModel: string | undefined;
  /** The error under each control: its first validation issue, or text in its box that is not a number yet. */
  readonly errors: Readonly<Partial<Record<TurnDetectionControlKey, SubfieldError>>>;
  /** The field's error when no control shows it (a server refusal): shown under the whole group. */
  readonly groupError: string | undefined;
  readonly disabled: boolean;
}

/**
 * Props for one number setting of server VAD: the kit's `NumberInput`, or a
 * control of your own. `onValueChange` takes the typed value (`dragging:
 * false`; `undefined`, an emptied box, makes the setting unspecified, so the
 * API default applies) or a slider position (`dragging: true`, coalesced).
 */
export type TurnDetectionNumberInputProps = NumberFieldInputProps;

/** What {@link useTurnDetectionField} returns: the binding, the field contract, state and prop getters. */
export interface UseTurnDetectionFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages and the shared prop getters. */
  readonly field: FieldPart<'audio.input.turn_detection'>;
  readonly state: TurnDetectionFieldState;
  /** For the radio of one mode; the user's `onChange` runs first. */
  getModeOptionProps(
    mode: TurnDetectionMode,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
  /** For a number setting of server VAD; the user's callbacks run first, and their `aria-describedby` (a hint) is kept. */
  getNumberInputProps(
    key: TurnDetectionNumberKey,
    user?: Partial<TurnDetectionNumberInputProps>,
  ): TurnDetectionNumberInputProps;
  /** For the checkbox of a setting both VAD types share; the user's `onChange` runs first. */
  getFlagProps(
    key: TurnDetectionFlagKey,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
  /** For the radio of one semantic VAD eagerness; the user's `onChange` runs first. */
  getEagernessOptionProps(
    eagerness: RealtimeEagerness,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
}

export type UseTurnDetectionFieldProps = SessionRequestProps;

type Vad = RealtimeServerVad | RealtimeSemanticVad;
type VadClass<T extends Vad> = new () => T;

const modeOf = (value: RealtimeTurnDetection | undefined): TurnDetectionMode =>
  value === undefined ? 'server_vad' : isOff(value) ? 'off' : value.type;

/**
 * The turn detection field without markup: off, server VAD or semantic VAD,
 * each type's own settings (only those are ever sent), API defaults as the
 * values of unset settings, and validation and sync status. Switching type
 * keeps what was set for the other type and puts it back on the way back;
 * the settings both types share follow along.
 *
 * @example
 * ```tsx
 * function Modes() {
 *   const { getModeOptionProps } = useTurnDetectionField();
 *   return TURN_DETECTION_MODES.map((mode) => (
 *     <label key={mode}>
 *       <input {...getModeOptionProps(mode)} /> {mode}
 *     </label>
 *   ));
 * }
 * ```
 */
export function useTurnDetectionField(props: UseTurnDetectionFieldProps = {}): UseTurnDetectionFieldReturn {
  const binding = useFieldStore(props, [PATH, 'audio.input.transcription'], 'TurnDetectionEditor');
  const field = useFieldPart(binding, PATH);
  const connected = binding.mode === 'connected';
  const { snapshot } = binding;
  // What each VAD type last held before the user switched away from it: the draft keeps one turn detection only.
  const stash = useRef<{ server_vad?: RealtimeServerVad; semantic_vad?: RealtimeSemanticVad }>({});
  const [textErrors, setTextErrors] = useState<Readonly<Partial<Record<TurnDetectionNumberKey, string>>>>({});

  const { value: current, source } = field.effective;
  const mode = modeOf(current);
  const shown: Vad | undefined =
    current === undefined || isOff(current)
      ? undefined
      : // The API's default object has every setting filled in; shown as unset, the controls show them as defaults.
        source === 'default'
        ? current instanceof RealtimeServerVad
          ? new RealtimeServerVad()
          : new RealtimeSemanticVad()
        : current;

  const transcription = effectiveValue(
    snapshot.draft,
    connected ? snapshot.applied : undefined,
    'audio.input.transcription',
  ).value;
  const transcriptionModel = transcription instanceof RealtimeTranscription ? transcription.model : undefined;
  const vadUnavailable = transcriptionModelLimits(transcriptionModel).needsTurnDetectionOff;
  const disabled = field.disabled;
  const vadDisabled = disabled || vadUnavailable !== undefined;

  const placed = placeSubfieldErrors(field, WIRES);
  const errors: Partial<Record<TurnDetectionControlKey, SubfieldError>> = { ...placed.byControl };
  for (const [key, message] of Object.entries(textErrors) as [TurnDetectionNumberKey, string | undefined][]) {
    if (message !== undefined) errors[key] = { id: `${field.ids.errorId}-${key}-text`, message };
  }
  const hasNote =
    field.messages.lock !== undefined || field.messages.hold !== undefined || field.messages.connection !== undefined;
  const describedBy = (key: TurnDetectionControlKey, user: string | undefined) =>
    describedByIds(user, errors[key]?.id, hasNote && field.ids.noteId);
  const controlId = (key: string) => `${field.ids.controlId}-${key}`;

  /** The live session's turn detection, read as an edit applies. */
  const live = (): RealtimeTurnDetection | undefined => {
    const applied = connected ? binding.store.getSnapshot().applied : undefined;
    return applied === undefined ? undefined : readSessionField(applied, PATH);
  };
  /** What an edit of a `Class` setting starts from: the draft's, else the live one of that type, else nothing set. */
  const baseOf = <T extends Vad>(draft: RealtimeSessionCreateRequest, Class: VadClass<T>): T => {
    const own = readSessionField(draft, PATH);
    const from = own ?? live();
    return from instanceof Class ? from : new Class();
  };
  const editServer = (patch: CopyWithPatch<RealtimeServerVadInit>, options?: SessionUpdateOptions) =>
    binding.update(
      (draft) => writeSessionField(draft, PATH, baseOf(draft, RealtimeServerVad).copyWith(patch)),
      options,
    );
  const editSemantic = (patch: CopyWithPatch<RealtimeSemanticVadInit>) =>
    binding.update((draft) => writeSessionField(draft, PATH, baseOf(draft, RealtimeSemanticVad).copyWith(patch)));
  const editShared = (patch: CopyWithPatch<Pick<RealtimeServerVadInit, TurnDetectionFlagKey>>) =>
    mode === 'semantic_vad' ? editSemantic(patch) : editServer(patch);

  const select = (next: TurnDetectionMode) => {
    const now = readSessionField(binding.store.getSnapshot().draft, PATH) ?? live();
    if (now !== undefined && modeOf(now) === next) return;
    if (now instanceof RealtimeServerVad) stash.current.server_vad = now;
    else if (now instanceof RealtimeSemanticVad) stash.current.semantic_vad = now;
    if (next === 'off') {
      binding.setField(PATH, RealtimeOff);
      return;
    }
    const restored = next === 'server_vad' ? stash.current.server_vad : stash.current.semantic_vad;
    const target: Vad = restored ?? (next === 'server_vad' ? new RealtimeServerVad() : new RealtimeSemanticVad());
    // The settings both types share mean the same for either, so the latest choice carries over.
    const shared =
      now instanceof RealtimeServerVad || now instanceof RealtimeSemanticVad
        ? { createResponse: now.createResponse ?? null, interruptResponse: now.interruptResponse ?? null }
        : {};
    binding.setField(PATH, target.copyWith(shared));
  };

  const flags: Record<TurnDetectionFlagKey, boolean> = {
    createResponse: shown?.createResponse ?? FLAG_DEFAULTS.createResponse,
    interruptResponse: shown?.interruptResponse ?? FLAG_DEFAULTS.interruptResponse,
  };
  const eagerness = (shown instanceof RealtimeSemanticVad ? shown.eagerness : undefined) ?? DEFAULT_EAGERNESS;

  const state: TurnDetectionFieldState = {
    mode,
    shown,
    eagerness,
    flags,
    vadUnavailable,
    transcriptionModel,
    errors,
    groupError: placed.group,
    disabled,
  };

  return {
    binding,
    field,
    state,
    getModeOptionProps: (option, user = {}) => {
      const own = field.getOptionProps(option, {
        checked: mode === option,
        disabled: option !== 'off' && vadUnavailable !== undefined,
        onSelect: () => select(option),
      });
      return { ...user, ...own, onChange: composeEventHandlers(user.onChange, () => select(option)) };
    },
    getNumberInputProps: (key, user = {}) => {
      const spec = NUMBERS[key];
      const raw = shown instanceof RealtimeServerVad ? shown[key] : undefined;
      return {
        id: controlId(key),
        value: typeof raw === 'number' ? raw : undefined,
        placeholder: spec.placeholder,
        min: spec.min,
        max: spec.max,
        step: spec.step,
        slider: spec.slider,
        disabled: vadDisabled,
        ...user,
        'aria-describedby': describedBy(key, user['aria-describedby']),
        invalid: errors[key] !== undefined || (user.invalid ?? false),
        onValueChange: (value, how) => {
          user.onValueChange?.(value, how);
          // A drag sends a few updates per second; typing waits for a pause or the blur.
          const patch: CopyWithPatch<RealtimeServerVadInit> = { [key]: value ?? null };
          editServer(patch, { coalesce: how.dragging ? 'drag' : 'text' });
        },
        onLocalError: (message) => {
          user.onLocalError?.(message);
          setTextErrors((before) => (before[key] === message ? before : { ...before, [key]: message }));
          field.setLocalError(key, message);
        },
        onBlur: () => {
          user.onBlur?.();
          binding.commit();
        },
      };
    },
    getFlagProps: (key, user = {}) => ({
      ...user,
      type: 'checkbox',
      id: controlId(key),
      checked: flags[key],
      disabled: vadDisabled,
      'aria-describedby': describedBy(key, user['aria-describedby']),
      'aria-invalid': errors[key] === undefined ? undefined : true,
      onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLInputElement>) =>
        editShared(
          key === 'createResponse'
            ? { createResponse: event.target.checked }
            : { interruptResponse: event.target.checked },
        ),
      ),
    }),
    getEagernessOptionProps: (option, user = {}) => ({
      ...user,
      type: 'radio',
      name: controlId('eagerness'),
      value: option,
      checked: eagerness === option,
      disabled: vadDisabled,
      'aria-describedby': describedBy('eagerness', user['aria-describedby']),
      'aria-invalid': errors.eagerness === undefined ? undefined : true,
      onChange: composeEventHandlers(user.onChange, () => editSemantic({ eagerness: option })),
    }),
  };
}
