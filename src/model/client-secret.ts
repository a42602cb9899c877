import { defineModel, RealtimeModel, type ExtraInit } from './base.js';
import { literal, modelCodec, numberCodec } from './codec.js';
import { adoptFrozenJson, type JsonObject } from './json.js';
import { REALTIME_LIMITS } from './rules.js';
import {
  RealtimeSessionCreateRequest,
  type RealtimeSessionCreateRequestInit,
  type RealtimeSessionCreateRequestJson,
} from './session-request.js';

export interface RealtimeClientSecretExpiresAfterInit extends ExtraInit {
  /** What the lifetime counts from; only `created_at`. */
  readonly anchor?: 'created_at';
  /** Lifetime of the secret, 10–7200 seconds. Server default 600. */
  readonly seconds?: number;
}

/** Wire JSON of {@link RealtimeClientSecretExpiresAfter}. */
export interface RealtimeClientSecretExpiresAfterJson {
  anchor: 'created_at';
  seconds?: number;
}

/**
 * How long a minted client secret lives.
 *
 * @example
 * ```ts
 * new RealtimeClientSecretExpiresAfter({ seconds: 600 }).toJson(); // { anchor: 'created_at', seconds: 600 }
 * ```
 */
export class RealtimeClientSecretExpiresAfter extends RealtimeModel<
  RealtimeClientSecretExpiresAfterJson,
  RealtimeClientSecretExpiresAfterInit
> {
  declare readonly anchor: 'created_at';
  declare readonly seconds?: number;

  static {
    defineModel(this, 'RealtimeClientSecretExpiresAfter', {
      anchor: { ...literal('created_at'), default: 'created_at' },
      seconds: { codec: numberCodec, range: { ...REALTIME_LIMITS.clientSecretSeconds, integer: true } },
    });
  }
}

export interface RealtimeClientSecretCreateRequestInit extends ExtraInit {
  /** The session the secret is minted for. */
  readonly session: RealtimeSessionCreateRequest | RealtimeSessionCreateRequestInit;
  /** The secret's lifetime. */
  readonly expiresAfter?: RealtimeClientSecretExpiresAfter | RealtimeClientSecretExpiresAfterInit;
}

/** Wire JSON of {@link RealtimeClientSecretCreateRequest}: the body of `POST /v1/realtime/client_secrets`. */
export interface RealtimeClientSecretCreateRequestJson {
  expires_after?: RealtimeClientSecretExpiresAfterJson;
  session: RealtimeSessionCreateRequestJson & { type: 'realtime' };
}

/**
 * The body of `POST /v1/realtime/client_secrets`, which mints an ephemeral
 * `ek_…` secret a browser may use. Its `toJson()` always writes
 * `session.type: 'realtime'`.
 *
 * @example
 * ```ts
 * const body = new RealtimeClientSecretCreateRequest({
 *   session: new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' }),
 *   expiresAfter: { seconds: 600 },
 * }).toJson();
 * ```
 */
export class RealtimeClientSecretCreateRequest extends RealtimeModel<
  RealtimeClientSecretCreateRequestJson,
  RealtimeClientSecretCreateRequestInit
> {
  declare readonly session: RealtimeSessionCreateRequest;
  declare readonly expiresAfter?: RealtimeClientSecretExpiresAfter;

  protected override buildJson(): object {
    // The endpoint needs the session's type even when the request left it unset.
    const json = super.buildJson() as Record<string, JsonObject>;
    return { ...json, session: adoptFrozenJson({ type: 'realtime', ...json['session'] }) };
  }

  static {
    defineModel(this, 'RealtimeClientSecretCreateRequest', {
      expiresAfter: { codec: modelCodec(RealtimeClientSecretExpiresAfter) },
      session: { codec: modelCodec(RealtimeSessionCreateRequest), required: true },
    });
  }
}
