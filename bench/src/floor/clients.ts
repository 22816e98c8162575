import { waitUntil } from '@spotter/test-support';
import WebSocket from 'ws';
import type { BenchRoom } from '../environment';
import type { Arrivals } from '../phase';
import { JOINED } from './protocol';

const JOIN_TIMEOUT_MS = 60_000;

/**
 * Connects client i to relay i % relays, in its room, and resolves once every relay confirmed every
 * client's room. What arrives is parsed as a client would (JSON) and reported to `arrivals`.
 */
export async function connectFloorClients(
  relayUrls: readonly string[],
  rooms: readonly BenchRoom[],
  arrivals: Arrivals,
): Promise<{ close(): void }> {
  const sockets: WebSocket[] = [];
  let joined = 0;
  let failure: Error | undefined;
  for (const [room, { members }] of rooms.entries()) {
    for (const client of members) {
      const socket = new WebSocket(`${relayUrls[client % relayUrls.length]}?room=${room}`);
      socket.on('message', (data) => {
        const text = data.toString();
        if (text === JOINED) {
          joined++;
          return;
        }
        const at = performance.now();
        const { message } = JSON.parse(text) as { message: { body: string } };
        for (const listen of arrivals) listen(client, message.body, at);
      });
      socket.on('error', (error) => {
        failure ??= error;
      });
      sockets.push(socket);
    }
  }
  await waitUntil(
    () => {
      if (failure) throw new Error(`a floor client failed: ${failure.message}`);
      return joined === sockets.length;
    },
    {
      timeoutMs: JOIN_TIMEOUT_MS,
      intervalMs: 50,
      onTimeout: () => new Error(`only ${joined} of ${sockets.length} floor clients joined their rooms`),
    },
  );
  return {
    close: () => {
      for (const socket of sockets) socket.terminate();
    },
  };
}
