'use client';

import type { TRPCWebSocketClient } from '@trpc/client';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

export type ConnectionStatus = 'connected' | 'connecting' | 'reconnecting';

export type Connection = {
  status: ConnectionStatus;
  /** Bumped each time the socket is open again after having been lost: a cue to refetch. */
  reconnects: number;
};

const INITIAL: Connection = { status: 'connecting', reconnects: 0 };
const ConnectionContext = createContext<Connection>(INITIAL);

/**
 * Follows the wsClient's `connectionState` (idle → connecting → pending = open). A "connecting"
 * after the socket was once open, or after a failed attempt, is shown as reconnecting.
 */
export function ConnectionProvider({
  wsClient,
  children,
}: {
  wsClient: TRPCWebSocketClient | null;
  children: ReactNode;
}) {
  const [connection, setConnection] = useState(INITIAL);

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

  return <ConnectionContext value={connection}>{children}</ConnectionContext>;
}

export function useConnection(): Connection {
  return useContext(ConnectionContext);
}
