'use client';
import type { InputHTMLAttributes } from 'react';
import { RealtimeOutputModality, REALTIME_SESSION_DEFAULTS } from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';

/** The output modalities field's state, for rendering. */
export interface OutputModalitiesFieldState {
  /**
   * What the model answers with: the draft's one modality, else the live or
   * default one; `undefined` when the list does not name exactly one.
   */
  readonly modality: RealtimeOutputModality | undefined;
  /** The modalities to offer, audio (the API's default) first. */
  readonly options: readonly RealtimeOutputModality[];
  /** The API's default modality. */
  readonly defaultModality: RealtimeOutputModality;
  readonly disabled: boolean;
}

/** What {@link useOutputModalitiesField} returns: the binding, the field part, state and prop getters. */
export interface UseOutputModalitiesFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages and the shared prop getters. */
  readonly field: FieldPart<'output_modalities'>;
  readonly state: OutputModalitiesFieldState;
  /** For the radio of one modality; the user's `onChange` runs first. */
  getOptionProps(
    modality: RealtimeOutputModality,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
}

export type UseOutputModalitiesFieldProps = SessionRequestProps;

const OPTIONS: readonly RealtimeOutputModality[] = Object.freeze([
  RealtimeOutputModality.audio,
  RealtimeOutputModality.text,
]);
const DEFAULT_MODALITY: RealtimeOutputModality = REALTIME_SESSION_DEFAULTS.session.output_modalities[0];

/**
 * The output modalities without markup. The API takes exactly one, so the
 * choice is exclusive: `['audio']` (speech with its transcript) or
 * `['text']`; a list that names none or both is shown as invalid and never sent.
 *
 * @example
 * ```tsx
 * const { getOptionProps } = useOutputModalitiesField();
 * return (
 *   <>
 *     <label><input {...getOptionProps('audio')} /> Audio</label>
 *     <label><input {...getOptionProps('text')} /> Text</label>
 *   </>
 * );
 * ```
 */
export function useOutputModalitiesField(props: UseOutputModalitiesFieldProps = {}): UseOutputModalitiesFieldReturn {
  const binding = useFieldStore(props, ['output_modalities'], 'OutputModalitiesPicker');
  const field = useFieldPart(binding, 'output_modalities');
  const shown = field.effective.value;
  // Neither radio is checked for a list the API would refuse: checking its first entry would hide the problem.
  const modality = shown?.length === 1 ? shown[0] : undefined;
  const disabled = binding.disabled;
  const select = (next: RealtimeOutputModality) => binding.setField('output_modalities', [next]);
  return {
    binding,
    field,
    state: { modality, options: OPTIONS, defaultModality: DEFAULT_MODALITY, disabled },
    getOptionProps: (option, user = {}) => ({
      ...user,
      ...field.getOptionProps(option, { checked: modality === option, onSelect: () => select(option) }),
      onChange: composeEventHandlers(user.onChange, () => select(option)),
    }),
  };
}
