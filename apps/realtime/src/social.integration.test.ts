import type { StreamItem } from '@spotter/api';
import type { Database } from '@spotter/db';
import {
  type Replica,
  recordChannelEvents,
  recordMyEvents,
  startReplica,
  startTestStack,
  type TestStack,
  type WsTestClient,
} from '@spotter/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// Issue 9, check 1: everything addressed to a user reaches their personal stream on whatever replica
// they are on, and a stream that reconnects after its replica was killed has each of it exactly once.

let stack: TestStack;
let prisma: Database;
let replicaA: Replica;
let replicaB: Replica;

beforeAll(async () => {
  stack = await startTestStack();
  ({ prisma } = stack);
  [replicaA, replicaB] = stack.replicas as [Replica, Replica];
});

afterEach(async () => {
  await stack.closeClients();
});

afterAll(async () => {
  await stack?.stop();
});

const connect = (url: string | (() => string), token: string): WsTestClient => stack.connect(url, token);

async function usernameOf(userId: string): Promise<string> {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true } }))
    .username;
}

/** What a personal-stream item says, in a form a failure message can show. */
function describeItem(item: StreamItem): string {
  switch (item.type) {
    case 'relationship.changed':
      return `relationship ${item.kind ?? 'none'}`;
    case 'notification.created':
      return `notification ${item.notification.kind}`;
    case 'channel.added':
      return `added ${item.channel.kind}`;
    default:
      return item.type;
  }
}

describe('the personal stream across replicas', () => {
  it('carries a friend request, its acceptance, a new DM and a mention, each exactly once across a replica crash', async () => {
    const alice = await stack.createUser('Alice');
    const bob = await stack.createUser('Bob');
    const aliceOnA = connect(replicaA.url, alice.token);
    const bobOnB = connect(replicaB.url, bob.token);

    // Bob's first tab is on a replica that will crash; its reconnect goes to B (the proxy's failover).
    const doomed = await startReplica(stack.replicaOptions);
    let bobTabUrl = doomed.url;
    const bobTab = connect(() => bobTabUrl, bob.token);
    const bobStream = recordMyEvents(bobTab);
    const aliceStream = recordMyEvents(aliceOnA);
    await bobStream.until('the stream to start', () => bobStream.types().includes('sync'));
    await aliceStream.until('the stream to start', () => aliceStream.types().includes('sync'));

    // 1. A friend request from Alice (replica A) reaches Bob on the doomed replica.
    const bobName = await usernameOf(bob.session.userId);
    await aliceOnA.trpc.friends.request.mutate({ username: bobName });
    await bobStream.until('the friend request', () =>
      bobStream.received.some((r) => describeItem(r.event) === 'notification FRIEND_REQUEST'),
    );

    // 2. The doomed replica is killed; everything else happens while Bob's tab reconnects to B.
    bobTabUrl = replicaB.url;
    await doomed.stop('SIGKILL');

    await bobOnB.trpc.friends.accept.mutate({ userId: alice.session.userId });
    await aliceStream.until('the acceptance', () =>
      aliceStream.received.some((r) => describeItem(r.event) === 'notification FRIEND_ACCEPTED'),
    );

    const dm = await aliceOnA.trpc.dm.open.mutate({ userId: bob.session.userId });
    // The reconnected tab hears of the conversation on its personal stream before it follows it, as
    // the sidebar does. (A subscription started while tRPC's client is still reconnecting can fail
    // with "Active connection is not open": its open races the reconnect's. Seen on a loaded machine.)
    await bobStream.until('the new conversation', () =>
      bobStream.received.some((r) => describeItem(r.event) === 'added DIRECT'),
    );
    // Bob's two tabs follow the new conversation: one on B, and the reconnected one.
    const bobSeesDmOnB = recordChannelEvents(bobOnB, { channelId: dm.id });
    const bobSeesDmInTab = recordChannelEvents(bobTab, { channelId: dm.id });
    await Promise.all([
      bobSeesDmOnB.until('the DM stream to start', () => bobSeesDmOnB.types().includes('sync')),
      bobSeesDmInTab.until('the DM stream to start', () => bobSeesDmInTab.types().includes('sync')),
    ]);
    const direct = await aliceOnA.trpc.message.send.mutate({ channelId: dm.id, body: 'bench at 7?' });
    for (const tab of [bobSeesDmOnB, bobSeesDmInTab]) {
      await tab.until('the DM in both tabs', () => tab.createdSeqs().includes(direct.seq));
    }

    const channel = await aliceOnA.trpc.channel.create.mutate({
      name: `spotters ${alice.session.userId.slice(-6)}`,
    });
    await bobOnB.trpc.channel.join.mutate({ channelId: channel.id });
    const mention = await aliceOnA.trpc.message.send.mutate({
      channelId: channel.id,
      body: `@${bobName} spot me?`,
    });
    expect(mention.body).toBe(`<@${bob.session.userId}> spot me?`);
    await bobStream.until('the mention', () =>
      bobStream.received.some((r) => describeItem(r.event) === 'notification MENTION'),
    );
    await aliceStream.until('her side of the new channel', () =>
      aliceStream.received.some((r) => describeItem(r.event) === 'added CHANNEL'),
    );

    // Every event of Bob's stream exactly once, in seq order, with no gap: nothing lost or doubled by
    // the crash and the replay that followed it.
    const events = bobStream.received.filter((r) => r.event.type !== 'sync');
    const seqs = events.map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] as number) + i));
    expect(events.map((r) => describeItem(r.event))).toEqual([
      'relationship INCOMING',
      'notification FRIEND_REQUEST',
      'relationship FRIEND',
      'added DIRECT',
      'notification DIRECT_MESSAGE',
      'added CHANNEL',
      'notification MENTION',
    ]);
    const mentioned = events.at(-1)?.event;
    expect(mentioned).toMatchObject({
      notification: { actor: { id: alice.session.userId }, excerpt: `@${bobName} spot me?` },
    });
    // The sender's own stream: her side of the request, its acceptance, and what she created.
    expect(
      aliceStream.received.filter((r) => r.event.type !== 'sync').map((r) => describeItem(r.event)),
    ).toEqual([
      'relationship OUTGOING',
      'relationship FRIEND',
      'notification FRIEND_ACCEPTED',
      'added DIRECT',
      'added CHANNEL',
    ]);
  });
});
