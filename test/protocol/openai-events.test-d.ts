import type * as OpenAI from 'openai/resources/realtime/realtime';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ContentPartEvent,
  ConversationCreatedEvent,
  ConversationItemChangeEvent,
  ConversationItemCreateEvent,
  ConversationItemDeleteEvent,
  ConversationItemDeletedEvent,
  ConversationItemRetrieveEvent,
  ConversationItemRetrievedEvent,
  ConversationItemTruncateEvent,
  ConversationItemTruncatedEvent,
  FunctionCallArgumentsDeltaEvent,
  FunctionCallArgumentsDoneEvent,
  InputAudioBufferAppendEvent,
  InputAudioBufferClearEvent,
  InputAudioBufferClearedEvent,
  InputAudioBufferCommitEvent,
  InputAudioBufferCommittedEvent,
  InputAudioBufferDtmfEventReceivedEvent,
  InputAudioBufferSpeechStartedEvent,
  InputAudioBufferSpeechStoppedEvent,
  InputAudioBufferTimeoutTriggeredEvent,
  InputAudioTranscriptionCompletedEvent,
  InputAudioTranscriptionDeltaEvent,
  InputAudioTranscriptionFailedEvent,
  InputAudioTranscriptionSegmentEvent,
  McpCallArgumentsDeltaEvent,
  McpCallArgumentsDoneEvent,
  McpCallEvent,
  McpListToolsEvent,
  OutputAudioBufferClearEvent,
  OutputAudioBufferEvent,
  OutputAudioDoneEvent,
  OutputAudioTranscriptDoneEvent,
  OutputDeltaEvent,
  OutputTextDoneEvent,
  RateLimitsUpdatedEvent,
  RealtimeClientEvent,
  RealtimeErrorEvent,
  RealtimeServerEvent,
  RealtimeServerEventType,
  ResponseCancelEvent,
  ResponseCreateEvent,
  ResponseItemEvent,
  ResponseLifecycleEvent,
  SessionCreatedEvent,
  SessionUpdateEvent,
  SessionUpdatedEvent,
} from '../../src/protocol/index.js';

/*
 * Our event types against the `openai` package's, both ways: ours (without
 * `raw`) is one of theirs, so the kit never claims a field or a value the API
 * does not have, and theirs is ours, so every event the API can send fits.
 * Ours are readonly, lists included, and a readonly list is not assignable to
 * a mutable one; "ours is theirs" therefore means ours is the readonly view of
 * theirs, which is what matters to code that reads events.
 */
type DeepReadonly<T> = T extends readonly (infer Element)[]
  ? readonly DeepReadonly<Element>[]
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T;

/** One of our server events as on the wire: without `raw`, with one `type`. */
type Wire<TEvent, TType extends string> = Omit<TEvent, 'raw' | 'type'> & { readonly type: TType };

describe('server events match the openai package', () => {
  it('model the same 46 event types', () => {
    expectTypeOf<RealtimeServerEventType>().toEqualTypeOf<OpenAI.RealtimeServerEvent['type']>();
  });

  it('have one union member per type, so that narrowing finds each (as store.on() does with Extract)', () => {
    type Unfound = {
      [TType in RealtimeServerEventType]: [Extract<RealtimeServerEvent, { type: TType }>] extends [never]
        ? TType
        : never;
    }[RealtimeServerEventType];
    expectTypeOf<Unfound>().toBeNever();
  });

  it('session and conversation lifecycle', () => {
    // Our `session` is the model class, read leniently, with the id and expiry beside it; the wire JSON of the
    // class is checked against openai's in test/model/openai-types.test-d.ts. The rest of the event is compared.
    type Session = 'session' | 'sessionId' | 'expiresAt';
    expectTypeOf<Omit<Wire<SessionCreatedEvent, 'session.created'>, Session>>().toExtend<
      Omit<OpenAI.SessionCreatedEvent, 'session'>
    >();
    expectTypeOf<Omit<OpenAI.SessionCreatedEvent, 'session'>>().toExtend<
      Omit<Wire<SessionCreatedEvent, 'session.created'>, Session>
    >();
    expectTypeOf<Omit<Wire<SessionUpdatedEvent, 'session.updated'>, Session>>().toExtend<
      Omit<OpenAI.SessionUpdatedEvent, 'session'>
    >();
    expectTypeOf<Omit<OpenAI.SessionUpdatedEvent, 'session'>>().toExtend<
      Omit<Wire<SessionUpdatedEvent, 'session.updated'>, Session>
    >();

    type Created = Wire<ConversationCreatedEvent, 'conversation.created'>;
    expectTypeOf<Created>().toExtend<DeepReadonly<OpenAI.ConversationCreatedEvent>>();
    expectTypeOf<OpenAI.ConversationCreatedEvent>().toExtend<Created>();

    type Failed = Wire<RealtimeErrorEvent, 'error'>;
    expectTypeOf<Failed>().toExtend<DeepReadonly<OpenAI.RealtimeErrorEvent>>();
    expectTypeOf<OpenAI.RealtimeErrorEvent>().toExtend<Failed>();

    type RateLimits = Wire<RateLimitsUpdatedEvent, 'rate_limits.updated'>;
    expectTypeOf<RateLimits>().toExtend<DeepReadonly<OpenAI.RateLimitsUpdatedEvent>>();
    expectTypeOf<OpenAI.RateLimitsUpdatedEvent>().toExtend<RateLimits>();
  });

  it('responses', () => {
    type Created = Wire<ResponseLifecycleEvent<'response.created'>, 'response.created'>;
    type Done = Wire<ResponseLifecycleEvent<'response.done'>, 'response.done'>;
    // The API sends `status_details: null` and `usage: null` while a response runs (its published example of
    // response.created does), which openai's types leave out: so ours allows null there and is openai's only
    // without those two.
    type WithoutNulls<TEvent extends Created | Done> = Omit<TEvent, 'response'> & {
      readonly response: Omit<TEvent['response'], 'status_details' | 'usage'>;
    };
    expectTypeOf<WithoutNulls<Created>>().toExtend<DeepReadonly<OpenAI.ResponseCreatedEvent>>();
    expectTypeOf<WithoutNulls<Done>>().toExtend<DeepReadonly<OpenAI.ResponseDoneEvent>>();
    expectTypeOf<Created['response']>().not.toExtend<DeepReadonly<OpenAI.RealtimeResponse>>();
    // openai's `response.id` is optional; the parser requires it (a response without one cannot be followed),
    // so theirs is ours once it has an id.
    type WithId<TEvent extends OpenAI.ResponseCreatedEvent | OpenAI.ResponseDoneEvent> = TEvent & {
      readonly response: { readonly id: string };
    };
    expectTypeOf<WithId<OpenAI.ResponseCreatedEvent>>().toExtend<Created>();
    expectTypeOf<WithId<OpenAI.ResponseDoneEvent>>().toExtend<Done>();
    expectTypeOf<OpenAI.ResponseCreatedEvent>().not.toExtend<Created>();

    type ItemAdded = Wire<ResponseItemEvent, 'response.output_item.added'>;
    type ItemDone = Wire<ResponseItemEvent, 'response.output_item.done'>;
    expectTypeOf<ItemAdded>().toExtend<DeepReadonly<OpenAI.ResponseOutputItemAddedEvent>>();
    expectTypeOf<OpenAI.ResponseOutputItemAddedEvent>().toExtend<ItemAdded>();
    expectTypeOf<ItemDone>().toExtend<DeepReadonly<OpenAI.ResponseOutputItemDoneEvent>>();
    expectTypeOf<OpenAI.ResponseOutputItemDoneEvent>().toExtend<ItemDone>();

    type PartAdded = Wire<ContentPartEvent, 'response.content_part.added'>;
    type PartDone = Wire<ContentPartEvent, 'response.content_part.done'>;
    expectTypeOf<PartAdded>().toExtend<DeepReadonly<OpenAI.ResponseContentPartAddedEvent>>();
    expectTypeOf<OpenAI.ResponseContentPartAddedEvent>().toExtend<PartAdded>();
    expectTypeOf<PartDone>().toExtend<DeepReadonly<OpenAI.ResponseContentPartDoneEvent>>();
    expectTypeOf<OpenAI.ResponseContentPartDoneEvent>().toExtend<PartDone>();
  });

  it('output streams', () => {
    type TextDelta = Wire<OutputDeltaEvent<'response.output_text.delta'>, 'response.output_text.delta'>;
    type AudioDelta = Wire<OutputDeltaEvent<'response.output_audio.delta'>, 'response.output_audio.delta'>;
    type TranscriptDelta = Wire<
      OutputDeltaEvent<'response.output_audio_transcript.delta'>,
      'response.output_audio_transcript.delta'
    >;
    type TextDone = Wire<OutputTextDoneEvent, 'response.output_text.done'>;
    type AudioDone = Wire<OutputAudioDoneEvent, 'response.output_audio.done'>;
    type TranscriptDone = Wire<OutputAudioTranscriptDoneEvent, 'response.output_audio_transcript.done'>;
    expectTypeOf<TextDelta>().toExtend<DeepReadonly<OpenAI.ResponseTextDeltaEvent>>();
    expectTypeOf<OpenAI.ResponseTextDeltaEvent>().toExtend<TextDelta>();
    expectTypeOf<AudioDelta>().toExtend<DeepReadonly<OpenAI.ResponseAudioDeltaEvent>>();
    expectTypeOf<OpenAI.ResponseAudioDeltaEvent>().toExtend<AudioDelta>();
    expectTypeOf<TranscriptDelta>().toExtend<DeepReadonly<OpenAI.ResponseAudioTranscriptDeltaEvent>>();
    expectTypeOf<OpenAI.ResponseAudioTranscriptDeltaEvent>().toExtend<TranscriptDelta>();
    expectTypeOf<TextDone>().toExtend<DeepReadonly<OpenAI.ResponseTextDoneEvent>>();
    expectTypeOf<OpenAI.ResponseTextDoneEvent>().toExtend<TextDone>();
    expectTypeOf<AudioDone>().toExtend<DeepReadonly<OpenAI.ResponseAudioDoneEvent>>();
    expectTypeOf<OpenAI.ResponseAudioDoneEvent>().toExtend<AudioDone>();
    expectTypeOf<TranscriptDone>().toExtend<DeepReadonly<OpenAI.ResponseAudioTranscriptDoneEvent>>();
    expectTypeOf<OpenAI.ResponseAudioTranscriptDoneEvent>().toExtend<TranscriptDone>();

    type Started = Wire<OutputAudioBufferEvent, 'output_audio_buffer.started'>;
    type Stopped = Wire<OutputAudioBufferEvent, 'output_audio_buffer.stopped'>;
    type Cleared = Wire<OutputAudioBufferEvent, 'output_audio_buffer.cleared'>;
    expectTypeOf<Started>().toExtend<DeepReadonly<OpenAI.RealtimeServerEvent.OutputAudioBufferStarted>>();
    expectTypeOf<OpenAI.RealtimeServerEvent.OutputAudioBufferStarted>().toExtend<Started>();
    expectTypeOf<Stopped>().toExtend<DeepReadonly<OpenAI.RealtimeServerEvent.OutputAudioBufferStopped>>();
    expectTypeOf<OpenAI.RealtimeServerEvent.OutputAudioBufferStopped>().toExtend<Stopped>();
    expectTypeOf<Cleared>().toExtend<DeepReadonly<OpenAI.RealtimeServerEvent.OutputAudioBufferCleared>>();
    expectTypeOf<OpenAI.RealtimeServerEvent.OutputAudioBufferCleared>().toExtend<Cleared>();
  });

  it('function and MCP tool calls', () => {
    type ArgumentsDelta = Wire<FunctionCallArgumentsDeltaEvent, 'response.function_call_arguments.delta'>;
    type ArgumentsDone = Wire<FunctionCallArgumentsDoneEvent, 'response.function_call_arguments.done'>;
    expectTypeOf<ArgumentsDelta>().toExtend<DeepReadonly<OpenAI.ResponseFunctionCallArgumentsDeltaEvent>>();
    expectTypeOf<OpenAI.ResponseFunctionCallArgumentsDeltaEvent>().toExtend<ArgumentsDelta>();
    expectTypeOf<ArgumentsDone>().toExtend<DeepReadonly<OpenAI.ResponseFunctionCallArgumentsDoneEvent>>();
    expectTypeOf<OpenAI.ResponseFunctionCallArgumentsDoneEvent>().toExtend<ArgumentsDone>();

    type Listing = Wire<McpListToolsEvent, 'mcp_list_tools.in_progress'>;
    type Listed = Wire<McpListToolsEvent, 'mcp_list_tools.completed'>;
    type ListingFailed = Wire<McpListToolsEvent, 'mcp_list_tools.failed'>;
    expectTypeOf<Listing>().toExtend<DeepReadonly<OpenAI.McpListToolsInProgress>>();
    expectTypeOf<OpenAI.McpListToolsInProgress>().toExtend<Listing>();
    expectTypeOf<Listed>().toExtend<DeepReadonly<OpenAI.McpListToolsCompleted>>();
    expectTypeOf<OpenAI.McpListToolsCompleted>().toExtend<Listed>();
    expectTypeOf<ListingFailed>().toExtend<DeepReadonly<OpenAI.McpListToolsFailed>>();
    expectTypeOf<OpenAI.McpListToolsFailed>().toExtend<ListingFailed>();

    type McpDelta = Wire<McpCallArgumentsDeltaEvent, 'response.mcp_call_arguments.delta'>;
    type McpDone = Wire<McpCallArgumentsDoneEvent, 'response.mcp_call_arguments.done'>;
    expectTypeOf<McpDelta>().toExtend<DeepReadonly<OpenAI.ResponseMcpCallArgumentsDelta>>();
    expectTypeOf<OpenAI.ResponseMcpCallArgumentsDelta>().toExtend<McpDelta>();
    expectTypeOf<McpDone>().toExtend<DeepReadonly<OpenAI.ResponseMcpCallArgumentsDone>>();
    expectTypeOf<OpenAI.ResponseMcpCallArgumentsDone>().toExtend<McpDone>();

    type Calling = Wire<McpCallEvent, 'response.mcp_call.in_progress'>;
    type Called = Wire<McpCallEvent, 'response.mcp_call.completed'>;
    type CallFailed = Wire<McpCallEvent, 'response.mcp_call.failed'>;
    expectTypeOf<Calling>().toExtend<DeepReadonly<OpenAI.ResponseMcpCallInProgress>>();
    expectTypeOf<OpenAI.ResponseMcpCallInProgress>().toExtend<Calling>();
    expectTypeOf<Called>().toExtend<DeepReadonly<OpenAI.ResponseMcpCallCompleted>>();
    expectTypeOf<OpenAI.ResponseMcpCallCompleted>().toExtend<Called>();
    expectTypeOf<CallFailed>().toExtend<DeepReadonly<OpenAI.ResponseMcpCallFailed>>();
    expectTypeOf<OpenAI.ResponseMcpCallFailed>().toExtend<CallFailed>();
  });

  it('input audio buffer', () => {
    type Committed = Wire<InputAudioBufferCommittedEvent, 'input_audio_buffer.committed'>;
    type Cleared = Wire<InputAudioBufferClearedEvent, 'input_audio_buffer.cleared'>;
    type Started = Wire<InputAudioBufferSpeechStartedEvent, 'input_audio_buffer.speech_started'>;
    type Stopped = Wire<InputAudioBufferSpeechStoppedEvent, 'input_audio_buffer.speech_stopped'>;
    type TimedOut = Wire<InputAudioBufferTimeoutTriggeredEvent, 'input_audio_buffer.timeout_triggered'>;
    type Dtmf = Wire<InputAudioBufferDtmfEventReceivedEvent, 'input_audio_buffer.dtmf_event_received'>;
    expectTypeOf<Committed>().toExtend<DeepReadonly<OpenAI.InputAudioBufferCommittedEvent>>();
    expectTypeOf<OpenAI.InputAudioBufferCommittedEvent>().toExtend<Committed>();
    expectTypeOf<Cleared>().toExtend<DeepReadonly<OpenAI.InputAudioBufferClearedEvent>>();
    expectTypeOf<OpenAI.InputAudioBufferClearedEvent>().toExtend<Cleared>();
    expectTypeOf<Started>().toExtend<DeepReadonly<OpenAI.InputAudioBufferSpeechStartedEvent>>();
    expectTypeOf<OpenAI.InputAudioBufferSpeechStartedEvent>().toExtend<Started>();
    expectTypeOf<Stopped>().toExtend<DeepReadonly<OpenAI.InputAudioBufferSpeechStoppedEvent>>();
    expectTypeOf<OpenAI.InputAudioBufferSpeechStoppedEvent>().toExtend<Stopped>();
    expectTypeOf<TimedOut>().toExtend<DeepReadonly<OpenAI.InputAudioBufferTimeoutTriggered>>();
    expectTypeOf<OpenAI.InputAudioBufferTimeoutTriggered>().toExtend<TimedOut>();
    expectTypeOf<Dtmf>().toExtend<DeepReadonly<OpenAI.InputAudioBufferDtmfEventReceivedEvent>>();
    // openai's DTMF event has no `event_id` (nor has the API's example); the parser gives every event one,
    // `''` when the frame has none, so theirs is ours but for that field.
    expectTypeOf<OpenAI.InputAudioBufferDtmfEventReceivedEvent>().toExtend<Omit<Dtmf, 'event_id'>>();
    expectTypeOf<OpenAI.InputAudioBufferDtmfEventReceivedEvent>().not.toExtend<Dtmf>();
  });

  it('conversation items and their transcription', () => {
    type Added = Wire<ConversationItemChangeEvent, 'conversation.item.added'>;
    type Done = Wire<ConversationItemChangeEvent, 'conversation.item.done'>;
    type Created = Wire<ConversationItemChangeEvent, 'conversation.item.created'>;
    type Retrieved = Wire<ConversationItemRetrievedEvent, 'conversation.item.retrieved'>;
    type Deleted = Wire<ConversationItemDeletedEvent, 'conversation.item.deleted'>;
    type Truncated = Wire<ConversationItemTruncatedEvent, 'conversation.item.truncated'>;
    expectTypeOf<Added>().toExtend<DeepReadonly<OpenAI.ConversationItemAdded>>();
    expectTypeOf<OpenAI.ConversationItemAdded>().toExtend<Added>();
    expectTypeOf<Done>().toExtend<DeepReadonly<OpenAI.ConversationItemDone>>();
    expectTypeOf<OpenAI.ConversationItemDone>().toExtend<Done>();
    expectTypeOf<Created>().toExtend<DeepReadonly<OpenAI.ConversationItemCreatedEvent>>();
    expectTypeOf<OpenAI.ConversationItemCreatedEvent>().toExtend<Created>();
    expectTypeOf<Retrieved>().toExtend<DeepReadonly<OpenAI.RealtimeServerEvent.ConversationItemRetrieved>>();
    expectTypeOf<OpenAI.RealtimeServerEvent.ConversationItemRetrieved>().toExtend<Retrieved>();
    expectTypeOf<Deleted>().toExtend<DeepReadonly<OpenAI.ConversationItemDeletedEvent>>();
    expectTypeOf<OpenAI.ConversationItemDeletedEvent>().toExtend<Deleted>();
    expectTypeOf<Truncated>().toExtend<DeepReadonly<OpenAI.ConversationItemTruncatedEvent>>();
    expectTypeOf<OpenAI.ConversationItemTruncatedEvent>().toExtend<Truncated>();

    type Delta = Wire<InputAudioTranscriptionDeltaEvent, 'conversation.item.input_audio_transcription.delta'>;
    type Completed = Wire<
      InputAudioTranscriptionCompletedEvent,
      'conversation.item.input_audio_transcription.completed'
    >;
    type Failed = Wire<InputAudioTranscriptionFailedEvent, 'conversation.item.input_audio_transcription.failed'>;
    type Segment = Wire<InputAudioTranscriptionSegmentEvent, 'conversation.item.input_audio_transcription.segment'>;
    expectTypeOf<Delta>().toExtend<DeepReadonly<OpenAI.ConversationItemInputAudioTranscriptionDeltaEvent>>();
    expectTypeOf<OpenAI.ConversationItemInputAudioTranscriptionDeltaEvent>().toExtend<Delta>();
    expectTypeOf<Completed>().toExtend<DeepReadonly<OpenAI.ConversationItemInputAudioTranscriptionCompletedEvent>>();
    expectTypeOf<OpenAI.ConversationItemInputAudioTranscriptionCompletedEvent>().toExtend<Completed>();
    // The API's example of this event sends `error.param: null`, which openai's types leave out: ours allows it,
    // so ours is theirs only without `param`.
    type FailedWithoutNull = Omit<Failed, 'error'> & { readonly error: Omit<Failed['error'], 'param'> };
    expectTypeOf<FailedWithoutNull>().toExtend<
      DeepReadonly<OpenAI.ConversationItemInputAudioTranscriptionFailedEvent>
    >();
    expectTypeOf<Failed>().not.toExtend<DeepReadonly<OpenAI.ConversationItemInputAudioTranscriptionFailedEvent>>();
    expectTypeOf<OpenAI.ConversationItemInputAudioTranscriptionFailedEvent>().toExtend<Failed>();
    expectTypeOf<Segment>().toExtend<DeepReadonly<OpenAI.ConversationItemInputAudioTranscriptionSegment>>();
    expectTypeOf<OpenAI.ConversationItemInputAudioTranscriptionSegment>().toExtend<Segment>();
  });
});

/*
 * Our client events always carry an `event_id` (the server echoes it in the
 * error that rejects the event, which is how the store matches a rejection to
 * its edit); openai's make it optional. So theirs is ours once it has one.
 */
type WithEventId<TEvent> = TEvent & { readonly event_id: string };

describe('client events match the openai package', () => {
  it('cover the same event types', () => {
    expectTypeOf<RealtimeClientEvent['type']>().toEqualTypeOf<OpenAI.RealtimeClientEvent['type']>();
  });

  it('session.update, ours to theirs', () => {
    expectTypeOf<SessionUpdateEvent>().toExtend<DeepReadonly<OpenAI.SessionUpdateEvent>>();
    // Not theirs to ours: openai's session may be a transcription session, and its fields take any string
    // where the model's JSON takes its validated values; this kit configures realtime sessions through the model.
    expectTypeOf<WithEventId<OpenAI.SessionUpdateEvent>>().not.toExtend<SessionUpdateEvent>();
  });

  it('response.create and response.cancel', () => {
    expectTypeOf<ResponseCreateEvent>().toExtend<DeepReadonly<OpenAI.ResponseCreateEvent>>();
    expectTypeOf<WithEventId<OpenAI.ResponseCreateEvent>>().toExtend<ResponseCreateEvent>();
    expectTypeOf<ResponseCancelEvent>().toExtend<DeepReadonly<OpenAI.ResponseCancelEvent>>();
    expectTypeOf<WithEventId<OpenAI.ResponseCancelEvent>>().toExtend<ResponseCancelEvent>();
  });

  it('input and output audio buffers', () => {
    expectTypeOf<InputAudioBufferAppendEvent>().toExtend<DeepReadonly<OpenAI.InputAudioBufferAppendEvent>>();
    expectTypeOf<WithEventId<OpenAI.InputAudioBufferAppendEvent>>().toExtend<InputAudioBufferAppendEvent>();
    expectTypeOf<InputAudioBufferCommitEvent>().toExtend<DeepReadonly<OpenAI.InputAudioBufferCommitEvent>>();
    expectTypeOf<WithEventId<OpenAI.InputAudioBufferCommitEvent>>().toExtend<InputAudioBufferCommitEvent>();
    expectTypeOf<InputAudioBufferClearEvent>().toExtend<DeepReadonly<OpenAI.InputAudioBufferClearEvent>>();
    expectTypeOf<WithEventId<OpenAI.InputAudioBufferClearEvent>>().toExtend<InputAudioBufferClearEvent>();
    expectTypeOf<OutputAudioBufferClearEvent>().toExtend<DeepReadonly<OpenAI.OutputAudioBufferClearEvent>>();
    expectTypeOf<WithEventId<OpenAI.OutputAudioBufferClearEvent>>().toExtend<OutputAudioBufferClearEvent>();
  });

  it('conversation items', () => {
    // `previous_item_id: null` is ours alone (conversationItemCreateEvent passes it through; openai's type is a
    // string), so ours is theirs without it.
    expectTypeOf<Omit<ConversationItemCreateEvent, 'previous_item_id'>>().toExtend<
      DeepReadonly<OpenAI.ConversationItemCreateEvent>
    >();
    expectTypeOf<WithEventId<OpenAI.ConversationItemCreateEvent>>().toExtend<ConversationItemCreateEvent>();
    expectTypeOf<ConversationItemRetrieveEvent>().toExtend<DeepReadonly<OpenAI.ConversationItemRetrieveEvent>>();
    expectTypeOf<WithEventId<OpenAI.ConversationItemRetrieveEvent>>().toExtend<ConversationItemRetrieveEvent>();
    expectTypeOf<ConversationItemTruncateEvent>().toExtend<DeepReadonly<OpenAI.ConversationItemTruncateEvent>>();
    expectTypeOf<WithEventId<OpenAI.ConversationItemTruncateEvent>>().toExtend<ConversationItemTruncateEvent>();
    expectTypeOf<ConversationItemDeleteEvent>().toExtend<DeepReadonly<OpenAI.ConversationItemDeleteEvent>>();
    expectTypeOf<WithEventId<OpenAI.ConversationItemDeleteEvent>>().toExtend<ConversationItemDeleteEvent>();
  });
});
