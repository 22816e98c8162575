import { waitUntil } from '@spotter/test-support';
import type { BenchRoom } from '../environment';
import type { Arrivals } from '../phase';

const SUBSCRIBE_TIMEOUT_MS = 60_000;
const CONNECT_BATCH = 50;

export type RoomClients<C> = {
  /** Client i (user i). */
  clients: C[];
  /** Subscription errors and socket losses so far: any is a failure of the run. */
  problems(): string[];
  close(): void;
};

/** What a client reports from its room's `channel.onEvent`: each item, and anything gone wrong. */
export type SubscriptionReport = { item(data: unknown): void; problem(what: string): void };

/**
 * Connects every member of every room with `connect` (which subscribes it to its room's
 * `channel.onEvent` and reports to the given report), and resolves once every subscription has
 * yielded its first item (the stream's `sync`): the replica has checked access and joined the
 * stream. Arrived `message.created` bodies go to `arrivals`, timed as they are reported.
 */
export async function connectRoomClients<C extends { close(): void }>(
  rooms: readonly BenchRoom[],
  arrivals: Arrivals,
  connect: (index: number, channelId: string, report: SubscriptionReport) => C | Promise<C>,
): Promise<RoomClients<C>> {
  const clients: C[] = [];
  const problems: string[] = [];
  const total = rooms.reduce((sum, room) => sum + room.members.length, 0);
  let started = 0;
  for (const { channelId, members } of rooms) {
    for (const index of members) {
      let isStarted = false;
      clients[index] = await connect(index, channelId, {
        item(data) {
          if (!isStarted) {
            isStarted = true;
            started++;
          }
          const event = data as { type?: string; message?: { body: string } };
          if (event.type !== 'message.created' || !event.message) return;
          const at = performance.now();
          for (const listen of arrivals) listen(index, event.message.body, at);
        },
        problem: (what) => problems.push(`client ${index}: ${what}`),
      });
      // Spread the handshakes: hundreds at once only measure the accept queue.
      if ((index + 1) % CONNECT_BATCH === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await waitUntil(
    () => {
      if (problems.length > 0) throw new Error(problems[0]);
      return started === total;
    },
    {
      timeoutMs: SUBSCRIBE_TIMEOUT_MS,
      intervalMs: 50,
      onTimeout: () => new Error(`only ${started} of ${total} subscriptions started`),
    },
  );
  return {
    clients,
    problems: () => [...problems],
    close: () => {
      for (const client of clients) client.close();
    },
  };
}
