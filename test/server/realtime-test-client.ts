import WebSocket from 'ws';

type Json = Record<string, unknown>;

/** A WebSocket client for tests: collects server events and waits for them with a deadline. */
export interface TestClient {
  readonly events: Json[];
  /** The underlying socket, for tests that misbehave on purpose (stop reading, skip pongs). */
  readonly socket: WebSocket;
  send(event: object): void;
  /** Sends a text frame as it is, JSON or not. */
  sendRaw(text: string): void;
  /** Resolves with the close code once the socket has closed, whoever closed it. */
  readonly closed: Promise<number>;
  /** The next event of this type not yet taken (in arrival order), within `timeoutMs`. */
  next(type: string, timeoutMs?: number): Promise<Json>;
  /** The first event at or after index `from` that satisfies `predicate` (taken or not), within `timeoutMs`. */
  find(predicate: (event: Json) => boolean, from?: number, timeoutMs?: number): Promise<Json>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  readonly apiKey?: string;
  readonly protocols?: string[];
  /** Extra request headers, such as `Origin`. */
  readonly headers?: Record<string, string>;
  /** Answer the server's pings. @default true */
  readonly autoPong?: boolean;
}

export function wsUrl(restUrl: string, model = 'gpt-realtime-2'): string {
  return `${restUrl.replace(/^http/, 'ws')}/realtime?model=${encodeURIComponent(model)}`;
}

export function connect(url: string, options: ConnectOptions = {}): Promise<TestClient> {
  const socket = new WebSocket(url, options.protocols ?? [], {
    headers: {
      ...options.headers,
      ...(options.apiKey === undefined ? {} : { Authorization: `Bearer ${options.apiKey}` }),
    },
    autoPong: options.autoPong ?? true,
  });
  const events: Json[] = [];
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const taken = new Set<Json>();
  // Every pending find() waits here; each event wakes them all, so finds can wait side by side.
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    events.push(JSON.parse(data.toString()) as Json);
    for (const waiter of [...waiters]) waiter();
  });
  async function find(
    predicate: (event: Json) => boolean,
    from = 0,
    timeoutMs = 2000,
    what = 'matching event',
  ): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = events.slice(from).find(predicate);
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no ${what} within ${timeoutMs} ms; got ${events.map((e) => e['type']).join(', ')}`);
      await new Promise<void>((resolve) => {
        const waiter = () => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve();
        };
        const timer = setTimeout(waiter, left);
        waiters.add(waiter);
      });
    }
  }
  const client: TestClient = {
    events,
    socket,
    send: (event) => socket.send(JSON.stringify(event)),
    sendRaw: (text) => socket.send(text),
    closed,
    async next(type, timeoutMs = 2000) {
      const found = await find((event) => event['type'] === type && !taken.has(event), 0, timeoutMs, type);
      taken.add(found);
      return found;
    },
    find: (predicate, from, timeoutMs) => find(predicate, from, timeoutMs),
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

/** Sends a session.update and returns the answer: the session.updated or the error. */
export async function update(
  client: TestClient,
  session: Json,
  eventId = `evt_${Math.random().toString(36).slice(2)}`,
): Promise<Json> {
  const before = client.events.length;
  client.send({ type: 'session.update', event_id: eventId, session: { type: 'realtime', ...session } });
  return client.find((event) => event['type'] === 'session.updated' || event['type'] === 'error', before);
}

/** The effective config now, read back with an update that changes nothing. */
export async function currentSession(client: TestClient): Promise<Json> {
  const answer = await update(client, {});
  if (answer['type'] !== 'session.updated')
    throw new Error(`an empty session.update failed: ${JSON.stringify(answer)}`);
  return answer['session'] as Json;
}

/**
 * JSON text nested `depth` levels deep (arrays and objects in turn), built as
 * text: `JSON.stringify` itself overflows the stack at a few thousand levels.
 */
export function nestedJsonText(depth: number): string {
  let open = '';
  let close = '';
  for (let level = 0; level < depth; level++) {
    open += level % 2 === 0 ? '[' : '{"a":';
    close = (level % 2 === 0 ? ']' : '}') + close;
  }
  return `${open}"leaf"${close}`;
}
