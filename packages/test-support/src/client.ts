import { type AppRouter, createHttpHandler, type ServerDeps } from '@spotter/api';
import { createSpotterClient } from '@spotter/api/client';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';

/** A typed client over one WebSocket connection, as a bot or script would use it. */
export type WsTestClient = ReturnType<typeof connectClient>;

/**
 * Connects to a realtime replica's `/ws` with the bot-safe client of `@spotter/api/client` and
 * `connectionParams.token` (none: anonymous). A function
 * for `url` is asked again on every reconnect, which is how a test stands in for the proxy's failover.
 * Reconnects quickly after a drop, so tests that restart servers do not wait for the default backoff.
 */
export function connectClient(url: string | (() => string), token?: string) {
  return createSpotterClient({ wsUrl: url, ...(token ? { token } : {}), retryDelayMs: () => 200 });
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
