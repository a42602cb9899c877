/*
 * Enumerations of the Realtime session config, as `const` objects with a
 * union type of the same name. Values come from the official schema
 * (`RealtimeSessionCreateRequestGA`). Open sets (voices, models) accept any
 * string in their types; closed sets are checked by `validateSessionRequest`.
 * Where a value is its own key, the object is derived from a list, so a new
 * value is one line in that list.
 */
import { BUILT_IN_VOICES } from './capabilities.js';
import { enumOf } from './derive.js';

/**
 * Reasoning efforts from least to most, as a picker lists them.
 *
 * @example
 * ```ts
 * REALTIME_REASONING_EFFORTS.map((effort) => ({ value: effort, label: effort }));
 * ```
 */
export const REALTIME_REASONING_EFFORTS = Object.freeze(['minimal', 'low', 'medium', 'high', 'xhigh'] as const);

/** How long the model reasons before answering; reasoning models only. Default `low` (`DEFAULT_REASONING_EFFORT`). */
export const RealtimeReasoningEffort = enumOf(REALTIME_REASONING_EFFORTS);
export type RealtimeReasoningEffort = (typeof REALTIME_REASONING_EFFORTS)[number];

/** Built-in voices, from `REALTIME_VOICES`. `marin` and `cedar` are the recommended ones. */
export const RealtimeVoice = enumOf(BUILT_IN_VOICES);
/** A built-in voice id, or any other voice id the server knows. */
export type RealtimeVoice = (typeof BUILT_IN_VOICES)[number] | (string & {});

/** What the model answers with; exactly one at a time. */
export const RealtimeOutputModality = { text: 'text', audio: 'audio' } as const;
export type RealtimeOutputModality = (typeof RealtimeOutputModality)[keyof typeof RealtimeOutputModality];

/** Input audio noise reduction profiles. */
export const RealtimeNoiseReductionType = { nearField: 'near_field', farField: 'far_field' } as const;
export type RealtimeNoiseReductionType = (typeof RealtimeNoiseReductionType)[keyof typeof RealtimeNoiseReductionType];

/** How eagerly semantic VAD ends the user's turn. */
export const RealtimeEagerness = { low: 'low', medium: 'medium', high: 'high', auto: 'auto' } as const;
export type RealtimeEagerness = (typeof RealtimeEagerness)[keyof typeof RealtimeEagerness];

/** How long transcription waits before emitting text (`gpt-realtime-whisper` only). */
export const RealtimeTranscriptionDelay = RealtimeReasoningEffort;
export type RealtimeTranscriptionDelay = RealtimeReasoningEffort;

/** Transcription models named by the schema; others are accepted too. */
export const RealtimeTranscriptionModel = {
  whisper1: 'whisper-1',
  gptTranscribe: 'gpt-transcribe',
  gptLiveTranscribe: 'gpt-live-transcribe',
  gpt4oMiniTranscribe: 'gpt-4o-mini-transcribe',
  gpt4oMiniTranscribe20251215: 'gpt-4o-mini-transcribe-2025-12-15',
  gpt4oTranscribe: 'gpt-4o-transcribe',
  gpt4oTranscribeDiarize: 'gpt-4o-transcribe-diarize',
  gptRealtimeWhisper: 'gpt-realtime-whisper',
} as const;
export type RealtimeTranscriptionModel =
  (typeof RealtimeTranscriptionModel)[keyof typeof RealtimeTranscriptionModel] | (string & {});

/** Audio encodings for input and output. */
export const RealtimeAudioFormatType = { pcm: 'audio/pcm', pcmu: 'audio/pcmu', pcma: 'audio/pcma' } as const;
export type RealtimeAudioFormatType = (typeof RealtimeAudioFormatType)[keyof typeof RealtimeAudioFormatType];

/** The only sample rate `audio/pcm` supports. */
export const PCM_SAMPLE_RATE = 24000;

/** Extra fields the server can include in its outputs. */
export const RealtimeIncludable = {
  inputAudioTranscriptionLogprobs: 'item.input_audio_transcription.logprobs',
} as const;
export type RealtimeIncludable = (typeof RealtimeIncludable)[keyof typeof RealtimeIncludable];

/** Tool choice modes. */
export const RealtimeToolChoiceMode = { none: 'none', auto: 'auto', required: 'required' } as const;
export type RealtimeToolChoiceMode = (typeof RealtimeToolChoiceMode)[keyof typeof RealtimeToolChoiceMode];

/** Truncation strategies given by name. */
export const RealtimeTruncationMode = { auto: 'auto', disabled: 'disabled' } as const;
export type RealtimeTruncationMode = (typeof RealtimeTruncationMode)[keyof typeof RealtimeTruncationMode];

/** Service connectors an MCP tool can use instead of a server URL. */
export const RealtimeMcpConnectorId = {
  dropbox: 'connector_dropbox',
  gmail: 'connector_gmail',
  googleCalendar: 'connector_googlecalendar',
  googleDrive: 'connector_googledrive',
  microsoftTeams: 'connector_microsoftteams',
  outlookCalendar: 'connector_outlookcalendar',
  outlookEmail: 'connector_outlookemail',
  sharePoint: 'connector_sharepoint',
} as const;
export type RealtimeMcpConnectorId = (typeof RealtimeMcpConnectorId)[keyof typeof RealtimeMcpConnectorId];

/** One approval policy for all of an MCP server's tools. */
export const RealtimeMcpApprovalMode = { always: 'always', never: 'never' } as const;
export type RealtimeMcpApprovalMode = (typeof RealtimeMcpApprovalMode)[keyof typeof RealtimeMcpApprovalMode];

/** Contexts an MCP tool may be invoked from. */
export const RealtimeMcpAllowedCaller = { direct: 'direct', programmatic: 'programmatic' } as const;
export type RealtimeMcpAllowedCaller = (typeof RealtimeMcpAllowedCaller)[keyof typeof RealtimeMcpAllowedCaller];

/** The values of an enum object, for membership checks. */
export function enumValues<T extends Readonly<Record<string, string>>>(enumObject: T): ReadonlySet<string> {
  return new Set(Object.values(enumObject));
}
