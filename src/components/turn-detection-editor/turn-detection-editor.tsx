'use client';
import { forwardRef, memo } from 'react';
import { REALTIME_LIMITS, type RealtimeEagerness } from '../../model/index.js';
import { FieldGroup, FieldOption, FieldRoot, type FieldRootAttributes } from '../field/field-layout.js';
import { NumberInput } from '../field/inputs.js';
import { splitFieldProps } from '../field/use-field-store.js';
import { SettingError } from './setting-error.js';
import {
  DEFAULT_EAGERNESS,
  TURN_DETECTION_EAGERNESS,
  TURN_DETECTION_MODES,
  useTurnDetectionField,
  type TurnDetectionFlagKey,
  type TurnDetectionMode,
  type TurnDetectionNumberKey,
  type UseTurnDetectionFieldProps,
  type UseTurnDetectionFieldReturn,
} from './use-turn-detection-field.js';

export interface TurnDetectionEditorProps extends UseTurnDetectionFieldProps, FieldRootAttributes {
  /** The heading of the group. @default 'Turn detection' */
  readonly label?: string;
}

const MODE_LABELS: Readonly<Record<TurnDetectionMode, string>> = {
  off: 'Off (push-to-talk)',
  server_vad: 'Server VAD',
  semantic_vad: 'Semantic VAD',
};

const EAGERNESS_LABELS: Readonly<Record<RealtimeEagerness, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  auto: 'Auto',
};

const NUMBER_FIELDS: readonly {
  readonly key: TurnDetectionNumberKey;
  readonly label: string;
  readonly hint: string;
}[] = [
  { key: 'threshold', label: 'Threshold', hint: 'From 0 to 1. Higher needs louder speech: better in noisy rooms.' },
  { key: 'prefixPaddingMs', label: 'Prefix padding (ms)', hint: 'Audio kept from before the speech started.' },
  {
    key: 'silenceDurationMs',
    label: 'Silence duration (ms)',
    hint: 'Silence that ends the turn. Shorter answers sooner but may cut in on pauses.',
  },
  {
    key: 'idleTimeoutMs',
    label: 'Idle timeout (ms)',
    hint: `From ${REALTIME_LIMITS.idleTimeoutMs.min} to ${REALTIME_LIMITS.idleTimeoutMs.max}: the model prompts the user after this much silence. Empty for none.`,
  },
];

const FLAG_LABELS: Readonly<Record<TurnDetectionFlagKey, string>> = {
  createResponse: 'Respond when the user stops',
  interruptResponse: 'Stop the answer when the user speaks',
};

/**
 * Edits how the session tells that the user has finished speaking: off
 * (push-to-talk, your app commits each turn), server VAD (by volume and
 * silence: threshold with a slider, prefix padding, silence duration, idle
 * timeout) or semantic VAD (by meaning: eagerness); both respond and
 * interrupt automatically unless told not to. Only the chosen type's settings
 * are sent; switching type keeps the other type's, and puts them back on the
 * way back. Unset settings show the API defaults. When the transcription
 * model needs turn detection off (`gpt-realtime-whisper`), the VAD types are
 * disabled with the reason. Any other prop goes on the root element.
 *
 * Styling hooks: `data-field`, `data-status`, `data-source` and
 * `data-disabled` on the root; `data-status` on the group; `data-mode` on the
 * settings of the chosen type; `data-state="checked|unchecked"` and
 * `data-disabled` on each option.
 *
 * @example
 * ```tsx
 * <TurnDetectionEditor />   // in a RealtimeSessionProvider
 * <TurnDetectionEditor defaultValue={request} onValueChange={setRequest} />
 * ```
 */
export const TurnDetectionEditor = memo(
  forwardRef<HTMLDivElement, TurnDetectionEditorProps>(function TurnDetectionEditor(props, ref) {
    const [bindingProps, { label = 'Turn detection', ...rootProps }] = splitFieldProps(props);
    const turn = useTurnDetectionField(bindingProps);
    const { field, state } = turn;
    // Errors of single settings show under them; the group keeps the rest (a server refusal).
    const groupPart = { ...field, messages: { ...field.messages, error: state.groupError } };
    const description =
      state.vadUnavailable === undefined
        ? 'How the session tells that the user has finished speaking. Off is push-to-talk: your app ends each turn.'
        : `${state.vadUnavailable} Choose Off, or another transcription model.`;
    return (
      <FieldRoot ref={ref} field={field} kind="rrs-turn-detection-editor" {...rootProps}>
        <FieldGroup part={groupPart} label={label} description={description}>
          <div className="rrs-options">
            {TURN_DETECTION_MODES.map((mode) => {
              const input = turn.getModeOptionProps(mode);
              return (
                <FieldOption
                  key={mode}
                  input={input}
                  label={MODE_LABELS[mode]}
                  tags={[
                    mode === 'server_vad' && 'Default',
                    mode !== 'off' &&
                      state.vadUnavailable !== undefined &&
                      `Not with ${state.transcriptionModel ?? ''}`,
                  ]}
                  disabled={input.disabled === true}
                />
              );
            })}
          </div>
          {state.mode === 'server_vad' ? (
            <ServerVadSettings turn={turn} />
          ) : state.mode === 'semantic_vad' ? (
            <SemanticVadSettings turn={turn} />
          ) : null}
        </FieldGroup>
      </FieldRoot>
    );
  }),
);
TurnDetectionEditor.displayName = 'TurnDetectionEditor';

function ServerVadSettings(props: { readonly turn: UseTurnDetectionFieldReturn }) {
  const { turn } = props;
  return (
    <fieldset className="rrs-subgroup" data-mode="server_vad">
      <legend className="rrs-sublabel">Server VAD settings</legend>
      {NUMBER_FIELDS.map(({ key, label, hint }) => {
        // An error takes the hint's place: the two usually say the same rule twice.
        const error = turn.state.errors[key];
        const hintId = error === undefined ? `${turn.field.ids.controlId}-${key}-hint` : undefined;
        const input = turn.getNumberInputProps(key, { 'aria-label': label, 'aria-describedby': hintId });
        return (
          <div key={key} className="rrs-subfield">
            <label className="rrs-sublabel" htmlFor={input.id}>
              {label}
            </label>
            <NumberInput {...input} />
            {hintId === undefined ? null : (
              <p className="rrs-description" id={hintId}>
                {hint}
              </p>
            )}
            <SettingError error={error} />
          </div>
        );
      })}
      <Flags turn={turn} />
    </fieldset>
  );
}

function SemanticVadSettings(props: { readonly turn: UseTurnDetectionFieldReturn }) {
  const { turn } = props;
  return (
    <fieldset className="rrs-subgroup" data-mode="semantic_vad">
      <legend className="rrs-sublabel">Semantic VAD settings</legend>
      <fieldset className="rrs-subgroup">
        <legend className="rrs-sublabel">Eagerness</legend>
        <div className="rrs-options">
          {TURN_DETECTION_EAGERNESS.map((eagerness) => {
            const input = turn.getEagernessOptionProps(eagerness);
            return (
              <FieldOption
                key={eagerness}
                input={input}
                label={EAGERNESS_LABELS[eagerness]}
                tags={[eagerness === DEFAULT_EAGERNESS && 'Default']}
                disabled={input.disabled === true}
              />
            );
          })}
        </div>
        <p className="rrs-description">
          Low waits longer for the user to go on (up to 8 s), high answers sooner (2 s).
        </p>
        <SettingError error={turn.state.errors.eagerness} />
      </fieldset>
      <Flags turn={turn} />
    </fieldset>
  );
}

function Flags(props: { readonly turn: UseTurnDetectionFieldReturn }) {
  const { turn } = props;
  const keys: readonly TurnDetectionFlagKey[] = ['createResponse', 'interruptResponse'];
  return (
    <>
      <div className="rrs-row">
        {keys.map((key) => {
          const input = turn.getFlagProps(key);
          return <FieldOption key={key} input={input} label={FLAG_LABELS[key]} disabled={input.disabled === true} />;
        })}
      </div>
      {keys.map((key) => (
        <SettingError key={key} error={turn.state.errors[key]} />
      ))}
    </>
  );
}
