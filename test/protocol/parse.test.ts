import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RealtimeOff, RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { parseServerEvent, type ParsedServerEvent } from '../../src/protocol/index.js';

const frame = (event: Record<string, unknown>) => JSON.stringify(event);
const errorCode = (parsed: ParsedServerEvent) => (parsed.ok ? undefined : parsed.issue.code);

describe('parseServerEvent', () => {
  describe('given a session event from the live server', () => {
    const liveSession = {
      type: 'realtime',
      object: 'realtime.session',
      id: 'sess_123',
      model: 'gpt-realtime',
      expires_at: 1_900_000_000,
      output_modalities: ['audio'],
      instructions: 'Default.',
      tools: [],
      tool_choice: 'auto',
      max_output_tokens: 'inf',
      tracing: null,
      truncation: 'auto',
      prompt: null,
      include: null,
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          transcription: null,
          noise_reduction: null,
          turn_detection: null,
        },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy', speed: 1 },
      },
    };

    it('reads the config into the model, tolerating the nulls and keeping id and expiry aside', () => {
      const parsed = parseServerEvent(frame({ type: 'session.updated', event_id: 'event_1', session: liveSession }));
      if (!parsed.ok || parsed.event.type !== 'session.updated') throw new Error('expected session.updated');
      expect(parsed.event.session).toBeInstanceOf(RealtimeSessionCreateRequest);
      expect(parsed.event.session.include).toBeUndefined();
      expect(parsed.event.session.tracing).toBe(RealtimeOff);
      expect(parsed.event.session.audio?.input?.turnDetection).toBe(RealtimeOff);
      expect(parsed.event.session.unknownKeys()).toStrictEqual([]);
      expect(parsed.event.sessionId).toBe('sess_123');
      expect(parsed.event.expiresAt).toBe(1_900_000_000);
      expect(parsed.event.event_id).toBe('event_1');
    });

    it('reports an unreadable session as a protocol error naming the field', () => {
      const parsed = parseServerEvent(
        frame({ type: 'session.created', event_id: 'e', session: { ...liveSession, model: 5 } }),
      );
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.issue).toMatchObject({ code: 'invalid_event', eventType: 'session.created' });
        expect(parsed.issue.message).toContain('model');
      }
    });
  });

  describe('given typed events', () => {
    it('returns errors with their details', () => {
      const parsed = parseServerEvent(
        frame({
          type: 'error',
          event_id: 'e1',
          error: {
            type: 'invalid_request_error',
            code: 'out_of_range',
            message: 'nope',
            param: 'session.audio.output.speed',
            event_id: 'evt_9',
          },
        }),
      );
      expect(parsed.ok && parsed.event.type === 'error' && parsed.event.error.event_id).toBe('evt_9');
    });

    it('accepts binary text frames', () => {
      const bytes = new TextEncoder().encode(frame({ type: 'input_audio_buffer.cleared', event_id: 'e' }));
      expect(parseServerEvent(bytes).ok).toBe(true);
      expect(parseServerEvent(bytes.buffer).ok).toBe(true);
    });

    it('passes unknown event types through as unknown events', () => {
      const parsed = parseServerEvent(frame({ type: 'response.mcp_call.in_progress', event_id: 'e', item_id: 'i' }));
      expect(parsed).toMatchObject({
        ok: true,
        event: { type: 'unknown', eventType: 'response.mcp_call.in_progress', event_id: 'e' },
      });
    });
  });

  describe('given malformed frames', () => {
    it.each([
      ['not json', 'invalid_json'],
      ['[1,2]', 'not_an_object'],
      ['null', 'not_an_object'],
      ['"text"', 'not_an_object'],
      ['{}', 'missing_type'],
      ['{"type":""}', 'missing_type'],
      ['{"type":7}', 'missing_type'],
      ['{"type":"error","event_id":"e"}', 'invalid_event'],
      ['{"type":"error","event_id":"e","error":{"type":"x"}}', 'invalid_event'],
      ['{"type":"response.output_audio.delta","event_id":"e","response_id":"r"}', 'invalid_event'],
      ['{"type":"response.done","event_id":"e","response":{}}', 'invalid_event'],
      ['{"type":"rate_limits.updated","event_id":"e","rate_limits":{}}', 'invalid_event'],
      ['{"type":"x","event_id":5}', 'invalid_event'],
    ])('reports %s as %s', (data, code) => {
      expect(errorCode(parseServerEvent(data))).toBe(code);
    });

    it('refuses oversized frames without parsing them', () => {
      const big = frame({ type: 'x', pad: 'a'.repeat(2000) });
      expect(errorCode(parseServerEvent(big, { maxFrameBytes: 1000 }))).toBe('frame_too_large');
      expect(errorCode(parseServerEvent(new TextEncoder().encode(big), { maxFrameBytes: 1000 }))).toBe(
        'frame_too_large',
      );
    });

    it('refuses frames that are not text', () => {
      expect(errorCode(parseServerEvent(42))).toBe('unsupported_frame');
      expect(errorCode(parseServerEvent({ type: 'session.created' }))).toBe('unsupported_frame');
    });

    it('treats __proto__ and constructor keys as plain data', () => {
      const parsed = parseServerEvent('{"type":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"y":1}}}');
      expect(parsed.ok).toBe(true);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      const withSession = parseServerEvent(
        '{"type":"session.updated","event_id":"e","session":{"model":"m","__proto__":{"polluted":true}}}',
      );
      expect(withSession.ok).toBe(true);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  });

  describe('given arbitrary input', () => {
    it('never throws', () => {
      const json = fc.jsonValue().map((value) => JSON.stringify(value));
      const eventLike = fc
        .record({
          type: fc.constantFrom(
            'session.created',
            'session.updated',
            'error',
            'response.done',
            'response.output_audio.delta',
            'x',
          ),
          event_id: fc.oneof(fc.string(), fc.integer()),
          session: fc.jsonValue(),
          error: fc.jsonValue(),
          response: fc.jsonValue(),
          delta: fc.jsonValue(),
        })
        .map((value) => JSON.stringify(value));
      const anything = fc.anything({ withBigInt: true, withMap: true, withTypedArray: true, withNullPrototype: true });
      fc.assert(
        fc.property(fc.oneof(fc.string(), json, eventLike, anything), (data) => {
          const parsed = parseServerEvent(data);
          expect(typeof parsed.ok).toBe('boolean');
        }),
        { numRuns: 1000 },
      );
    });
  });
});
