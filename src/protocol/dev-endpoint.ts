/**
 * How a page learns the Realtime endpoint of the server that serves it.
 *
 * `realtimeDevServer()` (the Vite plugin) adds a
 * `<meta name="react-realtime-session:endpoint" content='{"url":…,"clientSecretPath":…}'>`
 * to every HTML page the dev and preview servers serve (never to a build's
 * files). `useRealtimeSession` reads it when it is given no endpoint of its
 * own, so an app under the plugin connects with no options at all. A meta tag
 * rather than an inline script keeps strict Content-Security-Policies happy.
 */
export const DEV_ENDPOINT_META_NAME = 'react-realtime-session:endpoint';

/** What the dev endpoint meta tag carries. */
export interface RealtimeDevEndpoint {
  /** The Realtime WebSocket endpoint without query: a path such as `/v1/realtime`, or an absolute URL. */
  readonly url: string;
  /** Where `POST { session }` mints an `ek_…` client secret, at the page's own origin. */
  readonly clientSecretPath: string;
}

/** The meta tag's `content` for an endpoint. */
export function devEndpointContent(endpoint: RealtimeDevEndpoint): string {
  return JSON.stringify({ url: endpoint.url, clientSecretPath: endpoint.clientSecretPath });
}

/** Reads a meta tag's `content`; `undefined` for anything that is not a well-formed endpoint. */
export function parseDevEndpointContent(content: string | null | undefined): RealtimeDevEndpoint | undefined {
  if (typeof content !== 'string' || content.length > 2048) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { url, clientSecretPath } = value as Record<string, unknown>;
  if (
    typeof url !== 'string' ||
    url === '' ||
    typeof clientSecretPath !== 'string' ||
    !clientSecretPath.startsWith('/')
  )
    return undefined;
  return { url, clientSecretPath };
}
