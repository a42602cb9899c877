import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { connect as connectSocket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEV_ENDPOINT_META_NAME, parseDevEndpointContent, type RealtimeDevEndpoint } from '../../src/protocol/index.js';
import {
  DEV_CLIENT_SECRET_PATH,
  DEV_REALTIME_PATH,
  realtimeDevServer,
  startRealtimeEmulator,
  type RealtimeDevServerOptions,
  type RunningRealtimeEmulator,
} from '../../src/server/index.js';
import { connectWebRTCClient } from '../support/webrtc-client.js';
import { connect } from './realtime-test-client.js';

const OPENAI_REALTIME_URL = 'wss://api.openai.com/v1/realtime';
const PAGE = '<!doctype html>\n<html>\n  <head>\n    <title>App</title>\n  </head>\n  <body></body>\n</html>\n';

let root: string;
let server: ViteDevServer | PreviewServer | undefined;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rrs-vite-plugin-'));
  await mkdir(path.join(root, 'nested'));
  await mkdir(path.join(root, 'public'));
  await writeFile(path.join(root, 'index.html'), PAGE);
  await writeFile(path.join(root, 'about.html'), PAGE.replace('App', 'About'));
  await writeFile(path.join(root, 'nested', 'index.html'), PAGE.replace('App', 'Nested'));
  await writeFile(path.join(root, 'public', 'notes.txt'), 'plain </head> text');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function originOf(running: ViteDevServer | PreviewServer): string {
  const { port } = running.httpServer?.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

async function startDevServer(options: RealtimeDevServerOptions): Promise<string> {
  const dev = await createServer({
    configFile: false,
    logLevel: 'silent',
    root,
    plugins: [realtimeDevServer(options)],
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null },
  });
  server = dev;
  await dev.listen();
  return originOf(dev);
}

/** The endpoint a page's meta tag names, decoding the attribute as a browser would; undefined without a tag. */
function endpointIn(html: string): RealtimeDevEndpoint | undefined {
  const tag = new RegExp(`<meta name="${DEV_ENDPOINT_META_NAME}" content="([^"]*)">`).exec(html);
  if (!tag) return undefined;
  const entities: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
  return parseDevEndpointContent(tag[1]?.replace(/&(?:amp|quot|#39|lt|gt);/g, (entity) => entities[entity] ?? entity));
}

/** A secret path with every character the meta attribute must escape. */
const ODD_SECRET_PATH = `/api/secret?a=1&b='"<x>`;

/** The HTML a browser gets at `url`, and the endpoint its meta tag names. */
async function pageAt(url: string): Promise<{ html: string; endpoint: RealtimeDevEndpoint | undefined }> {
  const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
  return { html, endpoint: endpointIn(html) };
}

const postJson = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('realtimeDevServer', () => {
  describe('without an API key', () => {
    it('mints a browser secret at the dev server and serves the emulator at its own origin', async () => {
      const origin = await startDevServer({ apiKey: '', session: { model: 'gpt-realtime-2', instructions: 'Dev.' } });
      const response = await postJson(`${origin}${DEV_CLIENT_SECRET_PATH}`, '{}');
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

    it('answers WebRTC calls at its own origin, with a secret from its own route', async () => {
      const origin = await startDevServer({ apiKey: '', session: { model: 'gpt-realtime-2', instructions: 'Call.' } });
      const { value } = (await (await postJson(`${origin}${DEV_CLIENT_SECRET_PATH}`, '{}')).json()) as {
        value: string;
      };
      const client = await connectWebRTCClient(`${origin}${DEV_REALTIME_PATH}/calls`, value);
      try {
        const created = await client.waitFor('session.created');
        expect(created['session']).toMatchObject({ model: 'gpt-realtime-2', instructions: 'Call.' });
      } finally {
        await client.close();
      }
    });

    it('names the emulator endpoint and the secret route in a meta tag on every HTML page', async () => {
      const origin = await startDevServer({ apiKey: '' });
      for (const page of ['/', '/index.html', '/about.html', '/nested/', '/some/spa/route']) {
        const { endpoint } = await pageAt(`${origin}${page}`);
        expect(endpoint, page).toEqual({ url: DEV_REALTIME_PATH, clientSecretPath: DEV_CLIENT_SECRET_PATH });
      }
      expect(server?.config.define?.['import.meta.env.VITE_REALTIME_URL']).toBeUndefined();
    });

    it('escapes the meta content, whatever the secret path holds', async () => {
      const { html, endpoint } = await pageAt(await startDevServer({ apiKey: '', clientSecretPath: ODD_SECRET_PATH }));
      expect(html).not.toContain('<x>');
      expect(endpoint).toEqual({ url: DEV_REALTIME_PATH, clientSecretPath: ODD_SECRET_PATH });
    });

    it('leaves other paths to Vite', async () => {
      const origin = await startDevServer({ apiKey: '' });
      const missing = await fetch(`${origin}/not-realtime.png`, { headers: { accept: 'image/png' } });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type') ?? '').not.toContain('application/json');
      expect(await (await fetch(`${origin}/notes.txt`)).text()).toBe('plain </head> text');
    });

    it('survives a client that aborts its secret request mid-body, and keeps minting', async () => {
      const raised: unknown[] = [];
      const record = (error: unknown) => raised.push(error);
      process.on('unhandledRejection', record);
      process.on('uncaughtException', record);
      try {
        const origin = await startDevServer({ apiKey: '' });
        const { port } = new URL(origin);
        await new Promise<void>((resolve, reject) => {
          const socket = connectSocket(Number(port), '127.0.0.1', () => {
            socket.write(
              `POST ${DEV_CLIENT_SECRET_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
                'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"session":{"instr',
              // Destroyed only once the server holds the partial body, so the abort lands mid-read.
              () => setTimeout(() => socket.destroy(), 100),
            );
          });
          socket.on('close', () => resolve());
          socket.on('error', reject);
        });
        // Give the aborted request's rejections time to surface, were they unheard.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const response = await postJson(`${origin}${DEV_CLIENT_SECRET_PATH}`, '{}');
        expect(response.status).toBe(200);
        expect(((await response.json()) as { value: string }).value).toMatch(/^ek_/);
        expect(raised).toEqual([]);
      } finally {
        process.off('unhandledRejection', record);
        process.off('uncaughtException', record);
      }
    });

    it('mints for any origin, since emulator secrets spend nothing', async () => {
      const origin = await startDevServer({ apiKey: '' });
      const response = await postJson(`${origin}${DEV_CLIENT_SECRET_PATH}`, '{}', {
        origin: 'https://elsewhere.example',
      });
      expect(response.status).toBe(200);
    });
  });

  describe('with an API key', () => {
    it('runs no emulator and forwards secret requests to the API without exposing the key', async () => {
      const key = 'sk-dev-plugin-test-key-42';
      const origin = await startDevServer({ apiKey: key, session: { model: 'gpt-realtime' } });
      const emulatorRoute = await postJson(`${origin}/v1/realtime/client_secrets`, '{}');
      expect(emulatorRoute.headers.get('content-type') ?? '').not.toContain('application/json');
      // The sandbox has no route to the API, so the forward fails: as a 4xx/5xx JSON answer, never with the key.
      const minted = await postJson(`${origin}${DEV_CLIENT_SECRET_PATH}`, '{"session":{"temperature":2}}');
      expect(minted.status).toBe(400);
      expect(await minted.text()).not.toContain(key);
      expect((await pageAt(origin)).endpoint).toEqual({
        url: OPENAI_REALTIME_URL,
        clientSecretPath: DEV_CLIENT_SECRET_PATH,
      });
    });

    describe('given a stand-in API at baseURL', () => {
      const apiKey = 'sk-same-origin-test-key-7';
      let upstream: RunningRealtimeEmulator;
      beforeAll(async () => {
        upstream = await startRealtimeEmulator({ apiKey });
      });
      afterAll(async () => {
        await upstream.close();
      });

      it('points pages at the WebSocket twin of baseURL', async () => {
        const origin = await startDevServer({ apiKey, baseURL: upstream.url });
        expect((await pageAt(origin)).endpoint?.url).toBe(`${upstream.url.replace('http', 'ws')}/realtime`);
      });

      it.each([
        ['no Origin (a non-browser client)', {}],
        ['its own Origin', { origin: 'SELF' }],
        ['Sec-Fetch-Site: same-origin', { origin: 'SELF', 'sec-fetch-site': 'same-origin' }],
      ])('mints for %s', async (_name, headers: Record<string, string>) => {
        const origin = await startDevServer({ apiKey, baseURL: upstream.url });
        const response = await postJson(
          `${origin}${DEV_CLIENT_SECRET_PATH}`,
          '{}',
          headers['origin'] === 'SELF' ? { ...headers, origin } : headers,
        );
        expect(response.status).toBe(200);
        expect(((await response.json()) as { value: string }).value).toMatch(/^ek_/);
      });

      it.each([
        ['another origin', { origin: 'http://evil.example' }],
        ['another port of the same host', { origin: 'http://127.0.0.1:1' }],
        ['Origin: null', { origin: 'null' }],
        ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
      ])('refuses %s with 403 JSON, before spending the key', async (_name, headers: Record<string, string>) => {
        const origin = await startDevServer({ apiKey, baseURL: upstream.url });
        const response = await postJson(`${origin}${DEV_CLIENT_SECRET_PATH}`, '{}', headers);
        expect(response.status).toBe(403);
        expect(response.headers.get('content-type')).toContain('application/json');
        expect(await response.json()).toMatchObject({ error: { code: 'cross_origin_forbidden' } });
      });
    });
  });

  describe('under vite build and vite preview', () => {
    const outDir = () => path.join(root, 'dist');
    beforeAll(async () => {
      await build({
        configFile: false,
        logLevel: 'silent',
        root,
        plugins: [realtimeDevServer({ apiKey: '' })],
        build: {
          outDir: outDir(),
          emptyOutDir: true,
          rollupOptions: {
            input: { index: path.join(root, 'index.html'), about: path.join(root, 'about.html') },
          },
        },
      });
    });

    async function startPreview(options: RealtimeDevServerOptions, base = '/'): Promise<string> {
      const running = await preview({
        configFile: false,
        logLevel: 'silent',
        root,
        base,
        plugins: [realtimeDevServer(options)],
        build: { outDir: outDir() },
        preview: { port: 0, host: '127.0.0.1', strictPort: false },
      });
      server = running;
      return originOf(running);
    }

    it('builds pages without the dev endpoint', async () => {
      const html = await readFile(path.join(outDir(), 'index.html'), 'utf8');
      expect(html).toContain('<title>App</title>');
      expect(html).not.toContain(DEV_ENDPOINT_META_NAME);
    });

    it.each([
      ['/', 'App'],
      ['/index.html', 'App'],
      ['/about.html', 'About'],
      ['/about', 'About'],
      ['/some/spa/route', 'App'],
    ])('adds the meta tag to %s as preview serves it', async (page, title) => {
      const origin = await startPreview({ apiKey: '' });
      const response = await fetch(`${origin}${page}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain(`<title>${title}</title>`);
      expect(html.indexOf(DEV_ENDPOINT_META_NAME)).toBeLessThan(html.indexOf('</head>'));
      expect(endpointIn(html)).toEqual({ url: DEV_REALTIME_PATH, clientSecretPath: DEV_CLIENT_SECRET_PATH });
    });

    it('answers HEAD with headers only, and leaves other files untouched', async () => {
      const origin = await startPreview({ apiKey: '' });
      const head = await fetch(origin, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toContain('text/html');
      expect(await head.text()).toBe('');
      expect(await (await fetch(`${origin}/notes.txt`)).text()).toBe('plain </head> text');
    });

    it('escapes the meta content and names OpenAI in key mode', async () => {
      const options = { apiKey: 'sk-preview-key', clientSecretPath: ODD_SECRET_PATH };
      const { html, endpoint } = await pageAt(await startPreview(options));
      expect(html).not.toContain('<x>');
      expect(endpoint).toEqual({ url: OPENAI_REALTIME_URL, clientSecretPath: ODD_SECRET_PATH });
    });

    it('honours a base path', async () => {
      const origin = await startPreview({ apiKey: '' }, '/app/');
      for (const page of ['/app/', '/app/index.html', '/app/about.html']) {
        expect((await pageAt(`${origin}${page}`)).endpoint, page).toBeDefined();
      }
    });

    it('mints secrets and serves the emulator at the preview origin', async () => {
      const origin = await startPreview({ apiKey: '' });
      const response = await postJson(`${origin}${DEV_CLIENT_SECRET_PATH}`, '{}');
      expect(response.status).toBe(200);
      expect(((await response.json()) as { value: string }).value).toMatch(/^ek_/);
    });
  });
});
