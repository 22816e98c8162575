import type { BenchRoom, BenchUser } from '../environment';
import type { Arrivals } from '../phase';
import { connectRoomClients, type RoomClients } from './room-clients';
import { WireClient } from './wire-client';

export type WireClients = RoomClients<WireClient>;

/**
 * Client i as user i on `urlFor(i)` with a light `WireClient`, subscribed to its room (see
 * connectRoomClients); what arrives is timed when its frame was parsed, as the floor's clients do.
 */
export function connectWireClients(
  urlFor: (index: number) => string,
  users: readonly BenchUser[],
  rooms: readonly BenchRoom[],
  arrivals: Arrivals,
): Promise<WireClients> {
  return connectRoomClients(rooms, arrivals, async (index, channelId, report) => {
    const onLost = (reason: string) => report.problem(`connection lost: ${reason}`);
    const client = await WireClient.connect(urlFor(index), users[index]?.token ?? '', onLost);
    client.subscribe(
      'channel.onEvent',
      { channelId },
      {
        onData: (data) => report.item(data),
        onError: (message) => report.problem(`subscription failed: ${message}`),
      },
    );
    return client;
  });
}
