import { describe, expect, it, vi } from 'vitest';
import type { RealtimeClientEvent } from '../../src/protocol/index.js';
import { createPushToTalk } from '../../src/transport/index.js';

function talk() {
  const sent: RealtimeClientEvent[] = [];
  const log: string[] = [];
  const media = { setMuted: vi.fn((muted: boolean) => log.push(muted ? 'mute' : 'unmute')) };
  const ptt = createPushToTalk((event) => {
    sent.push(event);
    log.push(event.type);
  }, media);
  return { ptt, sent, log, media };
}

describe('createPushToTalk', () => {
  it('press clears the buffer then unmutes; release mutes, commits and asks for a response', () => {
    const { ptt, log, sent } = talk();
    ptt.press();
    expect(ptt.pressed).toBe(true);
    ptt.release();
    expect(ptt.pressed).toBe(false);
    expect(log).toEqual(['input_audio_buffer.clear', 'unmute', 'mute', 'input_audio_buffer.commit', 'response.create']);
    // Built by the protocol's builders: each with an event id of its own.
    expect(new Set(sent.map((event) => event.event_id)).size).toBe(3);
  });

  it('cancel mutes and clears without asking for a response', () => {
    const { ptt, log } = talk();
    ptt.press();
    ptt.cancel();
    expect(log).toEqual(['input_audio_buffer.clear', 'unmute', 'mute', 'input_audio_buffer.clear']);
  });

  it('release and cancel without a press send nothing, so no empty buffer is committed', () => {
    const { ptt, log } = talk();
    ptt.release();
    ptt.cancel();
    ptt.press();
    ptt.release();
    ptt.release();
    expect(log.filter((entry) => entry === 'input_audio_buffer.commit')).toHaveLength(1);
    expect(log[0]).toBe('input_audio_buffer.clear');
  });

  it('a press while the session is closed throws and leaves the microphone muted', () => {
    const media = { setMuted: vi.fn() };
    const ptt = createPushToTalk(() => {
      throw new Error('not open');
    }, media);
    expect(() => ptt.press()).toThrow('not open');
    expect(media.setMuted).not.toHaveBeenCalled();
    expect(ptt.pressed).toBe(false);
  });

  it('without media, only the events go out', () => {
    const sent: string[] = [];
    const ptt = createPushToTalk((event) => sent.push(event.type));
    ptt.press();
    ptt.release();
    expect(sent).toEqual(['input_audio_buffer.clear', 'input_audio_buffer.commit', 'response.create']);
  });
});
