import {
  ParallelToolCallsToggle,
  RealtimeSessionCreateRequest,
  RealtimeSessionProvider,
  ReasoningEffortPicker,
  ToolChoicePicker,
  ToolsEditor,
  useRealtimeSession,
  VoicePicker,
} from 'react-realtime-session';

// The config the session starts from. Edit it live with the forms below.
const initial = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  instructions: 'You are a friendly assistant. Keep answers short.',
  audio: { output: { voice: 'marin' } },
  reasoning: { effort: 'low' },
  tools: [
    {
      type: 'function',
      name: 'get_weather',
      description: 'Current weather for a city.',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
      },
    },
  ],
});

/** The voice the server applied, as text. */
function appliedVoice(applied: RealtimeSessionCreateRequest | undefined): string {
  const voice = applied?.audio?.output?.voice;
  if (voice === undefined) return '—';
  return typeof voice === 'string' ? voice : voice.id;
}

export function App() {
  // Under realtimeDevServer() (see vite.config.ts) this connects to the dev server's endpoint
  // with no options: the local emulator, or OpenAI when OPENAI_API_KEY is set.
  const session = useRealtimeSession({ initial });
  const { status, applied, snapshot } = session;
  const canConnect = status === 'idle' || status === 'closed' || status === 'failed';

  return (
    <RealtimeSessionProvider session={session}>
      <header className="bar">
        <h1>react-realtime-session</h1>
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd>
              <output data-testid="status" data-status={status} className="pill">
                {status}
              </output>
            </dd>
          </div>
          <div>
            <dt>Applied voice</dt>
            <dd>
              <output data-testid="applied-voice">{appliedVoice(applied)}</output>
            </dd>
          </div>
          <div>
            <dt>Session</dt>
            <dd>
              <code data-testid="session-id">{snapshot.sessionId ?? '—'}</code>
            </dd>
          </div>
        </dl>
        <div className="actions">
          <button type="button" onClick={session.connect} disabled={!canConnect}>
            Connect
          </button>
          <button type="button" onClick={session.disconnect} disabled={canConnect}>
            Disconnect
          </button>
          <button type="button" onClick={session.reconnect} disabled={status === 'idle'}>
            Reconnect
          </button>
        </div>
      </header>

      <main className="grid">
        {/* Inside the provider the components need no props: they edit the live session. */}
        <section className="card" aria-label="Voice">
          <VoicePicker />
        </section>
        <section className="card" aria-label="Reasoning and tool calls">
          <ReasoningEffortPicker />
          <ParallelToolCallsToggle />
          <ToolChoicePicker />
        </section>
        <section className="card" aria-label="Tools">
          <ToolsEditor />
        </section>
        <section className="card" aria-label="Applied session">
          <h2>Applied session</h2>
          <p className="hint">What the server acknowledged in its last session.updated.</p>
          <pre data-testid="applied-json">
            {applied === undefined ? 'Not connected yet.' : JSON.stringify(applied.toJson(), null, 2)}
          </pre>
        </section>
      </main>
    </RealtimeSessionProvider>
  );
}
