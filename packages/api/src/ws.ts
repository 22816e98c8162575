import { applyWSSHandler } from '@trpc/server/adapters/ws';
import type { WebSocketServer } from 'ws';
import type { ServerDeps } from './context';
import { createContextFactory } from './create-context';
import { appRouter } from './root';

/** Ping every 30 s: proxies such as nginx drop idle upgraded sockets after 60 s. */
export const KEEP_ALIVE = { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 } as const;

/**
 * Serves the appRouter on a WebSocket server. Returns tRPC's handle, whose
 * `broadcastReconnectNotification()` tells every client to reconnect elsewhere before a drain.
 */
export function attachTrpcWebSocket(wss: WebSocketServer, deps: ServerDeps) {
  const contexts = createContextFactory(deps);
  return applyWSSHandler({
    wss,
    router: appRouter,
    createContext: contexts.fromWebSocket,
    keepAlive: KEEP_ALIVE,
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        deps.logger.error({ path, err: error.cause ?? error }, 'procedure failed');
    },
  });
}
