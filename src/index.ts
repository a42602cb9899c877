/*
 * The public API of `react-realtime-session`: what an application uses, listed
 * name by name so every change to it is deliberate (test/public-api.test.ts
 * holds the list). The layers export more for each other: reducer, planner,
 * JSON and field helpers stay behind, reachable only through the unstable
 * `react-realtime-session/internal` entry. docs/architecture.md describes the layers.
 */

// ------------------------------------------------------------------ model: the session config as immutable classes

export { RealtimeError, RealtimeConfigError, type ConfigIssue, type ConfigIssueCode } from './model/index.js';
export { RealtimeOff, type JsonObject, type JsonValue } from './model/index.js';
export {
  RealtimeSessionCreateRequest,
  type RealtimeSessionCreateRequestInit,
  type RealtimeSessionCreateRequestJson,
  type RealtimeModelId,
  RealtimeClientSecretCreateRequest,
  type RealtimeClientSecretCreateRequestInit,
  type RealtimeClientSecretCreateRequestJson,
  RealtimeClientSecretExpiresAfter,
  type RealtimeClientSecretExpiresAfterInit,
} from './model/index.js';
export {
  RealtimeAudioConfig,
  type RealtimeAudioConfigInit,
  RealtimeAudioConfigInput,
  type RealtimeAudioConfigInputInit,
  RealtimeAudioConfigOutput,
  type RealtimeAudioConfigOutputInit,
  RealtimeAudioFormat,
  type RealtimeAudioFormatInit,
  RealtimeCustomVoice,
  type RealtimeCustomVoiceInit,
  RealtimeNoiseReduction,
  type RealtimeNoiseReductionInit,
  RealtimeTranscription,
  type RealtimeTranscriptionInit,
  RealtimeTurnDetection,
  type RealtimeTurnDetectionInit,
  RealtimeServerVad,
  type RealtimeServerVadInit,
  RealtimeSemanticVad,
  type RealtimeSemanticVadInit,
} from './model/index.js';
export {
  type RealtimeTool,
  type RealtimeToolInit,
  RealtimeFunctionTool,
  type RealtimeFunctionToolInit,
  type RealtimeFunctionToolJson,
  RealtimeMcpTool,
  type RealtimeMcpToolInit,
  type RealtimeMcpToolJson,
  RealtimeMcpToolFilter,
  type RealtimeMcpToolFilterInit,
  RealtimeMcpApprovalFilter,
  type RealtimeMcpApprovalFilterInit,
  type RealtimeToolChoice,
  type RealtimeToolChoiceInit,
  RealtimeToolChoiceFunction,
  type RealtimeToolChoiceFunctionInit,
  RealtimeToolChoiceMcp,
  type RealtimeToolChoiceMcpInit,
} from './model/index.js';
export {
  RealtimePrompt,
  type RealtimePromptInit,
  RealtimeReasoning,
  type RealtimeReasoningInit,
  type RealtimeTracing,
  RealtimeTracingConfig,
  type RealtimeTracingConfigInit,
  RealtimeTruncation,
  type RealtimeTruncationInit,
  RealtimeTruncationTokenLimits,
  type RealtimeTruncationTokenLimitsInit,
} from './model/index.js';
export {
  RealtimeAudioFormatType,
  RealtimeEagerness,
  RealtimeIncludable,
  RealtimeMcpAllowedCaller,
  RealtimeMcpApprovalMode,
  RealtimeMcpConnectorId,
  RealtimeNoiseReductionType,
  RealtimeOutputModality,
  RealtimeReasoningEffort,
  RealtimeToolChoiceMode,
  RealtimeTranscriptionDelay,
  RealtimeTranscriptionModel,
  RealtimeTruncationMode,
  RealtimeVoice,
} from './model/index.js';
export {
  validateSessionRequest,
  validateClientSecretRequest,
  sessionUpdateFor,
  type RealtimeSessionUpdateJson,
  REALTIME_SESSION_FIELD_PATHS,
  type RealtimeSessionFieldPath,
  type RealtimeSessionFieldValues,
} from './model/index.js';

// ------------------------------------------------------------------ protocol: the wire events

export {
  parseServerEvent,
  type ParsedServerEvent,
  type RealtimeProtocolIssue,
  type RealtimeProtocolIssueCode,
  type RealtimeServerEvent,
  type RealtimeErrorEvent,
  type RealtimeClientEvent,
  responseCreateEvent,
  responseCancelEvent,
  conversationItemCreateEvent,
  inputAudioBufferAppendEvent,
  inputAudioBufferCommitEvent,
  inputAudioBufferClearEvent,
  conversationItemRetrieveEvent,
  conversationItemTruncateEvent,
  conversationItemDeleteEvent,
  outputAudioBufferClearEvent,
} from './protocol/index.js';

// ------------------------------------------------------------------ transport: the connection

export {
  createWebSocketTransport,
  clientSecretFrom,
  RealtimeTransportError,
  type RealtimeTransportErrorCode,
  type WebSocketTransportOptions,
  type RealtimeClientSecretResult,
  type RealtimeTransport,
  type RealtimeTransportEvent,
  type RealtimeTransportStatus,
} from './transport/index.js';

// ------------------------------------------------------------------ session: the framework-free store

export {
  createSessionStore,
  RealtimeSessionUpdateError,
  type RealtimeSessionStore,
  type SessionStoreOptions,
  type SessionChange,
  type SessionUpdateOptions,
  type SessionUpdateFailure,
  type SessionEventOf,
  type RealtimeSessionSnapshot,
  type RealtimeSessionStatus,
  type SessionFieldState,
  type SessionFieldStatus,
  type SessionFieldHold,
  type SessionLock,
  type SessionError,
  type McpToolListing,
} from './session/index.js';

// ------------------------------------------------------------------ react: the hooks

export {
  useRealtimeSession,
  type UseRealtimeSessionOptions,
  type UseRealtimeSessionReturn,
  RealtimeSessionProvider,
  type RealtimeSessionProviderProps,
  useRealtimeSessionContext,
  useSessionSelector,
  useSessionField,
  type UseSessionFieldReturn,
} from './react/index.js';

// ------------------------------------------------------------------ components and their headless hooks

export {
  type SessionRequestProps,
  type FieldPart,
  VoicePicker,
  type VoicePickerProps,
  useVoiceField,
  ReasoningEffortPicker,
  type ReasoningEffortPickerProps,
  useReasoningEffortField,
  ToolsEditor,
  type ToolsEditorProps,
  useToolsField,
  ToolChoicePicker,
  type ToolChoicePickerProps,
  useToolChoiceField,
  ParallelToolCallsToggle,
  type ParallelToolCallsToggleProps,
  useParallelToolCallsField,
  ModelPicker,
  type ModelPickerProps,
  useModelField,
  OutputModalitiesPicker,
  type OutputModalitiesPickerProps,
  useOutputModalitiesField,
  MaxOutputTokensInput,
  type MaxOutputTokensInputProps,
  useMaxOutputTokensField,
  OutputAudioFormatPicker,
  type OutputAudioFormatPickerProps,
  useOutputAudioFormatField,
  TurnDetectionEditor,
  type TurnDetectionEditorProps,
  useTurnDetectionField,
  InputAudioEditor,
  type InputAudioEditorProps,
  useInputAudioField,
  InstructionsEditor,
  type InstructionsEditorProps,
  useInstructionsField,
  PromptReferenceEditor,
  type PromptReferenceEditorProps,
  usePromptField,
  IncludePicker,
  type IncludePickerProps,
  useIncludeField,
  TracingEditor,
  type TracingEditorProps,
  useTracingField,
  TruncationEditor,
  type TruncationEditorProps,
  useTruncationField,
  SessionStatus,
  type SessionStatusProps,
  useSessionStatus,
  SessionDiff,
  type SessionDiffProps,
  useSessionDiff,
  EventLog,
  type EventLogProps,
  useEventLog,
  SessionConfigForm,
  type SessionConfigFormProps,
} from './components/index.js';
