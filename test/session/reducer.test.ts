import { describe, expect, it } from 'vitest';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { parseServerEvent, type RealtimeErrorEvent, type SessionCreatedEvent } from '../../src/protocol/index.js';
import {
  initialSessionState,
  MAX_SESSION_ERRORS,
  planSessionUpdate,
  sessionReducer,
  type RealtimeSessionSnapshot,
  type SessionAction,
} from '../../src/session/index.js';

const initial = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', instructions: 'Hi' });

function serverEvent<T>(frame: Record<string, unknown>): T {
  const parsed = parseServerEvent(JSON.stringify({ event_id: 'event_1', ...frame }));
  if (!parsed.ok) throw new Error(parsed.issue.message);
  return parsed.event as T;
}

const created = (session: Record<string, unknown> = {}) =>
  serverEvent<SessionCreatedEvent>({
    type: 'session.created',
    session: { type: 'realtime', model: 'gpt-realtime', ...session },
  });

function run(...actions: SessionAction[]): RealtimeSessionSnapshot {
  return actions.reduce(sessionReducer, initialSessionState(initial));
}

const open = () => run({ type: 'connect' }, { type: 'session_created', event: created() });

describe('sessionReducer', () => {
  it('returns the same state for actions that change nothing', () => {
    const state = initialSessionState(initial);
    expect(sessionReducer(state, { type: 'edit', draft: initial, fields: [] })).toBe(state);
    expect(sessionReducer(state, { type: 'transport', status: 'open', at: 0 })).toBe(state);
    expect(sessionReducer(state, { type: 'audio_output_started' })).toBe(state);
    const closed = sessionReducer(state, { type: 'disconnect' });
    expect(sessionReducer(closed, { type: 'disconnect' })).toBe(closed);
  });

  it('returns a frozen snapshot', () => {
    const state = run({ type: 'connect' });
    expect(Object.isFrozen(state)).toBe(true);
    expect(Object.isFrozen(state.fields)).toBe(true);
  });

  describe('status transitions', () => {
    it.each([
      ['connect', [{ type: 'connect' }], 'connecting'],
      ['reconnect', [{ type: 'reconnect' }], 'reconnecting'],
      ['disconnect', [{ type: 'disconnect' }], 'closed'],
      ['transport connecting', [{ type: 'transport', status: 'connecting', at: 0 }], 'connecting'],
      ['transport reconnecting', [{ type: 'transport', status: 'reconnecting', at: 0 }], 'reconnecting'],
      ['transport closed', [{ type: 'transport', status: 'closed', at: 0 }], 'closed'],
      ['transport failed', [{ type: 'transport', status: 'failed', at: 0 }], 'failed'],
      ['transport idle', [{ type: 'transport', status: 'idle', at: 0 }], 'idle'],
      [
        'reconnect then transport connecting',
        [{ type: 'reconnect' }, { type: 'transport', status: 'connecting', at: 0 }],
        'reconnecting',
      ],
    ] as const)('%s → %s', (_name, actions, expected) => {
      expect(run(...(actions as readonly SessionAction[])).status).toBe(expected);
    });

    it('session_created opens the session with an empty diff base, the model lock and the ids', () => {
      const state = run({
        type: 'session_created',
        event: created({ id: 'sess_9', expires_at: 123, tracing: 'auto' }),
      });
      expect(state.status).toBe('open');
      expect(state.acknowledged?.toJson()).toEqual({ model: 'gpt-realtime' });
      expect(state.sessionId).toBe('sess_9');
      expect(state.expiresAt).toBe(123);
      expect(Object.keys(state.locks).sort()).toEqual(['model', 'tracing']);
    });

    it('leaving the session drops the diff base, in-flight updates and locks', () => {
      const plan = planSessionUpdate(open());
      expect(plan).toBeDefined();
      const sent = sessionReducer(open(), { type: 'sent', update: { eventId: 'evt_1', sentAt: 0, ...plan! } });
      for (const action of [
        { type: 'reconnect' },
        { type: 'disconnect' },
        { type: 'transport', status: 'reconnecting', at: 0 },
        { type: 'transport', status: 'closed', at: 0 },
        { type: 'transport', status: 'failed', at: 0 },
      ] as const) {
        const next = sessionReducer(sent, action);
        expect(next.acknowledged).toBeUndefined();
        expect(next.pending).toEqual([]);
        expect(next.locks).toEqual({});
      }
    });

    it('a transport error is recorded once, as a transport error', () => {
      const state = run({ type: 'transport', status: 'failed', error: new Error('refused'), at: 5 });
      expect(state.errors).toEqual([{ source: 'transport', code: 'connection_failed', message: 'refused', at: 5 }]);
    });
  });

  describe('updates', () => {
    it('sent appends to pending; session_updated confirms the fields whose values it carries and moves them into the base', () => {
      const state = open();
      const plan = planSessionUpdate(state)!;
      const sent = sessionReducer(state, { type: 'sent', update: { eventId: 'evt_1', sentAt: 0, ...plan } });
      expect(sent.pending.map((update) => update.eventId)).toEqual(['evt_1']);
      expect(sent.fields.instructions.status).toBe('pending');
      const acked = sessionReducer(sent, {
        type: 'session_updated',
        event: serverEvent({
          type: 'session.updated',
          session: { type: 'realtime', model: 'gpt-realtime', instructions: 'Hi' },
        }),
      });
      expect(acked.pending).toEqual([]);
      expect(acked.acknowledged?.equals(plan.request)).toBe(true);
      expect(acked.applied?.instructions).toBe('Hi');
      expect(acked.fields.instructions.status).toBe('synced');
    });

    it('server_error with a pending event_id rejects that update and pins the field from param', () => {
      const state = open();
      const plan = planSessionUpdate(state)!;
      const sent = sessionReducer(state, { type: 'sent', update: { eventId: 'evt_1', sentAt: 0, ...plan } });
      const rejected = sessionReducer(sent, {
        type: 'server_error',
        at: 1,
        event: serverEvent<RealtimeErrorEvent>({
          type: 'error',
          error: {
            type: 'invalid_request_error',
            code: 'bad',
            message: 'no',
            param: 'session.instructions',
            event_id: 'evt_1',
          },
        }),
      });
      expect(rejected.pending).toEqual([]);
      expect(rejected.rejections.instructions?.value).toBe('Hi');
      expect(rejected.fields.instructions.status).toBe('rejected');
      expect(rejected.fields.instructions.error?.field).toBe('instructions');
    });

    it('errors are bounded', () => {
      let state = initialSessionState(initial);
      for (let i = 0; i < MAX_SESSION_ERRORS + 5; i++) {
        state = sessionReducer(state, {
          type: 'protocol_issue',
          issue: { code: 'invalid_json', message: `frame ${i}` },
          at: i,
        });
      }
      expect(state.errors).toHaveLength(MAX_SESSION_ERRORS);
      expect(state.errors.at(-1)?.message).toBe(`frame ${MAX_SESSION_ERRORS + 4}`);
    });

    it('send_failed records a transport error', () => {
      const state = run({ type: 'send_failed', error: new Error('socket gone'), at: 3 });
      expect(state.errors.at(-1)).toMatchObject({ source: 'transport', code: 'send_failed', message: 'socket gone' });
    });
  });

  describe('edits and locks', () => {
    it('edit replaces the draft and recomputes issues and field states', () => {
      const draft = initial.copyWith({ audio: { output: { speed: 4 } } });
      const state = run({ type: 'edit', draft, fields: ['audio.output.speed'] });
      expect(state.draft).toBe(draft);
      expect(state.issues.map((issue) => issue.path)).toEqual(['audio.output.speed']);
      expect(state.fields['audio.output.speed'].status).toBe('invalid');
    });

    it('revert without a session falls back to the initial value', () => {
      const edited = run({
        type: 'edit',
        draft: initial.copyWith({ instructions: 'Changed' }),
        fields: ['instructions'],
      });
      const reverted = sessionReducer(edited, { type: 'revert', field: 'instructions' });
      expect(reverted.draft.instructions).toBe('Hi');
    });

    it('audio_output_started locks the voice only in an open session', () => {
      expect(open().locks['audio.output.voice']).toBeUndefined();
      const state = sessionReducer(open(), { type: 'audio_output_started' });
      expect(state.locks['audio.output.voice']?.reason).toBe('audio_output');
      expect(sessionReducer(state, { type: 'audio_output_started' })).toBe(state);
    });

    it('a locked field is only marked locked when the draft differs from the live value', () => {
      const state = open();
      expect(state.fields.model.status).toBe('synced');
      expect(state.fields.model.lock?.reason).toBe('connected');
      const edited = sessionReducer(state, {
        type: 'edit',
        draft: state.draft.copyWith({ model: 'gpt-realtime-2' }),
        fields: ['model'],
      });
      expect(edited.fields.model.status).toBe('locked');
    });
  });
});
