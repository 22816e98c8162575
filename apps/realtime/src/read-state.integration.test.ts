import type { Database } from '@spotter/db';
import {
  type Replica,
  recordMyEvents,
  startTestStack,
  type TestStack,
  type WsTestClient,
} from '@spotter/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// Issue 10, check 2: unread and mention counts are right after a mixed history (messages, edits,
// deletes, mentions), move live as messages arrive, and converge across two connections of the same
// user on two replicas after a read on one of them.

const WAIT = { timeout: 15_000, interval: 100 };

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

const connect = (url: string, token: string): WsTestClient => stack.connect(url, token);

/** The counts a client's sidebar would show for one conversation, read through that client. */
async function countsOn(client: WsTestClient, channelId: string) {
  const state = (await client.trpc.readState.list.query()).find((s) => s.channelId === channelId);
  return state && { unread: state.unreadCount, mentions: state.mentionCount, lastReadSeq: state.lastReadSeq };
}

/** Records the activity hints a client gets (the sidebar rereads its counts on each). */
function recordActivity(client: WsTestClient) {
  const seen: { channelId: string; seq: number }[] = [];
  const subscription = client.trpc.readState.onActivity.subscribe(undefined, {
    onData: (hint) => seen.push(hint),
  });
  return { seen, stop: () => subscription.unsubscribe() };
}

describe('read state across replicas', () => {
  it('counts a mixed history right and converges on both of a user’s connections after a read on one', async () => {
    const alice = await stack.createUser('Alice');
    const bob = await stack.createUser('Bob');
    await prisma.relationship.createMany({
      data: [
        { userId: alice.session.userId, otherId: bob.session.userId, kind: 'FRIEND' },
        { userId: bob.session.userId, otherId: alice.session.userId, kind: 'FRIEND' },
      ],
    });
    const aliceOnA = connect(replicaA.url, alice.token);
    const bobOnA = connect(replicaA.url, bob.token);
    const bobOnB = connect(replicaB.url, bob.token);
    const channel = await aliceOnA.trpc.channel.create.mutate({
      name: `reads ${alice.session.userId.slice(-6)}`,
    });
    await bobOnB.trpc.channel.join.mutate({ channelId: channel.id });
    const dm = await aliceOnA.trpc.dm.open.mutate({ userId: bob.session.userId });

    const activityOnB = recordActivity(bobOnB);
    const eventsOnB = recordMyEvents(bobOnB);
    await eventsOnB.until('the stream to start', () => eventsOnB.types().includes('sync'));
    // The hints subscription is ready once a message of Alice's reaches it (it is ephemeral: retry).
    const atBob = `<@${bob.session.userId}>`;
    const say = (channelId: string, body: string) => aliceOnA.trpc.message.send.mutate({ channelId, body });
    await expect
      .poll(async () => {
        await say(channel.id, 'warm-up');
        return activityOnB.seen.length;
      }, WAIT)
      .toBeGreaterThan(0);
    // Bob has read the warm-up.
    const warm = (await bobOnA.trpc.message.list.query({ channelId: channel.id })).streamSeq;
    await bobOnA.trpc.readState.markRead.mutate({ channelId: channel.id, seq: warm });

    // A mixed history in the channel: 4 messages by Alice (2 mention Bob), one edited to add a
    // mention, one mention deleted, and Bob's own reply (never unread to him).
    const plain = await say(channel.id, 'squats at 6');
    await say(channel.id, `${atBob} spot me?`);
    const doomed = await say(channel.id, `${atBob} also deadlifts`);
    await say(channel.id, 'bring chalk');
    await bobOnB.trpc.message.send.mutate({ channelId: channel.id, body: 'on my way' });
    await aliceOnA.trpc.message.edit.mutate({ messageId: plain.id, body: `squats at 6 ${atBob}` });
    await aliceOnA.trpc.message.delete.mutate({ messageId: doomed.id });
    // And two in the DM, one mentioning him.
    await say(dm.id, 'hey');
    const lastDm = await say(dm.id, `${atBob} you up?`);

    for (const client of [bobOnA, bobOnB]) {
      await expect.poll(() => countsOn(client, channel.id), WAIT).toMatchObject({ unread: 3, mentions: 2 });
      await expect.poll(() => countsOn(client, dm.id), WAIT).toMatchObject({ unread: 2, mentions: 1 });
    }
    // The hints told replica B's connection of the DM's new messages as they came.
    await expect
      .poll(() => activityOnB.seen.some((hint) => hint.channelId === dm.id && hint.seq === lastDm.seq), WAIT)
      .toBe(true);

    // Bob reads the DM on replica A: his connection on B hears it on his personal stream at once…
    await bobOnA.trpc.readState.markRead.mutate({ channelId: dm.id, seq: lastDm.seq });
    await eventsOnB.until('the read on the other replica', () =>
      eventsOnB.received.some(
        ({ event }) =>
          event.type === 'readState.changed' &&
          event.state.channelId === dm.id &&
          event.state.lastReadSeq === lastDm.seq,
      ),
    );
    // …and both connections agree: the DM is read, the channel is not, and no DM notification is left.
    for (const client of [bobOnA, bobOnB]) {
      expect(await countsOn(client, dm.id)).toEqual({ unread: 0, mentions: 0, lastReadSeq: lastDm.seq });
      expect(await countsOn(client, channel.id)).toMatchObject({ unread: 3, mentions: 2 });
    }
    const leftUnread = await bobOnB.trpc.notifications.list.query({});
    expect(leftUnread.items.filter((n) => n.channelId === dm.id && n.readAt === null)).toEqual([]);
    activityOnB.stop();
    eventsOnB.unsubscribe();
  });
});
