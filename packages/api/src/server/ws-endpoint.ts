import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { WebSocketServer } from 'ws';
import type { ServerDeps } from '../context';
import { createContextFactory } from '../create-context';
import { credentialCacheFor } from '../credentials/cache';
import { DEFAULT_TRUSTED_PROXIES, stampClientIp, trustedProxies } from '../limits/client-ip';
import { metrics } from '../metrics';
import { presenceFor } from '../presence/service';
import { judgeOrigin } from './allowed-origins';
import { type ConnectionOptions, serveConnection } from './trpc-ws/connection';
import { RECONNECT_NOTIFICATION } from './trpc-ws/frames';
import { createKeepAlive } from './trpc-ws/keep-alive';
import { type ConnectionLimits, LIMITS } from './trpc-ws/limits';
import { createRevokedSockets } from './trpc-ws/revoked-sockets';

/** Ping every 30 s: proxies such as nginx drop idle upgraded sockets after 60 s. */
export const KEEP_ALIVE = { pingMs: 30_000, pongWaitMs: 5_000 } as const;

/**
 * The largest frame a client may send. tRPC messages are small (a chat message is capped far
 * below this); `ws` closes the socket with 1009 as soon as a frame header announces more, so a
 * 64 MiB frame is never buffered.
 */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

export type WsEndpointOptions = {
  deps: ServerDeps;
  /** The one path that upgrades to tRPC, e.g. `/ws`. */
  path: string;
  /** Origins allowed besides the server's own (ALLOWED_ORIGINS, NEXTAUTH_URL), as `originOf` gives them. */
  allowedOrigins: Iterable<string>;
  /**
   * Upgrades to any other path: `refuse` answers 404 (a realtime replica serves nothing else);
   * `pass` leaves them to the server's other upgrade listeners (the web server: Next's dev HMR).
   */
  otherPaths: 'refuse' | 'pass';
  /** Overrides of the per-connection limits (tests use small ones). */
  limits?: Partial<ConnectionLimits>;
  /** Overrides KEEP_ALIVE (tests use short ones). */
  keepAlive?: { pingMs: number; pongWaitMs: number };
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); default loopback. */
  trustedProxies?: readonly string[];
};

export type WsEndpoint = {
  /** Handles the server's upgrade requests for the endpoint's path. */
  attach(server: Server): void;
  /** True from drain() on: new upgrades get 503, so nginx hands them to another replica. */
  readonly isDraining: boolean;
  /**
   * Refuses new upgrades, tells every client to reconnect (elsewhere, through the proxy, or to this
   * server once it is back) and waits until they have left or `timeoutMs` passed. Resolves with the
   * number of clients still connected.
   */
  drain(timeoutMs: number): Promise<{ remaining: number }>;
  /** Cuts every remaining socket and stops the WebSocket server; the HTTP server is the caller's. */
  close(): Promise<void>;
};

/**
 * The tRPC WebSocket endpoint both servers use (the web server's `/ws` in single-instance mode and
 * every realtime replica's): path routing, the Origin check, the frame size limit, keep-alive, the
 * connection gauge and the drain.
 */
export function createWsEndpoint(options: WsEndpointOptions): WsEndpoint {
  const { deps, path } = options;
  const allowed = new Set(options.allowedOrigins);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  const createContext = createContextFactory(deps).fromWebSocket;
  const limits: ConnectionLimits = { ...LIMITS, ...options.limits };
  const proxies = trustedProxies(options.trustedProxies ?? DEFAULT_TRUSTED_PROXIES);
  const connectionsPerUser = new Map<string, number>();
  // rate-limiter-flexible: per-key windows with expiry, kept in memory; the Redis-backed limiter of
  // the same library can later share one allowance across replicas.
  const callAllowance = new RateLimiterMemory({ points: limits.callsPerSecond, duration: 1 });
  const keepAlive = createKeepAlive(wss.clients, options.keepAlive ?? KEEP_ALIVE);
  // Revocations announced on the bus (from any replica) close the sockets of that credential here.
  const revokedSockets = createRevokedSockets();
  const stopHearingRevocations = credentialCacheFor(deps).onRevoked((revoked) => {
    const closed = revokedSockets.close(revoked);
    if (closed > 0)
      deps.logger.info({ userId: revoked.userId, closed }, 'closed the sockets of revoked credentials');
  });
  // One set of callbacks for every connection (memory per idle connection counts).
  const connectionOptions: ConnectionOptions = {
    createContext,
    limits,
    onError(error, procedure) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        deps.logger.error({ path: procedure, err: error.cause ?? error }, 'procedure failed');
    },
    onSocketError(error) {
      // The client's fault, and an attacker could repeat it at will: a warning, not an error.
      deps.logger.warn({ err: error.message }, 'closed a WebSocket that broke the protocol');
    },
    admit({ session, auth, connectionId }, socket) {
      const userId = session?.userId ?? '';
      const count = connectionsPerUser.get(userId) ?? 0;
      if (count >= limits.connectionsPerUser) {
        deps.logger.warn({ userId }, 'refused a connection: the user has too many here');
        return null;
      }
      connectionsPerUser.set(userId, count + 1);
      const forget = auth ? revokedSockets.add(auth, socket) : undefined;
      // Revoked between its check and now: the announcement came before the socket was listed.
      if (auth?.sessionId && credentialCacheFor(deps).sessionState(auth.sessionId) === 'revoked')
        revokedSockets.close({ userId, sessionIds: [auth.sessionId], tokenIds: [] });
      // Presence follows the socket, which this server holds: liveness never depends on the client.
      if (connectionId) presenceFor(deps).connect(userId, connectionId);
      return () => {
        forget?.();
        if (connectionId) presenceFor(deps).disconnect(connectionId);
        const left = (connectionsPerUser.get(userId) ?? 1) - 1;
        if (left > 0) connectionsPerUser.set(userId, left);
        else connectionsPerUser.delete(userId);
      };
    },
    async spendCall(key) {
      try {
        await callAllowance.consume(key);
        return null;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return Math.max(1, Math.ceil(refusal.msBeforeNext));
      }
    },
    onSlowConsumer() {
      deps.logger.warn('cut off a client that stopped reading its events; it resumes when it reconnects');
    },
  };
  wss.on('connection', (socket, req) => {
    metrics.connections.inc();
    keepAlive.watch(socket);
    socket.on('close', countClosed);
    serveConnection(socket, req, connectionOptions);
  });
  let isDraining = false;

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    if (pathOf(req) !== path) {
      if (options.otherPaths === 'refuse') refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    // Refused before the handshake: a foreign page never gets a socket, let alone the user's session.
    if (judgeOrigin(req.headers, allowed) === 'foreign') {
      deps.logger.warn(
        { origin: req.headers.origin, host: req.headers.host },
        'refused a WebSocket upgrade from a foreign origin; if that page is yours, add its origin to ALLOWED_ORIGINS',
      );
      return refuseUpgrade(socket, 403, 'Forbidden');
    }
    // A draining server sends clients away; accepting them again would only restart the drain.
    if (isDraining) return refuseUpgrade(socket, 503, 'Service Unavailable');
    // The address the connection's limits (sign-in, sign-up) are counted by, fixed before the context reads it.
    stampClientIp(req, proxies);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  }

  return {
    attach: (server) => server.on('upgrade', onUpgrade),
    get isDraining() {
      return isDraining;
    },
    async drain(timeoutMs) {
      isDraining = true;
      deps.logger.info({ clients: wss.clients.size }, 'draining: asking clients to reconnect');
      for (const client of wss.clients)
        if (client.readyState === client.OPEN) client.send(RECONNECT_NOTIFICATION);
      const remaining = await untilNoClients(wss, timeoutMs);
      if (remaining > 0) deps.logger.warn({ remaining }, 'drain timed out; closing the remaining sockets');
      return { remaining };
    },
    async close() {
      isDraining = true;
      stopHearingRevocations();
      keepAlive.stop();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** A socket's close (it comes once): a shared function, not a closure per connection. */
function countClosed() {
  metrics.connections.dec();
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://placeholder').pathname;
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
