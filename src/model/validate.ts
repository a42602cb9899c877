/*
 * Validation of session configs. Each field's own rules (enums, ranges,
 * patterns) are declared in its class's field table and applied by
 * `modelValidator`, which caches the issues of every immutable instance.
 * This module adds only what one field cannot say about itself: rules between
 * fields and rules that depend on the model. Each is reported right after the
 * issues of the field it follows, so a form lists a field's issues in a
 * stable order.
 */
import { RealtimeAudioConfigInput, RealtimeAudioFormat, RealtimeTranscription } from './audio.js';
import { isReasoningModel, TRANSCRIPTION_MODEL_SUPPORT } from './capabilities.js';
import type { RealtimeClientSecretCreateRequest } from './client-secret.js';
import { PCM_SAMPLE_RATE } from './enums.js';
import type { ConfigIssue } from './errors.js';
import { joinPath } from './json.js';
import { isOff } from './off.js';
import { FUNCTION_NAME_PATTERN, listRule, modelRule, modelValidator, type IssueCollector } from './rules.js';
import { RealtimeSessionCreateRequest } from './session-request.js';
import {
  RealtimeFunctionTool,
  RealtimeMcpTool,
  RealtimeToolChoiceFunction,
  RealtimeToolChoiceMcp,
  type RealtimeTool,
} from './tools.js';

export { REALTIME_LIMITS, FUNCTION_NAME_PATTERN, TUNNEL_ID_PATTERN } from './rules.js';

const issuesOf = modelValidator([
  modelRule(RealtimeAudioFormat, 'rate', (format, out, wire) => {
    if (format.rate === undefined) return;
    const pcm = format.type === undefined || format.type === 'audio/pcm';
    if (!pcm) out.add(wire, 'conflict', 'applies only to audio/pcm');
    else if (format.rate !== PCM_SAMPLE_RATE) out.add(wire, 'invalid_value', `must be ${PCM_SAMPLE_RATE}`);
  }),
  ...(['languages', 'keywords'] as const).map((field) =>
    modelRule(RealtimeTranscription, field, (transcription, out, wire) => {
      const { model } = transcription;
      if (transcription[field] === undefined || model === undefined || TRANSCRIPTION_MODEL_SUPPORT.lists.has(model)) {
        return;
      }
      out.add(wire, 'unsupported_for_model', 'is only supported by gpt-transcribe and gpt-live-transcribe');
    }),
  ),
  modelRule(RealtimeTranscription, 'delay', ({ model, delay }, out, wire) => {
    if (delay === undefined || model === undefined || TRANSCRIPTION_MODEL_SUPPORT.delay.has(model)) return;
    out.add(wire, 'unsupported_for_model', 'is only supported by gpt-realtime-whisper');
  }),
  modelRule(RealtimeTranscription, 'prompt', ({ model, prompt }, out, wire) => {
    if (prompt === undefined || model === undefined || !TRANSCRIPTION_MODEL_SUPPORT.noPrompt.has(model)) return;
    out.add(wire, 'unsupported_for_model', `is not supported by ${model}`);
  }),
  // Unspecified turn detection is the server's default, server VAD: it must be turned off explicitly.
  modelRule(RealtimeAudioConfigInput, 'turnDetection', ({ transcription, turnDetection }, out, wire) => {
    const model = transcription === undefined || isOff(transcription) ? undefined : transcription.model;
    if (model === undefined || !TRANSCRIPTION_MODEL_SUPPORT.noTurnDetection.has(model) || isOff(turnDetection)) return;
    out.add(wire, 'conflict', `must be off (null) while ${model} transcribes`);
  }),
  // Placed after the label, so it comes before the chosen target's own format issues.
  modelRule(RealtimeMcpTool, 'serverLabel', (tool, out) => {
    const targets = [tool.serverUrl, tool.connectorId, tool.tunnelId].filter((target) => target !== undefined);
    if (targets.length === 0) out.add('server_url', 'required', 'give a server URL, a connector or a tunnel');
    else if (targets.length > 1) out.add('server_url', 'conflict', 'give only one of server URL, connector and tunnel');
  }),
  listRule(RealtimeSessionCreateRequest, 'tools', duplicateTools),
  modelRule(RealtimeSessionCreateRequest, 'toolChoice', unknownToolChoice),
  ...(['parallelToolCalls', 'reasoning'] as const).map((field) =>
    modelRule(RealtimeSessionCreateRequest, field, (request, out, wire) => {
      if (request[field] === undefined || isReasoningModel(request.model) !== false) return;
      out.add(wire, 'unsupported_for_model', `is only supported by reasoning models, not ${request.model}`);
    }),
  ),
]);

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
  return issuesOf(request);
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
  return issuesOf(request);
}

/** Function names and MCP server labels must be unique; each repeat names the tool it repeats. */
function duplicateTools(tools: readonly RealtimeTool[]): ReadonlyMap<number, readonly ConfigIssue[]> {
  const repeats = new Map<number, readonly ConfigIssue[]>();
  const firsts = new Map<string, number>();
  tools.forEach((tool, index) => {
    const isFunction = tool instanceof RealtimeFunctionTool;
    const [path, what] = isFunction ? ['name', 'name'] : ['server_label', 'server label'];
    const key = isFunction ? tool.name : tool.serverLabel;
    // A missing or malformed name is the field's own issue, never also a duplicate.
    if (key === undefined || key === '' || (isFunction && !FUNCTION_NAME_PATTERN.test(key))) return;
    const first = firsts.get(`${path} ${key}`);
    if (first === undefined) firsts.set(`${path} ${key}`, index);
    else repeats.set(index, [{ path, code: 'duplicate', message: `duplicates the ${what} of tools[${first}]` }]);
  });
  return repeats;
}

/** A forced tool must be one of the listed tools; unspecified tools are the server's, so nothing to check. */
function unknownToolChoice(
  { tools, toolChoice: choice }: RealtimeSessionCreateRequest,
  out: IssueCollector,
  wire: string,
): void {
  if (tools === undefined) return;
  if (choice instanceof RealtimeToolChoiceFunction) {
    if (!tools.some((tool) => tool instanceof RealtimeFunctionTool && tool.name === choice.name)) {
      out.add(joinPath(wire, 'name'), 'unknown_reference', `names no function tool of this session: ${choice.name}`);
    }
  } else if (choice instanceof RealtimeToolChoiceMcp) {
    if (!tools.some((tool) => tool instanceof RealtimeMcpTool && tool.serverLabel === choice.serverLabel)) {
      const message = `names no MCP tool of this session: ${choice.serverLabel}`;
      out.add(joinPath(wire, 'server_label'), 'unknown_reference', message);
    }
  }
}
