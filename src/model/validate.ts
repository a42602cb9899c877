import {
  RealtimeAudioFormat,
  RealtimeCustomVoice,
  RealtimeServerVad,
  RealtimeTranscription,
  type RealtimeAudioConfigInput,
  type RealtimeAudioConfigOutput,
  type RealtimeSemanticVad,
} from './audio.js';
import { isReasoningModel } from './capabilities.js';
import type { RealtimeClientSecretCreateRequest } from './client-secret.js';
import {
  enumValues,
  PCM_SAMPLE_RATE,
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
  RealtimeTruncationMode,
} from './enums.js';
import type { ConfigIssue, ConfigIssueCode } from './errors.js';
import { isPlainObject, joinPath, type JsonObject, type JsonValue } from './json.js';
import { isOff } from './off.js';
import { RealtimePrompt, RealtimeTracingConfig, RealtimeTruncation } from './options.js';
import type { RealtimeSessionCreateRequest } from './session-request.js';
import {
  RealtimeFunctionTool,
  RealtimeMcpApprovalFilter,
  RealtimeMcpTool,
  RealtimeMcpToolFilter,
  RealtimeToolChoiceFunction,
  RealtimeToolChoiceMcp,
  type RealtimeTool,
} from './tools.js';

/** Limits from the API reference, shared with the forms. */
export const REALTIME_LIMITS = {
  speed: { min: 0.25, max: 1.5 },
  maxOutputTokens: { min: 1, max: 4096 },
  idleTimeoutMs: { min: 5000, max: 30000 },
  vadThreshold: { min: 0, max: 1 },
  retentionRatio: { min: 0, max: 1 },
  clientSecretSeconds: { min: 10, max: 7200 },
} as const;

/** Function tool names: 1 to 64 letters, digits, `_` or `-`. */
export const FUNCTION_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
/** Secure MCP Tunnel ids. */
export const TUNNEL_ID_PATTERN = /^tunnel_[a-z0-9]{32}$/;

const TRANSCRIPTION_LANGUAGE_LIST_MODELS: ReadonlySet<string> = new Set(['gpt-transcribe', 'gpt-live-transcribe']);
const TRANSCRIPTION_DELAY_MODELS: ReadonlySet<string> = new Set(['gpt-realtime-whisper']);

/** Collects issues while walking a request. */
class IssueCollector {
  readonly issues: ConfigIssue[] = [];

  add(path: string, code: ConfigIssueCode, message: string): void {
    this.issues.push({ path, code, message });
  }

  /** Adds an issue unless `value` is one of the enum's values. */
  oneOf(path: string, value: unknown, allowed: ReadonlySet<string>): void {
    if (typeof value !== 'string' || !allowed.has(value)) {
      this.add(path, 'invalid_value', `must be one of ${[...allowed].map((item) => `'${item}'`).join(', ')}`);
    }
  }

  /** Adds an issue unless `value` is a number in `[min, max]` (and an integer when asked). */
  range(path: string, value: unknown, min: number, max: number, integer = false): void {
    if (typeof value !== 'number' || Number.isNaN(value)) {
      this.add(path, 'invalid_type', 'must be a number');
    } else if (integer && !Number.isInteger(value)) {
      this.add(path, 'not_integer', 'must be a whole number');
    } else if (value < min || value > max) {
      const bounds = max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
      this.add(path, 'out_of_range', `must be ${bounds}`);
    }
  }

  nonEmptyString(path: string, value: unknown): void {
    if (typeof value !== 'string') this.add(path, 'invalid_type', 'must be a string');
    else if (value.trim() === '') this.add(path, 'required', 'must not be empty');
  }

  stringList(path: string, value: readonly unknown[]): void {
    value.forEach((item, index) => {
      if (typeof item !== 'string') this.add(joinPath(path, index), 'invalid_type', 'must be a string');
    });
  }
}

const modalities = enumValues(RealtimeOutputModality);
const audioFormats = enumValues(RealtimeAudioFormatType);
const noiseReductionTypes = enumValues(RealtimeNoiseReductionType);
const eagernessLevels = enumValues(RealtimeEagerness);
const transcriptionDelays = enumValues(RealtimeTranscriptionDelay);
const includables = enumValues(RealtimeIncludable);
const toolChoiceModes = enumValues(RealtimeToolChoiceMode);
const truncationModes = enumValues(RealtimeTruncationMode);
const reasoningEfforts = enumValues(RealtimeReasoningEffort);
const connectorIds = enumValues(RealtimeMcpConnectorId);
const approvalModes = enumValues(RealtimeMcpApprovalMode);
const allowedCallers = enumValues(RealtimeMcpAllowedCaller);

/**
 * Every problem in a session config that the API would reject: ranges, enums,
 * patterns and cross-field rules, each with the field's wire path. An empty
 * list means the config can be sent.
 *
 * @example
 * ```ts
 * const draft = request.copyWith({ maxOutputTokens: 5000 });
 * validateSessionRequest(draft);
 * // [{ path: 'max_output_tokens', code: 'out_of_range', message: "must be between 1 and 4096, or 'inf'" }]
 * ```
 */
export function validateSessionRequest(request: RealtimeSessionCreateRequest): readonly ConfigIssue[] {
  const out = new IssueCollector();
  collectSessionIssues(request, '', out);
  return out.issues;
}

/**
 * The issues of a client-secret request: its session's (under `session.`) and
 * the secret's lifetime (10–7200 seconds).
 *
 * @example
 * ```ts
 * validateClientSecretRequest(new RealtimeClientSecretCreateRequest({ session, expiresAfter: { seconds: 5 } }));
 * // [{ path: 'expires_after.seconds', code: 'out_of_range', ... }]
 * ```
 */
export function validateClientSecretRequest(request: RealtimeClientSecretCreateRequest): readonly ConfigIssue[] {
  const out = new IssueCollector();
  const expiresAfter = request.expiresAfter;
  if (expiresAfter !== undefined) {
    if (expiresAfter.anchor !== 'created_at') out.add('expires_after.anchor', 'invalid_value', "must be 'created_at'");
    if (expiresAfter.seconds !== undefined) {
      const { min, max } = REALTIME_LIMITS.clientSecretSeconds;
      out.range('expires_after.seconds', expiresAfter.seconds, min, max, true);
    }
  }
  collectSessionIssues(request.session, 'session', out);
  return out.issues;
}

function collectSessionIssues(request: RealtimeSessionCreateRequest, root: string, out: IssueCollector): void {
  const at = (key: string) => joinPath(root, key);
  const { model } = request;
  out.nonEmptyString(at('model'), model);
  if (request.type !== undefined && request.type !== 'realtime')
    out.add(at('type'), 'invalid_value', "must be 'realtime'");

  if (request.outputModalities !== undefined) {
    const list = request.outputModalities;
    list.forEach((item, index) => out.oneOf(joinPath(at('output_modalities'), index), item, modalities));
    if (list.length !== 1) {
      out.add(at('output_modalities'), 'invalid_value', "must name exactly one modality: ['audio'] or ['text']");
    }
  }
  if (request.instructions !== undefined && typeof request.instructions !== 'string') {
    out.add(at('instructions'), 'invalid_type', 'must be a string');
  }
  if (request.audio?.input !== undefined) collectInputIssues(request.audio.input, at('audio.input'), out);
  if (request.audio?.output !== undefined) collectOutputIssues(request.audio.output, at('audio.output'), out);
  if (request.tools !== undefined) collectToolIssues(request.tools, at('tools'), out);
  if (request.toolChoice !== undefined) collectToolChoiceIssues(request, at('tool_choice'), out);

  const maxTokens = request.maxOutputTokens;
  if (maxTokens !== undefined && maxTokens !== 'inf') {
    const { min, max } = REALTIME_LIMITS.maxOutputTokens;
    if (typeof maxTokens !== 'number' || Number.isNaN(maxTokens) || maxTokens < min || maxTokens > max) {
      out.add(at('max_output_tokens'), 'out_of_range', `must be between ${min} and ${max}, or 'inf'`);
    } else if (!Number.isInteger(maxTokens)) {
      out.add(at('max_output_tokens'), 'not_integer', 'must be a whole number');
    }
  }

  const reasoningSupported = typeof model === 'string' ? isReasoningModel(model) : undefined;
  if (request.parallelToolCalls !== undefined) {
    if (typeof request.parallelToolCalls !== 'boolean')
      out.add(at('parallel_tool_calls'), 'invalid_type', 'must be a boolean');
    if (reasoningSupported === false) {
      out.add(
        at('parallel_tool_calls'),
        'unsupported_for_model',
        `is only supported by reasoning models, not ${model}`,
      );
    }
  }
  if (request.reasoning !== undefined) {
    if (request.reasoning.effort !== undefined)
      out.oneOf(at('reasoning.effort'), request.reasoning.effort, reasoningEfforts);
    if (reasoningSupported === false) {
      out.add(at('reasoning'), 'unsupported_for_model', `is only supported by reasoning models, not ${model}`);
    }
  }

  const tracing = request.tracing;
  if (typeof tracing === 'string' && tracing !== 'auto')
    out.add(at('tracing'), 'invalid_value', "must be 'auto', settings, or off");
  if (tracing instanceof RealtimeTracingConfig) {
    if (tracing.workflowName !== undefined) out.nonEmptyString(at('tracing.workflow_name'), tracing.workflowName);
  }

  const truncation = request.truncation;
  if (typeof truncation === 'string') out.oneOf(at('truncation'), truncation, truncationModes);
  if (truncation instanceof RealtimeTruncation) {
    const { min, max } = REALTIME_LIMITS.retentionRatio;
    out.range(at('truncation.retention_ratio'), truncation.retentionRatio, min, max);
    const limit = truncation.tokenLimits?.postInstructions;
    if (limit !== undefined) out.range(at('truncation.token_limits.post_instructions'), limit, 0, Infinity, true);
  }

  request.include?.forEach((item, index) => out.oneOf(joinPath(at('include'), index), item, includables));

  if (request.prompt instanceof RealtimePrompt) {
    out.nonEmptyString(at('prompt.id'), request.prompt.id);
    const version = request.prompt.version;
    if (typeof version === 'string') out.nonEmptyString(at('prompt.version'), version);
  }
}

function collectFormatIssues(format: RealtimeAudioFormat, path: string, out: IssueCollector): void {
  if (format.type !== undefined) out.oneOf(joinPath(path, 'type'), format.type, audioFormats);
  if (format.rate !== undefined) {
    if (format.type !== undefined && format.type !== 'audio/pcm') {
      out.add(joinPath(path, 'rate'), 'conflict', 'applies only to audio/pcm');
    } else if (format.rate !== PCM_SAMPLE_RATE) {
      out.add(joinPath(path, 'rate'), 'invalid_value', `must be ${PCM_SAMPLE_RATE}`);
    }
  }
}

function collectInputIssues(input: RealtimeAudioConfigInput, path: string, out: IssueCollector): void {
  if (input.format instanceof RealtimeAudioFormat) collectFormatIssues(input.format, joinPath(path, 'format'), out);

  const transcription = input.transcription;
  if (transcription instanceof RealtimeTranscription) {
    const at = (key: string) => joinPath(path, `transcription.${key}`);
    const model = transcription.model;
    if (model !== undefined) out.nonEmptyString(at('model'), model);
    if (transcription.languages !== undefined) {
      out.stringList(at('languages'), transcription.languages);
      if (transcription.languages.length === 0) out.add(at('languages'), 'required', 'must list at least one language');
      if (model !== undefined && !TRANSCRIPTION_LANGUAGE_LIST_MODELS.has(model)) {
        out.add(
          at('languages'),
          'unsupported_for_model',
          `is only supported by gpt-transcribe and gpt-live-transcribe`,
        );
      }
    }
    if (transcription.keywords !== undefined) {
      out.stringList(at('keywords'), transcription.keywords);
      if (model !== undefined && !TRANSCRIPTION_LANGUAGE_LIST_MODELS.has(model)) {
        out.add(at('keywords'), 'unsupported_for_model', `is only supported by gpt-transcribe and gpt-live-transcribe`);
      }
    }
    if (transcription.delay !== undefined) {
      out.oneOf(at('delay'), transcription.delay, transcriptionDelays);
      if (model !== undefined && !TRANSCRIPTION_DELAY_MODELS.has(model)) {
        out.add(at('delay'), 'unsupported_for_model', 'is only supported by gpt-realtime-whisper');
      }
    }
  }

  const noiseReduction = input.noiseReduction;
  if (noiseReduction !== undefined && !isOff(noiseReduction) && noiseReduction.type !== undefined) {
    out.oneOf(joinPath(path, 'noise_reduction.type'), noiseReduction.type, noiseReductionTypes);
  }

  const turnDetection = input.turnDetection;
  if (turnDetection === undefined || isOff(turnDetection)) return;
  const at = (key: string) => joinPath(path, `turn_detection.${key}`);
  if (turnDetection instanceof RealtimeServerVad) {
    const { threshold, prefixPaddingMs, silenceDurationMs, idleTimeoutMs } = turnDetection;
    const limits = REALTIME_LIMITS;
    if (threshold !== undefined)
      out.range(at('threshold'), threshold, limits.vadThreshold.min, limits.vadThreshold.max);
    if (prefixPaddingMs !== undefined) out.range(at('prefix_padding_ms'), prefixPaddingMs, 0, Infinity, true);
    if (silenceDurationMs !== undefined) out.range(at('silence_duration_ms'), silenceDurationMs, 0, Infinity, true);
    if (idleTimeoutMs !== undefined && !isOff(idleTimeoutMs)) {
      out.range(at('idle_timeout_ms'), idleTimeoutMs, limits.idleTimeoutMs.min, limits.idleTimeoutMs.max, true);
    }
  } else {
    const semantic: RealtimeSemanticVad = turnDetection;
    if (semantic.eagerness !== undefined) out.oneOf(at('eagerness'), semantic.eagerness, eagernessLevels);
  }
}

function collectOutputIssues(output: RealtimeAudioConfigOutput, path: string, out: IssueCollector): void {
  if (output.format instanceof RealtimeAudioFormat) collectFormatIssues(output.format, joinPath(path, 'format'), out);
  const voice = output.voice;
  if (voice instanceof RealtimeCustomVoice) out.nonEmptyString(joinPath(path, 'voice.id'), voice.id);
  else if (voice !== undefined) out.nonEmptyString(joinPath(path, 'voice'), voice);
  if (output.speed !== undefined) {
    out.range(joinPath(path, 'speed'), output.speed, REALTIME_LIMITS.speed.min, REALTIME_LIMITS.speed.max);
  }
}

function collectToolIssues(tools: readonly RealtimeTool[], path: string, out: IssueCollector): void {
  const functionNames = new Map<string, number>();
  const serverLabels = new Map<string, number>();
  tools.forEach((tool, index) => {
    const at = (key: string) => joinPath(joinPath(path, index), key);
    if (tool instanceof RealtimeFunctionTool) {
      const { name } = tool;
      if (name === undefined || name === '') out.add(at('name'), 'required', 'is required');
      else if (typeof name !== 'string' || !FUNCTION_NAME_PATTERN.test(name)) {
        out.add(at('name'), 'invalid_pattern', 'must be 1–64 letters, digits, underscores or hyphens');
      } else if (functionNames.has(name)) {
        out.add(at('name'), 'duplicate', `duplicates the name of tools[${functionNames.get(name)}]`);
      } else functionNames.set(name, index);
      if (tool.parameters !== undefined) collectParameterSchemaIssues(tool.parameters, at('parameters'), out);
    } else if (tool instanceof RealtimeMcpTool) {
      const label = tool.serverLabel;
      out.nonEmptyString(at('server_label'), label);
      if (typeof label === 'string' && label !== '') {
        if (serverLabels.has(label)) {
          out.add(at('server_label'), 'duplicate', `duplicates the server label of tools[${serverLabels.get(label)}]`);
        } else serverLabels.set(label, index);
      }
      collectMcpIssues(tool, at, out);
    }
  });
}

function collectMcpIssues(tool: RealtimeMcpTool, at: (key: string) => string, out: IssueCollector): void {
  const targets = [tool.serverUrl, tool.connectorId, tool.tunnelId].filter((target) => target !== undefined);
  if (targets.length === 0) {
    out.add(at('server_url'), 'required', 'give a server URL, a connector or a tunnel');
  } else if (targets.length > 1) {
    out.add(at('server_url'), 'conflict', 'give only one of server URL, connector and tunnel');
  }
  if (tool.serverUrl !== undefined && !isHttpUrl(tool.serverUrl)) {
    out.add(at('server_url'), 'invalid_pattern', 'must be an http(s) URL');
  }
  if (tool.connectorId !== undefined) out.oneOf(at('connector_id'), tool.connectorId, connectorIds);
  if (tool.tunnelId !== undefined && !TUNNEL_ID_PATTERN.test(tool.tunnelId)) {
    out.add(at('tunnel_id'), 'invalid_pattern', "must be 'tunnel_' followed by 32 lowercase letters or digits");
  }
  const headers = tool.headers;
  if (headers !== undefined && !isOff(headers)) {
    for (const name of Object.keys(headers)) {
      if (name.trim() === '') out.add(at('headers'), 'invalid_value', 'header names must not be empty');
    }
  }
  const allowed = tool.allowedTools;
  if (allowed instanceof RealtimeMcpToolFilter) {
    if (allowed.toolNames !== undefined) out.stringList(at('allowed_tools.tool_names'), allowed.toolNames);
  } else if (allowed !== undefined && !isOff(allowed)) {
    out.stringList(at('allowed_tools'), allowed);
  }
  const callers = tool.allowedCallers;
  if (callers !== undefined && !isOff(callers)) {
    if (callers.length === 0) out.add(at('allowed_callers'), 'required', 'must list at least one caller');
    callers.forEach((caller, index) => out.oneOf(joinPath(at('allowed_callers'), index), caller, allowedCallers));
  }
  const approval = tool.requireApproval;
  if (typeof approval === 'string') out.oneOf(at('require_approval'), approval, approvalModes);
  else if (approval instanceof RealtimeMcpApprovalFilter) {
    for (const key of ['always', 'never'] as const) {
      const names = approval[key]?.toolNames;
      if (names !== undefined) out.stringList(at(`require_approval.${key}.tool_names`), names);
    }
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function collectToolChoiceIssues(request: RealtimeSessionCreateRequest, path: string, out: IssueCollector): void {
  const choice = request.toolChoice;
  if (typeof choice === 'string') {
    out.oneOf(path, choice, toolChoiceModes);
    return;
  }
  // Only a request that lists its tools can be checked: unspecified tools are the server's.
  const tools = request.tools;
  if (choice instanceof RealtimeToolChoiceFunction) {
    out.nonEmptyString(joinPath(path, 'name'), choice.name);
    const known = tools?.some((tool) => tool instanceof RealtimeFunctionTool && tool.name === choice.name);
    if (tools !== undefined && !known) {
      out.add(joinPath(path, 'name'), 'unknown_reference', `names no function tool of this session: ${choice.name}`);
    }
  } else if (choice instanceof RealtimeToolChoiceMcp) {
    out.nonEmptyString(joinPath(path, 'server_label'), choice.serverLabel);
    const known = tools?.some((tool) => tool instanceof RealtimeMcpTool && tool.serverLabel === choice.serverLabel);
    if (tools !== undefined && !known) {
      out.add(
        joinPath(path, 'server_label'),
        'unknown_reference',
        `names no MCP tool of this session: ${choice.serverLabel}`,
      );
    }
  }
}

// ---------------------------------------------------------------- JSON Schema of tool parameters

const SCHEMA_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'null',
]);
const SUBSCHEMA_KEYWORDS = [
  'additionalProperties',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'items',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
] as const;
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const COUNT_KEYWORDS = [
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minContains',
  'maxContains',
] as const;
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'] as const;
const STRING_KEYWORDS = ['title', 'description', '$ref', '$id', '$schema', '$comment', 'format', '$anchor'] as const;

/**
 * Checks a function tool's `parameters`: a JSON Schema whose root is
 * `type: 'object'`, with every keyword the draft 2020-12 meta-schema
 * constrains of the right shape. It runs without compiling the schema
 * (no `eval`), so it is safe under a strict Content-Security-Policy.
 */
function collectParameterSchemaIssues(schema: JsonObject, path: string, out: IssueCollector): void {
  if (schema['type'] !== 'object') {
    out.add(joinPath(path, 'type'), 'invalid_schema', "parameters must be a JSON Schema with type 'object'");
  }
  collectSchemaIssues(schema, path, out);
}

function collectSchemaIssues(schema: JsonValue | undefined, path: string, out: IssueCollector): void {
  if (typeof schema === 'boolean') return;
  if (!isPlainObject(schema)) {
    out.add(path, 'invalid_schema', 'must be a JSON Schema (an object or a boolean)');
    return;
  }
  const invalid = (key: string, message: string) => out.add(joinPath(path, key), 'invalid_schema', message);
  const type = schema['type'];
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (types.length === 0 || !types.every((item) => typeof item === 'string' && SCHEMA_TYPES.has(item))) {
      invalid('type', `must be one of ${[...SCHEMA_TYPES].join(', ')}, or a list of them`);
    } else if (new Set(types).size !== types.length) invalid('type', 'must not repeat a type');
  }
  const required = schema['required'];
  if (required !== undefined) {
    if (!Array.isArray(required) || !required.every((item) => typeof item === 'string')) {
      invalid('required', 'must be a list of property names');
    } else if (new Set(required).size !== required.length) invalid('required', 'must not repeat a property name');
  }
  const enumList = schema['enum'];
  if (enumList !== undefined && !Array.isArray(enumList)) invalid('enum', 'must be a list');
  const pattern = schema['pattern'];
  if (pattern !== undefined) {
    if (typeof pattern !== 'string') invalid('pattern', 'must be a string');
    else if (!compilesAsRegExp(pattern)) invalid('pattern', 'must be a valid regular expression');
  }
  for (const key of COUNT_KEYWORDS) {
    const value = schema[key];
    if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
      invalid(key, 'must be a non-negative integer');
    }
  }
  for (const key of NUMBER_KEYWORDS) {
    const value = schema[key];
    if (value !== undefined && typeof value !== 'number') invalid(key, 'must be a number');
  }
  const multipleOf = schema['multipleOf'];
  if (typeof multipleOf === 'number' && multipleOf <= 0) invalid('multipleOf', 'must be greater than 0');
  for (const key of STRING_KEYWORDS) {
    const value = schema[key];
    if (value !== undefined && typeof value !== 'string') invalid(key, 'must be a string');
  }
  for (const key of SUBSCHEMA_KEYWORDS) {
    const value = schema[key];
    // Draft 4–7 tuple form: `items` as a list of schemas.
    if (key === 'items' && Array.isArray(value)) {
      value.forEach((item, index) => collectSchemaIssues(item, joinPath(joinPath(path, key), index), out));
    } else if (value !== undefined) collectSchemaIssues(value, joinPath(path, key), out);
  }
  for (const key of SCHEMA_MAP_KEYWORDS) {
    const value = schema[key];
    if (value === undefined) continue;
    if (!isPlainObject(value)) invalid(key, 'must be an object of schemas');
    else
      for (const name of Object.keys(value)) collectSchemaIssues(value[name], joinPath(joinPath(path, key), name), out);
  }
  for (const key of SCHEMA_LIST_KEYWORDS) {
    const value = schema[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.length === 0) invalid(key, 'must be a non-empty list of schemas');
    else value.forEach((item, index) => collectSchemaIssues(item, joinPath(joinPath(path, key), index), out));
  }
}

function compilesAsRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
