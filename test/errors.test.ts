import { describe, expect, it } from 'vitest';
import {
  createSessionStore,
  createWebSocketTransport,
  parseServerEvent,
  RealtimeConfigError,
  RealtimeError,
  RealtimeSessionCreateRequest,
  RealtimeSessionUpdateError,
  RealtimeTransportError,
  type RealtimeProtocolIssue,
} from '../src/index.js';

// One error hierarchy, checked through the public entry: every error the kit throws or rejects with is a
// RealtimeError with a stable `code`, and each subclass is still told apart by `instanceof` and `name`.

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('RealtimeError', () => {
  it('is an Error with a code, a name and an optional cause', () => {
    const cause = new Error('below');
    const error = new RealtimeError('some_code', 'Something failed.', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(RealtimeError);
    expect(error.name).toBe('RealtimeError');
    expect(error.code).toBe('some_code');
    expect(error.message).toBe('Something failed.');
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('RealtimeError: Something failed.');
  });

  it('RealtimeConfigError: thrown by fromJson, with the issue code and field path', () => {
    const error = thrown(() =>
      RealtimeSessionCreateRequest.fromJson({ model: 'gpt-realtime', audio: { output: { speed: 'fast' } } }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(RealtimeError);
    expect(error).toBeInstanceOf(RealtimeConfigError);
    expect(error).not.toBeInstanceOf(RealtimeTransportError);
    expect(error).not.toBeInstanceOf(RealtimeSessionUpdateError);
    const config = error as RealtimeConfigError;
    expect(config.name).toBe('RealtimeConfigError');
    expect(config.code).toBe('invalid_type');
    expect(config.path).toBe('audio.output.speed');
    expect(config.toIssue()).toMatchObject({ path: 'audio.output.speed', code: 'invalid_type' });
  });

  it('RealtimeTransportError: thrown by the transport factory, with its code', () => {
    const error = thrown(() => createWebSocketTransport({ model: 'gpt-realtime' }));
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(RealtimeError);
    expect(error).toBeInstanceOf(RealtimeTransportError);
    expect(error).not.toBeInstanceOf(RealtimeConfigError);
    expect((error as RealtimeTransportError).name).toBe('RealtimeTransportError');
    expect((error as RealtimeTransportError).code).toBe('missing_credentials');
  });

  it('RealtimeTransportError keeps its cause', () => {
    const cause = new Error('socket');
    const error = new RealtimeTransportError('connection_failed', 'Could not connect.', { cause });
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(RealtimeError);
  });

  it('RealtimeSessionUpdateError: an update() rejection, its code the same as its reason', async () => {
    const store = createSessionStore({ initial: new RealtimeSessionCreateRequest({ model: 'gpt-realtime' }) });
    const error: unknown = await store.update({ audio: { output: { speed: 9 } } }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(RealtimeError);
    expect(error).toBeInstanceOf(RealtimeSessionUpdateError);
    expect(error).not.toBeInstanceOf(RealtimeTransportError);
    const update = error as RealtimeSessionUpdateError;
    expect(update.name).toBe('RealtimeSessionUpdateError');
    expect(update.reason).toBe('invalid');
    expect(update.code).toBe('invalid');
    expect(update.field).toBe('audio.output.speed');
  });

  it('a protocol issue is plain data, not an Error', () => {
    const parsed = parseServerEvent('not json');
    expect(parsed.ok).toBe(false);
    const issue: RealtimeProtocolIssue | undefined = parsed.ok ? undefined : parsed.issue;
    expect(issue).toStrictEqual({ code: 'invalid_json', message: 'frame is not valid JSON' });
    expect(issue).not.toBeInstanceOf(Error);
  });
});
