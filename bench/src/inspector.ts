import { waitUntil } from '@spotter/test-support';
import WebSocket from 'ws';

export type InspectorSession = {
  call<T = unknown>(method: string, params?: object): Promise<T>;
  close(): void;
};

/**
 * A DevTools protocol session with a process started with `--inspect=127.0.0.1:<port>`: the only way
 * to make another Node process collect its garbage on demand, which the memory figure needs.
 */
export async function openInspector(port: number): Promise<InspectorSession> {
  let target: string | undefined;
  await waitUntil(
    async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(2_000) });
        const [first] = (await res.json()) as { webSocketDebuggerUrl?: string }[];
        target = first?.webSocketDebuggerUrl;
      } catch {
        // Not listening yet.
      }
      return target !== undefined;
    },
    { timeoutMs: 20_000, intervalMs: 100, onTimeout: () => new Error(`no inspector on port ${port}`) },
  );
  const socket = new WebSocket(target as string);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  socket.on('message', (data) => {
    const reply = JSON.parse(data.toString()) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const waiter = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiter || reply.id === undefined) return;
    pending.delete(reply.id);
    if (reply.error) waiter.reject(new Error(reply.error.message));
    else waiter.resolve(reply.result);
  });
  let nextId = 1;
  return {
    call<T>(method: string, params: object = {}) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => socket.close(),
  };
}
