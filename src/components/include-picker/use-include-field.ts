'use client';
import type { ChangeEvent, InputHTMLAttributes } from 'react';
import { isOff, RealtimeIncludable } from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { effectiveValue, useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';
import { hasIssueAt, issuesText, withFieldError } from '../field/field-errors.js';

/** One checkbox of the include picker. */
export interface IncludeOption {
  /** The wire value, such as `item.input_audio_transcription.logprobs`. */
  readonly value: string;
  /** A readable name. */
  readonly label: string;
  /** False for a value the API does not list (a newer API's, or a typo): it is invalid, and unchecking removes it. */
  readonly known: boolean;
  readonly checked: boolean;
}

/** The include field's state, for rendering. */
export interface IncludeFieldState {
  /** The API's includable values, then any other value the list holds. */
  readonly options: readonly IncludeOption[];
  /** What the session includes: the draft's list, else the live or default one. */
  readonly include: readonly string[];
  /**
   * Whether input audio transcription is on (the draft's, else the live or
   * default setting): transcription logprobs only come with transcriptions.
   */
  readonly transcription: boolean;
  readonly disabled: boolean;
}

export interface UseIncludeFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages and the shared prop getters. */
  readonly field: FieldPart<'include'>;
  readonly state: IncludeFieldState;
  /** For the checkbox of one option's `value`; the user's `onChange` runs first. */
  getCheckboxProps(
    value: string,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement> & { id: string; 'data-state': 'checked' | 'unchecked' };
}

export type UseIncludeFieldProps = SessionRequestProps;

const LABELS: Readonly<Record<RealtimeIncludable, string>> = {
  'item.input_audio_transcription.logprobs': 'Input transcription logprobs',
};
const KNOWN: readonly RealtimeIncludable[] = Object.values(RealtimeIncludable);
const isKnown = (value: string): value is RealtimeIncludable => (KNOWN as readonly string[]).includes(value);

/**
 * The `include` checkboxes without markup: the extra data the server adds to
 * its events, from the values the API lists. A value it does not list is
 * shown, invalid, so it can be unchecked.
 *
 * @example
 * ```tsx
 * const { state, getCheckboxProps } = useIncludeField();
 * return state.options.map((option) => (
 *   <label key={option.value}>
 *     <input {...getCheckboxProps(option.value)} /> {option.label}
 *   </label>
 * ));
 * ```
 */
export function useIncludeField(props: UseIncludeFieldProps = {}): UseIncludeFieldReturn {
  const binding = useFieldStore(props, ['include', 'audio.input.transcription'], 'IncludePicker');
  const part = useFieldPart(binding, 'include');
  const include: readonly string[] = part.effective.value ?? [];
  const field = withFieldError(
    part,
    issuesText(part, (at) => {
      const index = /^\[(\d+)\]/.exec(at)?.[1];
      return index === undefined ? 'The list' : `“${include[Number(index)] ?? ''}”`;
    }),
  );
  const { snapshot } = binding;
  const transcription = effectiveValue(
    snapshot.draft,
    binding.mode === 'connected' ? snapshot.applied : undefined,
    'audio.input.transcription',
  ).value;
  const options: IncludeOption[] = [
    ...KNOWN.map((value) => ({ value, label: LABELS[value], known: true, checked: include.includes(value) })),
    ...include
      .filter((value) => !isKnown(value))
      .map((value) => ({ value, label: value, known: false, checked: true })),
  ];
  const toggle = (value: string, on: boolean) => {
    const rest = include.filter((item) => item !== value);
    // Known values keep the API's order, whatever order they were checked in.
    const next = on
      ? options.map((option) => option.value).filter((item) => item === value || rest.includes(item))
      : rest;
    binding.setField('include', next as readonly RealtimeIncludable[]);
  };
  return {
    binding,
    field,
    state: {
      options,
      include,
      transcription: transcription !== undefined && !isOff(transcription),
      disabled: field.disabled,
    },
    getCheckboxProps: (value, user = {}) => {
      const index = include.indexOf(value);
      const checked = index !== -1;
      return {
        ...user,
        ...field.getControlProps({
          id: `${field.ids.controlId}-${options.findIndex((option) => option.value === value)}`,
          invalid: index !== -1 && hasIssueAt(field, `[${index}]`),
        }),
        type: 'checkbox',
        value,
        checked,
        'data-state': checked ? 'checked' : 'unchecked',
        onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLInputElement>) =>
          toggle(value, event.target.checked),
        ),
      };
    },
  };
}
