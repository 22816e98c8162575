import { type AppRouter, createHttpHandler, type ServerDeps } from '@spotter/api';
import { createTRPCClient, createWSClient, httpLink, wsLink } from '@trpc/client';
import superjson from 'superjson';
import WebSocket from 'ws';

/** A typed client over one WebSocket connection, as a bot or script would use it. */
export type WsTestClient = ReturnType<typeof connectClient>;

/**
 * Connects to a realtime replica's `/ws` with `connectionParams.token` (none: anonymous). A function
 * for `url` is asked again on every reconnect, which is how a test stands in for the proxy's failover.
 * Reconnects quickly after a drop, so tests that restart servers do not wait for the default backoff.
 */
export function connectClient(url: string | (() => string), token?: string) {
  const wsClient = createWSClient({
    url,
    // Node 20 has no global WebSocket; `ws` implements the same interface.
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: token ? { token } : undefined,
    retryDelayMs: () => 200,
  });
  const trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient, transformer: superjson })] });
  return { trpc, close: () => wsClient.close() };
}

/**
 * A typed client of the web app's HTTP API that calls `createHttpHandler` in-process with a
 * `Request`, exactly as Next's route handler does, authenticated with `Authorization: Bearer`.
 */
export function httpClient(deps: ServerDeps, token: string) {
  const handle = createHttpHandler(deps, '/api/trpc');
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: 'http://web.test/api/trpc',
        transformer: superjson,
        headers: { authorization: `Bearer ${token}` },
        fetch: (input, init) => handle(new Request(input, init)),
      }),
    ],
  });
}
