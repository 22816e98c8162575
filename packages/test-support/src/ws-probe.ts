import WebSocket from 'ws';

export type UpgradeOutcome = { socket: WebSocket } | { refusedWith: number };

/**
 * Opens a WebSocket as a browser page would, with the headers it would send (Origin, Cookie), and
 * resolves with the open socket or the HTTP status the server refused the upgrade with.
 */
export function openSocket(url: string, headers: Record<string, string> = {}): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (req, res) => {
      resolve({ refusedWith: res.statusCode ?? 0 });
      req.destroy();
    });
    socket.once('error', reject);
  });
}

/** The socket of an upgrade that must have been accepted; fails the test with the status otherwise. */
export async function openAccepted(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const outcome = await openSocket(url, headers);
  if ('refusedWith' in outcome) throw new Error(`upgrade refused with HTTP ${outcome.refusedWith}`);
  return outcome.socket;
}

export type TrpcReply = { data: unknown } | { errorCode: string; retryAfterMs?: number };

let nextId = 1;

/**
 * Calls a query (or, with `method`, a mutation) over tRPC's WebSocket protocol (JSON-RPC messages,
 * superjson payloads) without tRPC's client, which would retry a limited call: the test sees exactly
 * what the server answers on this one socket.
 */
export function callQuery(
  socket: WebSocket,
  path: string,
  input?: unknown,
  method: 'query' | 'mutation' = 'query',
): Promise<TrpcReply> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (raw: WebSocket.RawData) => {
      const text = raw.toString();
      // tRPC's keep-alive speaks plain PING/PONG between the JSON messages.
      if (!text.startsWith('{')) return;
      const reply = JSON.parse(text) as {
        id?: number;
        result?: { data?: { json?: unknown } };
        error?: { json?: { data?: { code?: string; retryAfterMs?: number } } };
      };
      if (reply.id !== id) return;
      socket.off('message', onMessage);
      socket.off('close', onClose);
      const failed = reply.error?.json?.data;
      if (reply.error) resolve({ errorCode: failed?.code ?? 'UNKNOWN', retryAfterMs: failed?.retryAfterMs });
      else resolve({ data: reply.result?.data?.json ?? null });
    };
    const onClose = (code: number) => reject(new Error(`socket closed (${code}) before answering ${path}`));
    socket.on('message', onMessage);
    socket.once('close', onClose);
    // superjson's envelope, which the server unwraps even when there is no input.
    socket.send(JSON.stringify({ id, method, params: { path, input: { json: input } } }));
  });
}

/**
 * Connects as a program with `connectionParams.token` and asks `auth.me`: resolves with who the
 * server says the caller is, or with the close code when it refused the token (4401).
 */
export async function authenticateOverSocket(
  url: string,
  token: string,
): Promise<{ me: unknown } | { closedWith: number }> {
  const socket = await openAccepted(`${url}?connectionParams=1`);
  const closed = new Promise<{ closedWith: number }>((resolve) =>
    socket.once('close', (code: number) => resolve({ closedWith: code })),
  );
  socket.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  const answered = callQuery(socket, 'auth.me').then(
    (reply) => ('data' in reply ? { me: reply.data } : { closedWith: -1 }),
    () => closed,
  );
  const outcome = await Promise.race([answered, closed]);
  socket.close();
  return outcome;
}
