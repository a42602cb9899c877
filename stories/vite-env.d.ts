/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Set by `realtimeDevServer()`: the Realtime endpoint paired with the dev server's client secrets. */
  readonly VITE_REALTIME_URL?: string;
}
