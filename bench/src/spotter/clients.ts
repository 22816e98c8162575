import { connectClient, type WsTestClient } from '@spotter/test-support';
import type { BenchRoom, BenchUser } from '../environment';
import type { Arrivals } from '../phase';
import { connectRoomClients, type RoomClients } from './room-clients';

export type SpotterClients = RoomClients<WsTestClient>;

/**
 * Client i as user i on `urlFor(i)` (a function there is asked again on every reconnect, as a proxy
 * would answer) with the app's own client — `wsLink`, the token in connectionParams, as bots
 * authenticate — subscribed to its room (see connectRoomClients).
 */
export function connectSpotterClients(
  urlFor: (index: number) => string | (() => string),
  users: readonly BenchUser[],
  rooms: readonly BenchRoom[],
  arrivals: Arrivals,
): Promise<SpotterClients> {
  return connectRoomClients(rooms, arrivals, (index, channelId, report) => {
    const client = connectClient(urlFor(index), users[index]?.token);
    client.trpc.channel.onEvent.subscribe(
      { channelId },
      {
        onData: ({ data }) => report.item(data),
        onError: (error) => report.problem(`subscription failed: ${error.message}`),
        onConnectionStateChange(state) {
          if (state.state === 'connecting' && state.error)
            report.problem(`connection lost: ${state.error.message}`);
        },
      },
    );
    return client;
  });
}
