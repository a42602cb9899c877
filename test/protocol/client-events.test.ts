import { describe, expect, it } from 'vitest';
import { RealtimeSessionCreateRequest, sessionUpdateFor } from '../../src/model/index.js';
import {
  conversationItemCreateEvent,
  conversationItemDeleteEvent,
  conversationItemRetrieveEvent,
  conversationItemTruncateEvent,
  createEventId,
  inputAudioBufferAppendEvent,
  inputAudioBufferClearEvent,
  inputAudioBufferCommitEvent,
  outputAudioBufferClearEvent,
  responseCancelEvent,
  responseCreateEvent,
  sessionUpdateEvent,
} from '../../src/protocol/index.js';
import { schemaErrors } from '../official-schema.js';

describe('client events', () => {
  it('generate distinct event ids within the schema limit', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createEventId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^evt_[0-9a-z]{20}$/);
  });

  it('build a session.update that always carries session.type realtime and validates against the schema', () => {
    const request = new RealtimeSessionCreateRequest({
      model: 'gpt-realtime',
      instructions: 'Hi',
      audio: { output: { voice: 'marin' } },
    });
    const event = sessionUpdateEvent(sessionUpdateFor(undefined, request), 'evt_1');
    expect(event).toStrictEqual({
      type: 'session.update',
      event_id: 'evt_1',
      session: { type: 'realtime', instructions: 'Hi', audio: { output: { voice: 'marin' } } },
    });
    expect(schemaErrors('RealtimeClientEventSessionUpdate', event)).toStrictEqual([]);
    expect(sessionUpdateEvent({ instructions: 'x' }).session.type).toBe('realtime');
  });

  it('build the other client events with fresh ids', () => {
    expect(responseCreateEvent(undefined, 'a')).toStrictEqual({ type: 'response.create', event_id: 'a' });
    expect(responseCreateEvent({ output_modalities: ['text'] }, 'a').response).toStrictEqual({
      output_modalities: ['text'],
    });
    expect(responseCancelEvent('resp_1', 'b')).toStrictEqual({
      type: 'response.cancel',
      event_id: 'b',
      response_id: 'resp_1',
    });
    expect(responseCancelEvent(undefined, 'b')).toStrictEqual({ type: 'response.cancel', event_id: 'b' });
    expect(inputAudioBufferAppendEvent('AAAA', 'c')).toStrictEqual({
      type: 'input_audio_buffer.append',
      event_id: 'c',
      audio: 'AAAA',
    });
    expect(inputAudioBufferCommitEvent('d').type).toBe('input_audio_buffer.commit');
    expect(inputAudioBufferClearEvent('e').type).toBe('input_audio_buffer.clear');
    const item = { type: 'message', role: 'user', content: [] } as const;
    expect(conversationItemCreateEvent(item, null, 'f')).toStrictEqual({
      type: 'conversation.item.create',
      event_id: 'f',
      previous_item_id: null,
      item,
    });
    expect(responseCreateEvent().event_id).not.toBe(responseCreateEvent().event_id);
  });

  it('build the conversation edits and the output audio clear, truncating the first content part by default', () => {
    expect(conversationItemRetrieveEvent('item_1', 'a')).toStrictEqual({
      type: 'conversation.item.retrieve',
      event_id: 'a',
      item_id: 'item_1',
    });
    expect(conversationItemDeleteEvent('item_1', 'a')).toStrictEqual({
      type: 'conversation.item.delete',
      event_id: 'a',
      item_id: 'item_1',
    });
    expect(conversationItemTruncateEvent({ itemId: 'item_1', audioEndMs: 1500 }, 'a')).toStrictEqual({
      type: 'conversation.item.truncate',
      event_id: 'a',
      item_id: 'item_1',
      content_index: 0,
      audio_end_ms: 1500,
    });
    expect(conversationItemTruncateEvent({ itemId: 'item_1', audioEndMs: 0, contentIndex: 2 }).content_index).toBe(2);
    expect(outputAudioBufferClearEvent('a')).toStrictEqual({ type: 'output_audio_buffer.clear', event_id: 'a' });
    expect(conversationItemDeleteEvent('item_1').event_id).toMatch(/^evt_/);
  });
});
