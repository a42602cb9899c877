'use client';
import { useRef, type ChangeEvent, type FocusEvent, type InputHTMLAttributes } from 'react';
import { isOff, isPlainObject, RealtimeOff, RealtimePrompt, type RealtimePromptVariables } from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';
import { hasIssueAt, issuesText, withFieldError } from '../field/field-errors.js';
import { jsonValueText, type RecordValueText } from '../field/record-entries.js';

/** The prompt choices: none (`null` on the wire) or a prompt template. */
export type PromptMode = 'off' | 'template';

/** The choices in the order the editor lists them. */
export const PROMPT_MODES: readonly PromptMode[] = ['off', 'template'];

type PromptVariable = RealtimePromptVariables[string];

/** The prompt field's state, for rendering. */
export interface PromptFieldState {
  /** Whether the session uses a prompt template: the draft's setting, else the live or default one (none). */
  readonly mode: PromptMode;
  /** The template reference, when one is used. */
  readonly prompt: RealtimePrompt | undefined;
  readonly disabled: boolean;
}

/** Props for the variables' rows: spread them on the kit's `RecordEntriesInput`, or read them for your own. */
export interface PromptVariablesInputProps {
  readonly id: string;
  readonly record: RealtimePromptVariables | undefined;
  readonly text: RecordValueText<PromptVariable>;
  readonly onRecordChange: (record: RealtimePromptVariables | undefined) => void;
  readonly onLocalError: (message: string | undefined) => void;
  readonly disabled: boolean;
  readonly onBlur: () => void;
}

export interface UsePromptFieldReturn {
  readonly binding: FieldStore;
  /** The field contract: value, status, messages and the shared prop getters. Its error names each control. */
  readonly field: FieldPart<'prompt'>;
  readonly state: PromptFieldState;
  /** For the radio of one {@link PromptMode}; the user's `onChange` runs first. */
  getModeProps(mode: PromptMode, user?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement>;
  /** For the template id text input; typing an id while no prompt is used turns the template on. */
  getIdInputProps(user?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement> & { id: string };
  /** For the version text input; an empty box uses the template's latest version. */
  getVersionInputProps(
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement> & { id: string };
  /** For the variables' name–value rows. */
  getVariablesInputProps(): PromptVariablesInputProps;
}

export type UsePromptFieldProps = SessionRequestProps;

const ISSUE_LABELS: Readonly<Record<string, string>> = { id: 'Prompt ID', version: 'Version', variables: 'Variables' };
// A variable given as an input content object (an image, a file) stays an object while its text is JSON of one.
const VARIABLE_TEXT = jsonValueText<PromptVariable>(isPlainObject);
const ID = 'id';

/**
 * The prompt reference without markup: none (an explicit `null`, which
 * removes a prompt from a live session) or a reusable prompt template by id,
 * with an optional version and variables. A new template's empty id is not
 * an error until its box is left.
 *
 * @example
 * ```tsx
 * const { state, getModeProps, getIdInputProps } = usePromptField();
 * return (
 *   <>
 *     <label><input {...getModeProps('off')} /> No prompt</label>
 *     <label><input {...getModeProps('template')} /> Template</label>
 *     <input aria-label="Prompt ID" {...getIdInputProps()} />
 *   </>
 * );
 * ```
 */
export function usePromptField(props: UsePromptFieldProps = {}): UsePromptFieldReturn {
  const binding = useFieldStore(props, ['prompt'], 'PromptReferenceEditor');
  const part = useFieldPart(binding, 'prompt');
  const shown = part.effective.value;
  const prompt = shown instanceof RealtimePrompt ? shown : undefined;
  const mode: PromptMode = prompt === undefined ? 'off' : 'template';
  const field = withFieldError(
    part,
    issuesText(part, (at) => ISSUE_LABELS[at.split(/[.[]/)[0] ?? at] ?? 'The prompt'),
  );
  const disabled = field.disabled;

  // A template left for "no prompt" comes back as it was.
  const lastPrompt = useRef<RealtimePrompt | undefined>(undefined);
  const template = () => prompt ?? lastPrompt.current ?? new RealtimePrompt({ id: '' });
  const select = (next: PromptMode) => {
    if (next === mode) return;
    if (next === 'off') {
      lastPrompt.current = prompt;
      field.touch(ID);
      binding.setField('prompt', RealtimeOff);
      return;
    }
    const chosen = template();
    // An empty id is invalid, but the user has not had a chance to type one yet.
    if (chosen.id === '') field.markNew(ID);
    binding.setField('prompt', chosen);
  };
  const edit = (change: (current: RealtimePrompt) => RealtimePrompt) =>
    binding.setField('prompt', change(template()), { coalesce: 'text' });
  const leave = (key?: string) => {
    field.touch(key);
    binding.commit();
  };
  const textProps = (
    control: 'id' | 'version',
    value: string,
    write: (current: RealtimePrompt, text: string) => RealtimePrompt,
    user: InputHTMLAttributes<HTMLInputElement>,
  ) => ({
    ...user,
    ...field.getControlProps({ id: `${field.ids.controlId}-${control}`, invalid: hasIssueAt(field, control) }),
    type: 'text',
    value,
    onChange: composeEventHandlers(user.onChange, (event: ChangeEvent<HTMLInputElement>) => {
      const text = event.target.value;
      edit((current) => write(current, text));
    }),
    onBlur: composeEventHandlers(user.onBlur, (_event: FocusEvent<HTMLInputElement>) =>
      leave(control === 'id' ? ID : undefined),
    ),
  });
  const variables = prompt?.variables;

  return {
    binding,
    field,
    state: { mode, prompt, disabled },
    getModeProps: (option, user = {}) => ({
      ...user,
      ...field.getOptionProps(option, { checked: option === mode, onSelect: () => select(option) }),
      onChange: composeEventHandlers(user.onChange, (_event: ChangeEvent<HTMLInputElement>) => select(option)),
    }),
    getIdInputProps: (user = {}) => ({
      ...textProps('id', prompt?.id ?? '', (current, text) => current.copyWith({ id: text }), user),
      // Typing an id is how one starts using a template, so the box takes input even while no prompt is used.
      disabled,
      spellCheck: false,
      autoComplete: 'off',
    }),
    getVersionInputProps: (user = {}) => ({
      ...textProps(
        'version',
        prompt?.version === undefined || isOff(prompt.version) ? '' : prompt.version,
        // An emptied box means the latest version: no version at all, rather than an empty one the API refuses.
        (current, text) => current.copyWith({ version: text === '' ? null : text }),
        user,
      ),
      disabled: disabled || prompt === undefined,
      spellCheck: false,
    }),
    getVariablesInputProps: () => ({
      id: `${field.ids.controlId}-variables`,
      record: variables === undefined || isOff(variables) ? undefined : variables,
      text: VARIABLE_TEXT,
      onRecordChange: (record) => {
        if (prompt !== undefined)
          binding.setField('prompt', prompt.copyWith({ variables: record ?? null }), { coalesce: 'text' });
      },
      onLocalError: (message) => part.setLocalError('variables', message),
      disabled: disabled || prompt === undefined,
      onBlur: () => leave(),
    }),
  };
}
