import { expectTypeOf, test } from 'vitest';
import WebSocket from 'ws';
import type { WebSocketConstructor, WebSocketTransportOptions } from '../../src/transport/index.js';

test('the WebSocket option takes both ws (Node) and the DOM WebSocket (browsers)', () => {
  expectTypeOf(WebSocket).toExtend<WebSocketConstructor>();
  expectTypeOf(globalThis.WebSocket).toExtend<WebSocketConstructor>();
  expectTypeOf<WebSocketTransportOptions['WebSocket']>().toEqualTypeOf<WebSocketConstructor | undefined>();
});

test('a constructor that cannot send is refused', () => {
  class NotASocket {
    constructor(readonly url: string) {}
  }
  expectTypeOf(NotASocket).not.toExtend<WebSocketConstructor>();
});
