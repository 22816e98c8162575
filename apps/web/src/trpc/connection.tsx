'use client';

import { skipToken } from '@tanstack/react-query';
import type { TRPCWebSocketClient } from '@trpc/client';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { PausedStreams } from './create-clients';
import { useTRPC } from './react';

export type ConnectionStatus = 'connected' | 'connecting' | 'reconnecting';

export type Connection = {
  status: ConnectionStatus;
  /** Bumped each time the socket is open again after having been lost. */
  reconnects: number;
  /** The server's event bus is down: live events still come, from the database, a little later. */
  isDelayed: boolean;
  /** Some subscriptions were refused on trouble that may pass and wait to start again. */
  isPaused: boolean;
};

type SocketState = Omit<Connection, 'isDelayed' | 'isPaused'>;

const INITIAL: Connection = { status: 'connecting', reconnects: 0, isDelayed: false, isPaused: false };
const ConnectionContext = createContext<Connection>(INITIAL);

/**
 * Follows the wsClient's `connectionState` (idle → connecting → pending = open). A "connecting"
 * after the socket was once open, or after a failed attempt, is shown as reconnecting. Also follows
 * the server's delivery status and the page's paused subscriptions, so a tab does not claim all is
 * well while the bus is down or its streams wait to start again.
 */
export function ConnectionProvider({
  wsClient,
  pausedStreams,
  children,
}: {
  wsClient: TRPCWebSocketClient | null;
  pausedStreams: PausedStreams;
  children: ReactNode;
}) {
  const [connection, setConnection] = useState<SocketState>(INITIAL);
  const trpc = useTRPC();
  // The server says when its bus is down (events then come from polling the database).
  const delivery = useSubscription(
    trpc.status.onDelivery.subscriptionOptions(wsClient ? undefined : skipToken),
  );
  const isDelayed = delivery.data?.delivery === 'delayed';
  const isPaused = useSyncExternalStore(pausedStreams.subscribe, pausedStreams.count, () => 0) > 0;

  useEffect(() => {
    if (!wsClient) return;
    let wasOpen = false;
    const subscription = wsClient.connectionState.subscribe({
      next(state) {
        if (state.state === 'pending') {
          const isReconnect = wasOpen;
          wasOpen = true;
          setConnection((prev) => ({
            status: 'connected',
            reconnects: prev.reconnects + (isReconnect ? 1 : 0),
          }));
        } else {
          const status = wasOpen || state.error ? 'reconnecting' : 'connecting';
          setConnection((prev) => ({ ...prev, status }));
        }
      },
    });
    return () => subscription.unsubscribe();
  }, [wsClient]);

  return <ConnectionContext value={{ ...connection, isDelayed, isPaused }}>{children}</ConnectionContext>;
}

export function useConnection(): Connection {
  return useContext(ConnectionContext);
}
