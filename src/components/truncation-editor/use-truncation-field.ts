'use client';
import { useRef, useState, type ChangeEvent, type InputHTMLAttributes } from 'react';
import {
  REALTIME_LIMITS,
  RealtimeTruncation,
  RealtimeTruncationMode,
  RealtimeTruncationTokenLimits,
} from '../../model/index.js';
import { composeEventHandlers } from '../field/compose.js';
import { useFieldPart, type FieldPart } from '../field/use-field.js';
import { useFieldStore, type FieldStore, type SessionRequestProps } from '../field/use-field-store.js';
import { hasIssueAt, issuesText, withFieldError } from '../field/field-errors.js';
import type { NumberFieldInputProps } from '../field/number-input-props.js';

/** The strategies the editor offers: the API's named ones, and retention-ratio truncation. */
export type TruncationStrategy = RealtimeTruncationMode | 'retention_ratio';

/** The strategies in the order the editor lists them. */
export const TRUNCATION_STRATEGIES: readonly TruncationStrategy[] = [
  RealtimeTruncationMode.auto,
  RealtimeTruncationMode.disabled,
  'retention_ratio',
];

/** The ratio a newly chosen retention-ratio truncation starts at (the API reference's example). */
export const DEFAULT_RETENTION_RATIO = 0.8;

/** The truncation field's state, for rendering. */
export interface TruncationFieldState {
  /** The strategy the session uses (the draft's, else the live or default one); `undefined` for one the API does not list. */
  readonly strategy: TruncationStrategy | undefined;
  /** A strategy name the API does not list (a newer API's, or a typo): shown, invalid, so another can be picked. */
  readonly unknownStrategy: string | undefined;
  /** The retention ratio, while retention-ratio truncation is chosen. */
  readonly retentionRatio: number | undefined;
  /** The custom post-instructions token limit; `undefined` uses the model's. */
  readonly postInstructions: number | undefined;
  readonly disabled: boolean;
}

/**
 * Props for a number control of the retention ratio or the token limit: the
 * kit's `NumberInput`, or a control of your own. `onValueChange` takes the
 * typed value (`dragging: false`, sent once typing pauses or the box loses
 * focus) or a slider position (`dragging: true`, coalesced into a few
 * updates per drag).
 */
export type TruncationNumberInputProps = NumberFieldInputProps;

export interface UseTruncationFieldReturn {
  readonly binding: FieldStore;
  /**
   * The field contract: value, status, messages and the shared prop getters.
   * Its error names the control each issue is on, and includes text of the
   * number boxes that does not parse.
   */
  readonly field: FieldPart<'truncation'>;
  readonly state: TruncationFieldState;
  /** For the radio of one strategy, or of `state.unknownStrategy`; the user's `onChange` runs first. */
  getStrategyProps(
    strategy: string,
    user?: InputHTMLAttributes<HTMLInputElement>,
  ): InputHTMLAttributes<HTMLInputElement>;
  /** For the retention ratio's number box and slider; the user's callbacks run first. */
  getRatioInputProps(user?: Partial<TruncationNumberInputProps>): TruncationNumberInputProps;
  /** For the post-instructions token limit's number box; an empty box uses the model's limit. */
  getTokenLimitInputProps(user?: Partial<TruncationNumberInputProps>): TruncationNumberInputProps;
}

export type UseTruncationFieldProps = SessionRequestProps;

type NumberControl = 'ratio' | 'tokens';
const CONTROL_LABELS: Readonly<Record<NumberControl, string>> = {
  ratio: 'Retention ratio',
  tokens: 'Token limit',
};
const ISSUE_LABELS: Readonly<Record<string, string>> = {
  retention_ratio: 'Retention ratio',
  'token_limits.post_instructions': 'Token limit',
  token_limits: 'Token limits',
  type: 'Type',
};

/**
 * The truncation field without markup: `auto`, `disabled`, or
 * retention-ratio truncation with its ratio (0 to 1) and an optional
 * post-instructions token limit. Out-of-range, fractional or half-typed
 * numbers are invalid and never sent.
 *
 * @example
 * ```tsx
 * const { state, getStrategyProps, getRatioInputProps } = useTruncationField();
 * return (
 *   <>
 *     {TRUNCATION_STRATEGIES.map((strategy) => (
 *       <label key={strategy}><input {...getStrategyProps(strategy)} /> {strategy}</label>
 *     ))}
 *     {state.strategy === 'retention_ratio' ? <NumberInput {...getRatioInputProps()} /> : null}
 *   </>
 * );
 * ```
 */
export function useTruncationField(props: UseTruncationFieldProps = {}): UseTruncationFieldReturn {
  const binding = useFieldStore(props, ['truncation'], 'TruncationEditor');
  const part = useFieldPart(binding, 'truncation');
  const shown = part.effective.value;
  const config = shown instanceof RealtimeTruncation ? shown : undefined;
  const strategy: TruncationStrategy | undefined =
    config !== undefined
      ? 'retention_ratio'
      : shown === RealtimeTruncationMode.auto || shown === RealtimeTruncationMode.disabled
        ? shown
        : undefined;
  const unknownStrategy = typeof shown === 'string' && strategy === undefined ? shown : undefined;
  const postInstructions = config?.tokenLimits?.postInstructions;

  const [textErrors, setTextErrors] = useState<Readonly<Partial<Record<NumberControl, string>>>>({});
  const setTextError = (control: NumberControl, message: string | undefined) => {
    setTextErrors((errors) => (errors[control] === message ? errors : { ...errors, [control]: message }));
    part.setLocalError(control, message);
  };
  const textError = (['ratio', 'tokens'] as const)
    .filter((control) => textErrors[control] !== undefined)
    .map((control) => `${CONTROL_LABELS[control]}: ${textErrors[control] ?? ''}`)
    .join(' ');
  const issues = issuesText(part, (at) => ISSUE_LABELS[at] ?? (at === '' ? 'Truncation' : at));
  const field = withFieldError(part, [textError, issues].filter(Boolean).join(' ') || undefined);

  // A retention-ratio setting left for another strategy comes back as it was.
  const lastConfig = useRef<RealtimeTruncation | undefined>(undefined);
  const select = (next: string) => {
    if (next === strategy || next === unknownStrategy) return;
    if (config !== undefined) lastConfig.current = config;
    setTextError('ratio', undefined);
    setTextError('tokens', undefined);
    binding.setField(
      'truncation',
      next === 'retention_ratio'
        ? (lastConfig.current ?? new RealtimeTruncation({ retentionRatio: DEFAULT_RETENTION_RATIO }))
        : (next as RealtimeTruncationMode),
    );
  };
  const writeConfig = (change: (current: RealtimeTruncation) => RealtimeTruncation, dragging: boolean) => {
    if (config === undefined) return;
    binding.setField('truncation', change(config), { coalesce: dragging ? 'drag' : 'text' });
  };

  const numberProps = (
    control: NumberControl,
    user: Partial<TruncationNumberInputProps>,
    own: Pick<TruncationNumberInputProps, 'value' | 'placeholder' | 'min' | 'max' | 'step'> & {
      readonly slider: boolean;
      readonly issueAt: string;
      readonly write: (value: number | undefined, dragging: boolean) => void;
    },
  ): TruncationNumberInputProps => {
    const invalid = textErrors[control] !== undefined || hasIssueAt(field, own.issueAt);
    const controlProps = field.getControlProps({ id: `${field.ids.controlId}-${control}`, invalid });
    return {
      id: controlProps.id,
      'aria-label': CONTROL_LABELS[control],
      'aria-describedby': controlProps['aria-describedby'],
      value: own.value,
      placeholder: own.placeholder,
      min: own.min,
      max: own.max,
      step: own.step,
      slider: own.slider,
      disabled: field.disabled || config === undefined,
      invalid: controlProps['aria-invalid'] === true,
      ...user,
      onValueChange: (value, how) => {
        user.onValueChange?.(value, how);
        own.write(value, how.dragging);
      },
      onLocalError: (message) => {
        user.onLocalError?.(message);
        setTextError(control, message);
      },
      onBlur: () => {
        user.onBlur?.();
        part.touch();
        binding.commit();
      },
    };
  };

  return {
    binding,
    field,
    state: {
      strategy,
      unknownStrategy,
      retentionRatio: config?.retentionRatio,
      postInstructions,
      disabled: field.disabled,
    },
    getStrategyProps: (option, user = {}) => ({
      ...user,
      ...field.getOptionProps(option, {
        checked: option === strategy || (option === unknownStrategy && unknownStrategy !== undefined),
        onSelect: () => select(option),
      }),
      onChange: composeEventHandlers(user.onChange, (_event: ChangeEvent<HTMLInputElement>) => select(option)),
    }),
    getRatioInputProps: (user = {}) =>
      numberProps('ratio', user, {
        value: config?.retentionRatio,
        placeholder: config?.retentionRatio ?? DEFAULT_RETENTION_RATIO,
        min: REALTIME_LIMITS.retentionRatio.min,
        max: REALTIME_LIMITS.retentionRatio.max,
        step: 0.05,
        slider: true,
        issueAt: 'retention_ratio',
        write: (value, dragging) => {
          // The ratio is required: an emptied box is not a value yet.
          if (value === undefined) {
            setTextError('ratio', 'enter a ratio from 0 to 1.');
            return;
          }
          writeConfig((current) => current.copyWith({ retentionRatio: value }), dragging);
        },
      }),
    getTokenLimitInputProps: (user = {}) =>
      numberProps('tokens', user, {
        value: postInstructions,
        placeholder: undefined,
        min: 0,
        max: Number.MAX_SAFE_INTEGER,
        step: 1,
        slider: false,
        issueAt: 'token_limits',
        write: (value, dragging) =>
          writeConfig((current) => {
            const limits = (current.tokenLimits ?? new RealtimeTruncationTokenLimits({})).copyWith({
              postInstructions: value ?? null,
            });
            // Without a limit left, the model's own limits apply: no token_limits at all.
            const empty = Object.keys(limits.toJson()).length === 0;
            return current.copyWith({ tokenLimits: empty ? null : limits });
          }, dragging),
      }),
  };
}
