import { connectClient, type WsTestClient, waitUntil } from '@spotter/test-support';
import type { BenchRoom, BenchUser } from '../environment';
import type { Arrivals } from '../phase';

const SUBSCRIBE_TIMEOUT_MS = 60_000;
const CONNECT_BATCH = 50;

export type SpotterClients = {
  /** Client i's typed client (user i). */
  clients: WsTestClient[];
  /** Subscription errors and socket losses so far: any is a failure of the run. */
  problems(): string[];
  close(): void;
};

/**
 * Connects client i as user i to `urlFor(i)` (a function there is asked again on every reconnect,
 * as a proxy would answer) with the app's own client (the token in
 * connectionParams, as bots authenticate), subscribes it to its room's `channel.onEvent`, and
 * resolves once every subscription has yielded its first item (the stream's `sync`): the replica has
 * checked access and joined the stream. Arrived `message.created` bodies go to `arrivals`.
 */
export async function connectSpotterClients(
  urlFor: (index: number) => string | (() => string),
  users: readonly BenchUser[],
  rooms: readonly BenchRoom[],
  arrivals: Arrivals,
): Promise<SpotterClients> {
  const clients: WsTestClient[] = [];
  const problems: string[] = [];
  const total = rooms.reduce((sum, room) => sum + room.members.length, 0);
  let started = 0;
  for (const { channelId, members } of rooms) {
    for (const index of members) {
      const client = connectClient(urlFor(index), users[index]?.token);
      clients[index] = client;
      let isStarted = false;
      client.trpc.channel.onEvent.subscribe(
        { channelId },
        {
          onData({ data }) {
            if (!isStarted) {
              isStarted = true;
              started++;
            }
            if (data.type !== 'message.created') return;
            const at = performance.now();
            for (const listen of arrivals) listen(index, data.message.body, at);
          },
          onError(error) {
            problems.push(`client ${index}: subscription failed: ${error.message}`);
          },
          onConnectionStateChange(state) {
            if (state.state === 'connecting' && state.error)
              problems.push(`client ${index}: connection lost: ${state.error.message}`);
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
