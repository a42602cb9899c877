export { RealtimeError, RealtimeConfigError, type ConfigIssue, type ConfigIssueCode } from './errors.js';
export { RealtimeOff, RealtimeOffSetting, isOff } from './off.js';
export {
  redactSecrets,
  redactSecretText,
  REDACTED,
  isPlainObject,
  jsonEqual,
  jsonCarries,
  jsonDeeperThan,
  MAX_JSON_DEPTH,
  type JsonArray,
  type JsonObject,
  type JsonValue,
} from './json.js';
export type { FromJsonOptions } from './codec.js';
export { RealtimeModel, type CopyWithPatch, type ExtraInit } from './base.js';
export * from './enums.js';
export * from './audio.js';
export {
  RealtimeFunctionTool,
  RealtimeMcpTool,
  RealtimeMcpToolFilter,
  RealtimeMcpApprovalFilter,
  RealtimeToolChoiceFunction,
  RealtimeToolChoiceMcp,
  type RealtimeTool,
  type RealtimeToolInit,
  type RealtimeToolChoice,
  type RealtimeToolChoiceInit,
  type RealtimeFunctionToolInit,
  type RealtimeFunctionToolJson,
  type RealtimeMcpToolInit,
  type RealtimeMcpToolJson,
  type RealtimeMcpToolFilterInit,
  type RealtimeMcpToolFilterJson,
  type RealtimeMcpApprovalFilterInit,
  type RealtimeMcpApprovalFilterJson,
  type RealtimeToolChoiceFunctionInit,
  type RealtimeToolChoiceFunctionJson,
  type RealtimeToolChoiceMcpInit,
  type RealtimeToolChoiceMcpJson,
} from './tools.js';
export * from './options.js';
export * from './session-request.js';
export * from './client-secret.js';
export * from './capabilities.js';
export {
  validateSessionRequest,
  validateClientSecretRequest,
  REALTIME_LIMITS,
  FUNCTION_NAME_PATTERN,
  TUNNEL_ID_PATTERN,
} from './validate.js';
export { sessionUpdateFor, isEmptySessionUpdate, type RealtimeSessionUpdateJson } from './session-update.js';
export {
  REALTIME_SESSION_DEFAULTS,
  DEFAULT_TURN_DETECTION,
  DEFAULT_SEMANTIC_VAD,
  DEFAULT_NOISE_REDUCTION_STRENGTH,
  DEFAULT_REASONING_EFFORT,
  REALTIME_SESSION_METADATA_KEYS,
  sessionConfigOf,
  type RealtimeSessionDefaults,
  type RealtimeSessionMetadataKey,
} from './defaults.js';
export {
  REALTIME_SESSION_FIELD_PATHS,
  isSessionFieldPath,
  readSessionField,
  writeSessionField,
  sessionFieldJson,
  sessionFieldOfPath,
  changedSessionFields,
  sessionFieldDefault,
  withoutUnknownKey,
  type RealtimeSessionFieldPath,
  type RealtimeSessionFieldValues,
} from './fields.js';
