/*
 * Wire types of the Realtime events this kit sends and understands, named and
 * shaped as in the official schema. Server events are read by
 * `parseServerEvent`; client events are built by the functions in
 * `client-events.ts`.
 */
import type { JsonObject, RealtimeSessionCreateRequest, RealtimeSessionUpdateJson } from '../model/index.js';

// ---------------------------------------------------------------- client events

/** Changes the live session. `session.type` is always `realtime`. */
export interface SessionUpdateEvent {
  readonly type: 'session.update';
  readonly event_id: string;
  readonly session: RealtimeSessionUpdateJson;
}

/** Options of one response; omitted ones come from the session. */
export interface ResponseCreateParams {
  readonly output_modalities?: readonly ('text' | 'audio')[];
  readonly instructions?: string;
  /** The most output tokens (text and audio) this response may use: 1 to 4096, or `'inf'`. */
  readonly max_output_tokens?: number | 'inf';
  readonly conversation?: 'auto' | 'none';
  readonly metadata?: Readonly<Record<string, string>>;
}

/** Asks the model to respond. */
export interface ResponseCreateEvent {
  readonly type: 'response.create';
  readonly event_id: string;
  readonly response?: ResponseCreateParams;
}

/** Cancels the response in progress (or the one named). */
export interface ResponseCancelEvent {
  readonly type: 'response.cancel';
  readonly event_id: string;
  readonly response_id?: string;
}

/** Appends base64 PCM16 audio to the input buffer. */
export interface InputAudioBufferAppendEvent {
  readonly type: 'input_audio_buffer.append';
  readonly event_id: string;
  readonly audio: string;
}

/** Commits the input buffer as a user message (push-to-talk). */
export interface InputAudioBufferCommitEvent {
  readonly type: 'input_audio_buffer.commit';
  readonly event_id: string;
}

/** Discards the input buffer. */
export interface InputAudioBufferClearEvent {
  readonly type: 'input_audio_buffer.clear';
  readonly event_id: string;
}

/** Adds an item (a message, a function call output…) to the conversation. */
export interface ConversationItemCreateEvent {
  readonly type: 'conversation.item.create';
  readonly event_id: string;
  readonly previous_item_id?: string | null;
  readonly item: JsonObject;
}

/** Asks for the server's copy of a conversation item (with its audio, after noise reduction). */
export interface ConversationItemRetrieveEvent {
  readonly type: 'conversation.item.retrieve';
  readonly event_id: string;
  readonly item_id: string;
}

/**
 * Cuts an assistant message's audio at what the user heard (after an
 * interruption); the server drops its transcript with it.
 */
export interface ConversationItemTruncateEvent {
  readonly type: 'conversation.item.truncate';
  readonly event_id: string;
  readonly item_id: string;
  readonly content_index: number;
  readonly audio_end_ms: number;
}

/** Removes an item from the conversation. */
export interface ConversationItemDeleteEvent {
  readonly type: 'conversation.item.delete';
  readonly event_id: string;
  readonly item_id: string;
}

/** Stops the audio the server is playing out (WebRTC and SIP; over a WebSocket the client plays the audio itself). */
export interface OutputAudioBufferClearEvent {
  readonly type: 'output_audio_buffer.clear';
  readonly event_id: string;
}

/** Every client event of the Realtime API. */
export type RealtimeClientEvent =
  | SessionUpdateEvent
  | ResponseCreateEvent
  | ResponseCancelEvent
  | InputAudioBufferAppendEvent
  | InputAudioBufferCommitEvent
  | InputAudioBufferClearEvent
  | ConversationItemCreateEvent
  | ConversationItemRetrieveEvent
  | ConversationItemTruncateEvent
  | ConversationItemDeleteEvent
  | OutputAudioBufferClearEvent;

// ---------------------------------------------------------------- server events

interface ServerEventBase<TType extends string> {
  readonly type: TType;
  readonly event_id: string;
  /** The frame as received, for logs and inspectors. */
  readonly raw: JsonObject;
}

/**
 * `session.created` / `session.updated`: the full effective config, read into
 * the model (the server's `null`s for unset fields are tolerated).
 */
export interface SessionEvent<TType extends 'session.created' | 'session.updated'> extends ServerEventBase<TType> {
  readonly session: RealtimeSessionCreateRequest;
  /** The server's session id, `sess_…`. */
  readonly sessionId?: string;
  /** When the session expires, in seconds since the epoch. */
  readonly expiresAt?: number;
}

export type SessionCreatedEvent = SessionEvent<'session.created'>;
export type SessionUpdatedEvent = SessionEvent<'session.updated'>;

/** What went wrong with a client event. */
export interface RealtimeErrorDetails {
  readonly type: string;
  readonly code?: string | null;
  readonly message: string;
  /** The field at fault, for example `session.audio.output.speed`. */
  readonly param?: string | null;
  /** The `event_id` of the client event that failed. */
  readonly event_id?: string | null;
  /**
   * Not the API's: the kit's emulator names the field at fault here when the
   * API's `param` is `null` (as for `cannot_update_voice`).
   */
  readonly kit_param?: string;
}

/** An `error` server event: a client event failed (or the connection has a problem). */
export interface RealtimeErrorEvent extends ServerEventBase<'error'> {
  readonly error: RealtimeErrorDetails;
}

/** A response as the server reports it in `response.created` / `response.done`. */
export interface RealtimeResponseInfo {
  readonly id: string;
  readonly object?: 'realtime.response';
  readonly status?: 'in_progress' | 'completed' | 'cancelled' | 'failed' | 'incomplete';
  readonly output_modalities?: readonly string[];
  readonly output?: readonly JsonObject[];
}

export interface ResponseLifecycleEvent<
  TType extends 'response.created' | 'response.done',
> extends ServerEventBase<TType> {
  readonly response: RealtimeResponseInfo;
}

/** Where a delta belongs in the response. */
interface ContentAddress {
  readonly response_id: string;
  readonly item_id: string;
  readonly output_index: number;
  readonly content_index: number;
}

export type OutputDeltaType =
  'response.output_text.delta' | 'response.output_audio.delta' | 'response.output_audio_transcript.delta';
export type OutputDoneType =
  'response.output_text.done' | 'response.output_audio.done' | 'response.output_audio_transcript.done';

/** A chunk of text, of base64 audio, or of the audio transcript. */
export interface OutputDeltaEvent<TType extends OutputDeltaType = OutputDeltaType>
  extends ServerEventBase<TType>, ContentAddress {
  readonly delta: string;
}

/** The end of one output stream; text and transcripts carry the whole text. */
export interface OutputDoneEvent<TType extends OutputDoneType = OutputDoneType>
  extends ServerEventBase<TType>, ContentAddress {
  readonly text?: string;
  readonly transcript?: string;
}

export type ResponseItemEventType = 'response.output_item.added' | 'response.output_item.done';
export interface ResponseItemEvent extends ServerEventBase<ResponseItemEventType> {
  readonly response_id: string;
  readonly output_index: number;
  readonly item: JsonObject;
}

export type ContentPartEventType = 'response.content_part.added' | 'response.content_part.done';
export interface ContentPartEvent extends ServerEventBase<ContentPartEventType>, ContentAddress {
  readonly part: JsonObject;
}

export type OutputAudioBufferEventType =
  'output_audio_buffer.started' | 'output_audio_buffer.stopped' | 'output_audio_buffer.cleared';
export interface OutputAudioBufferEvent extends ServerEventBase<OutputAudioBufferEventType> {
  readonly response_id: string;
}

export type InputAudioBufferEventType =
  | 'input_audio_buffer.committed'
  | 'input_audio_buffer.cleared'
  | 'input_audio_buffer.speech_started'
  | 'input_audio_buffer.speech_stopped'
  | 'input_audio_buffer.timeout_triggered';
export interface InputAudioBufferEvent extends ServerEventBase<InputAudioBufferEventType> {
  readonly item_id?: string;
  readonly previous_item_id?: string | null;
  readonly audio_start_ms?: number;
  readonly audio_end_ms?: number;
}

export interface RateLimitsUpdatedEvent extends ServerEventBase<'rate_limits.updated'> {
  readonly rate_limits: readonly JsonObject[];
}

export type ConversationItemEventType =
  | 'conversation.item.added'
  | 'conversation.item.done'
  | 'conversation.item.created'
  | 'conversation.item.deleted'
  | 'conversation.item.retrieved'
  | 'conversation.item.truncated'
  | 'conversation.item.input_audio_transcription.delta'
  | 'conversation.item.input_audio_transcription.completed'
  | 'conversation.item.input_audio_transcription.failed';
export interface ConversationItemEvent extends ServerEventBase<ConversationItemEventType> {
  readonly item_id?: string;
  readonly item?: JsonObject;
}

/** A well-formed event of a type this kit does not model; passed on, not rejected. */
export interface UnknownServerEvent {
  readonly type: 'unknown';
  /** The frame's own `type`. */
  readonly eventType: string;
  readonly event_id?: string;
  readonly raw: JsonObject;
}

/** Every server event `parseServerEvent` returns. */
export type RealtimeServerEvent =
  | SessionCreatedEvent
  | SessionUpdatedEvent
  | RealtimeErrorEvent
  | ResponseLifecycleEvent<'response.created'>
  | ResponseLifecycleEvent<'response.done'>
  | ResponseItemEvent
  | ContentPartEvent
  | OutputDeltaEvent
  | OutputDoneEvent
  | OutputAudioBufferEvent
  | InputAudioBufferEvent
  | RateLimitsUpdatedEvent
  | ConversationItemEvent
  | UnknownServerEvent;

/** The event types `parseServerEvent` models. */
export type RealtimeServerEventType = Exclude<RealtimeServerEvent['type'], 'unknown'>;
