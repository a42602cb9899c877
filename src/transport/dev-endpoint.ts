import { DEV_ENDPOINT_META_NAME, parseDevEndpointContent, type RealtimeDevEndpoint } from '../protocol/index.js';
import type { RealtimeClientSecretContext, RealtimeClientSecretResult } from './connection.js';

/**
 * The Realtime endpoint the page's own server announces (the
 * `realtimeDevServer()` Vite plugin does, in `vite` and `vite preview`), or
 * `undefined` outside a browser or without one. Reads the DOM: call it from
 * an effect or an event handler, never while rendering.
 */
export function readDevEndpoint(): RealtimeDevEndpoint | undefined {
  const page = (globalThis as { document?: Pick<Document, 'querySelector'> }).document;
  const meta = page?.querySelector<HTMLMetaElement>(`meta[name="${DEV_ENDPOINT_META_NAME}"]`);
  return parseDevEndpointContent(meta?.content);
}

/**
 * A `getClientSecret` that asks a same-origin route (such as the dev
 * server's, or your own `createClientSecretHandler`) for an `ek_…` secret.
 */
export function clientSecretFrom(
  path: string,
): (context: RealtimeClientSecretContext) => Promise<RealtimeClientSecretResult> {
  return async ({ model }) => {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ session: { type: 'realtime', model } }),
    });
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 300);
      throw new Error(`POST ${path} answered ${response.status}${detail === '' ? '' : `: ${detail}`}`);
    }
    return (await response.json()) as RealtimeClientSecretResult;
  };
}
