import { waitUntil } from '@spotter/test-support';
import type { BenchRoom, BenchUser } from '../environment';
import type { Arrivals } from '../phase';
import { WireClient } from './wire-client';

const SUBSCRIBE_TIMEOUT_MS = 60_000;
const CONNECT_BATCH = 50;

export type WireClients = {
  /** Client i (user i). */
  clients: WireClient[];
  /** Subscription errors and socket losses so far: any is a failure of the run. */
  problems(): string[];
  close(): void;
};

/**
 * Connects client i as user i to `urlFor(i)` with a `WireClient`, subscribes it to its room's
 * `channel.onEvent`, and resolves once every subscription has yielded its first item (the stream's
 * `sync`): the replica has checked access and joined the stream. Arrived `message.created` bodies go
 * to `arrivals`, timed when the frame was parsed, as the floor's clients time theirs.
 */
export async function connectWireClients(
  urlFor: (index: number) => string,
  users: readonly BenchUser[],
  rooms: readonly BenchRoom[],
  arrivals: Arrivals,
): Promise<WireClients> {
  const clients: WireClient[] = [];
  const problems: string[] = [];
  const total = rooms.reduce((sum, room) => sum + room.members.length, 0);
  let started = 0;
  for (const { channelId, members } of rooms) {
    for (const index of members) {
      const onLost = (reason: string) => problems.push(`client ${index}: connection lost: ${reason}`);
      const client = await WireClient.connect(urlFor(index), users[index]?.token ?? '', onLost);
      clients[index] = client;
      let isStarted = false;
      client.subscribe(
        'channel.onEvent',
        { channelId },
        {
          onData(data) {
            if (!isStarted) {
              isStarted = true;
              started++;
            }
            const event = data as { type?: string; message?: { body: string } };
            if (event.type !== 'message.created' || !event.message) return;
            const at = performance.now();
            for (const listen of arrivals) listen(index, event.message.body, at);
          },
          onError(message) {
            problems.push(`client ${index}: subscription failed: ${message}`);
          },
        },
      );
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
