import WebSocket from 'ws';

type Json = Record<string, unknown>;

/** A WebSocket client for tests: collects server events and waits for them with a deadline. */
export interface TestClient {
  readonly events: Json[];
  send(event: Json): void;
  /** Sends a text frame as it is, JSON or not. */
  sendRaw(text: string): void;
  /** Resolves with the close code once the socket has closed, whoever closed it. */
  readonly closed: Promise<number>;
  /** The next event of this type not yet taken (in arrival order), within `timeoutMs`. */
  next(type: string, timeoutMs?: number): Promise<Json>;
  close(): Promise<void>;
}

export function wsUrl(restUrl: string, model = 'gpt-realtime-2'): string {
  return `${restUrl.replace(/^http/, 'ws')}/realtime?model=${encodeURIComponent(model)}`;
}

export function connect(url: string, options: { apiKey?: string; protocols?: string[] } = {}): Promise<TestClient> {
  const socket = new WebSocket(url, options.protocols ?? [], {
    headers: options.apiKey === undefined ? {} : { Authorization: `Bearer ${options.apiKey}` },
  });
  const events: Json[] = [];
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const taken = new Set<Json>();
  let wake: (() => void) | undefined;
  socket.on('message', (data) => {
    events.push(JSON.parse(data.toString()) as Json);
    wake?.();
  });
  const client: TestClient = {
    events,
    send: (event) => socket.send(JSON.stringify(event)),
    sendRaw: (text) => socket.send(text),
    closed,
    async next(type, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find((event) => event['type'] === type && !taken.has(event));
        if (found !== undefined) {
          taken.add(found);
          return found;
        }
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`no ${type} within ${timeoutMs} ms; got ${events.map((e) => e['type']).join(', ')}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}
