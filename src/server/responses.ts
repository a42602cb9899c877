/*
 * What an emulated response will be, decided before anything is streamed:
 * the `response.create` parameters merged over the session's, validated as
 * the API validates them, and the output chosen: a function call when the
 * tools and `tool_choice` ask for one, else a message (one that mentions a
 * tool's output when the model is answering one).
 */
import { RealtimeConfigError, RealtimeSessionCreateRequest, validateSessionRequest } from '../model/index.js';
import { apiErrorOfIssue } from './api-errors.js';
import { isJsonObject } from './guards.js';
import { apiError, type ApiErrorBody } from './http.js';
import { sampleToolArguments } from './tool-arguments.js';

type Json = Record<string, unknown>;

/** What the emulator says when no tool is involved. */
export const DEFAULT_REPLY = 'Hello from the local Realtime emulator.';

/** The most characters of a tool's output a reply repeats. */
const MAX_QUOTED_OUTPUT_CHARS = 200;

/**
 * The `response.create` parameters that mirror session fields, validated as those are. `instructions`,
 * `conversation`, `input` and `metadata` are read too; the API's others (`prompt`, `reasoning`, …) are
 * accepted and not applied.
 */
const VALIDATED_PARAMS = ['tools', 'tool_choice', 'max_output_tokens', 'output_modalities'] as const;

/** One function call the response makes. */
export interface PlannedCall {
  readonly name: string;
  readonly callId: string;
  /** JSON text of arguments valid against the tool's parameters schema. */
  readonly arguments: string;
}

/** A response ready to stream. */
export interface ResponsePlan {
  readonly modalities: readonly string[];
  readonly audio: boolean;
  readonly maxOutputTokens: number | 'inf';
  /** The instructions this response follows: its own, or the session's. */
  readonly instructions: string;
  /** `none`: an out-of-band response, kept out of the conversation. */
  readonly conversation: 'auto' | 'none';
  readonly metadata: Json | null;
  /** A function call, or else the words of a message. */
  readonly output: { readonly call: PlannedCall } | { readonly words: readonly string[] };
}

export type ResponsePlanResult =
  { readonly ok: true; readonly plan: ResponsePlan } | { readonly ok: false; readonly error: ApiErrorBody };

const refused = (error: ApiErrorBody): ResponsePlanResult => ({ ok: false, error });

/** `text` as streamed words: each but the first with its leading space, as the API's deltas come. */
export function wordsOf(text: string): readonly string[] {
  return text.split(/(?= )/);
}

/** The text of a user message item: its typed text and the transcripts of its audio. */
function messageText(item: Json): string {
  const content = Array.isArray(item['content']) ? item['content'] : [];
  return content
    .filter(isJsonObject)
    .map((part) =>
      typeof part['text'] === 'string'
        ? part['text']
        : typeof part['transcript'] === 'string'
          ? part['transcript']
          : '',
    )
    .join(' ');
}

/** A tool the message names: `get_weather` as written, or as words (`get weather`). */
function namedIn(text: string, tools: readonly Json[]): Json | undefined {
  const lower = text.toLowerCase();
  return tools.find((tool) => {
    const name = String(tool['name']).toLowerCase();
    return lower.includes(name) || lower.includes(name.replaceAll(/[_-]/g, ' '));
  });
}

/** The reply to a tool's output: it says what the tool returned. */
function replyToOutput(output: Json, history: readonly Json[]): string {
  const call = history.find((item) => item['type'] === 'function_call' && item['call_id'] === output['call_id']);
  const name = typeof call?.['name'] === 'string' ? call['name'] : 'tool';
  const raw = typeof output['output'] === 'string' ? output['output'] : JSON.stringify(output['output'] ?? null);
  const quoted = raw.length > MAX_QUOTED_OUTPUT_CHARS ? `${raw.slice(0, MAX_QUOTED_OUTPUT_CHARS)}…` : raw;
  return `The ${name} tool returned ${quoted}.`;
}

/**
 * Validates `response.create`'s parameters over the session's config (the
 * response's tools, tool choice, token limit and modalities, checked as the
 * session's are, with params under `response.`), and decides the output.
 * `history` is the conversation, oldest first; a response with `input` reads
 * that instead. `newCallId` names a function call.
 */
export function planResponse(
  config: Json,
  rawParams: unknown,
  history: readonly Json[],
  newCallId: () => string,
): ResponsePlanResult {
  const params = rawParams ?? {};
  if (!isJsonObject(params)) return refused(apiError('invalid_type', 'response must be an object.', 'response'));
  const own = (key: string): unknown => (Object.hasOwn(params, key) ? params[key] : undefined);

  // The response's own choices, over the session's, read and validated as a session's are.
  const effective: Json = { model: config['model'] };
  for (const key of VALIDATED_PARAMS) {
    const value = own(key) ?? config[key];
    if (value !== undefined && value !== null) effective[key] = value;
  }
  let request: RealtimeSessionCreateRequest;
  try {
    request = RealtimeSessionCreateRequest.fromJson(effective);
  } catch (error) {
    if (!(error instanceof RealtimeConfigError)) throw error;
    return refused(apiErrorOfIssue(error.toIssue(), effective, 'response'));
  }
  const issue = validateSessionRequest(request)[0];
  if (issue !== undefined) return refused(apiErrorOfIssue(issue, effective, 'response'));

  const conversation = own('conversation') ?? 'auto';
  if (conversation !== 'auto' && conversation !== 'none') {
    return refused(
      apiError(
        'invalid_value',
        `Invalid value: '${String(conversation)}'. Supported values are: 'auto', and 'none'.`,
        'response.conversation',
      ),
    );
  }
  const input = own('input');
  if (input !== undefined && !Array.isArray(input)) {
    return refused(apiError('invalid_type', "Invalid type for 'response.input': expected an array.", 'response.input'));
  }
  const metadata = own('metadata');
  const context = input === undefined ? history : input.filter(isJsonObject);
  const modalities = (effective['output_modalities'] ?? ['audio']) as readonly string[];
  const instructions = own('instructions') ?? config['instructions'];
  return {
    ok: true,
    plan: {
      modalities,
      audio: modalities.includes('audio'),
      maxOutputTokens: (effective['max_output_tokens'] ?? 'inf') as number | 'inf',
      instructions: typeof instructions === 'string' ? instructions : '',
      conversation,
      metadata: isJsonObject(metadata) ? metadata : null,
      output: chooseOutput(effective, context, newCallId),
    },
  };
}

/**
 * A function call when the tool choice forces one, or (`auto`) when the
 * latest user message names a tool; otherwise a message. `none` never calls;
 * `required` always does, the named tool or else the first.
 */
function chooseOutput(effective: Json, context: readonly Json[], newCallId: () => string): ResponsePlan['output'] {
  const tools = (Array.isArray(effective['tools']) ? effective['tools'] : []).filter(
    (tool): tool is Json => isJsonObject(tool) && tool['type'] === 'function',
  );
  const choice = effective['tool_choice'] ?? 'auto';
  const latest = context.at(-1);
  const lastUserMessage = [...context].reverse().find((item) => item['type'] === 'message' && item['role'] === 'user');
  const named = lastUserMessage === undefined ? undefined : namedIn(messageText(lastUserMessage), tools);
  let tool: Json | undefined;
  if (isJsonObject(choice) && choice['type'] === 'function') {
    tool = tools.find((each) => each['name'] === choice['name']);
  } else if (choice === 'required') {
    tool = named ?? tools[0];
  } else if (choice === 'auto' && latest?.['type'] !== 'function_call_output') {
    // The model answers a tool's output rather than calling again.
    tool = named;
  }
  if (tool !== undefined) {
    const name = String(tool['name']);
    return { call: { name, callId: newCallId(), arguments: JSON.stringify(sampleToolArguments(tool['parameters'])) } };
  }
  if (latest?.['type'] === 'function_call_output') return { words: wordsOf(replyToOutput(latest, context)) };
  return { words: wordsOf(DEFAULT_REPLY) };
}
