'use client';
import {
  useState,
  type ChangeEvent,
  type FocusEvent,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
} from 'react';
import {
  getModelCapabilities,
  REALTIME_MODELS,
  type KnownRealtimeModelId,
  type RealtimeModelCapabilities,
  type RealtimeModelDeprecation,
} from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';

/** One model of the capability table as the picker offers it. */
export interface ModelOption {
  readonly model: KnownRealtimeModelId;
  /** Accepts `reasoning` and `parallel_tool_calls`. */
  readonly reasoning: boolean;
  /** When it shuts down and what replaces it; absent while the model is current. */
  readonly deprecated: RealtimeModelDeprecation | undefined;
}

/** The option of {@link UseModelFieldReturn.getOptionProps} that picks a model id the table does not list. */
export const CUSTOM_MODEL_OPTION = 'custom';

/** The model field's state, for rendering. */
export interface ModelFieldState {
  /** The draft's model id: every request names one, so there is no default or server value to fall back on. */
  readonly model: string;
  /** True when the model is a custom id (one the table does not list, or one the user is typing). */
  readonly custom: boolean;
  /** True when the capability table lists the model. */
  readonly listed: boolean;
  /** The custom model id, when a custom model is selected. */
  readonly customModelId: string | undefined;
  /** What the model supports, from the capability table; `undefined` for a model it does not know. */
  readonly capabilities: RealtimeModelCapabilities | undefined;
  /** Set when the model has an announced shutdown. */
  readonly deprecated: RealtimeModelDeprecation | undefined;
  /** True while the live session keeps its model: an edit waits for a reconnect. */
  readonly locked: boolean;
  readonly options: readonly ModelOption[];
  readonly disabled: boolean;
}

/** What {@link useModelField} returns: the binding, the field part, state and prop getters. */
export interface UseModelFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages (the lock among them) and the shared prop getters. */
  readonly field: FieldPart<'model'>;
  readonly state: ModelFieldState;
  /**
   * For a `select` whose option values are the listed models' ids and {@link CUSTOM_MODEL_OPTION};
   * the user's `onChange` runs first. Name it, with `aria-labelledby` or a label.
   */
  getSelectProps(user?: SelectHTMLAttributes<HTMLSelectElement>): SelectHTMLAttributes<HTMLSelectElement>;
  /** For the radio of one listed model, or of {@link CUSTOM_MODEL_OPTION}; the user's `onChange` runs first. */
  getOptionProps(option: string, user?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement>;
  /** For the custom model id text input; the user's `onChange` and `onBlur` run first. */
  getCustomModelInputProps(user?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement>;
}

export type UseModelFieldProps = SessionRequestProps;

const OPTIONS: readonly ModelOption[] = Object.freeze(
  REALTIME_MODELS.map((entry) => ({
    model: entry.id,
    reasoning: entry.reasoning,
    deprecated: 'deprecated' in entry ? entry.deprecated : undefined,
  })),
);
const LISTED: ReadonlySet<string> = new Set(OPTIONS.map((option) => option.model));

/**
 * The model picker's logic without its markup: the models of the capability
 * table, a custom model id, validation, sync status and the lock a live
 * session puts on its model. Spread the returned props on your own elements.
 *
 * @example
 * ```tsx
 * function CompactModel() {
 *   const { state, getOptionProps } = useModelField();
 *   return state.options.map((option) => (
 *     <label key={option.model}>
 *       <input {...getOptionProps(option.model)} /> {option.model}
 *       {option.reasoning ? ' (reasons)' : ''}
 *     </label>
 *   ));
 * }
 * ```
 */
export function useModelField(props: UseModelFieldProps = {}): UseModelFieldReturn {
  const binding = useFieldStore(props, ['model'], 'ModelPicker');
  const field = useFieldPart(binding, 'model');
  // What the custom box last wrote: typing a listed id ("gpt-realtime" on the way to "gpt-realtime-2")
  // must not move the selection to that model's radio and take the box away under the cursor.
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const model = binding.snapshot.draft.model;
  const listed = LISTED.has(model);
  const custom = !listed || typed === model;
  const capabilities = getModelCapabilities(model);
  const disabled = binding.disabled;

  const select = (option: string) => {
    if (option === CUSTOM_MODEL_OPTION) {
      if (custom) return;
      // An empty id is invalid, but the user has not had a chance to type one yet.
      field.markNew(CUSTOM_MODEL_OPTION);
      setTyped('');
      binding.setField('model', '');
      return;
    }
    field.touch(CUSTOM_MODEL_OPTION);
    setTyped(undefined);
    binding.setField('model', option);
  };

  const state: ModelFieldState = {
    model,
    custom,
    listed,
    customModelId: custom ? model : undefined,
    capabilities,
    deprecated: capabilities?.deprecated,
    locked: field.state.lock !== undefined,
    options: OPTIONS,
    disabled,
  };

  return {
    binding,
    field,
    state,
    getSelectProps: (user = {}) => ({
      ...user,
      ...field.getControlProps(),
      value: custom ? CUSTOM_MODEL_OPTION : model,
      onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLSelectElement>) =>
        select(event.target.value),
      ),
    }),
    getOptionProps: (option, user = {}) => {
      const own = field.getOptionProps(option, {
        checked: option === CUSTOM_MODEL_OPTION ? custom : !custom && model === option,
        onSelect: () => select(option),
      });
      return { ...user, ...own, onChange: composeEventHandlers(user.onChange, () => select(option)) };
    },
    getCustomModelInputProps: (user = {}) => ({
      ...user,
      ...field.getControlProps({ id: `${field.ids.controlId}-custom`, invalid: custom }),
      type: 'text',
      value: custom ? model : '',
      placeholder: user.placeholder ?? 'gpt-realtime-…',
      spellCheck: false,
      autoComplete: 'off',
      disabled: disabled || !custom,
      onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLInputElement>) => {
        setTyped(event.target.value);
        binding.setField('model', event.target.value, { coalesce: 'text' });
      }),
      onBlur: composeEventHandlers(user.onBlur, (_event: FocusEvent<HTMLInputElement>) => {
        field.touch(CUSTOM_MODEL_OPTION);
        // Typing done, a listed id is shown as what it is: that model's radio.
        if (listed) setTyped(undefined);
        binding.commit();
      }),
    }),
  };
}
