import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { BenchRoom, BenchUser } from '../environment';
import type { Target } from '../phase';
import { floorChannel } from './protocol';

/**
 * The floor's publisher: one Redis connection publishing JSON shaped like Spotter's
 * `message.created` event (same fields, same body), so both carry payloads of about the same size.
 */
export function floorTarget(options: {
  redisUrl: string;
  relayPids: readonly number[];
  rooms: readonly BenchRoom[];
  users: readonly BenchUser[];
}): Target & { close(): void } {
  const publisher = new Redis(options.redisUrl);
  const authorOf = (room: number) => options.users[options.rooms[room]?.members[0] ?? 0] as BenchUser;
  return {
    name: 'floor (ws + ioredis relay)',
    serverPids: options.relayPids,
    send(deliveries, index, room) {
      const author = authorOf(room);
      const message = {
        id: randomUUID(),
        channelId: options.rooms[room]?.channelId,
        seq: index + 1,
        authorId: author.id,
        authorName: author.name,
        authorUsername: author.name.toLowerCase(),
        body: deliveries.body(index, room, performance.now()),
        nonce: null,
        version: 1,
        createdAt: new Date().toISOString(),
        editedAt: null,
        deletedAt: null,
      };
      return publisher.publish(
        floorChannel(room),
        JSON.stringify({ type: 'message.created', seq: index + 1, message }),
      );
    },
    close: () => publisher.disconnect(),
  };
}
