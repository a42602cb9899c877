import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebSocketTransport, type WebSocketConstructor } from '../../src/transport/index.js';

/** Records the URL each socket is opened with, and opens nothing. */
function recordingWebSocket(urls: string[]): WebSocketConstructor {
  return class {
    readonly readyState = 0;
    constructor(url: string) {
      urls.push(url);
    }
    send() {}
    close() {}
    addEventListener() {}
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('given a path as the url, in a browser page', () => {
  it('resolves it against the page origin with the ws scheme (a dev server’s /v1/realtime)', async () => {
    vi.stubGlobal('window', { document: {} });
    vi.stubGlobal('location', { href: 'https://localhost:6006/iframe.html?id=x' });
    const urls: string[] = [];
    const transport = createWebSocketTransport({
      url: '/v1/realtime',
      model: 'gpt-realtime',
      getClientSecret: async () => 'ek_test',
      WebSocket: recordingWebSocket(urls),
    });
    transport.connect();
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    expect(urls[0]).toBe('wss://localhost:6006/v1/realtime?model=gpt-realtime');
    transport.close();
  });
});
