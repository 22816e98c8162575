'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ConnectionProvider } from './connection';
import { createClients } from './create-clients';
import { TRPCProvider } from './react';

/**
 * The client side of tRPC. `realtimeUrls` comes from the server's configuration at request time
 * (root layout), so one build serves every deployment.
 */
export function Providers({ realtimeUrls, children }: { realtimeUrls: string[]; children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, retry: 1 }, mutations: { retry: false } },
      }),
  );
  const [{ trpcClient, wsClient, pausedStreams }] = useState(() => createClients(realtimeUrls));

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <ConnectionProvider wsClient={wsClient} pausedStreams={pausedStreams}>
          {children}
        </ConnectionProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
