import { RealtimeAudioConfig, type RealtimeAudioConfigInit, type RealtimeAudioConfigJson } from './audio.js';
import { defineModel, RealtimeModel, type ExtraInit } from './base.js';
import {
  arrayCodec,
  booleanCodec,
  listOf,
  literal,
  modelCodec,
  numberOrStringCodec,
  oneOf,
  stringCodec,
  stringOrCodec,
} from './codec.js';
import { RealtimeIncludable, RealtimeOutputModality, RealtimeToolChoiceMode, RealtimeTruncationMode } from './enums.js';
import type { KnownRealtimeModelId } from './capabilities.js';
import type { RealtimeOff } from './off.js';
import { REALTIME_LIMITS, type IssueCollector } from './rules.js';
import {
  RealtimePrompt,
  RealtimeReasoning,
  RealtimeTracingConfig,
  RealtimeTruncation,
  type RealtimePromptInit,
  type RealtimePromptJson,
  type RealtimeReasoningInit,
  type RealtimeReasoningJson,
  type RealtimeTracing,
  type RealtimeTracingConfigInit,
  type RealtimeTracingConfigJson,
  type RealtimeTruncationInit,
  type RealtimeTruncationJson,
} from './options.js';
import {
  toolChoiceCodec,
  toolCodec,
  type RealtimeFunctionToolJson,
  type RealtimeMcpToolJson,
  type RealtimeTool,
  type RealtimeToolChoice,
  type RealtimeToolChoiceFunctionJson,
  type RealtimeToolChoiceInit,
  type RealtimeToolChoiceMcpJson,
  type RealtimeToolInit,
} from './tools.js';

/** Known model ids from the schema; any other string is accepted too. */
export type RealtimeModelId = KnownRealtimeModelId | (string & {});

/** Constructor argument of {@link RealtimeSessionCreateRequest}. Nested values may be instances or plain inits. */
export interface RealtimeSessionCreateRequestInit extends ExtraInit {
  /** The Realtime model. Fixed for a live session by its connection. */
  readonly model: RealtimeModelId;
  /** Always `realtime`; `toJson()` writes it only when set. */
  readonly type?: 'realtime';
  /** Input and output audio settings. */
  readonly audio?: RealtimeAudioConfig | RealtimeAudioConfigInit;
  /** `['audio']` (audio plus transcript, the default) or `['text']`. */
  readonly outputModalities?: readonly RealtimeOutputModality[];
  /** System instructions. The server has its own default when unset. */
  readonly instructions?: string;
  /** Function and MCP tools. */
  readonly tools?: readonly RealtimeToolInit[];
  /** `auto` (default), `none`, `required`, or one specific tool. */
  readonly toolChoice?: RealtimeToolChoiceInit;
  /** 1–4096, or `'inf'` (the default) for the model's maximum. */
  readonly maxOutputTokens?: number | 'inf';
  /** Let the model call several tools at once; reasoning models only. */
  readonly parallelToolCalls?: boolean;
  /** Reasoning effort; reasoning models only. */
  readonly reasoning?: RealtimeReasoning | RealtimeReasoningInit;
  /** `'auto'`, explicit settings, or {@link RealtimeOff}. Cannot change once enabled. */
  readonly tracing?: RealtimeTracing | RealtimeTracingConfigInit;
  /** `'auto'` (default), `'disabled'`, or retention-ratio truncation. */
  readonly truncation?: RealtimeTruncationMode | RealtimeTruncation | RealtimeTruncationInit;
  /** Extra fields in server outputs. */
  readonly include?: readonly RealtimeIncludable[];
  /** A reusable prompt template, or {@link RealtimeOff}. */
  readonly prompt?: RealtimePrompt | RealtimePromptInit | RealtimeOff;
}

/**
 * Wire JSON of {@link RealtimeSessionCreateRequest}. With `type: 'realtime'`
 * added, it is assignable to the `openai` package's `RealtimeSessionCreateRequest`.
 * The objects and lists are frozen at run time.
 */
export interface RealtimeSessionCreateRequestJson {
  type?: 'realtime';
  model: RealtimeModelId;
  audio?: RealtimeAudioConfigJson;
  output_modalities?: RealtimeOutputModality[];
  instructions?: string;
  tools?: (RealtimeFunctionToolJson | RealtimeMcpToolJson)[];
  tool_choice?: RealtimeToolChoiceMode | RealtimeToolChoiceFunctionJson | RealtimeToolChoiceMcpJson;
  max_output_tokens?: number | 'inf';
  parallel_tool_calls?: boolean;
  reasoning?: RealtimeReasoningJson;
  tracing?: 'auto' | RealtimeTracingConfigJson | null;
  truncation?: RealtimeTruncationMode | RealtimeTruncationJson;
  include?: RealtimeIncludable[];
  prompt?: RealtimePromptJson | null;
}

/**
 * A Realtime session configuration: the body of `session.update` and the
 * `session` of a client-secret request. Immutable: every change is a
 * `copyWith` that shares the untouched parts.
 *
 * A field that is `undefined` is unspecified (the server keeps its value);
 * {@link RealtimeOff} turns a nullable setting off.
 *
 * @example
 * ```ts
 * const request = new RealtimeSessionCreateRequest({
 *   model: 'gpt-realtime-2',
 *   audio: { output: { voice: 'alloy' } },
 *   instructions: 'You are a helpful assistant.',
 *   reasoning: { effort: RealtimeReasoningEffort.minimal },
 * });
 * const quieter = request.copyWith({ instructions: null }); // instructions unspecified again
 * quieter.tools === request.tools; // unchanged parts are shared
 * ```
 */
export class RealtimeSessionCreateRequest extends RealtimeModel<
  RealtimeSessionCreateRequestJson,
  RealtimeSessionCreateRequestInit
> {
  declare readonly model: RealtimeModelId;
  declare readonly type?: 'realtime';
  declare readonly audio?: RealtimeAudioConfig;
  declare readonly outputModalities?: readonly RealtimeOutputModality[];
  declare readonly instructions?: string;
  declare readonly tools?: readonly RealtimeTool[];
  declare readonly toolChoice?: RealtimeToolChoice;
  declare readonly maxOutputTokens?: number | 'inf';
  declare readonly parallelToolCalls?: boolean;
  declare readonly reasoning?: RealtimeReasoning;
  declare readonly tracing?: RealtimeTracing;
  declare readonly truncation?: RealtimeTruncationMode | RealtimeTruncation;
  declare readonly include?: readonly RealtimeIncludable[];
  declare readonly prompt?: RealtimePrompt | RealtimeOff;

  static {
    defineModel(this, 'RealtimeSessionCreateRequest', {
      type: literal('realtime'),
      model: { codec: stringCodec, required: true, nonEmpty: true },
      audio: { codec: modelCodec(RealtimeAudioConfig) },
      outputModalities: { ...listOf(RealtimeOutputModality), check: checkOneModality },
      instructions: { codec: stringCodec },
      tools: { codec: arrayCodec(toolCodec) },
      toolChoice: { ...oneOf(RealtimeToolChoiceMode), codec: toolChoiceCodec },
      maxOutputTokens: { codec: numberOrStringCodec, check: checkMaxOutputTokens },
      parallelToolCalls: { codec: booleanCodec },
      reasoning: { codec: modelCodec(RealtimeReasoning) },
      tracing: {
        ...literal('auto', "must be 'auto', settings, or off"),
        codec: stringOrCodec(modelCodec(RealtimeTracingConfig)),
        nullable: true,
      },
      truncation: { ...oneOf(RealtimeTruncationMode), codec: stringOrCodec(modelCodec(RealtimeTruncation)) },
      include: listOf(RealtimeIncludable),
      prompt: { codec: modelCodec(RealtimePrompt), nullable: true },
    });
  }
}

function checkOneModality(list: unknown, path: string, out: IssueCollector): void {
  if ((list as readonly unknown[]).length !== 1) {
    out.add(path, 'invalid_value', "must name exactly one modality: ['audio'] or ['text']");
  }
}

function checkMaxOutputTokens(value: unknown, path: string, out: IssueCollector): void {
  if (value === 'inf') return;
  const { min, max } = REALTIME_LIMITS.maxOutputTokens;
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
    out.add(path, 'out_of_range', `must be between ${min} and ${max}, or 'inf'`, { min, max, integer: true });
  } else if (!Number.isInteger(value)) {
    out.add(path, 'not_integer', 'must be a whole number');
  }
}
