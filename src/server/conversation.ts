import { apiError, type ApiErrorBody } from './http.js';

type Json = Record<string, unknown>;

/** What the emulator answers to a conversation edit: the server event to send, or the error. */
export type ConversationResult =
  { readonly ok: true; readonly event: Json } | { readonly ok: false; readonly error: ApiErrorBody };

/** One emulated conversation: the items a session holds, for `conversation.item.retrieve`, `.truncate` and `.delete`. */
export interface EmulatedConversation {
  /** Keeps `item` (by its `id`), last; `audioMs` is how much audio its first content part holds. */
  add(item: Json, audioMs?: number): void;
  /** Puts `item` in place of the held item of the same id (a listing that finished), keeping its place. */
  replace(item: Json): void;
  /** The id of the newest item, the `previous_item_id` of the next one. */
  readonly lastItemId: string | null;
  readonly size: number;
  /** The items, oldest first: what a response reads for the latest user message or tool output. */
  items(): readonly Json[];
  retrieve(itemId: unknown): ConversationResult;
  delete(itemId: unknown): ConversationResult;
  truncate(itemId: unknown, contentIndex: unknown, audioEndMs: unknown): ConversationResult;
}

// Unknown ids get the emulator's own code: the API's codes for them are not published.
const notFound = (itemId: string): ApiErrorBody =>
  apiError('item_not_found', `No item with id '${itemId}' in the conversation.`, 'item_id');

function readItemId(itemId: unknown): { ok: true; id: string } | { ok: false; error: ApiErrorBody } {
  if (typeof itemId === 'string' && itemId !== '') return { ok: true, id: itemId };
  return { ok: false, error: apiError('missing_required_parameter', 'item_id must be a non-empty string.', 'item_id') };
}

const isWholeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * A conversation of at most `maxItems` items; adding one more forgets the
 * oldest, so a client cannot grow the emulator's memory without bound.
 *
 * @example
 * ```ts
 * const conversation = createConversation(1000);
 * conversation.add({ id: 'item_1', type: 'message', role: 'user', content: [] });
 * conversation.delete('item_1'); // { ok: true, event: { type: 'conversation.item.deleted', item_id: 'item_1' } }
 * ```
 */
export function createConversation(maxItems: number): EmulatedConversation {
  const items = new Map<string, { item: Json; audioMs: number }>();
  const last = () => {
    let id: string | null = null;
    for (const key of items.keys()) id = key;
    return id;
  };
  let lastItemId: string | null = null;

  return {
    add(item, audioMs = 0) {
      const id = item['id'];
      if (typeof id !== 'string') return;
      items.delete(id);
      items.set(id, { item, audioMs });
      lastItemId = id;
      if (items.size > maxItems) {
        const oldest = items.keys().next().value;
        if (oldest !== undefined) items.delete(oldest);
      }
    },
    replace(item) {
      const id = item['id'];
      const entry = typeof id === 'string' ? items.get(id) : undefined;
      if (entry !== undefined) items.set(id as string, { ...entry, item });
    },
    get lastItemId() {
      return lastItemId;
    },
    get size() {
      return items.size;
    },
    items() {
      return [...items.values()].map((entry) => entry.item);
    },
    retrieve(itemId) {
      const id = readItemId(itemId);
      if (!id.ok) return id;
      const entry = items.get(id.id);
      if (entry === undefined) return { ok: false, error: notFound(id.id) };
      return { ok: true, event: { type: 'conversation.item.retrieved', item: entry.item } };
    },
    delete(itemId) {
      const id = readItemId(itemId);
      if (!id.ok) return id;
      if (!items.delete(id.id)) return { ok: false, error: notFound(id.id) };
      if (lastItemId === id.id) lastItemId = last();
      return { ok: true, event: { type: 'conversation.item.deleted', item_id: id.id } };
    },
    truncate(itemId, contentIndex, audioEndMs) {
      const id = readItemId(itemId);
      if (!id.ok) return id;
      const entry = items.get(id.id);
      if (entry === undefined) return { ok: false, error: notFound(id.id) };
      const { item } = entry;
      if (item['type'] !== 'message' || item['role'] !== 'assistant') {
        return { ok: false, error: apiError('invalid_value', 'Only assistant messages can be truncated.', 'item_id') };
      }
      const content = Array.isArray(item['content']) ? (item['content'] as Json[]) : [];
      if (!isWholeNumber(contentIndex) || contentIndex >= content.length) {
        return {
          ok: false,
          error: apiError(
            'invalid_value',
            `content_index must name one of the item's ${content.length} parts.`,
            'content_index',
          ),
        };
      }
      const part = content[contentIndex] as Json;
      if (part['type'] !== 'output_audio') {
        return { ok: false, error: apiError('invalid_value', 'Only audio content can be truncated.', 'content_index') };
      }
      if (!isWholeNumber(audioEndMs) || audioEndMs > entry.audioMs) {
        return {
          ok: false,
          error: apiError(
            'invalid_value',
            `audio_end_ms must be between 0 and the audio's ${entry.audioMs} ms.`,
            'audio_end_ms',
          ),
        };
      }
      // As the API does: the transcript goes, so no text is in the context that the user did not hear.
      const truncated = Object.fromEntries(Object.entries(part).filter(([key]) => key !== 'transcript'));
      const next = { ...item, content: content.map((each, index) => (index === contentIndex ? truncated : each)) };
      items.set(id.id, { item: next, audioMs: audioEndMs });
      return {
        ok: true,
        event: {
          type: 'conversation.item.truncated',
          item_id: id.id,
          content_index: contentIndex,
          audio_end_ms: audioEndMs,
        },
      };
    },
  };
}
