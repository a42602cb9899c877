import type {
  ConfigIssue,
  JsonValue,
  RealtimeSessionCreateRequest,
  RealtimeSessionFieldPath,
  RealtimeSessionUpdateJson,
} from '../model/index.js';
import type {
  McpListToolsEvent,
  RealtimeErrorEvent,
  RealtimeMcpListToolsItem,
  RealtimeProtocolIssue,
  SessionCreatedEvent,
  SessionUpdatedEvent,
} from '../protocol/index.js';
import type { RealtimeTransportStatus } from '../transport/index.js';

/**
 * Where the session stands: `idle` before the first `connect()`, `connecting`
 * until the server's `session.created`, `open` while edits can be sent,
 * `reconnecting` after a drop (or `reconnect()`), `closed` after
 * `disconnect()`, `failed` when reconnecting gave up. The same six states as
 * the transport's, which it follows: the union is written once, there.
 */
export type RealtimeSessionStatus = RealtimeTransportStatus;

/**
 * Where one field's draft value stands against the live session:
 * - `synced`: the server acknowledged this value (or neither side specifies it);
 * - `dirty`: edited, not sent yet (coalescing, or no session to send to);
 * - `pending`: sent, waiting for `session.updated`;
 * - `rejected`: the server refused this value; the draft keeps it;
 * - `invalid`: the draft fails validation, so it is not sent;
 * - `locked`: the live session cannot take this change; `reconnect()` applies it.
 */
export type SessionFieldStatus = 'synced' | 'dirty' | 'pending' | 'rejected' | 'invalid' | 'locked';

/** Why a field cannot change in the live session. */
export type SessionLockReason = 'connected' | 'audio_output' | 'tracing_enabled';

/** A field the live session will not change; edits to it wait for a fresh session. */
export interface SessionLock {
  readonly field: RealtimeSessionFieldPath;
  readonly reason: SessionLockReason;
  /** A sentence for the UI. */
  readonly message: string;
}

/** Something that went wrong, kept in the snapshot for display. */
export interface SessionError {
  /**
   * `server`: an `error` event; `protocol`: a frame that could not be read;
   * `transport`: the connection; `timeout`: an update the server never answered.
   */
  readonly source: 'server' | 'protocol' | 'transport' | 'timeout';
  readonly code: string;
  readonly message: string;
  /** The server's `param`, for example `session.audio.output.voice`. */
  readonly param?: string;
  /** The session field the error is about. */
  readonly field?: RealtimeSessionFieldPath;
  /** The client `event_id` the error answers. */
  readonly eventId?: string;
  /** When it happened, in epoch milliseconds. */
  readonly at: number;
}

/** A value the server refused, held back until the field is edited or reverted. */
export interface SessionFieldRejection {
  /** The refused wire value; the field shows `rejected` while the draft still holds it. */
  readonly value: JsonValue | undefined;
  readonly error: SessionError;
}

/**
 * Why a field whose own value is fine is not sent: sending it would make the
 * session invalid because of another field. Removing the tool that
 * `tool_choice` names, for example, waits until `tool_choice` changes.
 */
export interface SessionFieldHold {
  /** The field whose value blocks this one. */
  readonly field: RealtimeSessionFieldPath;
  /** The blocking field's problem, as validation words it. */
  readonly message: string;
  /** An edit of the blocking field that unblocks this one, when there is an obvious one. */
  readonly fix?: {
    readonly field: RealtimeSessionFieldPath;
    readonly value: JsonValue;
    /** A label for a button, such as "Set tool choice to auto". */
    readonly label: string;
  };
}

/** Everything a form needs to show about one field. */
export interface SessionFieldState {
  readonly status: SessionFieldStatus;
  /** Validation issues of the draft under this field. */
  readonly issues: readonly ConfigIssue[];
  /**
   * The server's rejection, while the draft holds the refused value; or, while
   * the field is re-sent, the timeout of the update that went unanswered.
   */
  readonly error?: SessionError;
  /** Set when the live session will not change this field. */
  readonly lock?: SessionLock;
  /** Set while the field is `dirty` only because another field's problem keeps it from being sent. */
  readonly heldBy?: SessionFieldHold;
}

/** A `session.update` sent and not yet answered. */
export interface PendingSessionUpdate {
  /** The client `event_id`: an `error` carrying it rejects this update. */
  readonly eventId: string;
  /** The payload as sent. */
  readonly session: RealtimeSessionUpdateJson;
  /** The request the session will match once this update is acknowledged. */
  readonly request: RealtimeSessionCreateRequest;
  /** The fields the payload changes. */
  readonly fields: readonly RealtimeSessionFieldPath[];
  /**
   * The fields no `session.updated` has confirmed yet. Acknowledgements are
   * matched by content, never by position: a `session.updated` confirms each
   * pending field whose value it carries.
   */
  readonly awaiting: readonly RealtimeSessionFieldPath[];
  /** When it was sent, in epoch milliseconds; the acknowledgement timeout counts from here. */
  readonly sentAt: number;
}

/**
 * Where the server stands in listing one MCP server's tools:
 * - `listing`: it announced the listing (`conversation.item.added`) and has no answer yet;
 * - `listed`: the tools arrived (`conversation.item.done`, after `mcp_list_tools.completed`);
 * - `failed`: `mcp_list_tools.failed`; the model has none of this server's tools.
 */
export type McpToolListingStatus = 'listing' | 'listed' | 'failed';

/** One tool an MCP server listed, as far as a form shows it (its schema stays in the event log). */
export interface McpListedToolSummary {
  readonly name: string;
  readonly description?: string;
}

/** Why the server could not list an MCP server's tools. */
export interface McpToolListingError {
  /**
   * Only the kit's emulator says why (its `kit_error`): the server was
   * unreachable, refused the credentials, timed out, broke the protocol, or the
   * emulator lacks the MCP SDK. The real API's `mcp_list_tools.failed` gives no
   * reason, so this is absent and `message` is a generic sentence.
   */
  readonly reason?: NonNullable<McpListToolsEvent['kit_error']>['reason'];
  /** A sentence for the UI. The emulator's are already redacted: no header value or token is in them. */
  readonly message: string;
}

/**
 * The live session's listing of one MCP tool's server, keyed in the snapshot
 * by its `server_label`. A frozen value, replaced (never mutated) when the
 * listing moves on; it keeps its identity while nothing about it changes.
 *
 * @example
 * ```tsx
 * const crm = useSessionSelector((snapshot) => snapshot.mcpListings['crm']);
 * if (crm?.status === 'listed') console.log(crm.tools.map((tool) => tool.name));
 * ```
 */
export interface McpToolListing {
  readonly serverLabel: string;
  readonly status: McpToolListingStatus;
  /** The server's `mcp_list_tools` item: the `mcp_list_tools.*` events name it, and a newer one supersedes it. */
  readonly itemId: string;
  /** The tools listed, in the server's order; empty until `listed`. */
  readonly tools: readonly McpListedToolSummary[];
  /** Set when `failed`. */
  readonly error?: McpToolListingError;
}

/**
 * The session store's state: one immutable value, replaced on every change
 * and shared structurally, so a selector sees the same reference until its
 * slice really changes.
 */
export interface RealtimeSessionSnapshot {
  readonly status: RealtimeSessionStatus;
  /** The config the forms show and edit. */
  readonly draft: RealtimeSessionCreateRequest;
  /** The request the store was created with; `revert()` falls back to it without a session. */
  readonly initial: RealtimeSessionCreateRequest;
  /** The server's full effective config from the last `session.created`/`updated`, defaults included. For display only. */
  readonly applied: RealtimeSessionCreateRequest | undefined;
  /**
   * The last request the server acknowledged: what diffs are computed against.
   * Right after `session.created` it is the empty request (just the model),
   * so the whole draft is sent. `undefined` without a session.
   */
  readonly acknowledged: RealtimeSessionCreateRequest | undefined;
  /** Updates in flight, oldest first. */
  readonly pending: readonly PendingSessionUpdate[];
  /** Status, issues, rejection and lock of every field. */
  readonly fields: Readonly<Record<RealtimeSessionFieldPath, SessionFieldState>>;
  /** Every validation issue of the draft. */
  readonly issues: readonly ConfigIssue[];
  /** The latest errors, oldest first (bounded). */
  readonly errors: readonly SessionError[];
  /** Values the server refused, by field. */
  readonly rejections: Readonly<Partial<Record<RealtimeSessionFieldPath, SessionFieldRejection>>>;
  /** Fields the live session will not change, by field. */
  readonly locks: Readonly<Partial<Record<RealtimeSessionFieldPath, SessionLock>>>;
  /**
   * Server errors that named no `event_id` while updates were in flight. The
   * server answers updates in order, so the next acknowledgement tells which
   * update each one refused.
   */
  readonly unmatchedErrors: readonly SessionError[];
  /** Fields whose update went unanswered and is being re-sent, by field. A second timeout rejects the value. */
  readonly timeouts: Readonly<Partial<Record<RealtimeSessionFieldPath, SessionFieldRejection>>>;
  /** The server's `sess_…` id. */
  readonly sessionId: string | undefined;
  /** When the server session expires, in epoch seconds. */
  readonly expiresAt: number | undefined;
  /**
   * The live session's listing of each MCP tool's server, by `server_label`
   * (a null-prototype record, so any label, `constructor` included, reads
   * safely). The server lists a server when a `session.update` adds or changes
   * its MCP tool; a new listing of the same label replaces the old one, and
   * events of the old one are ignored after that. A listing goes away when the
   * session's config (`session.updated`) no longer has an MCP tool of its label,
   * and all go with the session: on `session.created`, and on any drop,
   * reconnect or disconnect, since a fresh session lists its servers again.
   */
  readonly mcpListings: Readonly<Record<string, McpToolListing>>;
}

/** Every state change of a session store; {@link sessionReducer} is the only place they are applied. */
export type SessionAction =
  | {
      readonly type: 'edit';
      readonly draft: RealtimeSessionCreateRequest;
      /** The fields the edit changed: the reducer re-derives only these (and any whose issues moved). */
      readonly fields: readonly RealtimeSessionFieldPath[];
    }
  | { readonly type: 'revert'; readonly field: RealtimeSessionFieldPath }
  | { readonly type: 'connect' }
  | { readonly type: 'reconnect' }
  | { readonly type: 'disconnect' }
  | {
      readonly type: 'transport';
      readonly status: RealtimeTransportStatus;
      readonly error?: Error;
      readonly at: number;
    }
  | { readonly type: 'session_created'; readonly event: SessionCreatedEvent }
  | { readonly type: 'session_updated'; readonly event: SessionUpdatedEvent }
  | { readonly type: 'server_error'; readonly event: RealtimeErrorEvent; readonly at: number }
  | { readonly type: 'protocol_issue'; readonly issue: RealtimeProtocolIssue; readonly at: number }
  | { readonly type: 'audio_output_started' }
  | {
      readonly type: 'mcp_list_tools_item';
      /** `added` starts a listing, `done` carries its tools. */
      readonly phase: 'added' | 'done';
      readonly item: RealtimeMcpListToolsItem;
    }
  | { readonly type: 'mcp_list_tools'; readonly event: McpListToolsEvent }
  | { readonly type: 'sent'; readonly update: PendingSessionUpdate }
  | { readonly type: 'ack_timeout'; readonly eventId: string; readonly at: number }
  | { readonly type: 'send_failed'; readonly error: Error; readonly at: number };
