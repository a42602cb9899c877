type Json = Record<string, unknown>;

/** A client secret the emulator minted. */
export interface MintedSecret {
  readonly expiresAtMs: number;
  /** The session's model: a connection with this secret needs no `?model=`. */
  readonly model: string;
  /** The rest of the session config the secret was minted with. */
  readonly settings: Json;
}

/** The minted secrets: expired ones are dropped, and the oldest go first when the store is full. */
export interface SecretStore {
  add(value: string, secret: MintedSecret): void;
  /** The secret, unless it is unknown or expired. */
  get(value: string): MintedSecret | undefined;
  /** Drops every expired secret. */
  prune(): void;
  readonly size: number;
  clear(): void;
}

/** Minting sweeps expired secrets at most this often, so a burst of mints stays O(1) each. */
const MINT_PRUNE_INTERVAL_MS = 1000;

export function createSecretStore(maxSecrets: number): SecretStore {
  // A Map iterates in insertion order: its first key is the oldest secret.
  const secrets = new Map<string, MintedSecret>();
  let lastPrune = Number.NEGATIVE_INFINITY;

  function prune(): void {
    const now = Date.now();
    lastPrune = now;
    for (const [value, secret] of secrets) if (secret.expiresAtMs <= now) secrets.delete(value);
  }

  return {
    add(value, secret) {
      if (Date.now() - lastPrune >= MINT_PRUNE_INTERVAL_MS) prune();
      while (secrets.size >= Math.max(1, maxSecrets)) {
        const oldest = secrets.keys().next();
        if (oldest.done === true) break;
        secrets.delete(oldest.value);
      }
      secrets.set(value, secret);
    },
    get(value) {
      const secret = secrets.get(value);
      if (secret === undefined) return undefined;
      if (secret.expiresAtMs <= Date.now()) {
        secrets.delete(value);
        return undefined;
      }
      return secret;
    },
    prune,
    get size() {
      return secrets.size;
    },
    clear() {
      secrets.clear();
    },
  };
}
