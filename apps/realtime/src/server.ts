import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { attachTrpcWebSocket, type Logger, metrics, type ServerDeps } from '@spotter/api';
import { WebSocketServer } from 'ws';
import { checkReadiness } from './readiness';

/** The only path that upgrades; nginx routes `/ws` here, and anything else is a client bug. */
export const WS_PATH = '/ws';

export type RealtimeServerOptions = {
  deps: ServerDeps;
  port: number;
  host: string;
  logger: Logger;
  /** Reported by /health and in logs, so an operator can tell replicas apart behind the proxy. */
  replicaId: string;
  /** How long drain() waits for clients to leave after being told to reconnect elsewhere. */
  drainTimeoutMs: number;
};

export type RealtimeServer = {
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(): Promise<{ port: number }>;
  /**
   * Stops accepting upgrades, reports not-ready, tells every client to reconnect (to another replica,
   * through the proxy) and waits until they have left or `drainTimeoutMs` passed. Resolves with the
   * number of clients still connected.
   */
  drain(): Promise<{ remaining: number }>;
  /** Closes every remaining socket and the HTTP server. Does not close the bus or the database. */
  close(): Promise<void>;
};

/**
 * The realtime replica: the appRouter over WebSockets on `/ws`, plus `/health` (liveness),
 * `/ready` (bus and database reachable, not draining) for the proxy and the orchestrator, and
 * `/metrics` (Prometheus text) for monitoring.
 */
export function createRealtimeServer(options: RealtimeServerOptions): RealtimeServer {
  const { deps, logger, replicaId } = options;
  const wss = new WebSocketServer({ noServer: true });
  const trpc = attachTrpcWebSocket(wss, deps);
  let isDraining = false;
  wss.on('connection', (socket) => {
    metrics.connections.inc();
    socket.once('close', () => metrics.connections.dec());
  });

  const http = createServer((req, res) => {
    answerProbe(req, res).catch((err: Error) => {
      logger.error({ err }, 'probe failed');
      if (!res.headersSent) sendJson(res, 500, { status: 'error' });
    });
  });

  async function answerProbe(req: IncomingMessage, res: ServerResponse) {
    const path = pathOf(req);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'method not allowed' });
    if (path === '/health') return sendJson(res, 200, { status: 'ok', replica: replicaId });
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
      return res.end(await metrics.registry.metrics());
    }
    if (path === '/ready') {
      const { isReady, bus, database } = await checkReadiness(deps);
      const isServing = isReady && !isDraining;
      const body = {
        status: isServing ? 'ready' : 'not-ready',
        replica: replicaId,
        bus,
        database,
        draining: isDraining,
      };
      return sendJson(res, isServing ? 200 : 503, body);
    }
    sendJson(res, 404, { error: 'not found' });
  }

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (pathOf(req) !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    // A draining replica sends clients away; accepting them again would only restart the drain.
    if (isDraining) return refuseUpgrade(socket, 503, 'Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(options.port, options.host, () => {
          http.off('error', reject);
          const address = http.address();
          resolve({ port: typeof address === 'object' && address ? address.port : options.port });
        });
      }),

    async drain() {
      isDraining = true;
      logger.info({ clients: wss.clients.size }, 'draining: asking clients to reconnect elsewhere');
      trpc.broadcastReconnectNotification();
      const remaining = await untilNoClients(wss, options.drainTimeoutMs);
      if (remaining > 0) logger.warn({ remaining }, 'drain timed out; closing the remaining sockets');
      return { remaining };
    },

    async close() {
      isDraining = true;
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://placeholder').pathname;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Answers a refused upgrade with a plain HTTP status, as `ws` itself does, and drops the socket. */
function refuseUpgrade(socket: Duplex, status: number, reason: string) {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Resolves with the number of clients left once none are, or when the timeout passes. */
function untilNoClients(wss: WebSocketServer, timeoutMs: number): Promise<number> {
  if (wss.clients.size === 0) return Promise.resolve(0);
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      resolve(wss.clients.size);
    };
    const timer = setTimeout(finish, timeoutMs);
    // `ws` drops a client from the set in its own "close" listener, registered before this one.
    for (const client of wss.clients) {
      client.once('close', () => {
        if (wss.clients.size === 0) finish();
      });
    }
  });
}
