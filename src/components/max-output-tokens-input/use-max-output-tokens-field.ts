'use client';
import { useRef, useState, type InputHTMLAttributes } from 'react';
import { REALTIME_LIMITS } from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';
import type { NumberFieldInputProps } from '../field/number-input-props.js';

/** The two kinds of limit: none (`'inf'`, the API's default) or a number of tokens. */
export type MaxOutputTokensChoice = 'inf' | 'limit';

/**
 * Props for a number control of the token limit: the kit's number box, or a
 * control of your own. `onValueChange` takes the typed number (sent once
 * typing pauses or the box loses focus); `undefined`, an emptied box, makes
 * the limit unspecified on blur.
 */
export type TokenLimitInputProps = NumberFieldInputProps;

/** The max output tokens field's state, for rendering. */
export interface MaxOutputTokensFieldState {
  /** Which kind of limit the session uses (the draft's, else the live or default one). */
  readonly choice: MaxOutputTokensChoice;
  /** The limit in tokens, when `choice` is `limit`. Out of range or fractional values are shown too (and invalid). */
  readonly limit: number | undefined;
  /** Set while the box holds text that is not a number yet ("12a"); the box is described by it. */
  readonly textError: { readonly id: string; readonly message: string } | undefined;
  readonly min: number;
  readonly max: number;
  readonly disabled: boolean;
}

/** What {@link useMaxOutputTokensField} returns: the binding, the field part, state and prop getters. */
export interface UseMaxOutputTokensFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages and the shared prop getters. */
  readonly field: FieldPart<'max_output_tokens'>;
  readonly state: MaxOutputTokensFieldState;
  /** For the radio of "no limit" (`'inf'`) or of a limit; the user's `onChange` runs first. */
  getOptionProps(
    choice: MaxOutputTokensChoice,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
  /** For the number control of the limit; the user's callbacks run first. */
  getNumberInputProps(user?: Partial<TokenLimitInputProps>): TokenLimitInputProps;
}

export type UseMaxOutputTokensFieldProps = SessionRequestProps;

const { min: MIN, max: MAX } = REALTIME_LIMITS.maxOutputTokens;
const LIMIT_TEXT = 'limit-text';

/**
 * The `max_output_tokens` field without markup: no limit (`'inf'`) or a whole
 * number of tokens from 1 to 4096. Typing is sent once it pauses or the box is
 * left; out-of-range and half-typed numbers are shown as invalid and never sent.
 *
 * @example
 * ```tsx
 * const { getOptionProps, getNumberInputProps } = useMaxOutputTokensField();
 * const box = getNumberInputProps();
 * return (
 *   <>
 *     <label><input {...getOptionProps('inf')} /> No limit</label>
 *     <label><input {...getOptionProps('limit')} /> At most</label>
 *     <input
 *       id={box.id}
 *       aria-label="Tokens"
 *       defaultValue={box.value}
 *       onChange={(event) => box.onValueChange(Number(event.target.value), { dragging: false })}
 *       onBlur={box.onBlur}
 *     />
 *   </>
 * );
 * ```
 */
export function useMaxOutputTokensField(props: UseMaxOutputTokensFieldProps = {}): UseMaxOutputTokensFieldReturn {
  const binding = useFieldStore(props, ['max_output_tokens'], 'MaxOutputTokensInput');
  const field = useFieldPart(binding, 'max_output_tokens');
  const [textError, setTextError] = useState<string | undefined>(undefined);
  // The limit to bring back when "limit" is picked again after "no limit".
  const [lastLimit, setLastLimit] = useState<number | undefined>(undefined);
  // An emptied box shows the effective value again once it is made unspecified, so that waits for the blur:
  // done at once, the value would refill the box under the user's cursor.
  const cleared = useRef(false);
  const shown = field.effective.value;
  const limit = typeof shown === 'number' ? shown : undefined;
  const choice: MaxOutputTokensChoice = limit === undefined ? 'inf' : 'limit';
  const disabled = binding.disabled;
  const textErrorId = `${field.ids.errorId}-text`;

  const select = (next: MaxOutputTokensChoice) => {
    if (next === choice) return;
    field.setLocalError(LIMIT_TEXT, undefined);
    setTextError(undefined);
    if (next === 'inf') {
      if (limit !== undefined) setLastLimit(limit);
      binding.setField('max_output_tokens', 'inf');
      return;
    }
    binding.setField('max_output_tokens', lastLimit ?? MAX);
  };

  return {
    binding,
    field,
    state: {
      choice,
      limit,
      textError: textError === undefined ? undefined : { id: textErrorId, message: textError },
      min: MIN,
      max: MAX,
      disabled,
    },
    getOptionProps: (option, user = {}) => ({
      ...user,
      ...field.getOptionProps(option, { checked: choice === option, onSelect: () => select(option) }),
      onChange: composeEventHandlers(user.onChange, () => select(option)),
    }),
    getNumberInputProps: (user = {}) => {
      const control = field.getControlProps({ invalid: limit !== undefined || textError !== undefined });
      return {
        id: control.id,
        'aria-describedby':
          [control['aria-describedby'], textError === undefined ? undefined : textErrorId].filter(Boolean).join(' ') ||
          undefined,
        value: limit,
        placeholder: undefined,
        min: MIN,
        max: MAX,
        step: 1,
        disabled,
        invalid: control['aria-invalid'] === true || textError !== undefined,
        ...user,
        onValueChange: (value, how) => {
          user.onValueChange?.(value, how);
          cleared.current = value === undefined;
          if (value === undefined) return;
          binding.setField('max_output_tokens', value, { coalesce: 'text' });
        },
        onLocalError: (message) => {
          user.onLocalError?.(message);
          // Text that does not parse is not an emptied box: leaving it keeps the last good limit.
          if (message !== undefined) cleared.current = false;
          setTextError(message);
          field.setLocalError(LIMIT_TEXT, message);
        },
        onBlur: () => {
          user.onBlur?.();
          if (cleared.current) {
            cleared.current = false;
            binding.setField('max_output_tokens', undefined);
          }
          binding.commit();
        },
      };
    },
  };
}
