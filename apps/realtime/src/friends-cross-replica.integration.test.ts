import type { StreamItem } from '@spotter/api';
import { createPrismaClient, type Database } from '@spotter/db';
import { createTestDatabase, type TestDatabase } from '@spotter/db/testing';
import {
  connectClient,
  createUserWithToken,
  type RedisServer,
  type Replica,
  recordMyEvents,
  startRedisServer,
  startReplica,
  type WsTestClient,
} from '@spotter/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRET = 'integration-test-secret-not-for-production';

let database: TestDatabase;
let redis: RedisServer;
let prisma: Database;
let replicaA: Replica;
let replicaB: Replica;
const openClients: WsTestClient[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  redis = await startRedisServer();
  const options = { databaseUrl: database.url, redisUrl: redis.url, secret: SECRET };
  [replicaA, replicaB] = await Promise.all([startReplica(options), startReplica(options)]);
  prisma = createPrismaClient(database.url);
});

afterAll(async () => {
  await Promise.all(openClients.splice(0).map((client) => client.close()));
  await Promise.all([replicaA?.stop(), replicaB?.stop()]);
  await prisma?.$disconnect();
  await redis?.stop();
  await database?.drop();
});

async function userOn(replica: Replica, name: string) {
  const user = await createUserWithToken(prisma, SECRET, name);
  const { username } = await prisma.user.findUniqueOrThrow({ where: { id: user.session.userId } });
  const client = connectClient(replica.url, user.token);
  openClients.push(client);
  return { ...user, id: user.session.userId, username, client };
}

/** What a user's stream brought so far, shortened to what the test compares. */
function described(recording: ReturnType<typeof recordMyEvents>): string[] {
  return recording.received.map(({ event }: { event: StreamItem }) => {
    if (event.type === 'relationship.changed') return `${event.type} ${event.user.name} ${event.kind}`;
    if (event.type === 'notification.created')
      return `${event.type} ${event.notification.kind} by ${event.notification.actor.name}`;
    return event.type;
  });
}

/** Waits until `count` events arrived; `sync` comes once the stream listens on the bus. */
async function firstEvents(recording: ReturnType<typeof recordMyEvents>, what: string, count: number) {
  await recording.until(what, () => recording.received.length >= count);
  return described(recording).slice(0, count);
}

describe('friend requests across two replicas', () => {
  it('delivers a request sent on A to the recipient on B, and the acceptance on B to the sender on A', async () => {
    const alice = await userOn(replicaA, 'Alice');
    const bob = await userOn(replicaB, 'Bob');
    const aliceSees = recordMyEvents(alice.client);
    const bobSees = recordMyEvents(bob.client);
    await Promise.all([firstEvents(aliceSees, 'Alice live', 1), firstEvents(bobSees, 'Bob live', 1)]);

    await alice.client.trpc.friends.request.mutate({ username: bob.username });
    expect(await firstEvents(bobSees, 'the request on B', 3)).toEqual([
      'sync',
      'relationship.changed Alice INCOMING',
      'notification.created FRIEND_REQUEST by Alice',
    ]);
    expect((await bob.client.trpc.friends.list.query()).map((e) => `${e.user.name} ${e.kind}`)).toEqual([
      'Alice INCOMING',
    ]);

    await bob.client.trpc.friends.accept.mutate({ userId: alice.id });
    expect(await firstEvents(aliceSees, 'the acceptance on A', 4)).toEqual([
      'sync',
      'relationship.changed Bob OUTGOING',
      'relationship.changed Bob FRIEND',
      'notification.created FRIEND_ACCEPTED by Bob',
    ]);
    expect(await firstEvents(bobSees, 'Bob’s own side', 4)).toContain('relationship.changed Alice FRIEND');
  });
});
