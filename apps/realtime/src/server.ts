import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createWsEndpoint, type Logger, metrics, type ServerDeps } from '@spotter/api';
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
  /** Origins of pages on other hosts or ports (the web app's) whose upgrades are accepted: ALLOWED_ORIGINS. */
  allowedOrigins: readonly string[];
  /** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES); default loopback. */
  trustedProxies?: readonly string[];
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
  const ws = createWsEndpoint({
    deps,
    path: WS_PATH,
    allowedOrigins: options.allowedOrigins,
    trustedProxies: options.trustedProxies,
    otherPaths: 'refuse',
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
      const isServing = isReady && !ws.isDraining;
      const body = {
        status: isServing ? 'ready' : 'not-ready',
        replica: replicaId,
        bus,
        database,
        draining: ws.isDraining,
      };
      return sendJson(res, isServing ? 200 : 503, body);
    }
    sendJson(res, 404, { error: 'not found' });
  }

  ws.attach(http);

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

    drain: () => ws.drain(options.drainTimeoutMs),

    async close() {
      await ws.close();
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
