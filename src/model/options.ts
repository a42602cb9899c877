import { defineModel, RealtimeModel, type ExtraInit } from './base.js';
import { fixed, jsonObjectCodec, modelCodec, numberCodec, oneOf, stringCodec, type Codec } from './codec.js';
import { RealtimeReasoningEffort } from './enums.js';
import { RealtimeConfigError } from './errors.js';
import { freezeJson, isPlainObject, joinPath, type JsonObject } from './json.js';
import { RealtimeOff } from './off.js';
import { REALTIME_LIMITS } from './rules.js';

// ---------------------------------------------------------------- reasoning

export interface RealtimeReasoningInit extends ExtraInit {
  /** `minimal` to `xhigh`. Server default `low`. */
  readonly effort?: RealtimeReasoningEffort;
}

/** Wire JSON of {@link RealtimeReasoning}. */
export interface RealtimeReasoningJson {
  effort?: RealtimeReasoningEffort;
}

/**
 * Reasoning settings; only reasoning models (`gpt-realtime-2` and later) accept them.
 *
 * @example
 * ```ts
 * new RealtimeReasoning({ effort: RealtimeReasoningEffort.minimal });
 * ```
 */
export class RealtimeReasoning extends RealtimeModel<RealtimeReasoningJson, RealtimeReasoningInit> {
  declare readonly effort?: RealtimeReasoningEffort;

  static {
    defineModel(this, 'RealtimeReasoning', { effort: oneOf(RealtimeReasoningEffort) });
  }
}

// ---------------------------------------------------------------- tracing

export interface RealtimeTracingConfigInit extends ExtraInit {
  /** Names the trace in the Traces Dashboard. */
  readonly workflowName?: string;
  /** Groups traces for filtering. */
  readonly groupId?: string;
  /** Arbitrary metadata attached to the trace. */
  readonly metadata?: JsonObject;
}

/** Wire JSON of {@link RealtimeTracingConfig}. */
export interface RealtimeTracingConfigJson {
  workflow_name?: string;
  group_id?: string;
  metadata?: JsonObject;
}

/**
 * Tracing with explicit settings. Use `'auto'` for the defaults and
 * `RealtimeTracingConfig.off` to disable. Once enabled on a live session,
 * tracing cannot be changed.
 *
 * @example
 * ```ts
 * request.copyWith({ tracing: new RealtimeTracingConfig({ workflowName: 'support-bot' }) });
 * ```
 */
export class RealtimeTracingConfig extends RealtimeModel<RealtimeTracingConfigJson, RealtimeTracingConfigInit> {
  /** Tracing disabled (`null` on the wire). */
  static readonly off = RealtimeOff;

  declare readonly workflowName?: string;
  declare readonly groupId?: string;
  declare readonly metadata?: JsonObject;

  static {
    defineModel(this, 'RealtimeTracingConfig', {
      workflowName: { codec: stringCodec, nonEmpty: true },
      groupId: { codec: stringCodec },
      metadata: { codec: jsonObjectCodec },
    });
  }
}

/** Tracing: `'auto'`, explicit settings, or {@link RealtimeOff}. */
export type RealtimeTracing = 'auto' | RealtimeTracingConfig | RealtimeOff;

// ---------------------------------------------------------------- truncation

export interface RealtimeTruncationTokenLimitsInit extends ExtraInit {
  /** Conversation tokens allowed after the instructions (and tools) before truncating. */
  readonly postInstructions?: number;
}

/** Wire JSON of {@link RealtimeTruncationTokenLimits}. */
export interface RealtimeTruncationTokenLimitsJson {
  post_instructions?: number;
}

/**
 * Custom token limits for retention-ratio truncation.
 *
 * @example
 * ```ts
 * new RealtimeTruncationTokenLimits({ postInstructions: 5000 });
 * ```
 */
export class RealtimeTruncationTokenLimits extends RealtimeModel<
  RealtimeTruncationTokenLimitsJson,
  RealtimeTruncationTokenLimitsInit
> {
  declare readonly postInstructions?: number;

  static {
    defineModel(this, 'RealtimeTruncationTokenLimits', {
      postInstructions: { codec: numberCodec, range: { min: 0, integer: true } },
    });
  }
}

export interface RealtimeTruncationInit extends ExtraInit {
  readonly type?: 'retention_ratio';
  /** Fraction of post-instruction tokens kept when truncating, 0 to 1. */
  readonly retentionRatio: number;
  /** Custom limits; the model's defaults when unset. */
  readonly tokenLimits?: RealtimeTruncationTokenLimits | RealtimeTruncationTokenLimitsInit;
}

/** Wire JSON of {@link RealtimeTruncation}. */
export interface RealtimeTruncationJson {
  type: 'retention_ratio';
  retention_ratio: number;
  token_limits?: RealtimeTruncationTokenLimitsJson;
}

/**
 * Retention-ratio truncation: drop old messages until only a fraction of the
 * budget is used, which truncates less often and keeps the cache warm. The
 * named strategies are the strings `'auto'` (default) and `'disabled'`.
 *
 * @example
 * ```ts
 * request.copyWith({ truncation: new RealtimeTruncation({ retentionRatio: 0.8 }) });
 * ```
 */
export class RealtimeTruncation extends RealtimeModel<RealtimeTruncationJson, RealtimeTruncationInit, 'type'> {
  declare readonly type: 'retention_ratio';
  declare readonly retentionRatio: number;
  declare readonly tokenLimits?: RealtimeTruncationTokenLimits;

  static {
    defineModel(this, 'RealtimeTruncation', {
      type: fixed('retention_ratio'),
      retentionRatio: { codec: numberCodec, required: true, range: REALTIME_LIMITS.retentionRatio },
      tokenLimits: { codec: modelCodec(RealtimeTruncationTokenLimits) },
    });
  }
}

// ---------------------------------------------------------------- prompt

/** An input content value of a prompt variable (`input_text`, `input_image`, `input_file`). */
export type RealtimePromptContent =
  | { readonly type: 'input_text'; readonly text: string }
  | {
      readonly type: 'input_image';
      readonly detail: 'low' | 'high' | 'auto';
      readonly image_url?: string | null;
      readonly file_id?: string | null;
    }
  | {
      readonly type: 'input_file';
      readonly file_id?: string | null;
      readonly filename?: string;
      readonly file_data?: string;
      readonly file_url?: string;
    };

/** Prompt template variables: strings or input content objects, kept as wire JSON. */
export type RealtimePromptVariables = Readonly<Record<string, string | RealtimePromptContent>>;

const promptVariablesCodec: Codec<RealtimePromptVariables> = {
  read: (value, path) => {
    if (!isPlainObject(value)) throw new RealtimeConfigError(path, 'invalid_type', 'expected an object');
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (typeof item !== 'string' && !isPlainObject(item)) {
        throw new RealtimeConfigError(
          joinPath(path, key),
          'invalid_type',
          'expected a string or an input content object',
        );
      }
    }
    return freezeJson(value, path) as RealtimePromptVariables;
  },
  coerce: (value, path) => promptVariablesCodec.read(value, path, { lenient: false }),
  write: (value) => value as JsonObject,
};

export interface RealtimePromptInit extends ExtraInit {
  /** The prompt template's id. */
  readonly id: string;
  /** A version of the template; the latest when unset. */
  readonly version?: string | RealtimeOff;
  /** Values substituted into the template. */
  readonly variables?: RealtimePromptVariables | RealtimeOff;
}

/** Wire JSON of {@link RealtimePrompt}. */
export interface RealtimePromptJson {
  id: string;
  version?: string | null;
  variables?: { [key: string]: string | RealtimePromptContent } | null;
}

/**
 * A reusable prompt template and its variables. `RealtimePrompt.off` removes
 * a prompt from a live session.
 *
 * @example
 * ```ts
 * new RealtimePrompt({ id: 'pmpt_123', variables: { city: 'Paris' } });
 * ```
 */
export class RealtimePrompt extends RealtimeModel<RealtimePromptJson, RealtimePromptInit> {
  /** No prompt (`null` on the wire). */
  static readonly off = RealtimeOff;

  declare readonly id: string;
  declare readonly version?: string | RealtimeOff;
  declare readonly variables?: RealtimePromptVariables | RealtimeOff;

  static {
    defineModel(this, 'RealtimePrompt', {
      id: { codec: stringCodec, required: true, nonEmpty: true },
      version: { codec: stringCodec, nullable: true, nonEmpty: true },
      variables: { codec: promptVariablesCodec, nullable: true },
    });
  }
}
