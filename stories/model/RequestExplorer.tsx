import { useId, useMemo } from 'react';
import {
  RealtimeConfigError,
  RealtimeReasoningEffort,
  RealtimeSessionCreateRequest,
  RealtimeVoice,
  validateSessionRequest,
  type ConfigIssue,
} from '../../src/index.js';

export interface RequestExplorerProps {
  /** Realtime model id. */
  model: string;
  /** Built-in voice. */
  voice: string;
  /** System instructions; empty leaves them unspecified. */
  instructions: string;
  /** Reasoning effort, or `'unset'`. */
  reasoningEffort: RealtimeReasoningEffort | 'unset';
  /** An integer, `'inf'`, or empty for unspecified. */
  maxOutputTokens: string;
  /** Called with each edit, so the story's controls follow the form. */
  onChange?: (patch: Partial<Omit<RequestExplorerProps, 'onChange'>>) => void;
}

/** Builds a request from the props; an unreadable value becomes an issue instead of a crash. */
function buildRequest(props: RequestExplorerProps): { request?: RealtimeSessionCreateRequest; issues: ConfigIssue[] } {
  const tokens = props.maxOutputTokens.trim();
  try {
    const request = new RealtimeSessionCreateRequest({
      model: props.model,
      audio: { output: { voice: props.voice } },
      ...(props.instructions === '' ? {} : { instructions: props.instructions }),
      ...(props.reasoningEffort === 'unset' ? {} : { reasoning: { effort: props.reasoningEffort } }),
      ...(tokens === '' ? {} : { maxOutputTokens: tokens === 'inf' ? 'inf' : Number(tokens) }),
    });
    return { request, issues: [...validateSessionRequest(request)] };
  } catch (error) {
    if (error instanceof RealtimeConfigError) return { issues: [error.toIssue()] };
    throw error;
  }
}

/**
 * A small form over the model: each control builds a `RealtimeSessionCreateRequest`,
 * and the explorer shows its `toJson()` and validation issues.
 */
export function RequestExplorer(props: RequestExplorerProps) {
  const id = useId();
  const { request, issues } = useMemo(() => buildRequest(props), [props]);
  const change = props.onChange ?? (() => undefined);
  return (
    <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'minmax(16rem, 22rem) 1fr' }}>
      <form style={{ display: 'grid', gap: 8 }} onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-model`}>Model</label>
        <input
          id={`${id}-model`}
          className="rrs-input"
          list={`${id}-models`}
          value={props.model}
          onChange={(e) => change({ model: e.target.value })}
        />
        <datalist id={`${id}-models`}>
          {['gpt-realtime-2', 'gpt-realtime-2.1-mini', 'gpt-realtime', 'gpt-realtime-mini'].map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
        <label htmlFor={`${id}-voice`}>Voice</label>
        <select
          id={`${id}-voice`}
          className="rrs-input"
          value={props.voice}
          onChange={(e) => change({ voice: e.target.value })}
        >
          {Object.values(RealtimeVoice).map((voice) => (
            <option key={voice} value={voice}>
              {voice}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-instructions`}>Instructions</label>
        <textarea
          id={`${id}-instructions`}
          className="rrs-input"
          rows={3}
          value={props.instructions}
          onChange={(e) => change({ instructions: e.target.value })}
        />
        <label htmlFor={`${id}-effort`}>Reasoning effort</label>
        <select
          id={`${id}-effort`}
          className="rrs-input"
          value={props.reasoningEffort}
          onChange={(e) => change({ reasoningEffort: e.target.value as RequestExplorerProps['reasoningEffort'] })}
        >
          <option value="unset">unset</option>
          {Object.values(RealtimeReasoningEffort).map((effort) => (
            <option key={effort} value={effort}>
              {effort}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-tokens`}>Max output tokens</label>
        <input
          id={`${id}-tokens`}
          className="rrs-input"
          value={props.maxOutputTokens}
          aria-describedby={`${id}-tokens-hint`}
          onChange={(e) => change({ maxOutputTokens: e.target.value })}
        />
        <small id={`${id}-tokens-hint`} className="rrs-story-note">
          1–4096, or inf
        </small>
      </form>
      <div>
        <h3 id={`${id}-json`}>toJson()</h3>
        <pre aria-labelledby={`${id}-json`} className="rrs-story-panel">
          {request === undefined ? '—' : JSON.stringify(request.toJson(), null, 2)}
        </pre>
        <h3 id={`${id}-issues`}>Validation issues</h3>
        {issues.length === 0 ? (
          <p>None: this config can be sent.</p>
        ) : (
          <ul aria-labelledby={`${id}-issues`} className="rrs-story-errors">
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.code}`}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
