import { createPrismaClient, type Database } from '@spotter/db';
import { createTestDatabase, type TestDatabase } from '@spotter/db/testing';
import {
  connectClient,
  createUserWithToken,
  type RedisServer,
  type Replica,
  recordChannelEvents,
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

function connect(url: string, token: string): WsTestClient {
  const client = connectClient(url, token);
  openClients.push(client);
  return client;
}

describe('direct messages across replicas', () => {
  it('delivers a DM sent through replica A to both tabs of the recipient on replica B', async () => {
    const alice = await createUserWithToken(prisma, SECRET, 'Alice');
    const bob = await createUserWithToken(prisma, SECRET, 'Bob');
    await prisma.relationship.createMany({
      data: [
        { userId: alice.session.userId, otherId: bob.session.userId, kind: 'FRIEND' },
        { userId: bob.session.userId, otherId: alice.session.userId, kind: 'FRIEND' },
      ],
    });
    const aliceOnA = connect(replicaA.url, alice.token);
    const bobTabs = [connect(replicaB.url, bob.token), connect(replicaB.url, bob.token)];
    const bobsOwnStreams = bobTabs.map((tab) => recordMyEvents(tab));

    const dm = await aliceOnA.trpc.dm.open.mutate({ userId: bob.session.userId });
    for (const own of bobsOwnStreams) {
      await own.until('the new conversation on B', () =>
        own.received.some((r) => r.event.type === 'channel.added' && r.event.channel.id === dm.id),
      );
    }
    const tabsSee = bobTabs.map((tab) => recordChannelEvents(tab, { channelId: dm.id }));
    // A stream yields live events only once its bus subscription is confirmed and history read: once
    // both tabs have the warm-up, everything later reaches them through Redis.
    const warmUp = await aliceOnA.trpc.message.send.mutate({ channelId: dm.id, body: 'warm-up' });
    for (const tab of tabsSee) {
      await tab.until('the warm-up', () => tab.createdSeqs().includes(warmUp.seq));
    }

    const sent = await aliceOnA.trpc.message.send.mutate({ channelId: dm.id, body: 'deadlifts tomorrow?' });
    for (const tab of tabsSee) {
      await tab.until('the DM on B', () => tab.createdSeqs().includes(sent.seq));
      expect(tab.bodies()).toEqual(['warm-up', 'deadlifts tomorrow?']);
    }
  });
});
