/*
 * How the store reconciles what the server says with what it sent: by
 * content, never by position. Errors without an event_id, duplicate and
 * unsolicited acknowledgements, rate limits, timeouts and half-open sockets.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import type { RealtimeSessionUpdateError } from '../../src/session/index.js';
import {
  createSessionStore,
  DEFAULT_ACK_TIMEOUT_MS,
  type RealtimeSessionSnapshot,
  type RealtimeSessionStore,
} from '../../src/session/index.js';
import { settled as settledWith } from '../support/settled.js';
import { createFakeTransport, type FakeTransport } from './fake-transport.js';

const base = new RealtimeSessionCreateRequest({ model: 'gpt-realtime', instructions: 'Be brief.' });

let transport: FakeTransport;
let store: RealtimeSessionStore;

const snapshot = () => store.getSnapshot();
const status = (path: keyof RealtimeSessionSnapshot['fields']) => snapshot().fields[path].status;

const settled = <T>(promise: Promise<T>) => settledWith<T, RealtimeSessionUpdateError>(promise);

/** The session as the server has it after the first whole-draft update: what a duplicate ack would carry. */
const serverSession = { type: 'realtime', model: 'gpt-realtime', instructions: 'Be brief.', max_output_tokens: 'inf' };

beforeEach(() => {
  vi.useFakeTimers();
  transport = createFakeTransport();
  store = createSessionStore({ initial: base, transport });
  store.connect();
  transport.open();
  transport.ack({ ...serverSession });
});
afterEach(() => {
  store.disconnect();
  vi.useRealTimers();
});

describe('acknowledgements are matched by content', () => {
  it('a duplicate session.updated does not confirm an update the server has not applied', () => {
    void store.update({ maxOutputTokens: 100 });
    transport.frame({ type: 'session.updated', event_id: 'dup', session: serverSession });
    expect(status('max_output_tokens')).toBe('pending');
    expect(snapshot().pending).toHaveLength(1);
    transport.ack({ ...serverSession, max_output_tokens: 100 });
    expect(status('max_output_tokens')).toBe('synced');
    expect(snapshot().pending).toEqual([]);
  });

  it('an unsolicited session.updated with other values confirms nothing but updates applied', () => {
    void store.update({ maxOutputTokens: 100 });
    transport.frame({ type: 'session.updated', event_id: 'u', session: { ...serverSession, instructions: 'Other.' } });
    expect(snapshot().applied?.instructions).toBe('Other.');
    expect(status('max_output_tokens')).toBe('pending');
  });

  it('an acknowledgement that fills in defaults still confirms what was sent', () => {
    void store.update({ audio: { input: { turnDetection: { type: 'server_vad' } } } });
    const turnDetection = { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 200 };
    transport.ack({ ...serverSession, audio: { input: { turn_detection: turnDetection } } });
    expect(status('audio.input.turn_detection')).toBe('synced');
  });

  it('a newer confirmed value settles the same field of older updates', async () => {
    const first = settled(store.update({ maxOutputTokens: 100 }));
    const second = settled(store.update({ maxOutputTokens: 200 }));
    // The second update sends every field the first awaits, so the first is superseded.
    expect(transport.updates()).toHaveLength(3);
    expect(snapshot().pending.map((update) => update.session)).toEqual([{ type: 'realtime', max_output_tokens: 200 }]);
    // The server applied both in order; only the last state reaches us (the first ack was lost).
    transport.frame({ type: 'session.updated', event_id: 'u', session: { ...serverSession, max_output_tokens: 200 } });
    expect(snapshot().pending).toEqual([]);
    expect(status('max_output_tokens')).toBe('synced');
    expect((await second).ok).toBe(true);
    // The first edit's value was overwritten by the user's own later edit, so it is not "applied" as such.
    expect((await Promise.race([first, Promise.resolve('open')])) !== 'open').toBe(true);
  });

  it('a repeated value confirmed by an older answer is re-sent once the server shows something else', () => {
    for (const speed of [1.4, 0.5, 1.4]) void store.update({ audio: { output: { speed } } }, { coalesce: false });
    // The answer to the first update carries 1.4: by content it also matches the third.
    transport.ack({ ...serverSession, audio: { output: { speed: 1.4 } } });
    expect(snapshot().pending).toEqual([]);
    const sent = transport.updates().length;
    // The server then applies the second update: it no longer has the acknowledged 1.4.
    transport.frame({
      type: 'session.updated',
      event_id: 'late',
      session: { ...serverSession, audio: { output: { speed: 0.5 } } },
    });
    expect(status('audio.output.speed')).toBe('pending');
    expect(transport.updates()).toHaveLength(sent + 1);
    expect(transport.updates().at(-1)?.session).toEqual({ type: 'realtime', audio: { output: { speed: 1.4 } } });
    transport.frame({
      type: 'session.updated',
      event_id: 'u',
      session: { ...serverSession, audio: { output: { speed: 1.4 } } },
    });
    expect(status('audio.output.speed')).toBe('synced');
    expect(snapshot().applied?.audio?.output?.speed).toBe(1.4);
  });
});

describe('errors without an event_id', () => {
  it('one naming a field rejects the oldest update awaiting that field, at once', async () => {
    const refused = settled(store.update({ maxOutputTokens: 100 }));
    const other = settled(store.update({ outputModalities: ['text'] }));
    // The second update carries the first's unacknowledged value too, so the server refuses both.
    const error = { code: 'invalid_value', message: 'Not today.', param: 'session.max_output_tokens' };
    transport.reject(error, { withEventId: false });
    transport.reject(error, { withEventId: false });
    expect(status('max_output_tokens')).toBe('rejected');
    expect(snapshot().fields.max_output_tokens.error?.message).toBe('Not today.');
    // The modality was refused only as part of a whole update: it goes again, without the refused value.
    expect(transport.updates().at(-1)?.session).toEqual({ type: 'realtime', output_modalities: ['text'] });
    transport.ack({ ...serverSession, output_modalities: ['text'] });
    expect(status('output_modalities')).toBe('synced');
    expect(snapshot().pending).toEqual([]);
    expect((await other).ok).toBe(true);
    const result = await refused;
    expect(!result.ok && result.error.reason).toBe('rejected');
  });

  it('one naming no field waits for the next acknowledgement, which settles it', async () => {
    const first = settled(store.update({ audio: { output: { voice: 'cedar' } } }));
    transport.reject({ code: 'server_error', message: 'Try again.' }, { withEventId: false });
    expect(snapshot().unmatchedErrors).toHaveLength(1);
    expect(status('audio.output.voice')).toBe('pending');
    void store.update({ audio: { output: { voice: 'marin' } } });
    transport.ack({ ...serverSession, audio: { output: { voice: 'marin' } } });
    expect(snapshot().unmatchedErrors).toEqual([]);
    expect(snapshot().pending).toEqual([]);
    expect(status('audio.output.voice')).toBe('synced');
    // The voice the user asked for first was replaced by their own later choice, which is applied.
    expect((await first).ok).toBe(true);
  });

  it('an error while nothing is in flight is recorded and touches no field', () => {
    transport.frame({
      type: 'error',
      event_id: 'e',
      error: { type: 'server_error', message: 'hiccup', event_id: null },
    });
    expect(snapshot().unmatchedErrors).toEqual([]);
    expect(snapshot().errors.at(-1)?.message).toBe('hiccup');
  });

  it('cannot_update_voice with param null pins the voice lock on the voice alone', async () => {
    const promise = settled(store.update({ audio: { output: { voice: 'cedar', speed: 1.2 } } }));
    transport.reject({ code: 'cannot_update_voice', message: 'Voice is fixed.', param: null });
    expect(status('audio.output.voice')).toBe('locked');
    expect(snapshot().fields['audio.output.voice'].lock?.reason).toBe('audio_output');
    // The speed was refused with it (the API refuses an update whole) and goes again alone.
    expect(status('audio.output.speed')).toBe('pending');
    expect(transport.updates().at(-1)?.session).toEqual({ type: 'realtime', audio: { output: { speed: 1.2 } } });
    transport.ack({ ...serverSession, audio: { output: { speed: 1.2, voice: 'alloy' } } });
    expect(status('audio.output.speed')).toBe('synced');
    const result = await promise;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toBe('locked');
  });
});

describe('errors the API gives no param', () => {
  it('an error with param null is pinned on the field the emulator names in kit_param', async () => {
    const promise = settled(store.update({ maxOutputTokens: 100 }));
    transport.reject({
      code: 'some_future_code',
      message: 'Not like that.',
      param: null,
      kit_param: 'session.max_output_tokens',
    });
    expect(status('max_output_tokens')).toBe('rejected');
    expect(snapshot().errors.at(-1)).toMatchObject({ code: 'some_future_code', field: 'max_output_tokens' });
    expect(snapshot().errors.at(-1)).not.toHaveProperty('param');
    expect((await promise).ok).toBe(false);
  });
});

describe('rate limits', () => {
  it('a rate_limit_exceeded without event_id is retried after a backoff, and the edit lands', async () => {
    const promise = settled(store.update({ maxOutputTokens: 100 }));
    transport.reject({ code: 'rate_limit_exceeded', message: 'Slow down.' }, { withEventId: false });
    expect(snapshot().pending).toEqual([]);
    expect(status('max_output_tokens')).toBe('dirty');
    const sent = transport.updates().length;
    // Not at once: the retry waits for the backoff.
    void store.update({ outputModalities: ['text'] });
    expect(transport.updates()).toHaveLength(sent);
    await vi.advanceTimersByTimeAsync(300);
    expect(transport.updates()).toHaveLength(sent + 1);
    expect(transport.updates().at(-1)?.session).toEqual({
      type: 'realtime',
      max_output_tokens: 100,
      output_modalities: ['text'],
    });
    transport.ack();
    expect((await promise).ok).toBe(true);
    expect(status('max_output_tokens')).toBe('synced');
  });

  it('backs off longer on each rate limit in a row', async () => {
    void store.update({ maxOutputTokens: 100 });
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      transport.reject({ code: 'rate_limit_exceeded', message: 'Slow down.' }, { withEventId: false });
      const sent = transport.updates().length;
      let waited = 0;
      while (transport.updates().length === sent && waited < 20_000) {
        await vi.advanceTimersByTimeAsync(10);
        waited += 10;
      }
      waits.push(waited);
    }
    // Equal jitter: each wait is at least half its exponential step (125, 250, 500 ms), since each retry was refused.
    expect(waits[0]).toBeGreaterThanOrEqual(120);
    expect(waits[1]).toBeGreaterThanOrEqual(250);
    expect(waits[2]).toBeGreaterThanOrEqual(500);
  });
});

describe('acknowledgement timeout', () => {
  it('rejects an unanswered update with reason timeout, shows it on the field, and re-sends', async () => {
    const promise = settled(store.update({ maxOutputTokens: 100 }));
    // The server is alive (it speaks) but never answers this update.
    await vi.advanceTimersByTimeAsync(DEFAULT_ACK_TIMEOUT_MS / 2);
    transport.frame({ type: 'rate_limits.updated', event_id: 'r', rate_limits: [] });
    const sent = transport.updates().length;
    await vi.advanceTimersByTimeAsync(DEFAULT_ACK_TIMEOUT_MS / 2);
    const result = await promise;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toBe('timeout');
    expect(transport.updates()).toHaveLength(sent + 1);
    expect(status('max_output_tokens')).toBe('pending');
    expect(snapshot().fields.max_output_tokens.error?.code).toBe('ack_timeout');
    transport.ack({ ...serverSession, max_output_tokens: 100 });
    expect(status('max_output_tokens')).toBe('synced');
    expect(snapshot().fields.max_output_tokens.error).toBeUndefined();
  });

  it('a value that times out twice is rejected instead of being sent forever', async () => {
    void store.update({ maxOutputTokens: 100 });
    for (let round = 0; round < 2; round++) {
      // The server keeps talking, so the socket is alive: it just never answers this value.
      await vi.advanceTimersByTimeAsync(1);
      transport.frame({ type: 'rate_limits.updated', event_id: 'r', rate_limits: [] });
      await vi.advanceTimersByTimeAsync(DEFAULT_ACK_TIMEOUT_MS - 1);
    }
    expect(status('max_output_tokens')).toBe('rejected');
    expect(snapshot().pending).toEqual([]);
    const sent = transport.updates().length;
    await vi.advanceTimersByTimeAsync(DEFAULT_ACK_TIMEOUT_MS * 3);
    expect(transport.updates()).toHaveLength(sent);
  });

  it('a socket silent since the update was sent is taken as half-open and replaced', async () => {
    void store.update({ maxOutputTokens: 100 });
    expect(transport.connects).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(DEFAULT_ACK_TIMEOUT_MS);
    expect(transport.connects).toHaveLength(2);
    expect(snapshot().status).toBe('reconnecting');
    // The fresh session gets the whole draft, the unanswered edit included.
    transport.open();
    expect(transport.updates().at(-1)?.session).toMatchObject({ max_output_tokens: 100, instructions: 'Be brief.' });
  });

  it('is configurable', async () => {
    store.setOptions({ ackTimeoutMs: 500 });
    const promise = settled(store.update({ maxOutputTokens: 100 }));
    await vi.advanceTimersByTimeAsync(500);
    const result = await promise;
    expect(!result.ok && result.error.reason).toBe('timeout');
  });
});

describe('frames that could hurt the client', () => {
  it('a frame nested 3,000 levels deep is a protocol error, never an exception', () => {
    const deep = `{"type":"mystery.event","event_id":"x","a":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    expect(() => transport.frame(deep)).not.toThrow();
    expect(snapshot().errors.at(-1)).toMatchObject({ source: 'protocol', code: 'frame_too_deep' });
    expect(status('instructions')).toBe('synced');
  });

  it('an unreadable frame is logged with MCP credentials and secret-looking tokens masked', () => {
    const raw =
      '{"type":"session.updated","session":{"tools":[{"type":"mcp","authorization":"Bearer tok_live_1234",' +
      '"headers":{"X-Api-Key":"hdr_secret_99"}}]},"note":"ek_abcdef123456 sk-proj-abcdefghijkl" TRUNCATED';
    transport.frame(raw);
    const entry = store.eventLog.entries().at(-1)!;
    expect(entry.type).toBe('invalid');
    const logged = String(entry.payload);
    for (const secret of ['tok_live_1234', 'hdr_secret_99', 'ek_abcdef123456', 'sk-proj-abcdefghijkl']) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).toContain('[redacted]');
  });
});
