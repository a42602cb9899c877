'use client';
import {
  useEffect,
  useState,
  type ChangeEvent,
  type FocusEvent,
  type HTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart, type FieldValueSource } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';
import { withFieldError } from '../field/field-errors.js';

export interface UseInstructionsFieldProps extends SessionRequestProps {
  /**
   * Your own limit on the instructions, in characters (the API sets none).
   * Longer text stays in the box, marked invalid, and is not written to the
   * draft (so never sent) until it is shortened.
   */
  readonly maxLength?: number | undefined;
}

/** The instructions field's state, for rendering. */
export interface InstructionsFieldState {
  /** The text the box shows: the draft's instructions, else the live session's (or the API's empty default). */
  readonly text: string;
  /** Its length in characters (UTF-16 code units, as `maxlength` counts them). */
  readonly length: number;
  readonly maxLength: number | undefined;
  /** Set while the text is over `maxLength`: why it is not sent. The field's error shows it. */
  readonly tooLong: string | undefined;
  /** Where the shown text comes from: the draft, the live session (its default instructions) or the API default. */
  readonly source: FieldValueSource;
  readonly disabled: boolean;
}

/** What {@link useInstructionsField} returns: the binding, the field contract, state and prop getters. */
export interface UseInstructionsFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages and the shared prop getters. */
  readonly field: FieldPart<'instructions'>;
  readonly state: InstructionsFieldState;
  /** For the `textarea`; the user's `onChange` and `onBlur` run first. */
  getTextareaProps(
    user?: TextareaHTMLAttributes<HTMLTextAreaElement>,
  ): TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string };
  /** For the character count; the textarea is described by it. */
  getCountProps(user?: HTMLAttributes<HTMLElement>): HTMLAttributes<HTMLElement> & { id: string };
}

const TOO_LONG = 'too-long';

/**
 * The instructions textarea without markup: the text the session uses (the
 * server's own default instructions while the draft leaves them
 * unspecified), its character count, an optional length limit, status and
 * messages. Typing is coalesced and sent once it pauses or the box loses
 * focus. It subscribes to `instructions` alone, so typing re-renders nothing
 * else.
 *
 * @example
 * ```tsx
 * function Instructions() {
 *   const { field, state, getTextareaProps, getCountProps } = useInstructionsField({ maxLength: 4000 });
 *   return (
 *     <>
 *       <label htmlFor={field.ids.controlId}>Instructions</label>
 *       <textarea {...getTextareaProps()} />
 *       <small {...getCountProps()}>{state.length} / 4000</small>
 *     </>
 *   );
 * }
 * ```
 */
export function useInstructionsField(props: UseInstructionsFieldProps = {}): UseInstructionsFieldReturn {
  const { maxLength, ...bindingProps } = props;
  const binding = useFieldStore(bindingProps, ['instructions'], 'InstructionsEditor');
  const part = useFieldPart(binding, 'instructions');
  const fromValue = part.effective.value ?? '';
  // Text over the limit stays in the box but not in the draft; it belongs to the draft value it was typed over,
  // so a new value from outside (a revert, the parent, the server) replaces it.
  const [overflow, setOverflow] = useState<{ readonly text: string; readonly over: string } | undefined>(undefined);
  const text = overflow !== undefined && overflow.over === fromValue ? overflow.text : fromValue;
  const length = text.length;
  const tooLongBy = maxLength === undefined ? 0 : length - maxLength;
  const tooLongMessage =
    tooLongBy > 0
      ? `${tooLongBy} ${tooLongBy === 1 ? 'character' : 'characters'} over the limit of ${maxLength}; shorten the instructions to send them.`
      : undefined;
  const { setLocalError } = part;
  useEffect(() => setLocalError(TOO_LONG, tooLongMessage), [setLocalError, tooLongMessage]);
  // The store does not know the limit: the field's error (and what it describes) says it.
  const field = withFieldError(part, part.messages.error ?? tooLongMessage);

  const countId = `${field.ids.controlId}-count`;
  const edit = (next: string) => {
    if (maxLength !== undefined && next.length > maxLength) {
      setOverflow({ text: next, over: fromValue });
      return;
    }
    setOverflow(undefined);
    binding.setField('instructions', next, { coalesce: 'text' });
  };

  return {
    binding,
    field,
    state: {
      text,
      length,
      maxLength,
      tooLong: tooLongMessage,
      source: field.effective.source,
      disabled: field.disabled,
    },
    getTextareaProps: (user = {}) => {
      const control = field.getControlProps();
      return {
        ...user,
        ...control,
        rows: user.rows ?? 6,
        'aria-describedby': [control['aria-describedby'], countId, user['aria-describedby']].filter(Boolean).join(' '),
        value: text,
        onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLTextAreaElement>) =>
          edit(event.target.value),
        ),
        onBlur: composeEventHandlers(user.onBlur, (_event: FocusEvent<HTMLTextAreaElement>) => {
          field.touch();
          binding.commit();
        }),
      };
    },
    getCountProps: (user = {}) => ({
      ...user,
      id: countId,
      'data-invalid': tooLongMessage === undefined ? undefined : true,
    }),
  };
}
