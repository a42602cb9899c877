'use client';
import { forwardRef, memo, useCallback, type ReactNode } from 'react';
import useSyncExternalStoreExports from 'use-sync-external-store/with-selector';
import type { RealtimeSessionFieldPath } from '../../model/index.js';
import { RealtimeSessionProvider } from '../../react/index.js';
import type { RealtimeSessionSnapshot, RealtimeSessionStore, SessionFieldStatus } from '../../session/index.js';
import type { FieldRootAttributes } from '../field/field-layout.js';
import {
  FieldBindingContext,
  FieldDisabledContext,
  splitFieldProps,
  useSessionBinding,
  type SessionBindingMode,
  type SessionRequestProps,
} from '../field/use-field-store.js';
import { InputAudioEditor } from '../input-audio-editor/index.js';
import { IncludePicker } from '../include-picker/index.js';
import { InstructionsEditor } from '../instructions-editor/index.js';
import { MaxOutputTokensInput } from '../max-output-tokens-input/index.js';
import { ModelPicker } from '../model-picker/index.js';
import { OutputAudioFormatPicker } from '../output-audio-format-picker/index.js';
import { OutputModalitiesPicker } from '../output-modalities-picker/index.js';
import { ParallelToolCallsToggle } from '../parallel-tool-calls-toggle/index.js';
import { PromptReferenceEditor } from '../prompt-reference-editor/index.js';
import { ReasoningEffortPicker } from '../reasoning-effort-picker/index.js';
import { ToolChoicePicker } from '../tool-choice-picker/index.js';
import { ToolsEditor } from '../tools-editor/index.js';
import { TracingEditor } from '../tracing-editor/index.js';
import { TruncationEditor } from '../truncation-editor/index.js';
import { TurnDetectionEditor } from '../turn-detection-editor/index.js';
import { VoicePicker } from '../voice-picker/index.js';

const { useSyncExternalStoreWithSelector } = useSyncExternalStoreExports;

/** The form's sections, in order: an id, a title, the fields it holds and the components that edit them. */
export const SESSION_CONFIG_SECTIONS = [
  { id: 'model', title: 'Model & output', fields: ['model', 'output_modalities'] },
  {
    id: 'voice',
    title: 'Voice & audio out',
    fields: ['audio.output.voice', 'audio.output.speed', 'audio.output.format'],
  },
  {
    id: 'audio-in',
    title: 'Audio in',
    fields: [
      'audio.input.turn_detection',
      'audio.input.noise_reduction',
      'audio.input.transcription',
      'audio.input.format',
    ],
  },
  { id: 'instructions', title: 'Instructions & prompt', fields: ['instructions', 'prompt'] },
  { id: 'tools', title: 'Tools', fields: ['tools', 'tool_choice', 'parallel_tool_calls'] },
  { id: 'reasoning', title: 'Reasoning', fields: ['reasoning'] },
  { id: 'limits', title: 'Limits', fields: ['max_output_tokens', 'truncation'] },
  { id: 'tracing', title: 'Tracing & include', fields: ['tracing', 'include'] },
] as const satisfies readonly {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly RealtimeSessionFieldPath[];
}[];

/** A section of {@link SESSION_CONFIG_SECTIONS}, by id. */
export type SessionConfigSectionId = (typeof SESSION_CONFIG_SECTIONS)[number]['id'];

const SECTION_CONTENT: Readonly<Record<SessionConfigSectionId, () => ReactNode>> = {
  model: () => (
    <>
      <ModelPicker />
      <OutputModalitiesPicker />
    </>
  ),
  voice: () => (
    <>
      <VoicePicker />
      <OutputAudioFormatPicker />
    </>
  ),
  'audio-in': () => (
    <>
      <TurnDetectionEditor />
      <InputAudioEditor />
    </>
  ),
  instructions: () => (
    <>
      <InstructionsEditor />
      <PromptReferenceEditor />
    </>
  ),
  tools: () => (
    <>
      <ToolsEditor />
      <ToolChoicePicker />
      <ParallelToolCallsToggle />
    </>
  ),
  reasoning: () => <ReasoningEffortPicker />,
  limits: () => (
    <>
      <MaxOutputTokensInput />
      <TruncationEditor />
    </>
  ),
  tracing: () => (
    <>
      <TracingEditor />
      <IncludePicker />
    </>
  ),
};

export interface SessionConfigFormProps extends SessionRequestProps, FieldRootAttributes {
  /** Sections open at first; the others start collapsed. @default every section */
  readonly defaultOpenSections?: readonly SessionConfigSectionId[];
}

/** What a section's header says about its fields. */
const SUMMARY_ORDER: readonly SessionFieldStatus[] = ['invalid', 'rejected', 'locked', 'dirty', 'pending'];
const SUMMARY_TEXT: Readonly<Record<SessionFieldStatus, string>> = {
  invalid: 'invalid',
  rejected: 'rejected',
  locked: 'locked',
  dirty: 'edited',
  pending: 'applying',
  synced: 'applied',
};

/** The statuses of `fields`, as one string, so the header re-renders only when one changes. */
function useSectionStatuses(
  store: RealtimeSessionStore,
  fields: readonly RealtimeSessionFieldPath[],
): readonly SessionFieldStatus[] {
  const select = useCallback(
    (snapshot: RealtimeSessionSnapshot) => fields.map((path) => snapshot.fields[path].status).join(' '),
    [fields],
  );
  const joined = useSyncExternalStoreWithSelector(store.subscribe, store.getSnapshot, store.getServerSnapshot, select);
  return joined.split(' ') as SessionFieldStatus[];
}

function SectionSummary(props: {
  readonly store: RealtimeSessionStore;
  readonly mode: SessionBindingMode;
  readonly fields: readonly RealtimeSessionFieldPath[];
}) {
  const statuses = useSectionStatuses(props.store, props.fields);
  const shown = props.mode === 'connected' ? SUMMARY_ORDER : (['invalid'] as const);
  const counts = shown
    .map((status) => [status, statuses.filter((item) => item === status).length] as const)
    .filter(([, count]) => count > 0);
  const worst = counts[0]?.[0] ?? 'synced';
  return (
    <span className="rrs-section-status" data-status={worst}>
      {counts.length === 0
        ? props.mode === 'connected'
          ? 'All applied'
          : ''
        : counts.map(([status, count]) => `${count} ${SUMMARY_TEXT[status]}`).join(' · ')}
    </span>
  );
}

/**
 * Every setting of a Realtime session in one form: the field components in
 * labelled sections that collapse (Model & output, Voice & audio out, Audio
 * in, Instructions & prompt, Tools, Reasoning, Limits, Tracing & include),
 * each header summing up its fields' statuses.
 *
 * It follows the field contract: inside a `RealtimeSessionProvider` it edits
 * the live session; standalone it edits `value` or `defaultValue` and reports
 * each new request through `onValueChange`. The fields subscribe one by one,
 * so typing in the instructions re-renders no other field.
 *
 * Styling hooks: `data-section` and `data-status` (the worst status of its
 * fields) on each section.
 *
 * @example
 * ```tsx
 * <RealtimeSessionProvider session={session}>
 *   <SessionConfigForm />
 * </RealtimeSessionProvider>
 *
 * <SessionConfigForm defaultValue={request} onValueChange={save} />
 * ```
 */
export const SessionConfigForm = memo(
  forwardRef<HTMLDivElement, SessionConfigFormProps>(function SessionConfigForm(props, ref) {
    const [bindingProps, { defaultOpenSections, className, ...rootProps }] = splitFieldProps(props);
    const binding = useSessionBinding(bindingProps, 'SessionConfigForm');
    const open = new Set<string>(defaultOpenSections ?? SESSION_CONFIG_SECTIONS.map((section) => section.id));
    const sections = (
      <div
        ref={ref}
        {...rootProps}
        className={['rrs-form', className].filter(Boolean).join(' ')}
        data-disabled={bindingProps.disabled === true || undefined}
      >
        {SESSION_CONFIG_SECTIONS.map((section) => (
          <details key={section.id} className="rrs-section" data-section={section.id} open={open.has(section.id)}>
            <summary className="rrs-section-header">
              <span className="rrs-section-title">{section.title}</span>
              <SectionSummary store={binding.store} mode={binding.mode} fields={section.fields} />
            </summary>
            <div className="rrs-section-body">{SECTION_CONTENT[section.id]()}</div>
          </details>
        ))}
      </div>
    );
    // The fields inside find the form's store: the live one through the provider, or the form's offline one.
    const fields = (
      <FieldDisabledContext.Provider value={bindingProps.disabled === true}>{sections}</FieldDisabledContext.Provider>
    );
    return binding.mode === 'connected' ? (
      <RealtimeSessionProvider session={binding.store}>{fields}</RealtimeSessionProvider>
    ) : (
      <FieldBindingContext.Provider value={binding}>{fields}</FieldBindingContext.Provider>
    );
  }),
);
SessionConfigForm.displayName = 'SessionConfigForm';
