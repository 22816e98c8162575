import type { BenchRoom } from '../environment';
import type { Target } from '../phase';
import type { SpotterClients } from './clients';

const SEND_TIMEOUT_MS = 30_000;

/**
 * The whole path: members send with `message.send` over their own WebSocket (the replica writes the
 * message and its event in one transaction, then publishes), senders taking turns in each room.
 */
export function sendTarget(options: {
  clients: SpotterClients;
  replicaPids: readonly number[];
  rooms: readonly BenchRoom[];
}): Target {
  const { rooms } = options;
  return {
    name: 'Spotter whole path (message.send)',
    serverPids: options.replicaPids,
    send(deliveries, index, room) {
      const { channelId, members } = rooms[room] as BenchRoom;
      const sender = members[Math.floor(index / rooms.length) % members.length] ?? 0;
      const client = options.clients.clients[sender];
      if (!client) return Promise.reject(new Error(`no client ${sender}`));
      return client.trpc.message.send.mutate(
        { channelId, body: deliveries.body(index, room, performance.now()) },
        { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
      );
    },
  };
}
