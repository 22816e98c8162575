import type { TRPCRouterRecord } from '@trpc/server';
import { type BusState, streamHubFor } from '../streams/hub';
import { publicProcedure } from '../trpc';

export type DeliveryStatus = { delivery: 'live' | 'delayed' };

const toStatus = (state: BusState): DeliveryStatus => ({ delivery: state === 'up' ? 'live' : 'delayed' });

/** How this server delivers live events right now, so a tab can say so instead of showing "Connected". */
export const statusRouter = {
  /**
   * The current state, then every change: `live` through the bus, or `delayed` while the bus is down
   * and events come from polling the database. Ephemeral: never stored, never replayed.
   */
  onDelivery: publicProcedure.subscription(({ ctx, signal }) => {
    const hub = streamHubFor(ctx);
    return (async function* () {
      let state = hub.busState();
      let wake: (() => void) | null = null;
      const stop = hub.onBusState((next) => {
        state = next;
        wake?.();
      });
      const onAbort = () => wake?.();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        let sent: BusState | null = null;
        while (!signal?.aborted) {
          if (state !== sent) {
            sent = state;
            yield toStatus(state);
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      } finally {
        stop();
        signal?.removeEventListener('abort', onAbort);
      }
    })();
  }),
} satisfies TRPCRouterRecord;
