import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RealtimeOff, RealtimeSessionCreateRequest } from '../../src/model/index.js';
import { parseServerEvent, type ParsedServerEvent, type RealtimeServerEventType } from '../../src/protocol/index.js';
import { SERVER_EVENT_EXAMPLES } from './fixtures/server-event-examples.js';

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
      // A beta-only event: the GA API no longer sends it.
      const parsed = parseServerEvent(frame({ type: 'transcription_session.updated', event_id: 'e', session: {} }));
      expect(parsed).toMatchObject({
        ok: true,
        event: { type: 'unknown', eventType: 'transcription_session.updated', event_id: 'e' },
      });
    });
  });

  describe('given the API reference’s example of each server event', () => {
    // The fields the `openai` package's types mark required, event by event (`event_id` aside: the parser
    // gives a frame without one `''`). A path with a dot is a field of an object the parser also checks.
    const requiredFields: Record<RealtimeServerEventType, readonly string[]> = {
      'session.created': ['session'],
      'session.updated': ['session'],
      'conversation.created': ['conversation'],
      error: ['error', 'error.type', 'error.message'],
      'response.created': ['response', 'response.id'],
      'response.done': ['response', 'response.id'],
      'response.output_item.added': ['response_id', 'output_index', 'item'],
      'response.output_item.done': ['response_id', 'output_index', 'item'],
      'response.content_part.added': ['response_id', 'item_id', 'output_index', 'content_index', 'part'],
      'response.content_part.done': ['response_id', 'item_id', 'output_index', 'content_index', 'part'],
      'response.output_text.delta': ['response_id', 'item_id', 'output_index', 'content_index', 'delta'],
      'response.output_audio.delta': ['response_id', 'item_id', 'output_index', 'content_index', 'delta'],
      'response.output_audio_transcript.delta': ['response_id', 'item_id', 'output_index', 'content_index', 'delta'],
      'response.output_text.done': ['response_id', 'item_id', 'output_index', 'content_index', 'text'],
      'response.output_audio.done': ['response_id', 'item_id', 'output_index', 'content_index'],
      'response.output_audio_transcript.done': [
        'response_id',
        'item_id',
        'output_index',
        'content_index',
        'transcript',
      ],
      'response.function_call_arguments.delta': ['response_id', 'item_id', 'output_index', 'call_id', 'delta'],
      'response.function_call_arguments.done': [
        'response_id',
        'item_id',
        'output_index',
        'call_id',
        'name',
        'arguments',
      ],
      'mcp_list_tools.in_progress': ['item_id'],
      'mcp_list_tools.completed': ['item_id'],
      'mcp_list_tools.failed': ['item_id'],
      'response.mcp_call_arguments.delta': ['response_id', 'item_id', 'output_index', 'delta'],
      'response.mcp_call_arguments.done': ['response_id', 'item_id', 'output_index', 'arguments'],
      'response.mcp_call.in_progress': ['item_id', 'output_index'],
      'response.mcp_call.completed': ['item_id', 'output_index'],
      'response.mcp_call.failed': ['item_id', 'output_index'],
      'output_audio_buffer.started': ['response_id'],
      'output_audio_buffer.stopped': ['response_id'],
      'output_audio_buffer.cleared': ['response_id'],
      'input_audio_buffer.committed': ['item_id'],
      'input_audio_buffer.cleared': [],
      'input_audio_buffer.speech_started': ['item_id', 'audio_start_ms'],
      'input_audio_buffer.speech_stopped': ['item_id', 'audio_end_ms'],
      'input_audio_buffer.timeout_triggered': ['item_id', 'audio_start_ms', 'audio_end_ms'],
      'input_audio_buffer.dtmf_event_received': ['event', 'received_at'],
      'rate_limits.updated': ['rate_limits'],
      'conversation.item.added': ['item'],
      'conversation.item.done': ['item'],
      'conversation.item.created': ['item'],
      'conversation.item.retrieved': ['item'],
      'conversation.item.deleted': ['item_id'],
      'conversation.item.truncated': ['item_id', 'content_index', 'audio_end_ms'],
      'conversation.item.input_audio_transcription.delta': ['item_id'],
      'conversation.item.input_audio_transcription.completed': ['item_id', 'content_index', 'transcript', 'usage'],
      'conversation.item.input_audio_transcription.failed': ['item_id', 'content_index', 'error'],
      'conversation.item.input_audio_transcription.segment': [
        'item_id',
        'content_index',
        'id',
        'text',
        'speaker',
        'start',
        'end',
      ],
    };

    // The published DTMF example's `type` starts with a space; this copy is what the API means.
    const dtmf = { ...SERVER_EVENT_EXAMPLES['input_audio_buffer.dtmf_event_received'] };
    const examples: Record<RealtimeServerEventType, Record<string, unknown>> = {
      ...SERVER_EVENT_EXAMPLES,
      'input_audio_buffer.dtmf_event_received': { ...dtmf, type: 'input_audio_buffer.dtmf_event_received' },
    };
    const eventTypes = Object.keys(examples) as RealtimeServerEventType[];

    function without(example: Record<string, unknown>, path: string): Record<string, unknown> {
      const [field, nested] = path.split('.') as [string, string | undefined];
      if (nested === undefined) return Object.fromEntries(Object.entries(example).filter(([key]) => key !== field));
      return { ...example, [field]: without(example[field] as Record<string, unknown>, nested) };
    }

    it('has one for each of the 46 GA server event types', () => {
      expect(eventTypes).toHaveLength(46);
      expect(Object.keys(requiredFields).sort()).toStrictEqual([...eventTypes].sort());
    });

    it.each(eventTypes)('reads %s as its own type, keeping the frame', (type) => {
      const parsed = parseServerEvent(frame(examples[type]));
      if (!parsed.ok) throw new Error(parsed.issue.message);
      expect(parsed.event.type).toBe(type);
      expect(parsed.event.raw).toStrictEqual(examples[type]);
      expect(parsed.event.event_id).toBe(examples[type]['event_id'] ?? '');
    });

    it.each(eventTypes.flatMap((type) => requiredFields[type].map((path) => [type, path] as const)))(
      'reports %s without %s as an invalid event',
      (type, path) => {
        const parsed = parseServerEvent(frame(without(examples[type], path)));
        expect(parsed).toMatchObject({ ok: false, issue: { code: 'invalid_event', eventType: type } });
      },
    );

    it('reads the fields of the events it types, as sent', () => {
      const done = parseServerEvent(frame(examples['response.done']));
      if (!done.ok || done.event.type !== 'response.done') throw new Error('expected response.done');
      expect(done.event.response.usage?.input_token_details?.cached_tokens_details?.text_tokens).toBe(64);
      expect(done.event.response.conversation_id).toBe('conv_CCXHsurMKcaVxIZvaCI5m');
      const created = parseServerEvent(frame(examples['response.created']));
      if (!created.ok || created.event.type !== 'response.created') throw new Error('expected response.created');
      expect(created.event.response.status_details).toBeNull();
      const transcribed = parseServerEvent(frame(examples['conversation.item.input_audio_transcription.completed']));
      if (!transcribed.ok || transcribed.event.type !== 'conversation.item.input_audio_transcription.completed')
        throw new Error('expected a completed transcription');
      expect(transcribed.event.usage).toMatchObject({ type: 'tokens', total_tokens: 22 });
      const call = parseServerEvent(frame(examples['response.function_call_arguments.done']));
      if (!call.ok || call.event.type !== 'response.function_call_arguments.done')
        throw new Error('expected function call arguments');
      expect(JSON.parse(call.event.arguments)).toStrictEqual({ location: 'San Francisco' });
    });

    it('reads the DTMF example as published, with the space in its type, as an unknown event', () => {
      const parsed = parseServerEvent(frame(SERVER_EVENT_EXAMPLES['input_audio_buffer.dtmf_event_received']));
      expect(parsed).toMatchObject({
        ok: true,
        event: { type: 'unknown', eventType: ' input_audio_buffer.dtmf_event_received' },
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
