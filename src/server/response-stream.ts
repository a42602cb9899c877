/*
 * Streams one planned response as the API's server events, a delta every
 * `deltaMs`: a message (text, or a PCM16 tone with its transcript) or a
 * function call (its arguments in chunks). It ends as `completed`,
 * `incomplete` (stopped at the token limit) or `cancelled`.
 */
import { createEventId } from '../protocol/index.js';
import type { EmulatedConversation } from './conversation.js';
import type { PlannedCall, ResponsePlan } from './responses.js';
import { TONE_CHUNK_MS } from './session.js';

type Json = Record<string, unknown>;

/** Audio tokens one 100 ms chunk of the emulator's voice counts as. */
const AUDIO_TOKENS_PER_CHUNK = 5;

/** Characters of function-call arguments per delta. */
const ARGUMENT_CHUNK_CHARS = 24;

/** Output tokens one simulated word costs: its text, and its audio chunk when the answer speaks. */
function outputTokensPerWord(audio: boolean): number {
  return 1 + (audio ? AUDIO_TOKENS_PER_CHUNK : 0);
}

/**
 * A `response.done` usage that adds up the way the API's does: made-up but
 * stable counts (a token per four characters of instructions, ten per earlier
 * item, one per word or argument chunk, and five audio tokens per 100 ms
 * chunk), so a client can read and total them. Not a billing estimate.
 */
function estimatedUsage(instructions: string, items: number, outputText: number, audio: boolean): Json {
  const inputText = Math.ceil(instructions.length / 4) + 10 * Math.max(0, items - 1);
  const outputAudio = audio ? AUDIO_TOKENS_PER_CHUNK * outputText : 0;
  return {
    total_tokens: inputText + outputText + outputAudio,
    input_tokens: inputText,
    output_tokens: outputText + outputAudio,
    input_token_details: { text_tokens: inputText, audio_tokens: 0, cached_tokens: 0 },
    output_token_details: { text_tokens: outputText, audio_tokens: outputAudio },
  };
}

/** What a response stream needs of its session. */
export interface ResponseStreamContext {
  readonly send: (event: Json) => void;
  readonly conversation: EmulatedConversation;
  /** The session's effective config, for the response's `audio` and the conversation id. */
  readonly config: Json;
  readonly conversationId: string;
  readonly deltaMs: number;
  /** One base64 chunk of the emulator's voice. */
  readonly tone: string;
  /**
   * Where each chunk of voice goes on a WebRTC call: the outgoing track,
   * instead of a `response.output_audio.delta` (the API sends none over WebRTC).
   */
  readonly playAudio?: (responseId: string) => void;
  /** Called at the first audio delta: it fixes the session's voice. */
  readonly onAudio: () => void;
  /** Called once, when the response has ended however it ended. */
  readonly onEnd: () => void;
}

/** A response being streamed. */
export interface ResponseStream {
  readonly id: string;
  /** Stops it now: `response.done` with status `cancelled`. */
  cancel(): void;
  /** Stops its timers without a word (the socket is gone). */
  dispose(): void;
}

/**
 * Starts streaming `plan`; the events go out through `context.send`.
 *
 * @example
 * ```ts
 * const stream = streamResponse(plan, { send, conversation, config, conversationId, deltaMs: 20, tone, onAudio, onEnd });
 * stream.cancel(); // response.done { status: 'cancelled' }
 * ```
 */
export function streamResponse(plan: ResponsePlan, context: ResponseStreamContext): ResponseStream {
  const { send, conversation, deltaMs } = context;
  const id = createEventId('resp');
  const itemId = createEventId('item');
  const inConversation = plan.conversation === 'auto';
  const output = (context.config['audio'] as Json | undefined)?.['output'] as Json | undefined;
  const describe = (status: string, extra: Json = {}): Json => ({
    id,
    object: 'realtime.response',
    status,
    // Out-of-band responses belong to no conversation.
    conversation_id: inConversation ? context.conversationId : null,
    output_modalities: plan.modalities,
    max_output_tokens: plan.maxOutputTokens,
    metadata: plan.metadata,
    audio: { output: { format: output?.['format'] ?? null, voice: output?.['voice'] ?? null } },
    ...extra,
  });
  const timers: NodeJS.Timeout[] = [];
  let ended = false;
  const schedule = (steps: readonly (() => void)[], finish: () => void) => {
    steps.forEach((step, index) => timers.push(setTimeout(step, deltaMs * (index + 1))));
    timers.push(setTimeout(finish, deltaMs * (steps.length + 1)));
  };
  const end = (status: 'completed' | 'incomplete' | 'cancelled', item: Json, outputTokens: number, audio: boolean) => {
    if (ended) return;
    ended = true;
    for (const timer of timers) clearTimeout(timer);
    send({
      type: 'response.done',
      response: describe(status, {
        ...(status === 'incomplete' ? { status_details: { type: 'incomplete', reason: 'max_output_tokens' } } : {}),
        ...(status === 'cancelled' ? { status_details: { type: 'cancelled', reason: 'client_cancelled' } } : {}),
        output: [item],
        usage: estimatedUsage(plan.instructions, conversation.size, outputTokens, audio),
      }),
    });
    context.onEnd();
  };
  const announce = (item: Json) => {
    send({ type: 'response.created', response: describe('in_progress', { output: [] }) });
    send({ type: 'response.output_item.added', response_id: id, output_index: 0, item });
    if (inConversation) send({ type: 'conversation.item.added', previous_item_id: conversation.lastItemId, item });
  };
  const complete = (done: Json) => {
    send({ type: 'response.output_item.done', response_id: id, output_index: 0, item: done });
    if (inConversation) send({ type: 'conversation.item.done', item: done });
  };

  if ('call' in plan.output) {
    const call: PlannedCall = plan.output.call;
    const item = {
      id: itemId,
      object: 'realtime.item',
      type: 'function_call',
      status: 'in_progress',
      name: call.name,
      call_id: call.callId,
      arguments: '',
    };
    const address = { response_id: id, item_id: itemId, output_index: 0, call_id: call.callId };
    const chunks = call.arguments.match(new RegExp(`[\\s\\S]{1,${ARGUMENT_CHUNK_CHARS}}`, 'g')) ?? [''];
    let sent = 0;
    const stop = (status: 'completed' | 'cancelled') => {
      const streamed = chunks.slice(0, sent).join('');
      const done = {
        ...item,
        status: status === 'completed' ? 'completed' : 'incomplete',
        arguments: status === 'completed' ? call.arguments : streamed,
      };
      if (status === 'completed') {
        send({ type: 'response.function_call_arguments.done', ...address, name: call.name, arguments: call.arguments });
        complete(done);
      }
      if (inConversation) conversation.add(done);
      end(status, done, sent, false);
    };
    announce(item);
    schedule(
      chunks.map((delta, index) => () => {
        sent = index + 1;
        send({ type: 'response.function_call_arguments.delta', ...address, delta });
      }),
      () => stop('completed'),
    );
    return { id, cancel: () => stop('cancelled'), dispose: () => timers.forEach(clearTimeout) };
  }

  const { audio } = plan;
  const all = plan.output.words;
  // The answer stops where the next word would pass the token limit, as the API stops at its limit.
  const words =
    plan.maxOutputTokens === 'inf' ? all : all.slice(0, Math.floor(plan.maxOutputTokens / outputTokensPerWord(audio)));
  const address = { response_id: id, item_id: itemId, output_index: 0, content_index: 0 };
  const item = {
    id: itemId,
    object: 'realtime.item',
    type: 'message',
    role: 'assistant',
    status: 'in_progress',
    content: [],
  };
  let wordsSent = 0;
  const stop = (status: 'completed' | 'incomplete' | 'cancelled') => {
    const text = words.join('');
    // The item stays in the conversation, cut short when cancelled, so it can be retrieved or truncated.
    const heard = all.slice(0, wordsSent).join('');
    const kept = audio ? { type: 'output_audio', transcript: heard } : { type: 'output_text', text: heard };
    const endedItem = { ...item, status: status === 'completed' ? 'completed' : 'incomplete', content: [kept] };
    if (inConversation) conversation.add(endedItem, audio ? wordsSent * TONE_CHUNK_MS : 0);
    if (status !== 'cancelled') {
      if (audio) {
        send({ type: 'response.output_audio.done', ...address });
        send({ type: 'response.output_audio_transcript.done', ...address, transcript: text });
      } else send({ type: 'response.output_text.done', ...address, text });
      const part = audio ? { type: 'audio', transcript: text } : { type: 'text', text };
      send({ type: 'response.content_part.done', ...address, part });
      complete({
        ...item,
        status: endedItem.status,
        content: [{ ...part, type: audio ? 'output_audio' : 'output_text' }],
      });
    }
    end(status, endedItem, wordsSent, audio);
  };
  announce(item);
  send({
    type: 'response.content_part.added',
    ...address,
    part: audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' },
  });
  schedule(
    words.map((word, index) => () => {
      wordsSent = index + 1;
      if (audio) {
        context.onAudio();
        if (context.playAudio === undefined)
          send({ type: 'response.output_audio.delta', ...address, delta: context.tone });
        else context.playAudio(id);
        send({ type: 'response.output_audio_transcript.delta', ...address, delta: word });
      } else send({ type: 'response.output_text.delta', ...address, delta: word });
    }),
    () => stop(words.length < all.length ? 'incomplete' : 'completed'),
  );
  return { id, cancel: () => stop('cancelled'), dispose: () => timers.forEach(clearTimeout) };
}
