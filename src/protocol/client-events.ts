import type { RealtimeSessionUpdateJson } from '../model/index.js';
import type {
  ConversationItemCreateEvent,
  ConversationItemDeleteEvent,
  ConversationItemRetrieveEvent,
  ConversationItemTruncateEvent,
  OutputAudioBufferClearEvent,
  InputAudioBufferAppendEvent,
  InputAudioBufferClearEvent,
  InputAudioBufferCommitEvent,
  ResponseCancelEvent,
  ResponseCreateEvent,
  RealtimeConversationItem,
  ResponseCreateParams,
  SessionUpdateEvent,
} from './events.js';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A fresh client `event_id`, `evt_` and 20 random characters. The server
 * echoes it in the `error` that rejects the event, which is how a rejection is
 * matched to the edit that caused it.
 *
 * @example
 * ```ts
 * createEventId(); // 'evt_k3v9…'
 * ```
 */
export function createEventId(prefix = 'evt'): string {
  if (randomOffset + ID_LENGTH > randomPool.length) {
    globalThis.crypto.getRandomValues(randomPool);
    randomOffset = 0;
  }
  let id = `${prefix}_`;
  for (let index = 0; index < ID_LENGTH; index++) {
    id += ID_ALPHABET[(randomPool[randomOffset + index] as number) % ID_ALPHABET.length];
  }
  randomOffset += ID_LENGTH;
  return id;
}

const ID_LENGTH = 20;
// Random bytes are drawn a few kilobytes at a time: asking the system for 20 at each event made id
// generation the largest cost of a burst of edits.
const randomPool = new Uint8Array(ID_LENGTH * 256);
let randomOffset = randomPool.length;

/**
 * A `session.update` event. The payload always carries `type: 'realtime'`,
 * which the API requires.
 *
 * @example
 * ```ts
 * socket.send(JSON.stringify(sessionUpdateEvent(sessionUpdateFor(applied, draft))));
 * ```
 */
export function sessionUpdateEvent(
  session: Omit<RealtimeSessionUpdateJson, 'type'> & { readonly type?: 'realtime' },
  eventId: string = createEventId(),
): SessionUpdateEvent {
  return {
    type: 'session.update',
    event_id: eventId,
    session: { ...session, type: 'realtime' } as RealtimeSessionUpdateJson,
  };
}

/**
 * A `response.create` event.
 *
 * @example
 * ```ts
 * responseCreateEvent({ output_modalities: ['text'] });
 * ```
 */
export function responseCreateEvent(
  response?: ResponseCreateParams,
  eventId: string = createEventId(),
): ResponseCreateEvent {
  return response === undefined
    ? { type: 'response.create', event_id: eventId }
    : { type: 'response.create', event_id: eventId, response };
}

/**
 * A `response.cancel` event, for the response in progress or the one named.
 *
 * @example
 * ```ts
 * responseCancelEvent('resp_123');
 * ```
 */
export function responseCancelEvent(responseId?: string, eventId: string = createEventId()): ResponseCancelEvent {
  return responseId === undefined
    ? { type: 'response.cancel', event_id: eventId }
    : { type: 'response.cancel', event_id: eventId, response_id: responseId };
}

/**
 * An `input_audio_buffer.append` event with base64 PCM16 audio.
 *
 * @example
 * ```ts
 * inputAudioBufferAppendEvent(base64Chunk);
 * ```
 */
export function inputAudioBufferAppendEvent(
  audio: string,
  eventId: string = createEventId(),
): InputAudioBufferAppendEvent {
  return { type: 'input_audio_buffer.append', event_id: eventId, audio };
}

/**
 * An `input_audio_buffer.commit` event (push-to-talk: the user's turn is over).
 *
 * @example
 * ```ts
 * inputAudioBufferCommitEvent();
 * ```
 */
export function inputAudioBufferCommitEvent(eventId: string = createEventId()): InputAudioBufferCommitEvent {
  return { type: 'input_audio_buffer.commit', event_id: eventId };
}

/**
 * An `input_audio_buffer.clear` event.
 *
 * @example
 * ```ts
 * inputAudioBufferClearEvent();
 * ```
 */
export function inputAudioBufferClearEvent(eventId: string = createEventId()): InputAudioBufferClearEvent {
  return { type: 'input_audio_buffer.clear', event_id: eventId };
}

/**
 * A `conversation.item.create` event.
 *
 * @example
 * ```ts
 * conversationItemCreateEvent({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] });
 * ```
 */
export function conversationItemCreateEvent(
  item: RealtimeConversationItem,
  previousItemId?: string | null,
  eventId: string = createEventId(),
): ConversationItemCreateEvent {
  return previousItemId === undefined
    ? { type: 'conversation.item.create', event_id: eventId, item }
    : { type: 'conversation.item.create', event_id: eventId, previous_item_id: previousItemId, item };
}

/**
 * A `conversation.item.retrieve` event; the server answers with
 * `conversation.item.retrieved`, or an error for an id it does not hold.
 *
 * @example
 * ```ts
 * conversationItemRetrieveEvent('item_123');
 * ```
 */
export function conversationItemRetrieveEvent(
  itemId: string,
  eventId: string = createEventId(),
): ConversationItemRetrieveEvent {
  return { type: 'conversation.item.retrieve', event_id: eventId, item_id: itemId };
}

/**
 * A `conversation.item.truncate` event: the assistant's audio is cut at
 * `audioEndMs`, what the user heard before interrupting, and its transcript
 * goes. The server answers with `conversation.item.truncated`.
 *
 * @example
 * ```ts
 * conversationItemTruncateEvent({ itemId: 'item_123', audioEndMs: 1500 });
 * ```
 */
export function conversationItemTruncateEvent(
  truncation: { readonly itemId: string; readonly audioEndMs: number; readonly contentIndex?: number },
  eventId: string = createEventId(),
): ConversationItemTruncateEvent {
  return {
    type: 'conversation.item.truncate',
    event_id: eventId,
    item_id: truncation.itemId,
    content_index: truncation.contentIndex ?? 0,
    audio_end_ms: truncation.audioEndMs,
  };
}

/**
 * A `conversation.item.delete` event; the server answers with `conversation.item.deleted`.
 *
 * @example
 * ```ts
 * conversationItemDeleteEvent('item_123');
 * ```
 */
export function conversationItemDeleteEvent(
  itemId: string,
  eventId: string = createEventId(),
): ConversationItemDeleteEvent {
  return { type: 'conversation.item.delete', event_id: eventId, item_id: itemId };
}

/**
 * An `output_audio_buffer.clear` event: stops the audio the server plays out
 * over WebRTC or SIP. The server answers with `output_audio_buffer.cleared`.
 *
 * @example
 * ```ts
 * outputAudioBufferClearEvent();
 * ```
 */
export function outputAudioBufferClearEvent(eventId: string = createEventId()): OutputAudioBufferClearEvent {
  return { type: 'output_audio_buffer.clear', event_id: eventId };
}
