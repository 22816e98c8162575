import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  retryLink,
  splitLink,
  type TRPCClient,
  wsLink,
} from '@trpc/client';
import superjson from 'superjson';
import { MAX_BATCH_SIZE } from '../limits/table';
import type { AppRouter } from '../root';
import { BrowserLikeWebSocket } from './browser-like-websocket';
import { reconnectDelayMs, resubscribeLink } from './links';

/** The servers' close code for a revoked or refused credential (see server/trpc-ws/limits.ts). */
const REVOKED_CLOSE_CODE = 4401;

/** How often a call refused with TOO_MANY_REQUESTS is tried again before the caller is told. */
const MAX_SLOW_DOWNS = 5;

export type SpotterClientOptions = {
  /** The WebSocket endpoint, e.g. `ws://localhost:3000/ws`; a function is asked again on every reconnect. */
  wsUrl: string | (() => string);
  /** The HTTP API, e.g. `http://localhost:3000/api/trpc`. Without it, queries and mutations use the socket too. */
  httpUrl?: string;
  /** A personal API token (`spt_…`, made in Settings → API tokens); without one, only public procedures answer. */
  token?: string;
  /**
   * Called once when the server refuses the token (revoked or expired) or closes the socket because
   * it was revoked; the client stops reconnecting then, and every call fails with UNAUTHORIZED.
   */
  onRevoked?: () => void;
  /**
   * Delay before reconnect attempt `n`, and before a failed subscription is started again (default:
   * 250 ms doubling to 10 s, with jitter).
   */
  retryDelayMs?: (attempt: number) => number;
  /**
   * Start a subscription again, from its last event, when it fails on trouble that may pass (the
   * server briefly without its database, the socket reconnecting, too many calls at once): the
   * default. False: such a failure ends the subscription with its error, for programs that handle
   * it themselves.
   */
  resubscribe?: boolean;
  /**
   * Called with how many subscriptions are waiting to start again after such a failure, whenever
   * that number changes (above 0: some live updates are paused; back to 0: all resumed).
   */
  onPausedChange?: (paused: number) => void;
};

export type SpotterClient = {
  trpc: TRPCClient<AppRouter>;
  /** Closes the socket; subscriptions end. */
  close(): void;
};

/**
 * The typed client for programs (bots, scripts, services) on Node: the same procedures the web app
 * calls, subscriptions over one WebSocket that resumes every stream from its last event after a
 * reconnect — with the browser's rule for late messages, so a reconnect never doubles an event.
 */
export function createSpotterClient(options: SpotterClientOptions): SpotterClient {
  let isRevoked = false;
  const wsClient = createWSClient({
    url: options.wsUrl,
    WebSocket: BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: options.token ? { token: options.token } : undefined,
    retryDelayMs: options.retryDelayMs ?? reconnectDelayMs,
    onClose(cause) {
      // 4401: the token was revoked. Reconnecting would only be refused again, forever.
      if (cause?.code !== REVOKED_CLOSE_CODE || isRevoked) return;
      isRevoked = true;
      void wsClient.close();
      options.onRevoked?.();
    },
  });
  const overSocket = wsLink<AppRouter>({ client: wsClient, transformer: superjson });
  // A subscription that fails on a moment's trouble (the database away, the socket reconnecting)
  // starts again from its last event, as the web app's do.
  const resubscribe =
    options.resubscribe === false
      ? []
      : [
          resubscribeLink({
            delayMs: options.retryDelayMs ?? reconnectDelayMs,
            ...(options.onPausedChange ? { onPausedChange: options.onPausedChange } : {}),
          }),
        ];
  // A call refused for going over the user's allowance never ran: wait out the window and try again,
  // as a well-behaved program would (a few times; then the caller hears TOO_MANY_REQUESTS).
  const slowDown = retryLink<AppRouter>({
    retry: ({ op, error, attempts }) =>
      op.type !== 'subscription' && error.data?.code === 'TOO_MANY_REQUESTS' && attempts <= MAX_SLOW_DOWNS,
    retryDelayMs: () => 1_000 + Math.random() * 500,
  });
  const links = options.httpUrl
    ? [
        slowDown,
        ...resubscribe,
        splitLink<AppRouter>({
          condition: (op) => op.type === 'subscription',
          true: overSocket,
          false: httpBatchLink({
            url: options.httpUrl,
            transformer: superjson,
            maxItems: MAX_BATCH_SIZE,
            headers: () => (options.token ? { authorization: `Bearer ${options.token}` } : {}),
          }),
        }),
      ]
    : [slowDown, ...resubscribe, overSocket];
  return { trpc: createTRPCClient<AppRouter>({ links }), close: () => wsClient.close() };
}
