/*
 * Wire types of the Realtime events this kit sends and understands, named and
 * shaped as in the official schema. Server events are read by
 * `parseServerEvent`; client events are built by the functions in
 * `client-events.ts`.
 */
import type {
  JsonObject,
  RealtimeAudioFormatJson,
  RealtimeSessionCreateRequest,
  RealtimeSessionUpdateJson,
} from '../model/index.js';

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
  /** `none` answers outside the conversation: nothing it says is added to it. */
  readonly conversation?: 'auto' | 'none' | (string & {});
  readonly metadata?: Readonly<Record<string, string>> | null;
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
  readonly item: RealtimeConversationItem;
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

// ---------------------------------------------------------------- shared shapes

/** One part of a system message: its text. */
export interface RealtimeSystemContent {
  readonly type?: 'input_text';
  readonly text?: string;
}

/** One part of a user message: text, audio (with its transcript) or an image. */
export interface RealtimeUserContent {
  readonly type?: 'input_text' | 'input_audio' | 'input_image';
  readonly text?: string;
  /** Base64 audio; the server leaves it out of most events (`conversation.item.retrieve` fetches it). */
  readonly audio?: string;
  readonly transcript?: string;
  /** A data URL or an https URL. */
  readonly image_url?: string;
  readonly detail?: 'auto' | 'low' | 'high';
}

/** One part of an assistant message: text, or audio with its transcript. */
export interface RealtimeAssistantContent {
  readonly type?: 'output_text' | 'output_audio';
  readonly text?: string;
  readonly audio?: string;
  readonly transcript?: string;
}

/** What every conversation item may carry besides its kind. */
interface ConversationItemBase {
  readonly id?: string;
  readonly object?: 'realtime.item';
}

type ItemStatus = 'completed' | 'incomplete' | 'in_progress';

/** A system message: instructions placed in the conversation. */
export interface RealtimeSystemMessageItem extends ConversationItemBase {
  readonly type: 'message';
  readonly role: 'system';
  readonly status?: ItemStatus;
  readonly content: readonly RealtimeSystemContent[];
}

/** A user message, typed or spoken. */
export interface RealtimeUserMessageItem extends ConversationItemBase {
  readonly type: 'message';
  readonly role: 'user';
  readonly status?: ItemStatus;
  readonly content: readonly RealtimeUserContent[];
}

/** An assistant message, written or spoken. */
export interface RealtimeAssistantMessageItem extends ConversationItemBase {
  readonly type: 'message';
  readonly role: 'assistant';
  readonly status?: ItemStatus;
  readonly content: readonly RealtimeAssistantContent[];
}

/** A call the model makes to one of the session's functions. */
export interface RealtimeFunctionCallItem extends ConversationItemBase {
  readonly type: 'function_call';
  readonly status?: ItemStatus;
  readonly call_id?: string;
  readonly name: string;
  /** The arguments as a JSON string, as the model wrote them (not necessarily valid JSON). */
  readonly arguments: string;
}

/** The client's answer to a function call. */
export interface RealtimeFunctionCallOutputItem extends ConversationItemBase {
  readonly type: 'function_call_output';
  readonly status?: ItemStatus;
  readonly call_id: string;
  readonly output: string;
}

/** The model asks for a person's approval before calling an MCP tool. */
export interface RealtimeMcpApprovalRequestItem {
  readonly type: 'mcp_approval_request';
  readonly id: string;
  readonly server_label: string;
  readonly name: string;
  readonly arguments: string;
}

/** The client's answer to an MCP approval request. */
export interface RealtimeMcpApprovalResponseItem {
  readonly type: 'mcp_approval_response';
  readonly id: string;
  readonly approval_request_id: string;
  readonly approve: boolean;
  readonly reason?: string | null;
}

/** One tool an MCP server offers. */
export interface RealtimeMcpListedTool {
  readonly name: string;
  readonly description?: string | null;
  readonly input_schema: unknown;
  readonly annotations?: unknown;
}

/** The tools an MCP server listed. */
export interface RealtimeMcpListToolsItem {
  readonly type: 'mcp_list_tools';
  readonly id?: string;
  readonly server_label: string;
  readonly tools: readonly RealtimeMcpListedTool[];
}

/** Why an MCP tool call failed: the protocol, the tool, or HTTP. */
export type RealtimeMcpCallError =
  | { readonly type: 'protocol_error'; readonly code: number; readonly message: string }
  | { readonly type: 'tool_execution_error'; readonly message: string }
  | { readonly type: 'http_error'; readonly code: number; readonly message: string };

/** A call the model made to an MCP tool, with its output or error once done. */
export interface RealtimeMcpCallItem {
  readonly type: 'mcp_call';
  readonly id: string;
  readonly server_label: string;
  readonly name: string;
  readonly arguments: string;
  readonly approval_request_id?: string | null;
  readonly output?: string | null;
  readonly error?: RealtimeMcpCallError | null;
}

/** A conversation item, told apart by `type` (and `role` for messages). */
export type RealtimeConversationItem =
  | RealtimeSystemMessageItem
  | RealtimeUserMessageItem
  | RealtimeAssistantMessageItem
  | RealtimeFunctionCallItem
  | RealtimeFunctionCallOutputItem
  | RealtimeMcpApprovalRequestItem
  | RealtimeMcpApprovalResponseItem
  | RealtimeMcpListToolsItem
  | RealtimeMcpCallItem;

// ---------------------------------------------------------------- server events

interface ServerEventBase<TType extends string> {
  readonly type: TType;
  /** The server's id for the event; `''` when the frame had none. */
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

/** The session's config when the connection opens: the first event of every session. */
export type SessionCreatedEvent = SessionEvent<'session.created'>;
/** The session's whole config after a `session.update` took effect. */
export type SessionUpdatedEvent = SessionEvent<'session.updated'>;

/** The conversation a session holds, announced right after `session.created`. */
export interface ConversationCreatedEvent extends ServerEventBase<'conversation.created'> {
  readonly conversation: { readonly id?: string; readonly object?: 'realtime.conversation' };
}

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

/** Why a response ended other than `completed`, and the error of a failed one. */
export interface RealtimeResponseStatusDetails {
  readonly type?: 'completed' | 'cancelled' | 'incomplete' | 'failed';
  /** `turn_detected` and `client_cancelled` cancel; `max_output_tokens` and `content_filter` leave it incomplete. */
  readonly reason?: 'turn_detected' | 'client_cancelled' | 'max_output_tokens' | 'content_filter';
  readonly error?: { readonly type?: string; readonly code?: string; readonly message?: string };
}

/** The tokens a response used, input (the whole context) and output, by kind. */
export interface RealtimeResponseUsage {
  readonly total_tokens?: number;
  readonly input_tokens?: number;
  readonly output_tokens?: number;
  readonly input_token_details?: {
    readonly text_tokens?: number;
    readonly audio_tokens?: number;
    readonly image_tokens?: number;
    /** The part of the input served from the prompt cache. */
    readonly cached_tokens?: number;
    readonly cached_tokens_details?: {
      readonly text_tokens?: number;
      readonly audio_tokens?: number;
      readonly image_tokens?: number;
    };
  };
  readonly output_token_details?: { readonly text_tokens?: number; readonly audio_tokens?: number };
}

/**
 * A response as the server reports it in `response.created` / `response.done`.
 * `status_details` is `null` when there is nothing to detail, and `usage`
 * until the response ends: the API's own examples send these `null`s, which
 * the `openai` package's types leave out.
 */
export interface RealtimeResponseInfo {
  readonly id: string;
  readonly object?: 'realtime.response';
  readonly status?: 'in_progress' | 'completed' | 'cancelled' | 'failed' | 'incomplete';
  readonly status_details?: RealtimeResponseStatusDetails | null;
  readonly conversation_id?: string;
  readonly output_modalities?: readonly ('text' | 'audio')[];
  readonly max_output_tokens?: number | 'inf';
  readonly audio?: { readonly output?: { readonly format?: RealtimeAudioFormatJson; readonly voice?: string } };
  readonly metadata?: Readonly<Record<string, string>> | null;
  /** The items the response produced; `response.done` leaves out their audio. */
  readonly output?: readonly RealtimeConversationItem[];
  readonly usage?: RealtimeResponseUsage | null;
}

/** A response starts (`in_progress`, no output yet) or ends, in whatever status, with its output and usage. */
export interface ResponseLifecycleEvent<
  TType extends 'response.created' | 'response.done',
> extends ServerEventBase<TType> {
  readonly response: RealtimeResponseInfo;
}

/** Where a stream of output belongs in a response. */
interface OutputAddress {
  readonly response_id: string;
  readonly item_id: string;
  readonly output_index: number;
}

/** Where a delta belongs in the response, down to the content part. */
interface ContentAddress extends OutputAddress {
  readonly content_index: number;
}

/** The streams a response's output comes in: text, audio, and the audio's transcript. */
export type OutputDeltaType =
  'response.output_text.delta' | 'response.output_audio.delta' | 'response.output_audio_transcript.delta';
/** The ends of those streams. */
export type OutputDoneType =
  'response.output_text.done' | 'response.output_audio.done' | 'response.output_audio_transcript.done';

/** A chunk of text, of base64 audio, or of the audio transcript. */
export interface OutputDeltaEvent<TType extends OutputDeltaType = OutputDeltaType>
  extends ServerEventBase<TType>, ContentAddress {
  readonly delta: string;
}

/** The end of a text output, with the whole text. */
export interface OutputTextDoneEvent extends ServerEventBase<'response.output_text.done'>, ContentAddress {
  readonly text: string;
}

/** The end of an audio output. */
export type OutputAudioDoneEvent = ServerEventBase<'response.output_audio.done'> & ContentAddress;

/** The end of an audio output's transcript, with the whole transcript. */
export interface OutputAudioTranscriptDoneEvent
  extends ServerEventBase<'response.output_audio_transcript.done'>, ContentAddress {
  readonly transcript: string;
}

/** The end of one output stream; text and transcripts carry the whole text. */
export type OutputDoneEvent = OutputTextDoneEvent | OutputAudioDoneEvent | OutputAudioTranscriptDoneEvent;

/** The start and end of one output item of a response. */
export type ResponseItemEventType = 'response.output_item.added' | 'response.output_item.done';
/** An item of a response starts (empty, `in_progress`) or is done. */
export interface ResponseItemEvent<
  TType extends ResponseItemEventType = ResponseItemEventType,
> extends ServerEventBase<TType> {
  readonly response_id: string;
  readonly output_index: number;
  readonly item: RealtimeConversationItem;
}

/** A content part of an assistant message, as `response.content_part.*` report it. */
export interface RealtimeContentPart {
  readonly type?: 'text' | 'audio';
  readonly text?: string;
  readonly audio?: string;
  readonly transcript?: string;
}

/** The start and end of one content part of an output item. */
export type ContentPartEventType = 'response.content_part.added' | 'response.content_part.done';
/** A content part starts (empty) or is done (whole). */
export interface ContentPartEvent<TType extends ContentPartEventType = ContentPartEventType>
  extends ServerEventBase<TType>, ContentAddress {
  readonly part: RealtimeContentPart;
}

/** A chunk of the arguments the model writes for a function call. */
export interface FunctionCallArgumentsDeltaEvent
  extends ServerEventBase<'response.function_call_arguments.delta'>, OutputAddress {
  readonly call_id: string;
  readonly delta: string;
}

/** The whole arguments of a function call: the client runs the function now. */
export interface FunctionCallArgumentsDoneEvent
  extends ServerEventBase<'response.function_call_arguments.done'>, OutputAddress {
  readonly call_id: string;
  readonly name: string;
  /** A JSON string, as the model wrote it. */
  readonly arguments: string;
}

/** The stages of listing an MCP server's tools. */
export type McpListToolsEventType = 'mcp_list_tools.in_progress' | 'mcp_list_tools.completed' | 'mcp_list_tools.failed';
/** The server lists an MCP server's tools (its `mcp_list_tools` item), then has them or has failed. */
export interface McpListToolsEvent<
  TType extends McpListToolsEventType = McpListToolsEventType,
> extends ServerEventBase<TType> {
  readonly item_id: string;
  /**
   * Not the API's (its `mcp_list_tools.failed` says only which item failed):
   * the kit's emulator tells why here, in a field the API does not use.
   */
  readonly kit_error?: {
    readonly reason: 'sdk_missing' | 'unreachable' | 'unauthorized' | 'timeout' | 'protocol_error';
    readonly message: string;
  };
}

/** A chunk of the arguments the model writes for an MCP tool call. */
export interface McpCallArgumentsDeltaEvent
  extends ServerEventBase<'response.mcp_call_arguments.delta'>, OutputAddress {
  readonly delta: string;
  /** Padding that hides the delta's length on the wire; meaningless otherwise. */
  readonly obfuscation?: string | null;
}

/** The whole arguments of an MCP tool call. */
export interface McpCallArgumentsDoneEvent extends ServerEventBase<'response.mcp_call_arguments.done'>, OutputAddress {
  readonly arguments: string;
}

/** The stages of one MCP tool call. */
export type McpCallEventType =
  'response.mcp_call.in_progress' | 'response.mcp_call.completed' | 'response.mcp_call.failed';
/** The server runs an MCP tool call (its `mcp_call` item), then has its output or has failed. */
export interface McpCallEvent<TType extends McpCallEventType = McpCallEventType> extends ServerEventBase<TType> {
  readonly item_id: string;
  readonly output_index: number;
}

/** The stages of the server playing a response's audio out (WebRTC and SIP). */
export type OutputAudioBufferEventType =
  'output_audio_buffer.started' | 'output_audio_buffer.stopped' | 'output_audio_buffer.cleared';
/** WebRTC and SIP: the server starts, finishes or cuts off playing a response's audio. */
export interface OutputAudioBufferEvent<
  TType extends OutputAudioBufferEventType = OutputAudioBufferEventType,
> extends ServerEventBase<TType> {
  readonly response_id: string;
}

/** The input buffer became a user message item, placed after `previous_item_id` (`null`: first). */
export interface InputAudioBufferCommittedEvent extends ServerEventBase<'input_audio_buffer.committed'> {
  readonly item_id: string;
  readonly previous_item_id?: string | null;
}

/** The input buffer was emptied at the client's request. */
export type InputAudioBufferClearedEvent = ServerEventBase<'input_audio_buffer.cleared'>;

/** Voice activity detection heard speech begin, at `audio_start_ms` into the buffer. */
export interface InputAudioBufferSpeechStartedEvent extends ServerEventBase<'input_audio_buffer.speech_started'> {
  /** The user message item that the speech will become. */
  readonly item_id: string;
  readonly audio_start_ms: number;
}

/** Voice activity detection heard speech end, at `audio_end_ms` into the buffer. */
export interface InputAudioBufferSpeechStoppedEvent extends ServerEventBase<'input_audio_buffer.speech_stopped'> {
  readonly item_id: string;
  readonly audio_end_ms: number;
}

/** The user was silent for the turn detection's `idle_timeout_ms`: the silence is committed and answered. */
export interface InputAudioBufferTimeoutTriggeredEvent extends ServerEventBase<'input_audio_buffer.timeout_triggered'> {
  readonly item_id: string;
  /** The silent stretch, in ms into the buffer. */
  readonly audio_start_ms: number;
  readonly audio_end_ms: number;
}

/**
 * SIP: the caller pressed a telephone key. The API documents no `event_id` on
 * this event; the parser sets `''` when there is none, as for every event.
 */
export interface InputAudioBufferDtmfEventReceivedEvent extends ServerEventBase<'input_audio_buffer.dtmf_event_received'> {
  /** The key: `0`–`9`, `*`, `#` or `A`–`D`. */
  readonly event: string;
  /** When the server received it, in seconds since the epoch. */
  readonly received_at: number;
}

/** What happens to the input audio buffer: commits, clears, speech, silence and telephone keys. */
export type InputAudioBufferEvent =
  | InputAudioBufferCommittedEvent
  | InputAudioBufferClearedEvent
  | InputAudioBufferSpeechStartedEvent
  | InputAudioBufferSpeechStoppedEvent
  | InputAudioBufferTimeoutTriggeredEvent
  | InputAudioBufferDtmfEventReceivedEvent;
/** The types of {@link InputAudioBufferEvent}. */
export type InputAudioBufferEventType = InputAudioBufferEvent['type'];

/** One of the limits a response counts against, after the tokens it reserves. */
export interface RealtimeRateLimit {
  readonly name?: 'requests' | 'tokens';
  readonly limit?: number;
  readonly remaining?: number;
  /** Seconds until the limit resets. */
  readonly reset_seconds?: number;
}

/** Sent as a response starts, with the limits after what it reserves. */
export interface RateLimitsUpdatedEvent extends ServerEventBase<'rate_limits.updated'> {
  readonly rate_limits: readonly RealtimeRateLimit[];
}

/** The events that carry a whole conversation item. */
export type ConversationItemChangeType =
  'conversation.item.added' | 'conversation.item.done' | 'conversation.item.created';
/**
 * An item joins the conversation (`added`, still empty while the model
 * generates it), is final (`done`), or, in the API's older flow, was created.
 */
export interface ConversationItemChangeEvent<
  TType extends ConversationItemChangeType = ConversationItemChangeType,
> extends ServerEventBase<TType> {
  readonly item: RealtimeConversationItem;
  /** The item it follows; `null` when it is the first. */
  readonly previous_item_id?: string | null;
}

/** The server's copy of an item, audio included, asked for with `conversation.item.retrieve`. */
export interface ConversationItemRetrievedEvent extends ServerEventBase<'conversation.item.retrieved'> {
  readonly item: RealtimeConversationItem;
}

/** An item left the conversation at the client's request. */
export interface ConversationItemDeletedEvent extends ServerEventBase<'conversation.item.deleted'> {
  readonly item_id: string;
}

/** An assistant message's audio was cut at `audio_end_ms`, and its transcript dropped. */
export interface ConversationItemTruncatedEvent extends ServerEventBase<'conversation.item.truncated'> {
  readonly item_id: string;
  readonly content_index: number;
  readonly audio_end_ms: number;
}

/** How likely the transcription model found one token. */
export interface RealtimeLogProb {
  readonly token: string;
  readonly logprob: number;
  /** The token's UTF-8 bytes. */
  readonly bytes: readonly number[];
}

/** A chunk of the transcript of the user's audio. */
export interface InputAudioTranscriptionDeltaEvent extends ServerEventBase<'conversation.item.input_audio_transcription.delta'> {
  readonly item_id: string;
  readonly content_index?: number;
  readonly delta?: string;
  /** With `include: ['item.input_audio_transcription.logprobs']` in the session. */
  readonly logprobs?: readonly RealtimeLogProb[] | null;
  /** Padding that hides the delta's length on the wire (the API's example carries it; the `openai` types do not). */
  readonly obfuscation?: string;
}

/** What a transcription cost: tokens, or seconds of audio for models billed by duration. */
export type RealtimeTranscriptionUsage =
  | {
      readonly type: 'tokens';
      readonly input_tokens: number;
      readonly output_tokens: number;
      readonly total_tokens: number;
      readonly input_token_details?: { readonly text_tokens?: number; readonly audio_tokens?: number };
    }
  | { readonly type: 'duration'; readonly seconds: number };

/** The whole transcript of the user's audio; it may come before or after the response to it. */
export interface InputAudioTranscriptionCompletedEvent extends ServerEventBase<'conversation.item.input_audio_transcription.completed'> {
  readonly item_id: string;
  readonly content_index: number;
  readonly transcript: string;
  readonly usage: RealtimeTranscriptionUsage;
  readonly logprobs?: readonly RealtimeLogProb[] | null;
  /** The languages detected in the audio. */
  readonly languages?: readonly { readonly code: string }[];
}

/** The user's audio could not be transcribed. */
export interface InputAudioTranscriptionFailedEvent extends ServerEventBase<'conversation.item.input_audio_transcription.failed'> {
  readonly item_id: string;
  readonly content_index: number;
  /** `param` is `null` in the API's example, though the `openai` types leave `null` out. */
  readonly error: {
    readonly type?: string;
    readonly code?: string;
    readonly message?: string;
    readonly param?: string | null;
  };
}

/** A stretch of the user's audio attributed to one speaker, from a diarizing transcription model. */
export interface InputAudioTranscriptionSegmentEvent extends ServerEventBase<'conversation.item.input_audio_transcription.segment'> {
  readonly item_id: string;
  readonly content_index: number;
  readonly id: string;
  readonly text: string;
  readonly speaker: string;
  /** Where the segment starts and ends, in seconds. */
  readonly start: number;
  readonly end: number;
}

/** What happens to conversation items: additions, retrievals, deletions, truncations and transcriptions. */
export type ConversationItemEvent =
  | ConversationItemChangeEvent
  | ConversationItemRetrievedEvent
  | ConversationItemDeletedEvent
  | ConversationItemTruncatedEvent
  | InputAudioTranscriptionDeltaEvent
  | InputAudioTranscriptionCompletedEvent
  | InputAudioTranscriptionFailedEvent
  | InputAudioTranscriptionSegmentEvent;
/** The types of {@link ConversationItemEvent}. */
export type ConversationItemEventType = ConversationItemEvent['type'];

/** A well-formed event of a type this kit does not model; passed on, not rejected. */
export interface UnknownServerEvent {
  readonly type: 'unknown';
  /** The frame's own `type`. */
  readonly eventType: string;
  readonly event_id?: string;
  readonly raw: JsonObject;
}

/**
 * Every server event `parseServerEvent` returns: the 46 of the GA Realtime
 * API, one member per type (so that narrowing on `type`, and `Extract`, find
 * each one), and unknown ones.
 */
export type RealtimeServerEvent =
  | SessionCreatedEvent
  | SessionUpdatedEvent
  | ConversationCreatedEvent
  | RealtimeErrorEvent
  | RateLimitsUpdatedEvent
  | ResponseLifecycleEvent<'response.created'>
  | ResponseLifecycleEvent<'response.done'>
  | ResponseItemEvent<'response.output_item.added'>
  | ResponseItemEvent<'response.output_item.done'>
  | ContentPartEvent<'response.content_part.added'>
  | ContentPartEvent<'response.content_part.done'>
  | OutputDeltaEvent<'response.output_text.delta'>
  | OutputDeltaEvent<'response.output_audio.delta'>
  | OutputDeltaEvent<'response.output_audio_transcript.delta'>
  | OutputTextDoneEvent
  | OutputAudioDoneEvent
  | OutputAudioTranscriptDoneEvent
  | FunctionCallArgumentsDeltaEvent
  | FunctionCallArgumentsDoneEvent
  | McpListToolsEvent<'mcp_list_tools.in_progress'>
  | McpListToolsEvent<'mcp_list_tools.completed'>
  | McpListToolsEvent<'mcp_list_tools.failed'>
  | McpCallArgumentsDeltaEvent
  | McpCallArgumentsDoneEvent
  | McpCallEvent<'response.mcp_call.in_progress'>
  | McpCallEvent<'response.mcp_call.completed'>
  | McpCallEvent<'response.mcp_call.failed'>
  | OutputAudioBufferEvent<'output_audio_buffer.started'>
  | OutputAudioBufferEvent<'output_audio_buffer.stopped'>
  | OutputAudioBufferEvent<'output_audio_buffer.cleared'>
  | InputAudioBufferCommittedEvent
  | InputAudioBufferClearedEvent
  | InputAudioBufferSpeechStartedEvent
  | InputAudioBufferSpeechStoppedEvent
  | InputAudioBufferTimeoutTriggeredEvent
  | InputAudioBufferDtmfEventReceivedEvent
  | ConversationItemChangeEvent<'conversation.item.added'>
  | ConversationItemChangeEvent<'conversation.item.done'>
  | ConversationItemChangeEvent<'conversation.item.created'>
  | ConversationItemRetrievedEvent
  | ConversationItemDeletedEvent
  | ConversationItemTruncatedEvent
  | InputAudioTranscriptionDeltaEvent
  | InputAudioTranscriptionCompletedEvent
  | InputAudioTranscriptionFailedEvent
  | InputAudioTranscriptionSegmentEvent
  | UnknownServerEvent;

/** The event types `parseServerEvent` models: every server event type of the GA Realtime API. */
export type RealtimeServerEventType = Exclude<RealtimeServerEvent['type'], 'unknown'>;
