import type { AppRouter } from '@spotter/api';
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import superjson from 'superjson';
import WebSocket from 'ws';

/**
 * `ws` keeps emitting messages that arrive after close() was called, until the peer answers the
 * close (state CLOSING); browsers drop them ("if readyState is not OPEN, return", HTML spec). tRPC's
 * wsClient assumes the browser: on a server-requested reconnect it closes the old socket, re-subscribes
 * on a new one from the last id it has seen, and a message that still comes in on the old socket then
 * arrives a second time through the new subscription. Seen here with a draining replica that was slow
 * to read its clients' close frames (frozen and thawed by turns): three clients got seq 23 twice. This class gives Node clients the browser's rule.
 */
export class BrowserLikeWebSocket extends WebSocket {
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'message' && this.readyState !== WebSocket.OPEN) return false;
    return super.emit(event, ...args);
  }
}

/**
 * A typed client over one WebSocket, as a bot would connect: `connectionParams.token`, superjson,
 * and a quick fixed retry (a reconnect through nginx lands on a live replica at once).
 * apps/realtime's `connectClient` does the same with the plain `ws` class; see above for why not.
 */
export function connectBotClient(url: string, token: string) {
  const wsClient = createWSClient({
    url,
    WebSocket: BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: { token },
    retryDelayMs: () => 200,
  });
  const trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient, transformer: superjson })] });
  return { trpc, close: () => wsClient.close() };
}
