import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

/** One client frame as the proxy saw it on its way to the server. */
export interface ObservedFrame {
  readonly at: number;
  readonly text: string;
  readonly json: Record<string, unknown> | undefined;
}

/**
 * A loopback WebSocket proxy in front of the emulator that can misbehave on
 * cue: hold the server's frames, inject frames of its own, or cut every
 * connection. The sockets on both sides are real.
 */
export interface FaultProxy {
  /** The proxy's `ws://127.0.0.1:port/v1/realtime` endpoint. */
  readonly url: string;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Every frame clients sent, in order. */
  readonly clientFrames: readonly ObservedFrame[];
  /** Client frames of one event type. */
  sent(type: string): ObservedFrame[];
  /** Holds server → client frames until `resume()` or `killAll()`. */
  pause(): void;
  resume(): void;
  /** Sends a raw text frame to every connected client, as if from the server. */
  inject(text: string): void;
  /** Cuts every connection abruptly on both sides; held frames are dropped. */
  killAll(): void;
  /**
   * Makes the current connections half-open: they stay up, but nothing
   * passes either way any more. Later connections work normally.
   */
  freeze(): void;
  /** Cuts the connection that is about to receive the next server frame of `type`, before it arrives. */
  killOnNext(type: string): void;
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const server = createServer((_request, response) => response.writeHead(404).end());
  const wss = new WebSocketServer({
    server,
    handleProtocols: (protocols) => (protocols.has('realtime') ? 'realtime' : false),
  });
  const clientFrames: ObservedFrame[] = [];
  const pairs = new Set<{ client: WebSocket; upstream: WebSocket; held: string[]; frozen: boolean }>();
  let killOn: string | undefined;
  let paused = false;
  let connections = 0;

  wss.on('connection', (client, request) => {
    connections += 1;
    const protocols = String(request.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    const authorization = request.headers.authorization;
    const upstreamSocket = new WebSocket(`${upstream}${request.url ?? ''}`, protocols, {
      headers: authorization === undefined ? {} : { authorization },
    });
    const pair = { client, upstream: upstreamSocket, held: [] as string[], frozen: false };
    pairs.add(pair);
    const early: string[] = [];
    upstreamSocket.on('open', () => {
      for (const text of early.splice(0)) upstreamSocket.send(text);
    });
    upstreamSocket.on('message', (data) => {
      const text = data.toString();
      if (pair.frozen) return;
      if (killOn !== undefined && text.includes(`"type":"${killOn}"`)) {
        killOn = undefined;
        client.terminate();
        upstreamSocket.terminate();
        return;
      }
      if (paused) pair.held.push(text);
      else if (client.readyState === WebSocket.OPEN) client.send(text);
    });
    client.on('message', (data) => {
      const text = data.toString();
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = undefined;
      }
      if (pair.frozen) return;
      clientFrames.push({ at: performance.now(), text, json });
      if (upstreamSocket.readyState === WebSocket.OPEN) upstreamSocket.send(text);
      else early.push(text);
    });
    const end = () => {
      pairs.delete(pair);
      if (client.readyState <= WebSocket.OPEN) client.terminate();
      if (upstreamSocket.readyState <= WebSocket.OPEN) upstreamSocket.terminate();
    };
    upstreamSocket.on('close', end);
    upstreamSocket.on('error', end);
    client.on('close', end);
    client.on('error', end);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/v1/realtime`,
    get connections() {
      return connections;
    },
    clientFrames,
    sent: (type) => clientFrames.filter((frame) => frame.json?.['type'] === type),
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      for (const pair of pairs) {
        for (const text of pair.held.splice(0)) pair.client.send(text);
      }
    },
    inject(text) {
      for (const pair of pairs) pair.client.send(text);
    },
    freeze() {
      for (const pair of pairs) pair.frozen = true;
    },
    killOnNext(type) {
      killOn = type;
    },
    killAll() {
      paused = false;
      for (const pair of [...pairs]) {
        pair.held.length = 0;
        pair.client.terminate();
        pair.upstream.terminate();
      }
    },
    async close() {
      for (const pair of [...pairs]) {
        pair.client.terminate();
        pair.upstream.terminate();
      }
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
