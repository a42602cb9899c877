import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RealtimeConfigError,
  RealtimeMcpTool,
  RealtimeSessionCreateRequest,
  sessionUpdateFor,
} from '../../src/model/index.js';
import { responseCreateEvent } from '../../src/protocol/index.js';
import {
  createSessionStore,
  RealtimeSessionUpdateError,
  type RealtimeSessionSnapshot,
  type RealtimeSessionStore,
} from '../../src/session/index.js';
import { settled as settledWith } from '../support/settled.js';
import { createFakeTransport, type FakeTransport } from './fake-transport.js';

const settled = <T>(promise: Promise<T>) => settledWith<T, unknown>(promise);

const base = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', instructions: 'Be brief.' });

let transport: FakeTransport;
let store: RealtimeSessionStore;

function setup(initial = base, options: { coalesceMs?: number; eventLogSize?: number } = {}) {
  transport = createFakeTransport();
  store = createSessionStore({ initial, transport, ...options });
}

/** Connects and answers the store's first (whole-draft) update. */
function connectAndSync(session: Record<string, unknown> = {}) {
  store.connect();
  transport.open(session);
  const first = transport.updates().at(-1);
  if (first !== undefined) transport.ack({ ...session, ...first.session });
}

const snapshot = () => store.getSnapshot();
const status = (path: keyof RealtimeSessionSnapshot['fields']) => snapshot().fields[path].status;

beforeEach(() => {
  vi.useFakeTimers();
  setup();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('given a new store', () => {
  it('is idle with the initial draft, and its server snapshot is that first snapshot', () => {
    expect(snapshot().status).toBe('idle');
    expect(snapshot().draft).toBe(base);
    expect(snapshot().applied).toBeUndefined();
    expect(store.getServerSnapshot()).toBe(snapshot());
  });

  it('marks specified fields dirty and unspecified ones synced before any session exists', () => {
    expect(status('instructions')).toBe('dirty');
    expect(status('audio.output.voice')).toBe('synced');
  });

  it('stays idle without a transport and records one error naming the fix', () => {
    const offline = createSessionStore({ initial: base });
    offline.connect();
    expect(offline.getSnapshot().status).toBe('idle');
    expect(offline.getSnapshot().errors).toMatchObject([{ source: 'transport', code: 'no_endpoint' }]);
    expect(offline.getSnapshot().errors[0]?.message).toMatch(/getClientSecret.*realtimeDevServer\(\)/);
    offline.connect();
    expect(offline.getSnapshot().errors).toHaveLength(1);
  });
});

describe('given a store that connects', () => {
  it('goes connecting → open on session.created, not on the socket opening', () => {
    store.connect();
    expect(snapshot().status).toBe('connecting');
    expect(transport.connects).toEqual(['gpt-realtime']);
    transport.status_('open');
    expect(snapshot().status).toBe('connecting');
    transport.frame({
      type: 'session.created',
      event_id: 'e1',
      session: { type: 'realtime', model: 'gpt-realtime', id: 'sess_1', expires_at: 1900000000 },
    });
    expect(snapshot().status).toBe('open');
    expect(snapshot().sessionId).toBe('sess_1');
    expect(snapshot().expiresAt).toBe(1900000000);
    expect(snapshot().locks.model?.reason).toBe('connected');
  });

  it('sends the whole draft as one diff from empty after session.created, and acks make fields synced', async () => {
    const applied = store.update({ audio: { output: { voice: 'marin' } } });
    store.connect();
    transport.open();
    const [update] = transport.updates();
    expect(transport.updates()).toHaveLength(1);
    const draft = snapshot().draft;
    expect(update?.session).toEqual(sessionUpdateFor(null, draft));
    expect(status('instructions')).toBe('pending');
    expect(status('audio.output.voice')).toBe('pending');
    transport.ack();
    expect(status('instructions')).toBe('synced');
    expect(status('audio.output.voice')).toBe('synced');
    expect(snapshot().acknowledged?.equals(draft)).toBe(true);
    await expect(applied).resolves.toBeInstanceOf(RealtimeSessionCreateRequest);
  });

  it('connect() while connecting or open does nothing', () => {
    store.connect();
    store.connect();
    transport.open();
    store.connect();
    expect(transport.connects).toHaveLength(1);
  });

  it('sends nothing after session.created when the draft only names the model', () => {
    setup(new RealtimeSessionCreateRequest({ model: 'gpt-realtime' }));
    store.connect();
    transport.open();
    expect(transport.updates()).toHaveLength(0);
    expect(status('model')).toBe('synced');
  });
});

describe('given an open session', () => {
  beforeEach(() => connectAndSync());

  describe('when a discrete field changes', () => {
    it('sends only that field at once and resolves the update on its ack', async () => {
      const promise = store.update({ audio: { output: { voice: 'cedar' } } });
      expect(transport.updates()).toHaveLength(2);
      expect(transport.updates()[1]?.session).toEqual({ type: 'realtime', audio: { output: { voice: 'cedar' } } });
      expect(status('audio.output.voice')).toBe('pending');
      expect(snapshot().pending).toHaveLength(1);
      transport.ack();
      await expect(promise).resolves.toBeDefined();
      expect(snapshot().applied?.audio?.output?.voice).toBe('cedar');
      expect(snapshot().pending).toHaveLength(0);
    });

    it('accepts a whole request or a function of the draft as the change', async () => {
      store.update((draft) => draft.copyWith({ maxOutputTokens: 100 }));
      store.update(snapshot().draft.copyWith({ outputModalities: ['text'] }));
      expect(
        transport
          .updates()
          .slice(1)
          .map((event) => event.session),
      ).toEqual([
        { type: 'realtime', max_output_tokens: 100 },
        { type: 'realtime', max_output_tokens: 100, output_modalities: ['text'] },
      ]);
    });

    it('confirms each update by the values the acknowledgement carries', () => {
      store.update({ maxOutputTokens: 100 });
      store.update({ outputModalities: ['text'] });
      // The second update carries the first's unconfirmed value too, so it supersedes the first.
      const [second, ...rest] = snapshot().pending;
      expect(rest).toEqual([]);
      expect(second?.awaiting).toEqual(['output_modalities', 'max_output_tokens']);
      // The answer to the first carries only its value: that field is confirmed, the other still awaited.
      transport.ack();
      expect(snapshot().acknowledged?.maxOutputTokens).toBe(100);
      expect(snapshot().pending.map((update) => [update.eventId, update.awaiting])).toEqual([
        [second!.eventId, ['output_modalities']],
      ]);
      transport.ack();
      expect(snapshot().acknowledged?.equals(second!.request)).toBe(true);
      expect(snapshot().pending).toEqual([]);
    });

    it('does not resend a request that is already in flight', () => {
      store.update({ maxOutputTokens: 100 });
      store.commit();
      transport.frame({ type: 'rate_limits.updated', event_id: 'x', rate_limits: [] });
      expect(transport.updates()).toHaveLength(2);
    });

    it('an edit back to the acknowledged value settles without sending', async () => {
      const promise = store.update({ instructions: 'Be brief.' });
      expect(transport.updates()).toHaveLength(1);
      await expect(promise).resolves.toBeDefined();
    });
  });

  describe('when a field is set by path', () => {
    it('sends that field and re-derives no other field', async () => {
      const before = snapshot().fields;
      const promise = store.setField('audio.output.voice', 'cedar');
      expect(transport.updates().at(-1)?.session).toEqual({ type: 'realtime', audio: { output: { voice: 'cedar' } } });
      const after = snapshot().fields;
      expect(after['audio.output.voice'].status).toBe('pending');
      for (const path of ['instructions', 'tools', 'audio.output.speed'] as const)
        expect(after[path]).toBe(before[path]);
      transport.ack();
      await expect(promise).resolves.toBeDefined();
    });

    it('setting the value the draft has changes nothing and settles at once', async () => {
      const before = snapshot();
      await expect(store.setField('instructions', 'Be brief.')).resolves.toBeDefined();
      expect(snapshot()).toBe(before);
    });
  });

  describe('when a slider is dragged', () => {
    it('sends at most one update per drag window, and the last value always goes out', () => {
      for (let step = 0; step < 40; step++) {
        store.setField('audio.output.speed', 0.5 + step / 40);
        vi.advanceTimersByTime(5);
      }
      // 40 steps over 200 ms, in 50 ms windows.
      const drags = transport.updates().slice(1);
      expect(drags.length).toBeGreaterThanOrEqual(3);
      expect(drags.length).toBeLessThanOrEqual(5);
      vi.advanceTimersByTime(50);
      expect(transport.updates().at(-1)?.session).toEqual({
        type: 'realtime',
        audio: { output: { speed: 0.5 + 39 / 40 } },
      });
    });

    it('a drag inside an open text window brings the send closer', () => {
      store.setField('instructions', 'Be');
      vi.advanceTimersByTime(10);
      store.setField('audio.output.speed', 1.2);
      vi.advanceTimersByTime(50);
      expect(transport.updates().at(-1)?.session).toEqual({
        type: 'realtime',
        instructions: 'Be',
        audio: { output: { speed: 1.2 } },
      });
    });
  });

  describe('when updates pile up in flight', () => {
    it('keeps one pending update per set of fields: a newer one supersedes those it re-sends', () => {
      for (let index = 0; index < 500; index++)
        store.setField('audio.output.voice', index % 2 === 0 ? 'cedar' : 'marin');
      expect(transport.updates()).toHaveLength(501);
      expect(snapshot().pending).toHaveLength(1);
      expect(snapshot().pending[0]?.session).toEqual({ type: 'realtime', audio: { output: { voice: 'marin' } } });
      store.setField('max_output_tokens', 99);
      // The newest update re-sends the voice too, so it is the one left.
      expect(snapshot().pending).toHaveLength(1);
    });
  });

  describe('when instructions are typed', () => {
    it('coalesces keystrokes into one update per trailing window, carrying only instructions', () => {
      for (let i = 1; i <= 10; i++) {
        store.update({ instructions: 'x'.repeat(i) });
        vi.advanceTimersByTime(30);
      }
      vi.advanceTimersByTime(200);
      const typed = transport.updates().slice(1);
      // 10 keystrokes over 300 ms with a 150 ms window: the windows close at 150 and 330 ms.
      expect(typed).toHaveLength(2);
      for (const event of typed) expect(Object.keys(event.session).sort()).toEqual(['instructions', 'type']);
      expect(typed.at(-1)?.session.instructions).toBe('xxxxxxxxxx');
    });

    it('honours a custom window', () => {
      setup(base, { coalesceMs: 500 });
      connectAndSync();
      store.update({ instructions: 'a' });
      vi.advanceTimersByTime(499);
      expect(transport.updates()).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(transport.updates()).toHaveLength(2);
    });

    it('commit() sends the coalesced text now', () => {
      store.update({ instructions: 'Hello' });
      expect(transport.updates()).toHaveLength(1);
      store.commit();
      expect(transport.updates()[1]?.session).toEqual({ type: 'realtime', instructions: 'Hello' });
    });

    it('a discrete edit flushes the pending text with it', () => {
      store.update({ instructions: 'Hello' });
      store.update({ audio: { output: { voice: 'marin' } } });
      expect(transport.updates()[1]?.session).toEqual({
        type: 'realtime',
        instructions: 'Hello',
        audio: { output: { voice: 'marin' } },
      });
    });

    it('an ack arriving mid-window does not cut the window short', () => {
      store.update({ maxOutputTokens: 10 });
      store.update({ instructions: 'Hel' });
      transport.ack();
      expect(transport.updates()).toHaveLength(2);
      vi.advanceTimersByTime(150);
      expect(transport.updates()).toHaveLength(3);
    });

    it('{ coalesce: false } sends a text edit at once, { coalesce: true } holds a discrete one', () => {
      store.update({ instructions: 'now' }, { coalesce: false });
      expect(transport.updates()).toHaveLength(2);
      store.update({ maxOutputTokens: 5 }, { coalesce: true });
      expect(transport.updates()).toHaveLength(2);
      vi.advanceTimersByTime(150);
      expect(transport.updates()).toHaveLength(3);
    });
  });

  describe('when the draft is invalid', () => {
    it('sends nothing for the invalid field, shows its issue, and rejects the update as invalid', async () => {
      const result = await settled(store.update({ audio: { output: { speed: 9 } } }));
      expect(transport.updates()).toHaveLength(1);
      expect(status('audio.output.speed')).toBe('invalid');
      expect(snapshot().fields['audio.output.speed'].issues[0]?.code).toBe('out_of_range');
      expect(result.ok).toBe(false);
      const error = (result as { error: RealtimeSessionUpdateError }).error;
      expect(error).toBeInstanceOf(RealtimeSessionUpdateError);
      expect(error.reason).toBe('invalid');
      expect(error.field).toBe('audio.output.speed');
      expect(snapshot().draft.audio?.output?.speed).toBe(9);
    });

    it('still syncs the valid fields beside it', () => {
      store.update({ audio: { output: { speed: 9 } } });
      store.update({ maxOutputTokens: 20 });
      expect(transport.updates()[1]?.session).toEqual({ type: 'realtime', max_output_tokens: 20 });
    });

    describe('and another field blocks a valid edit', () => {
      beforeEach(() => {
        setup(
          new RealtimeSessionCreateRequest({
            model: 'gpt-realtime',
            tools: [{ type: 'function', name: 'lookup' }],
            toolChoice: { type: 'function', name: 'lookup' },
          }),
        );
        connectAndSync();
      });

      it('holds the blocked field back, says why on it, and offers the fix', () => {
        // Holding back the invalid tool_choice keeps 'lookup' chosen, and without the tool that is still invalid.
        store.setField('tools', []);
        expect(transport.updates()).toHaveLength(1);
        expect(status('tool_choice')).toBe('invalid');
        expect(status('tools')).toBe('dirty');
        expect(snapshot().fields.tools.heldBy).toMatchObject({
          field: 'tool_choice',
          message: expect.stringContaining('lookup'),
          fix: { field: 'tool_choice', value: 'auto', label: 'Set tool choice to auto' },
        });
      });

      it('still syncs every other edit', () => {
        store.setField('tools', []);
        store.setField('audio.output.voice', 'cedar');
        expect(transport.updates().at(-1)?.session).toEqual({
          type: 'realtime',
          audio: { output: { voice: 'cedar' } },
        });
      });

      it('sends the held field once the blocking field is fixed', () => {
        store.setField('tools', []);
        store.setField('tool_choice', 'auto');
        expect(snapshot().fields.tools.heldBy).toBeUndefined();
        expect(transport.updates().at(-1)?.session).toEqual({ type: 'realtime', tools: [], tool_choice: 'auto' });
      });
    });

    it('rejects input the model cannot read with a RealtimeConfigError and leaves the draft alone', async () => {
      const draft = snapshot().draft;
      const result = await settled(store.update({ audio: { output: { speed: 'fast' as unknown as number } } }));
      expect(result.ok).toBe(false);
      expect((result as { error: unknown }).error).toBeInstanceOf(RealtimeConfigError);
      expect(snapshot().draft).toBe(draft);
    });
  });

  describe('when the server rejects an update', () => {
    it('flags just the field named by param, keeps the draft, and rejects the promise', async () => {
      const promise = settled(store.update({ audio: { output: { voice: 'cedar', speed: 1.2 } } }));
      transport.reject({ code: 'invalid_value', message: 'No.', param: 'session.audio.output.voice' });
      const result = await promise;
      expect(status('audio.output.voice')).toBe('rejected');
      expect(snapshot().fields['audio.output.voice'].error?.message).toBe('No.');
      expect(snapshot().draft.audio?.output?.voice).toBe('cedar');
      expect(snapshot().errors.at(-1)).toMatchObject({ source: 'server', code: 'invalid_value' });
      expect(result.ok).toBe(false);
      expect((result as { error: RealtimeSessionUpdateError }).error.reason).toBe('rejected');
      // The other field of the refused update goes again, without the refused value.
      expect(transport.updates().at(-1)?.session).toEqual({ type: 'realtime', audio: { output: { speed: 1.2 } } });
      transport.ack();
      expect(status('audio.output.speed')).toBe('synced');
      expect(status('audio.output.voice')).toBe('rejected');
    });

    it('clears the rejection once the field is edited again, and sends the new value', () => {
      store.update({ audio: { output: { voice: 'cedar' } } });
      transport.reject({ code: 'x', message: 'No.', param: 'session.audio.output.voice' });
      store.update({ audio: { output: { voice: 'marin' } } });
      expect(snapshot().rejections['audio.output.voice']).toBeUndefined();
      expect(status('audio.output.voice')).toBe('pending');
      expect(transport.updates().at(-1)?.session).toEqual({ type: 'realtime', audio: { output: { voice: 'marin' } } });
    });

    it('maps a deep param to its field (tools[0].name → tools)', () => {
      store.update({ tools: [{ type: 'function', name: 'a' }] });
      transport.reject({ code: 'x', message: 'bad', param: 'session.tools[0].name' });
      expect(status('tools')).toBe('rejected');
    });

    it('without a param, flags every field of that update', () => {
      store.update({ maxOutputTokens: 7, outputModalities: ['text'] });
      transport.reject({ code: 'x', message: 'bad', param: null });
      expect(status('max_output_tokens')).toBe('rejected');
      expect(status('output_modalities')).toBe('rejected');
      expect(transport.updates()).toHaveLength(2);
    });

    it('records an error for no pending update without touching fields', () => {
      transport.frame({
        type: 'error',
        event_id: 'e',
        error: { type: 'server_error', message: 'hiccup', event_id: null },
      });
      expect(snapshot().errors.at(-1)).toMatchObject({ source: 'server', message: 'hiccup' });
      expect(Object.values(snapshot().fields).every((field) => field.status === 'synced')).toBe(true);
    });

    it('revert() puts the acknowledged value back and clears the rejection', () => {
      store.update({ audio: { output: { voice: 'cedar' } } });
      transport.reject({ code: 'x', message: 'No.', param: 'session.audio.output.voice' });
      store.revert('audio.output.voice');
      expect(snapshot().draft.audio?.output?.voice).toBeUndefined();
      expect(status('audio.output.voice')).toBe('synced');
    });
  });

  describe('when a field is locked', () => {
    it('holds a new model while connected; reconnect() opens a session with it', async () => {
      const result = settled(store.update({ model: 'gpt-realtime-2' }));
      expect(status('model')).toBe('locked');
      expect(snapshot().fields.model.lock?.reason).toBe('connected');
      expect((await result).ok).toBe(false);
      store.reconnect();
      expect(snapshot().status).toBe('reconnecting');
      expect(transport.connects.at(-1)).toBe('gpt-realtime-2');
      transport.open();
      expect(status('model')).toBe('synced');
    });

    it('locks the voice after the first audio output; the new voice waits and reconnect applies it', async () => {
      transport.frame({ type: 'output_audio_buffer.started', event_id: 'e', response_id: 'r' });
      expect(snapshot().locks['audio.output.voice']?.reason).toBe('audio_output');
      const result = await settled(store.update({ audio: { output: { voice: 'cedar' } } }));
      expect(transport.updates()).toHaveLength(1);
      expect(status('audio.output.voice')).toBe('locked');
      expect((result as { error: RealtimeSessionUpdateError }).error.reason).toBe('locked');
      store.reconnect();
      transport.open();
      expect(snapshot().locks['audio.output.voice']).toBeUndefined();
      expect(transport.updates().at(-1)?.session.audio).toEqual({ output: { voice: 'cedar' } });
    });

    it('locks the voice on response.output_audio.delta too', () => {
      transport.frame({
        type: 'response.output_audio.delta',
        event_id: 'e',
        response_id: 'r',
        item_id: 'i',
        output_index: 0,
        content_index: 0,
        delta: 'AAAA',
      });
      expect(snapshot().locks['audio.output.voice']).toBeDefined();
    });

    it('locks tracing once the applied config has it enabled', () => {
      store.update({ tracing: 'auto' });
      transport.ack();
      expect(snapshot().locks.tracing?.reason).toBe('tracing_enabled');
      store.update({ tracing: { workflowName: 'w' } });
      expect(status('tracing')).toBe('locked');
      expect(transport.updates()).toHaveLength(2);
    });
  });

  describe('when the connection drops', () => {
    it('goes reconnecting, forgets in-flight updates, and re-applies the whole draft on the next session', async () => {
      const promise = store.update({ audio: { output: { voice: 'cedar' } } });
      transport.status_('reconnecting', new Error('gone'));
      expect(snapshot().status).toBe('reconnecting');
      expect(snapshot().pending).toHaveLength(0);
      expect(snapshot().errors.at(-1)).toMatchObject({ source: 'transport', message: 'gone' });
      store.update({ instructions: 'Typed while away.' });
      transport.open();
      expect(transport.updates().at(-1)?.session).toEqual(sessionUpdateFor(null, snapshot().draft));
      transport.ack();
      await expect(promise).resolves.toBeDefined();
      expect(status('instructions')).toBe('synced');
    });

    it('goes failed when the transport gives up, and pending edits reject as closed', async () => {
      const promise = settled(store.update({ maxOutputTokens: 3 }));
      transport.status_('failed', new Error('no more retries'));
      expect(snapshot().status).toBe('failed');
      expect((await promise).ok).toBe(false);
      expect(snapshot().draft.maxOutputTokens).toBe(3);
    });
  });

  describe('when disconnect() is called', () => {
    it('closes the transport, keeps the draft and rejects waiting updates as closed', async () => {
      const promise = settled(store.update({ instructions: 'pending text' }));
      store.disconnect();
      expect(snapshot().status).toBe('closed');
      expect(transport.closes).toBe(1);
      const result = await promise;
      expect((result as { error: RealtimeSessionUpdateError }).error.reason).toBe('closed');
      expect(snapshot().draft.instructions).toBe('pending text');
      vi.advanceTimersByTime(1000);
      expect(transport.updates()).toHaveLength(1);
    });
  });

  describe('when the server sends frames the store cannot read', () => {
    it('reports each as a protocol error and changes nothing else', () => {
      const before = snapshot();
      transport.frame('not json');
      transport.frame({ no: 'type' });
      transport.frame({ type: 'session.updated', event_id: 'e', session: 'nope' });
      const after = snapshot();
      expect(after.errors.map((error) => [error.source, error.code])).toEqual([
        ['protocol', 'invalid_json'],
        ['protocol', 'missing_type'],
        ['protocol', 'invalid_event'],
      ]);
      expect(after.draft).toBe(before.draft);
      expect(after.applied).toBe(before.applied);
      expect(after.fields).toBe(before.fields);
      expect(store.eventLog.entries().at(-3)).toMatchObject({ direction: 'received', type: 'invalid' });
    });
  });
});

describe('subscriptions', () => {
  it('calls listeners with (next, prev) once per change and not for no-ops', () => {
    const calls: [RealtimeSessionSnapshot, RealtimeSessionSnapshot][] = [];
    store.subscribe((next, prev) => calls.push([next, prev]));
    const first = snapshot();
    store.update({ instructions: 'Be brief.' });
    expect(calls).toHaveLength(0);
    store.update({ instructions: 'Changed.' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[1]).toBe(first);
    expect(calls[0]?.[0]).toBe(snapshot());
  });

  it('batches a whole frame (ack plus resend plus settling) into one notification', () => {
    connectAndSync();
    store.update({ audio: { output: { voice: 'cedar', speed: 1.2 } } });
    const listener = vi.fn();
    store.subscribe(listener);
    transport.reject({ code: 'x', message: 'No.', param: 'session.audio.output.voice' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('passes notifications through batchNotify', () => {
    const batchNotify = vi.fn((notify: () => void) => notify());
    const local = createSessionStore({ initial: base, batchNotify });
    const listener = vi.fn();
    local.subscribe(listener);
    local.update({ instructions: 'x' });
    expect(batchNotify).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops calling an unsubscribed listener', () => {
    const listener = vi.fn();
    store.subscribe(listener)();
    store.update({ instructions: 'x' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps unchanged field states and applied branches by reference', () => {
    connectAndSync({ audio: { output: { voice: 'alloy' } }, tools: [] });
    const before = snapshot();
    store.update({ instructions: 'New text' });
    const after = snapshot();
    expect(after.fields['audio.output.voice']).toBe(before.fields['audio.output.voice']);
    expect(after.fields.instructions).not.toBe(before.fields.instructions);
    vi.advanceTimersByTime(150);
    transport.ack({ instructions: 'New text', audio: { output: { voice: 'alloy' } }, tools: [] });
    expect(snapshot().applied?.audio).toBe(before.applied?.audio);
    expect(snapshot().applied?.tools).toBe(before.applied?.tools);
  });
});

describe('server events', () => {
  beforeEach(() => connectAndSync());

  it('on(type) receives that type; on("*") receives all; unsubscribing stops them', () => {
    const audio = vi.fn();
    const all = vi.fn();
    const stop = store.on('output_audio_buffer.started', audio);
    store.on('*', all);
    transport.frame({ type: 'output_audio_buffer.started', event_id: 'e', response_id: 'r' });
    transport.frame({ type: 'something.new', event_id: 'e2' });
    expect(audio).toHaveBeenCalledWith(expect.objectContaining({ response_id: 'r' }));
    expect(all.mock.calls.map(([event]) => (event as { type: string }).type)).toEqual([
      'output_audio_buffer.started',
      'unknown',
    ]);
    stop();
    transport.frame({ type: 'output_audio_buffer.started', event_id: 'e3', response_id: 'r' });
    expect(audio).toHaveBeenCalledTimes(1);
  });

  it('a throwing handler does not stop the session', async () => {
    const thrown: unknown[] = [];
    const onError = (error: unknown) => thrown.push(error);
    process.on('uncaughtException', onError);
    try {
      store.on('session.updated', () => {
        throw new Error('handler bug');
      });
      store.update({ maxOutputTokens: 9 });
      transport.ack();
      vi.useRealTimers();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(status('max_output_tokens')).toBe('synced');
      expect(thrown).toEqual([new Error('handler bug')]);
    } finally {
      process.off('uncaughtException', onError);
    }
  });

  it('send() passes client events to the transport and logs them; it throws when not open', () => {
    store.send(responseCreateEvent());
    expect(transport.sent.at(-1)?.type).toBe('response.create');
    expect(store.eventLog.entries().at(-1)).toMatchObject({ direction: 'sent', type: 'response.create' });
    store.disconnect();
    expect(() => store.send(responseCreateEvent())).toThrow(/closed/);
  });
});

describe('the event log', () => {
  it('is bounded, oldest entries dropping first', () => {
    setup(base, { eventLogSize: 3 });
    connectAndSync();
    for (let i = 0; i < 5; i++) transport.frame({ type: 'rate_limits.updated', event_id: `r${i}`, rate_limits: [] });
    const entries = store.eventLog.entries();
    expect(entries).toHaveLength(3);
    expect(entries.map((entry) => entry.eventId)).toEqual(['r2', 'r3', 'r4']);
  });

  it('masks MCP secrets in sent updates and summarizes audio', () => {
    connectAndSync();
    const mcp = new RealtimeMcpTool({
      serverLabel: 'crm',
      serverUrl: 'https://mcp.example.com',
      authorization: 'Bearer secret-token',
      headers: { 'X-Api-Key': 'hidden' },
    });
    store.update({ tools: [mcp] });
    transport.frame({
      type: 'response.output_audio.delta',
      event_id: 'a',
      response_id: 'r',
      item_id: 'i',
      output_index: 0,
      content_index: 0,
      delta: 'A'.repeat(4000),
    });
    const text = JSON.stringify(store.eventLog.entries());
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('hidden');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('A'.repeat(100));
    expect(text).toContain('[base64 audio, 4000 chars]');
  });

  it('notifies its own subscribers, not the snapshot listeners, for frames that change no state', () => {
    connectAndSync();
    const logListener = vi.fn();
    const stateListener = vi.fn();
    store.eventLog.subscribe(logListener);
    store.subscribe(stateListener);
    transport.frame({ type: 'rate_limits.updated', event_id: 'r', rate_limits: [] });
    expect(logListener).toHaveBeenCalledTimes(1);
    expect(stateListener).not.toHaveBeenCalled();
  });
});

describe('setTransport', () => {
  it('moves an active session to the new transport', () => {
    connectAndSync();
    const next = createFakeTransport();
    store.setTransport(next);
    expect(transport.closes).toBe(1);
    expect(next.connects).toEqual(['gpt-realtime']);
    expect(snapshot().status).toBe('reconnecting');
    next.open();
    expect(snapshot().status).toBe('open');
  });

  it('leaves an idle store idle', () => {
    const next = createFakeTransport();
    store.setTransport(next);
    expect(next.connects).toEqual([]);
    expect(snapshot().status).toBe('idle');
  });

  it('exposes the transport, and tells subscribers of a swap even when the snapshot stays the same', () => {
    expect(store.transport).toBe(transport);
    const before = snapshot();
    const heard = vi.fn();
    store.subscribe(heard);
    const next = createFakeTransport();
    store.setTransport(next);
    expect(store.transport).toBe(next);
    expect(snapshot()).toBe(before);
    expect(heard).toHaveBeenCalledExactlyOnceWith(before, before);
    store.setTransport(next);
    expect(heard).toHaveBeenCalledOnce();
  });

  it('notifies an active session’s swap once, with its new status', () => {
    connectAndSync();
    const heard = vi.fn();
    store.subscribe(heard);
    store.setTransport(createFakeTransport());
    expect(heard).toHaveBeenCalledOnce();
    expect(heard.mock.calls[0]?.[0]).toMatchObject({ status: 'reconnecting' });
  });
});
