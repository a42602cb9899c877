/** The Realtime endpoint paired with Storybook's client secrets (set by `realtimeDevServer()`). */
export const DEV_REALTIME_URL: string = import.meta.env.VITE_REALTIME_URL ?? '/v1/realtime';

/** Mints a browser secret at Storybook's own origin: the emulator, or OpenAI with OPENAI_API_KEY set. */
export async function getDevClientSecret({ model }: { model: string }): Promise<{ value: string }> {
  const response = await fetch('/api/realtime/client-secret', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ session: { type: 'realtime', model } }),
  });
  if (!response.ok) throw new Error(`client secret: HTTP ${response.status}`);
  return (await response.json()) as { value: string };
}
