import type { AppRouter } from '@spotter/api';
import { reconnectDelayMs, resubscribeLink } from '@spotter/api/links';
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  httpLink,
  splitLink,
  type TRPCClient,
  type TRPCWebSocketClient,
  wsLink,
} from '@trpc/client';
import superjson from 'superjson';
import { createRealtimeUrlPicker } from './realtime-urls';
import { REVOKED_CLOSE_CODE, toSignIn } from './signed-out';

export type Clients = {
  trpcClient: TRPCClient<AppRouter>;
  /** Null while rendering on the server: sockets are opened by the browser only. */
  wsClient: TRPCWebSocketClient | null;
  pausedStreams: PausedStreams;
};

/**
 * How many of the page's subscriptions wait to start again after a failure that may pass (see
 * resubscribeLink), in the shape React's useSyncExternalStore reads.
 */
export type PausedStreams = { count(): number; subscribe(listener: () => void): () => void };

const NONE_PAUSED: PausedStreams = { count: () => 0, subscribe: () => () => {} };

/**
 * Subscriptions go over one WebSocket to a realtime server; queries and mutations over batched HTTP
 * to this origin. Both use superjson, like the server. In the browser there is one pair per page
 * load (React's strict mode runs state initializers twice in development: no second socket).
 */
export function createClients(realtimeUrls: readonly string[]): Clients {
  if (typeof window === 'undefined')
    return {
      trpcClient: createTRPCClient<AppRouter>({ links: [httpLinks()] }),
      wsClient: null,
      pausedStreams: NONE_PAUSED,
    };
  browserClients ??= createBrowserClients(realtimeUrls);
  return browserClients;
}

let browserClients: Clients | undefined;

/**
 * Calls with a large body go alone, on a path of their own: the proxy allows a bigger body on that
 * path only (deploy/nginx), and a batch would carry the others' bodies past its limit too.
 */
const UNBATCHED_PATHS: ReadonlySet<string> = new Set(['profile.setAvatar']);

/** Calls about the connection itself (this tab's activity): they must travel on that WebSocket. */
const WEBSOCKET_PATHS: ReadonlySet<string> = new Set(['presence.setActivity']);

function httpLinks() {
  return splitLink({
    condition: (op) => UNBATCHED_PATHS.has(op.path),
    true: httpLink({ url: '/api/trpc', transformer: superjson }),
    // The server refuses batches of more than 50 calls (MAX_BATCH_SIZE in @spotter/api's limits).
    false: httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems: 50 }),
  });
}

function createBrowserClients(realtimeUrls: readonly string[]): Clients {
  const nextRealtimeUrl = createRealtimeUrlPicker(realtimeUrls, window.location, window.sessionStorage);
  const wsClient = createWSClient({
    // A function: wsClient asks again on every (re)connect, which is how a failover happens.
    url: nextRealtimeUrl,
    retryDelayMs: reconnectDelayMs,
    // Notices a silently dead connection (a killed replica behind a proxy) within seconds.
    keepAlive: { enabled: true, intervalMs: 10_000, pongTimeoutMs: 4_000 },
    // The server closed the socket because this sign-in was revoked (here or on another device).
    onClose: (cause) => {
      if (cause?.code === REVOKED_CLOSE_CODE) toSignIn();
    },
  });
  const pausedStreams = createPausedStreams();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      // A subscription that fails on a moment's trouble (the database away, the socket between two
      // connections) starts again from its last event instead of leaving the view silently stale;
      // meanwhile the page says its live updates are paused.
      resubscribeLink({ onPausedChange: pausedStreams.set }),
      splitLink({
        condition: (op) => op.type === 'subscription' || WEBSOCKET_PATHS.has(op.path),
        true: wsLink({ client: wsClient, transformer: superjson }),
        false: httpLinks(),
      }),
    ],
  });
  return { trpcClient, wsClient, pausedStreams };
}

function createPausedStreams(): PausedStreams & { set(count: number): void } {
  let paused = 0;
  const listeners = new Set<() => void>();
  return {
    count: () => paused,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(count) {
      paused = count;
      for (const listener of listeners) listener();
    },
  };
}
