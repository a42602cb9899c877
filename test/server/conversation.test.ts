import { describe, expect, it } from 'vitest';
import { createConversation } from '../../src/server/conversation.js';

const assistant = {
  id: 'item_a',
  type: 'message',
  role: 'assistant',
  content: [{ type: 'output_audio', transcript: 'Hello there.' }],
};
const user = { id: 'item_u', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] };

describe('createConversation', () => {
  it('truncates only assistant audio, within the audio it holds, and drops its transcript', () => {
    const conversation = createConversation(10);
    conversation.add(user);
    conversation.add(assistant, 600);
    expect(conversation.truncate('item_u', 0, 100)).toMatchObject({ ok: false, error: { param: 'item_id' } });
    expect(conversation.truncate('item_a', 1, 100)).toMatchObject({ ok: false, error: { param: 'content_index' } });
    expect(conversation.truncate('item_a', 0, 601)).toMatchObject({ ok: false, error: { param: 'audio_end_ms' } });
    expect(conversation.truncate('item_a', 0, 1.5)).toMatchObject({ ok: false, error: { param: 'audio_end_ms' } });
    expect(conversation.truncate('item_a', 0, 600)).toStrictEqual({
      ok: true,
      event: { type: 'conversation.item.truncated', item_id: 'item_a', content_index: 0, audio_end_ms: 600 },
    });
    expect(conversation.retrieve('item_a')).toMatchObject({
      ok: true,
      event: { item: { content: [{ type: 'output_audio' }] } },
    });
    // What was cut is gone: the audio now ends where it was truncated.
    expect(conversation.truncate('item_a', 0, 601)).toMatchObject({ ok: false });
  });

  it('asks for an item id, and refuses ids it does not hold', () => {
    const conversation = createConversation(10);
    expect(conversation.retrieve(undefined)).toMatchObject({
      ok: false,
      error: { code: 'missing_required_parameter', param: 'item_id' },
    });
    expect(conversation.delete('item_x')).toMatchObject({ ok: false, error: { code: 'item_not_found' } });
  });

  it('points the next item after the newest one left when the newest is deleted', () => {
    const conversation = createConversation(10);
    conversation.add(user);
    conversation.add(assistant);
    expect(conversation.lastItemId).toBe('item_a');
    conversation.delete('item_a');
    expect(conversation.lastItemId).toBe('item_u');
    conversation.delete('item_u');
    expect(conversation.lastItemId).toBeNull();
  });

  it('holds at most its bound, forgetting the oldest', () => {
    const conversation = createConversation(2);
    for (let index = 0; index < 5; index++) conversation.add({ id: `item_${index}` });
    expect(conversation.size).toBe(2);
    expect(conversation.retrieve('item_2')).toMatchObject({ ok: false });
    expect(conversation.retrieve('item_4')).toMatchObject({ ok: true });
  });
});
