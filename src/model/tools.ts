import { defineModel, RealtimeModel, type ExtraInit } from './base.js';
import {
  booleanCodec,
  discriminatedCodec,
  fixed,
  jsonObjectCodec,
  listOf,
  modelCodec,
  oneOf,
  stringArrayCodec,
  stringCodec,
  stringListOrCodec,
  stringOrCodec,
  stringRecordCodec,
} from './codec.js';
import {
  RealtimeMcpAllowedCaller,
  RealtimeMcpApprovalMode,
  RealtimeMcpConnectorId,
  type RealtimeToolChoiceMode,
} from './enums.js';
import type { JsonObject } from './json.js';
import { checkParameterSchema } from './json-schema.js';
import type { RealtimeOff } from './off.js';
import { atLeastOne, FUNCTION_NAME_PATTERN, REALTIME_LIMITS, TUNNEL_ID_PATTERN, type IssueCollector } from './rules.js';

// ---------------------------------------------------------------- function tool

export interface RealtimeFunctionToolInit extends ExtraInit {
  readonly type?: 'function';
  /** 1–64 characters of `a-zA-Z0-9_-`, unique among the session's tools. */
  readonly name?: string;
  /** When and how the model should call the function. */
  readonly description?: string;
  /** A JSON Schema object describing the arguments. */
  readonly parameters?: JsonObject;
}

/** Wire JSON of {@link RealtimeFunctionTool}. */
export interface RealtimeFunctionToolJson {
  type: 'function';
  name?: string;
  description?: string;
  parameters?: JsonObject;
}

/**
 * A function the model can call; your client runs it and returns the output.
 *
 * @example
 * ```ts
 * new RealtimeFunctionTool({
 *   name: 'get_weather',
 *   description: 'Current weather for a city.',
 *   parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
 * });
 * ```
 */
export class RealtimeFunctionTool extends RealtimeModel<RealtimeFunctionToolJson, RealtimeFunctionToolInit, 'type'> {
  declare readonly type: 'function';
  declare readonly name?: string;
  declare readonly description?: string;
  declare readonly parameters?: JsonObject;

  static {
    defineModel(this, 'RealtimeFunctionTool', {
      type: fixed('function'),
      name: {
        codec: stringCodec,
        expected: true,
        pattern: [FUNCTION_NAME_PATTERN, 'must be 1–64 letters, digits, underscores or hyphens'],
      },
      description: { codec: stringCodec, maxLength: REALTIME_LIMITS.toolDescriptionChars },
      parameters: { codec: jsonObjectCodec, check: checkParameterSchema },
    });
  }
}

// ---------------------------------------------------------------- MCP filters

export interface RealtimeMcpToolFilterInit extends ExtraInit {
  /** Tool names the filter matches. */
  readonly toolNames?: readonly string[];
  /** Match tools annotated read-only (`readOnlyHint`). */
  readonly readOnly?: boolean;
}

/** Wire JSON of {@link RealtimeMcpToolFilter}. */
export interface RealtimeMcpToolFilterJson {
  tool_names?: string[];
  read_only?: boolean;
}

/**
 * Selects an MCP server's tools by name or by their read-only hint.
 *
 * @example
 * ```ts
 * new RealtimeMcpToolFilter({ toolNames: ['search'], readOnly: true });
 * ```
 */
export class RealtimeMcpToolFilter extends RealtimeModel<RealtimeMcpToolFilterJson, RealtimeMcpToolFilterInit> {
  declare readonly toolNames?: readonly string[];
  declare readonly readOnly?: boolean;

  static {
    defineModel(this, 'RealtimeMcpToolFilter', {
      toolNames: { codec: stringArrayCodec },
      readOnly: { codec: booleanCodec },
    });
  }
}

const mcpFilterCodec = modelCodec(RealtimeMcpToolFilter);

export interface RealtimeMcpApprovalFilterInit extends ExtraInit {
  /** Tools that always need approval. */
  readonly always?: RealtimeMcpToolFilter | RealtimeMcpToolFilterInit;
  /** Tools that never need approval. */
  readonly never?: RealtimeMcpToolFilter | RealtimeMcpToolFilterInit;
}

/** Wire JSON of {@link RealtimeMcpApprovalFilter}. */
export interface RealtimeMcpApprovalFilterJson {
  always?: RealtimeMcpToolFilterJson;
  never?: RealtimeMcpToolFilterJson;
}

/**
 * Per-tool approval policy for an MCP server.
 *
 * @example
 * ```ts
 * new RealtimeMcpApprovalFilter({ never: { toolNames: ['search'] } });
 * ```
 */
export class RealtimeMcpApprovalFilter extends RealtimeModel<
  RealtimeMcpApprovalFilterJson,
  RealtimeMcpApprovalFilterInit
> {
  declare readonly always?: RealtimeMcpToolFilter;
  declare readonly never?: RealtimeMcpToolFilter;

  static {
    defineModel(this, 'RealtimeMcpApprovalFilter', {
      always: { codec: mcpFilterCodec },
      never: { codec: mcpFilterCodec },
    });
  }
}

// ---------------------------------------------------------------- MCP tool

export interface RealtimeMcpToolInit extends ExtraInit {
  readonly type?: 'mcp';
  /** Identifies this server in tool calls and in `tool_choice`. */
  readonly serverLabel: string;
  /** The MCP server's URL. Give exactly one of `serverUrl`, `connectorId`, `tunnelId`. */
  readonly serverUrl?: string;
  /**
   * A service connector instead of a URL.
   *
   * @deprecated OpenAI deprecates connectors for models released after September 1, 2026: give
   * `serverUrl` (a remote MCP server) or `tunnelId` (a Secure MCP Tunnel) instead. Older models still take it.
   */
  readonly connectorId?: RealtimeMcpConnectorId;
  /** A Secure MCP Tunnel id (`tunnel_` + 32 lowercase letters or digits). */
  readonly tunnelId?: string;
  /** OAuth access token for the server. A secret: redacted by `toString()`. */
  readonly authorization?: string;
  /** What the server offers, to help the model. */
  readonly serverDescription?: string;
  /** HTTP headers sent to the server. Values are secrets: redacted by `toString()`. */
  readonly headers?: Readonly<Record<string, string>> | RealtimeOff;
  /** Tool names, or a filter, the model may use. */
  readonly allowedTools?: readonly string[] | RealtimeMcpToolFilter | RealtimeMcpToolFilterInit | RealtimeOff;
  /** Contexts the tools may be invoked from; at least one. */
  readonly allowedCallers?: readonly RealtimeMcpAllowedCaller[] | RealtimeOff;
  /** `always`, `never`, or a per-tool filter. Server default `always`. */
  readonly requireApproval?:
    RealtimeMcpApprovalMode | RealtimeMcpApprovalFilter | RealtimeMcpApprovalFilterInit | RealtimeOff;
  /** Discover the tools lazily through tool search. */
  readonly deferLoading?: boolean;
}

/** Wire JSON of {@link RealtimeMcpTool}. */
export interface RealtimeMcpToolJson {
  type: 'mcp';
  server_label: string;
  server_url?: string;
  /** @deprecated for models released after September 1, 2026: use `server_url` or `tunnel_id`. */
  connector_id?: RealtimeMcpConnectorId;
  tunnel_id?: string;
  authorization?: string;
  server_description?: string;
  headers?: Record<string, string> | null;
  allowed_tools?: string[] | RealtimeMcpToolFilterJson | null;
  allowed_callers?: RealtimeMcpAllowedCaller[] | null;
  require_approval?: RealtimeMcpApprovalMode | RealtimeMcpApprovalFilterJson | null;
  defer_loading?: boolean;
}

/**
 * Tools from a remote MCP server or a service connector.
 *
 * @example
 * ```ts
 * new RealtimeMcpTool({
 *   serverLabel: 'docs',
 *   serverUrl: 'https://mcp.example.com',
 *   headers: { Authorization: 'Bearer …' },
 *   requireApproval: 'never',
 * });
 * ```
 */
export class RealtimeMcpTool extends RealtimeModel<RealtimeMcpToolJson, RealtimeMcpToolInit, 'type'> {
  declare readonly type: 'mcp';
  declare readonly serverLabel: string;
  declare readonly serverUrl?: string;
  declare readonly connectorId?: RealtimeMcpConnectorId;
  declare readonly tunnelId?: string;
  declare readonly authorization?: string;
  declare readonly serverDescription?: string;
  declare readonly headers?: Readonly<Record<string, string>> | RealtimeOff;
  declare readonly allowedTools?: readonly string[] | RealtimeMcpToolFilter | RealtimeOff;
  declare readonly allowedCallers?: readonly RealtimeMcpAllowedCaller[] | RealtimeOff;
  declare readonly requireApproval?: RealtimeMcpApprovalMode | RealtimeMcpApprovalFilter | RealtimeOff;
  declare readonly deferLoading?: boolean;

  static {
    defineModel(this, 'RealtimeMcpTool', {
      type: fixed('mcp'),
      serverLabel: { codec: stringCodec, required: true, nonEmpty: true },
      serverUrl: { codec: stringCodec, pattern: [{ test: isHttpUrl }, 'must be an http(s) URL'] },
      connectorId: oneOf(RealtimeMcpConnectorId),
      tunnelId: {
        codec: stringCodec,
        pattern: [TUNNEL_ID_PATTERN, "must be 'tunnel_' followed by 32 lowercase letters or digits"],
      },
      authorization: { codec: stringCodec, secret: true },
      serverDescription: { codec: stringCodec },
      headers: { codec: stringRecordCodec, nullable: true, secret: true, check: checkHeaderNames },
      allowedTools: { codec: stringListOrCodec(mcpFilterCodec), nullable: true },
      allowedCallers: { ...listOf(RealtimeMcpAllowedCaller), nullable: true, check: atLeastOne('caller') },
      requireApproval: {
        ...oneOf(RealtimeMcpApprovalMode),
        codec: stringOrCodec(modelCodec(RealtimeMcpApprovalFilter)),
        nullable: true,
      },
      deferLoading: { codec: booleanCodec },
    });
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

function checkHeaderNames(headers: unknown, path: string, out: IssueCollector): void {
  for (const name of Object.keys(headers as object)) {
    if (name.trim() === '') out.add(path, 'invalid_value', 'header names must not be empty');
  }
}

/** A tool the session offers the model. */
export type RealtimeTool = RealtimeFunctionTool | RealtimeMcpTool;
/** Init form of {@link RealtimeTool}: an instance, or a plain init with its `type`. */
export type RealtimeToolInit =
  | RealtimeTool
  | (RealtimeFunctionToolInit & { readonly type: 'function' })
  | (RealtimeMcpToolInit & { readonly type: 'mcp' });

/** Function tools without a `type` are allowed by the schema, so they are the fallback. */
export const toolCodec = discriminatedCodec<RealtimeTool>(
  { function: RealtimeFunctionTool, mcp: RealtimeMcpTool },
  'function',
);

// ---------------------------------------------------------------- tool choice

export interface RealtimeToolChoiceFunctionInit extends ExtraInit {
  readonly type?: 'function';
  /** Name of the function tool the model must call. */
  readonly name: string;
}

/** Wire JSON of {@link RealtimeToolChoiceFunction}. */
export interface RealtimeToolChoiceFunctionJson {
  type: 'function';
  name: string;
}

/**
 * Forces the model to call one function tool.
 *
 * @example
 * ```ts
 * request.copyWith({ toolChoice: new RealtimeToolChoiceFunction({ name: 'get_weather' }) });
 * ```
 */
export class RealtimeToolChoiceFunction extends RealtimeModel<
  RealtimeToolChoiceFunctionJson,
  RealtimeToolChoiceFunctionInit,
  'type'
> {
  declare readonly type: 'function';
  declare readonly name: string;

  static {
    defineModel(this, 'RealtimeToolChoiceFunction', {
      type: fixed('function'),
      name: { codec: stringCodec, required: true, nonEmpty: true },
    });
  }
}

export interface RealtimeToolChoiceMcpInit extends ExtraInit {
  readonly type?: 'mcp';
  /** The MCP tool's `server_label`. */
  readonly serverLabel: string;
  /** A tool on that server; unset for any of its tools. */
  readonly name?: string | RealtimeOff;
}

/** Wire JSON of {@link RealtimeToolChoiceMcp}. */
export interface RealtimeToolChoiceMcpJson {
  type: 'mcp';
  server_label: string;
  name?: string | null;
}

/**
 * Forces the model to call a tool of one MCP server.
 *
 * @example
 * ```ts
 * new RealtimeToolChoiceMcp({ serverLabel: 'docs', name: 'search' });
 * ```
 */
export class RealtimeToolChoiceMcp extends RealtimeModel<RealtimeToolChoiceMcpJson, RealtimeToolChoiceMcpInit, 'type'> {
  declare readonly type: 'mcp';
  declare readonly serverLabel: string;
  declare readonly name?: string | RealtimeOff;

  static {
    defineModel(this, 'RealtimeToolChoiceMcp', {
      type: fixed('mcp'),
      serverLabel: { codec: stringCodec, required: true, nonEmpty: true },
      name: { codec: stringCodec, nullable: true },
    });
  }
}

/** How the model chooses tools: a mode, or one specific function or MCP server. */
export type RealtimeToolChoice = RealtimeToolChoiceMode | RealtimeToolChoiceFunction | RealtimeToolChoiceMcp;
/** Init form of {@link RealtimeToolChoice}. */
export type RealtimeToolChoiceInit =
  | RealtimeToolChoice
  | (RealtimeToolChoiceFunctionInit & { readonly type: 'function' })
  | (RealtimeToolChoiceMcpInit & { readonly type: 'mcp' });

export const toolChoiceCodec = stringOrCodec(
  discriminatedCodec<RealtimeToolChoiceFunction | RealtimeToolChoiceMcp>({
    function: RealtimeToolChoiceFunction,
    mcp: RealtimeToolChoiceMcp,
  }),
);
