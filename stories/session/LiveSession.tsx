import { useId, useSyncExternalStore } from 'react';
import type { RealtimeSessionCreateRequest } from '../../src/index.js';
import {
  REALTIME_SESSION_FIELD_PATHS,
  RealtimeSessionProvider,
  responseCreateEvent,
  useRealtimeSession,
  useSessionField,
  type JsonObject,
  type RealtimeSessionStore,
} from '../../src/index.js';
// Not public: the story shows each field's wire value, which an app reads through useSessionField.
import { sessionFieldJson } from '../../src/model/index.js';

export interface LiveSessionProps {
  /** The config the session starts from. */
  readonly initial: RealtimeSessionCreateRequest;
  /** Connect when the story mounts. */
  readonly autoConnect?: boolean;
}

/**
 * A demo of `useRealtimeSession` against the dev server's endpoint: edit the
 * config, watch each field go dirty → pending → synced, trigger a response to
 * lock the voice, and reconnect to apply a locked edit.
 */
export function LiveSession({ initial, autoConnect = true }: LiveSessionProps) {
  const session = useRealtimeSession({
    initial,
    autoConnect,
  });
  const { status, snapshot } = session;
  const open = status === 'open';
  return (
    <RealtimeSessionProvider session={session}>
      <div className="rrs-story-demo">
        <section aria-label="Connection" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <output aria-label="Status" data-status={status} style={{ fontWeight: 600, minWidth: 110 }}>
            {status}
          </output>
          <button
            type="button"
            className="rrs-button rrs-button-quiet"
            onClick={session.connect}
            disabled={status !== 'idle' && status !== 'closed' && status !== 'failed'}
          >
            Connect
          </button>
          <button
            type="button"
            className="rrs-button rrs-button-quiet"
            onClick={session.disconnect}
            disabled={status === 'idle' || status === 'closed'}
          >
            Disconnect
          </button>
          <button
            type="button"
            className="rrs-button rrs-button-quiet"
            onClick={session.reconnect}
            disabled={status === 'idle'}
          >
            Reconnect
          </button>
          <button
            type="button"
            className="rrs-button"
            onClick={() => session.send(responseCreateEvent())}
            disabled={!open}
          >
            Speak (locks the voice)
          </button>
          {snapshot.sessionId === undefined ? null : <code>{snapshot.sessionId}</code>}
        </section>
        <VoiceSelect />
        <InstructionsBox />
        <FieldTable snapshot={snapshot} />
        <ErrorList messages={snapshot.errors.map((error) => `${error.source}: ${error.message}`)} />
        <EventLog store={session.store} />
      </div>
    </RealtimeSessionProvider>
  );
}

const VOICES = ['alloy', 'ash', 'ballad', 'cedar', 'coral', 'echo', 'marin', 'sage', 'shimmer', 'verse'];

function FieldNote({ id, status, message }: { id: string; status: string; message: string | undefined }) {
  return (
    <small id={id} data-status={status} className="rrs-story-note">
      {status}
      {message === undefined ? '' : ` — ${message}`}
    </small>
  );
}

function VoiceSelect() {
  const id = useId();
  const voice = useSessionField('audio.output.voice');
  const message = voice.lock?.message ?? voice.error?.message ?? voice.issues[0]?.message;
  return (
    <div style={{ display: 'grid', gap: 4 }}>
      <label htmlFor={`${id}-voice`}>Voice</label>
      <select
        id={`${id}-voice`}
        className="rrs-input"
        value={typeof voice.value === 'string' ? voice.value : 'alloy'}
        aria-describedby={`${id}-note`}
        aria-invalid={voice.status === 'invalid' || voice.status === 'rejected'}
        onChange={(event) => void voice.setValue(event.target.value)}
      >
        {VOICES.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
      <FieldNote id={`${id}-note`} status={voice.status} message={message} />
    </div>
  );
}

function InstructionsBox() {
  const id = useId();
  const instructions = useSessionField('instructions');
  return (
    <div style={{ display: 'grid', gap: 4 }}>
      <label htmlFor={`${id}-instructions`}>Instructions</label>
      <textarea
        id={`${id}-instructions`}
        className="rrs-input"
        rows={3}
        value={instructions.value ?? ''}
        aria-describedby={`${id}-note`}
        onChange={(event) => void instructions.setValue(event.target.value)}
      />
      <FieldNote id={`${id}-note`} status={instructions.status} message={instructions.error?.message} />
    </div>
  );
}

const cell = { padding: '1px 8px 1px 0', overflowWrap: 'anywhere' } as const;

function FieldTable({ snapshot }: { snapshot: ReturnType<RealtimeSessionStore['getSnapshot']> }) {
  const draft = snapshot.draft.toJson() as unknown as JsonObject;
  const applied = snapshot.applied?.toJson() as unknown as JsonObject | undefined;
  const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value).slice(0, 60));
  return (
    <table style={{ borderCollapse: 'collapse', fontSize: 13, width: '100%', tableLayout: 'fixed' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600 }}>Fields</caption>
      <thead>
        <tr>
          <th scope="col" style={{ textAlign: 'left', width: '32%' }}>
            Field
          </th>
          <th scope="col" style={{ textAlign: 'left', width: '10%' }}>
            Status
          </th>
          <th scope="col" style={{ textAlign: 'left' }}>
            Draft
          </th>
          <th scope="col" style={{ textAlign: 'left' }}>
            Applied
          </th>
        </tr>
      </thead>
      <tbody>
        {REALTIME_SESSION_FIELD_PATHS.map((path) => (
          <tr key={path} data-status={snapshot.fields[path].status}>
            <th scope="row" style={{ textAlign: 'left', fontWeight: 400 }}>
              <code>{path}</code>
            </th>
            <td className="rrs-story-note" data-status={snapshot.fields[path].status}>
              {snapshot.fields[path].status}
            </td>
            <td style={cell}>{show(sessionFieldJson(draft, path))}</td>
            <td style={cell}>{show(applied === undefined ? undefined : sessionFieldJson(applied, path))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ErrorList({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul aria-label="Errors" className="rrs-story-errors">
      {messages.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  );
}

function EventLog({ store }: { store: RealtimeSessionStore }) {
  const entries = useSyncExternalStore(store.eventLog.subscribe, store.eventLog.entries, store.eventLog.entries);
  return (
    <section aria-label="Event log">
      <h2 style={{ fontSize: 14, margin: '0 0 4px' }}>Event log (latest 8)</h2>
      <ol style={{ margin: 0, fontSize: 12, fontFamily: 'ui-monospace, monospace' }}>
        {entries.slice(-8).map((entry) => (
          <li key={entry.id}>
            {entry.direction === 'sent' ? '→' : '←'} {entry.type}
          </li>
        ))}
      </ol>
    </section>
  );
}
