import { randomUUID } from 'node:crypto';
import type { EventBus, MessageView } from '@spotter/api';
import { type Database, takeStreamSeqs } from '@spotter/db';
import type { BenchRoom, BenchUser } from '../environment';
import type { Target } from '../phase';
import { channelStreamId, publishChannelEvent } from './wire';

/**
 * Fan-out alone: each message is published straight to its channel's bus topic, as a replica does
 * after a commit, so what is measured is Redis → replicas → subscribers with no database on the path.
 *
 * The events are real all the same: before the clock starts, `prepare` stores every message of the
 * phase and its event (taking the stream's next seqs, as a send does), so the seqs published are
 * the stream's next ones and the database agrees with the bus. A replica that fills a gap, or a
 * later phase that sends for real, finds what it expects. Events a replica reads from the database
 * instead of the bus carry the stored body, which has no send time: they are counted apart.
 */
export function fanoutTarget(options: {
  bus: EventBus;
  prisma: Database;
  replicaPids: readonly number[];
  rooms: readonly BenchRoom[];
  users: readonly BenchUser[];
}): Target {
  let staged: MessageView[] = [];
  return {
    name: 'Spotter fan-out alone (bus → replicas)',
    serverPids: options.replicaPids,
    async prepare(deliveries, roomOf) {
      staged = new Array(deliveries.messages);
      for (const [room, { channelId, members }] of options.rooms.entries()) {
        const indexes = Array.from({ length: deliveries.messages }, (_, i) => i).filter(
          (i) => roomOf(i) === room,
        );
        if (indexes.length === 0) continue;
        const author = options.users[members[0] ?? 0] as BenchUser;
        const streamId = channelStreamId(channelId);
        const createdAt = new Date();
        await options.prisma.$transaction(
          async (tx) => {
            const first = await takeStreamSeqs(tx, streamId, indexes.length);
            const views = indexes.map(
              (index, k): MessageView => ({
                id: randomUUID(),
                channelId,
                seq: first + k,
                authorId: author.id,
                authorName: author.name,
                authorUsername: author.name.toLowerCase(),
                body: deliveries.storedBody(index, room),
                nonce: null,
                version: 1,
                createdAt,
                editedAt: null,
                deletedAt: null,
                mentions: [],
                reactions: [],
              }),
            );
            await tx.message.createMany({
              data: views.map(({ id, seq, body }) => ({
                id,
                channelId,
                seq,
                authorId: author.id,
                body,
                createdAt,
              })),
            });
            await tx.streamEvent.createMany({
              data: views.map(({ id, seq }) => ({ streamId, seq, type: 'message.created', messageId: id })),
            });
            indexes.forEach((index, k) => {
              staged[index] = views[k] as MessageView;
            });
          },
          { timeout: 120_000 },
        );
      }
    },
    send(deliveries, index, room) {
      const stored = staged[index] as MessageView;
      const message = { ...stored, body: deliveries.body(index, room, performance.now()) };
      return publishChannelEvent(options.bus, stored.channelId, {
        type: 'message.created',
        seq: stored.seq,
        message,
      });
    },
  };
}
