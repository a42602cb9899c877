import { DEV_ENDPOINT_META_NAME, parseDevEndpointContent } from '../../src/protocol/index.js';

/**
 * The endpoint `realtimeDevServer()` names in the page's meta tag: the emulator, or OpenAI with
 * OPENAI_API_KEY set. A static Storybook build has no tag (and no server), hence the fallbacks.
 */
const endpoint = parseDevEndpointContent(
  typeof document === 'undefined'
    ? undefined
    : document.querySelector(`meta[name="${DEV_ENDPOINT_META_NAME}"]`)?.getAttribute('content'),
);

/** The Realtime endpoint paired with Storybook's client secrets. */
export const DEV_REALTIME_URL: string = endpoint?.url ?? '/v1/realtime';

/** Mints a browser secret at Storybook's own origin: the emulator, or OpenAI with OPENAI_API_KEY set. */
export async function getDevClientSecret({ model }: { model: string }): Promise<{ value: string }> {
  const response = await fetch(endpoint?.clientSecretPath ?? '/api/realtime/client-secret', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ session: { type: 'realtime', model } }),
  });
  if (!response.ok) throw new Error(`client secret: HTTP ${response.status}`);
  return (await response.json()) as { value: string };
}
