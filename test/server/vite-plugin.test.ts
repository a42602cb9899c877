import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEV_CLIENT_SECRET_PATH,
  DEV_REALTIME_PATH,
  realtimeDevServer,
  type RealtimeDevServerOptions,
} from '../../src/server/index.js';
import { connect } from './realtime-test-client.js';

let server: ViteDevServer | undefined;

async function startDevServer(options: RealtimeDevServerOptions): Promise<string> {
  server = await createServer({
    configFile: false,
    logLevel: 'silent',
    root: new URL('.', import.meta.url).pathname,
    plugins: [realtimeDevServer(options)],
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const { port } = server.httpServer?.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('realtimeDevServer', () => {
  describe('without an API key', () => {
    it('mints a browser secret at the dev server and serves the emulator at its own origin', async () => {
      const origin = await startDevServer({ apiKey: '', session: { model: 'gpt-realtime-2', instructions: 'Dev.' } });
      const response = await fetch(`${origin}${DEV_CLIENT_SECRET_PATH}`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(200);
      const { value } = (await response.json()) as { value: string };
      expect(value).toMatch(/^ek_/);
      const client = await connect(`${origin.replace('http', 'ws')}/v1/realtime`, {
        protocols: ['realtime', `openai-insecure-api-key.${value}`],
      });
      const created = await client.next('session.created');
      expect(created['session']).toMatchObject({ model: 'gpt-realtime-2', instructions: 'Dev.' });
      await client.close();
    });

    it('tells browser code to use the emulator endpoint at its own origin', async () => {
      await startDevServer({ apiKey: '' });
      expect(server?.config.define?.['import.meta.env.VITE_REALTIME_URL']).toBe(JSON.stringify(DEV_REALTIME_PATH));
    });

    it('leaves other paths to Vite', async () => {
      const origin = await startDevServer({ apiKey: '' });
      const response = await fetch(`${origin}/not-realtime.txt`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type') ?? '').not.toContain('application/json');
    });
  });

  describe('with an API key', () => {
    it('runs no emulator and forwards secret requests to the API without exposing the key', async () => {
      const key = 'sk-dev-plugin-test-key-42';
      const origin = await startDevServer({ apiKey: key, session: { model: 'gpt-realtime' } });
      const emulatorRoute = await fetch(`${origin}/v1/realtime/client_secrets`, { method: 'POST', body: '{}' });
      expect(emulatorRoute.headers.get('content-type') ?? '').not.toContain('application/json');
      // The sandbox has no route to the API, so the forward fails: as a 4xx/5xx JSON answer, never with the key.
      const minted = await fetch(`${origin}${DEV_CLIENT_SECRET_PATH}`, {
        method: 'POST',
        body: '{"session":{"temperature":2}}',
      });
      expect(minted.status).toBe(400);
      expect(await minted.text()).not.toContain(key);
      expect(server?.config.define?.['import.meta.env.VITE_REALTIME_URL']).toBe(
        JSON.stringify('wss://api.openai.com/v1/realtime'),
      );
    });
  });
});
