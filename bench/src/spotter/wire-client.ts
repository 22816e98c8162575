import { openAccepted } from '@spotter/test-support';
import type WebSocket from 'ws';

/** An authenticated raw socket: tRPC's connectionParams message first, as wsLink sends it. */
export async function openAuthenticated(url: string, token: string): Promise<WebSocket> {
  const socket = await openAccepted(`${url}?connectionParams=1`);
  socket.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  return socket;
}

/** A refused call: `code` is the tRPC error code, or undefined when the socket or the time ran out. */
export class WireCallError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

type Pending = { resolve(value: unknown): void; reject(error: WireCallError): void; timer: NodeJS.Timeout };
type Subscriber = { onData(data: unknown): void; onError(message: string): void };

/** What the server sends: tRPC's answer to one request id (superjson's `{ json, meta }` inside). */
type Frame = {
  id?: number | null;
  method?: string;
  result?: { type: 'started' | 'data' | 'stopped'; id?: string; data?: { json?: unknown } };
  error?: { json?: { message?: string; data?: { code?: string } } };
};

/**
 * A client that speaks tRPC's WebSocket protocol itself — the frames wsLink sends and reads, parsed
 * with `JSON.parse` as the floor's clients parse theirs — so the bench's receivers cost what the
 * floor's clients do, and the replicas' figures are not limited by the bench's own CPU. wsLink
 * itself is what `npm test` checks the endpoint against, and what the storm and idle-memory figures
 * use.
 *
 * Inputs here are plain strings, and superjson writes plain JSON as `{ json }`; the data read is the
 * `json` part (a tracked item is `{ id, data }`), its Dates left as the strings they travel as.
 */
export class WireClient {
  private nextId = 1;
  private readonly calls = new Map<number, Pending>();
  private readonly subscribers = new Map<number, Subscriber>();

  private constructor(
    private readonly socket: WebSocket,
    onLost: (reason: string) => void,
  ) {
    socket.on('message', (data) => this.receive(data.toString()));
    socket.on('close', (code) => {
      this.failCalls(`socket closed (${code})`);
      if (this.subscribers.size > 0) onLost(`socket closed (${code})`);
    });
    socket.on('error', (error) => onLost(error.message));
  }

  static async connect(url: string, token: string, onLost: (reason: string) => void): Promise<WireClient> {
    return new WireClient(await openAuthenticated(url, token), onLost);
  }

  /** A query or mutation; rejects with the server's code, or after `timeoutMs` with none. */
  call(method: 'query' | 'mutation', path: string, input: unknown, timeoutMs: number): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.socket.readyState !== this.socket.OPEN)
        return reject(new WireCallError(`${path}: the socket is closed`));
      const timer = setTimeout(() => {
        this.calls.delete(id);
        reject(new WireCallError(`${path}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.calls.set(id, { resolve, reject, timer });
      this.socket.send(JSON.stringify({ id, method, params: { path, input: { json: input } } }));
    });
  }

  /** A subscription; `onData` gets each item (of a tracked item, its data without the id). */
  subscribe(path: string, input: unknown, subscriber: Subscriber): void {
    const id = this.nextId++;
    this.subscribers.set(id, subscriber);
    this.socket.send(
      JSON.stringify({ id, method: 'subscription', params: { path, input: { json: input } } }),
    );
  }

  close(): void {
    this.subscribers.clear();
    this.socket.terminate();
  }

  private receive(text: string): void {
    if (text === 'PING') {
      this.socket.send('PONG');
      return;
    }
    const frame = JSON.parse(text) as Frame;
    if (typeof frame.id !== 'number') return; // a reconnect notice: these phases never drain
    const call = this.calls.get(frame.id);
    if (call) {
      this.calls.delete(frame.id);
      clearTimeout(call.timer);
      if (frame.error) call.reject(errorOf(frame));
      else call.resolve(frame.result?.data?.json);
      return;
    }
    const subscriber = this.subscribers.get(frame.id);
    if (!subscriber) return;
    if (frame.error) {
      this.subscribers.delete(frame.id);
      subscriber.onError(errorOf(frame).message);
    } else if (frame.result?.type === 'data') {
      const json = frame.result.data?.json;
      subscriber.onData(frame.result.id === undefined ? json : (json as { data?: unknown }).data);
    }
  }

  private failCalls(reason: string): void {
    for (const [id, call] of this.calls) {
      clearTimeout(call.timer);
      call.reject(new WireCallError(reason));
      this.calls.delete(id);
    }
  }
}

function errorOf(frame: Frame): WireCallError {
  const json = frame.error?.json;
  return new WireCallError(json?.message ?? 'error', json?.data?.code);
}
