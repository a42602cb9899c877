import {
  copyModel,
  readContext,
  readModel,
  readSafely,
  RealtimeModel,
  type CopyWithPatch,
  type ExtraInit,
} from './base.js';
import { defineFields, modelCodec, numberCodec, stringCodec, type FromJsonOptions, type ReadContext } from './codec.js';
import { adoptFrozenJson, objectFromEntries } from './json.js';
import {
  RealtimeSessionCreateRequest,
  type RealtimeSessionCreateRequestInit,
  type RealtimeSessionCreateRequestJson,
} from './session-request.js';

const expiresAfterFields = defineFields('RealtimeClientSecretExpiresAfter', {
  anchor: { codec: stringCodec },
  seconds: { codec: numberCodec },
});

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
export class RealtimeClientSecretExpiresAfter extends RealtimeModel<RealtimeClientSecretExpiresAfterJson> {
  declare readonly anchor: 'created_at';
  declare readonly seconds?: number;

  constructor(init: RealtimeClientSecretExpiresAfterInit = {}) {
    super(expiresAfterFields, { ...init, anchor: init.anchor ?? 'created_at' });
    Object.freeze(this);
  }

  protected get fieldTable() {
    return expiresAfterFields;
  }

  static fromJson(json: unknown, options?: FromJsonOptions): RealtimeClientSecretExpiresAfter {
    return readSafely(() => RealtimeClientSecretExpiresAfter.readAt(json, '', readContext(options)));
  }

  /** @internal */
  static readAt(json: unknown, path: string, context: ReadContext): RealtimeClientSecretExpiresAfter {
    return readModel(RealtimeClientSecretExpiresAfter, expiresAfterFields, json, path, context);
  }

  copyWith(patch: CopyWithPatch<RealtimeClientSecretExpiresAfterInit>): RealtimeClientSecretExpiresAfter {
    return copyModel(this, patch);
  }
}

const clientSecretFields = defineFields('RealtimeClientSecretCreateRequest', {
  expiresAfter: { codec: modelCodec(RealtimeClientSecretExpiresAfter) },
  session: { codec: modelCodec(RealtimeSessionCreateRequest), required: true },
});

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
export class RealtimeClientSecretCreateRequest extends RealtimeModel<RealtimeClientSecretCreateRequestJson> {
  declare readonly session: RealtimeSessionCreateRequest;
  declare readonly expiresAfter?: RealtimeClientSecretExpiresAfter;

  constructor(init: RealtimeClientSecretCreateRequestInit) {
    super(clientSecretFields, init);
    Object.freeze(this);
  }

  protected get fieldTable() {
    return clientSecretFields;
  }

  protected override buildJson(): object {
    // The endpoint needs the session's type even when the request left it unset.
    const json = super.buildJson() as Record<string, unknown>;
    return objectFromEntries(
      Object.entries(json).map(([key, value]) =>
        key === 'session'
          ? ([key, adoptFrozenJson({ type: 'realtime', ...(value as object) })] as const)
          : ([key, value] as const),
      ),
    );
  }

  static fromJson(json: unknown, options?: FromJsonOptions): RealtimeClientSecretCreateRequest {
    return readSafely(() => RealtimeClientSecretCreateRequest.readAt(json, '', readContext(options)));
  }

  /** @internal */
  static readAt(json: unknown, path: string, context: ReadContext): RealtimeClientSecretCreateRequest {
    return readModel(RealtimeClientSecretCreateRequest, clientSecretFields, json, path, context);
  }

  copyWith(patch: CopyWithPatch<RealtimeClientSecretCreateRequestInit>): RealtimeClientSecretCreateRequest {
    return copyModel(this, patch);
  }
}
