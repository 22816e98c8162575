import { afterAll, describe, expect, inject, it } from 'vitest';
import type { StreamItem } from '../streams/events';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { readSubscription } from '../testing/subscription';

const h = createApiHarness(inject('databaseUrl'));
const controller = new AbortController();
afterAll(async () => {
  controller.abort();
  await h.close();
});

type User = Awaited<ReturnType<typeof h.createUser>>;

/** A user with their personal stream open (as a signed-in tab), read from after its `sync`. */
async function person(name: string) {
  const user = await h.createUser(name);
  const stream = readSubscription<StreamItem>(
    await h.callerFor(user.session, controller.signal).me.onEvent({}),
  );
  await stream.take(1);
  /** The next n events of this user's stream, shortened to what the test compares. */
  const next = async (n: number) =>
    (await stream.take(n)).map(({ data }) => {
      if (data.type === 'relationship.changed') return `${data.type} ${data.user.name} ${data.kind}`;
      if (data.type === 'notification.created')
        return `${data.type} ${data.notification.kind} by ${data.notification.actor.name}`;
      return data.type;
    });
  return { ...user, id: user.session.userId, stream, next };
}

async function pair() {
  return { alice: await person('Alice'), bob: await person('Bob') };
}

/** Both rows of a pair, as "alice→bob / bob→alice". */
async function rows(a: User, b: User) {
  const side = async (from: User, to: User) =>
    (
      await h.prisma.relationship.findUnique({
        where: { userId_otherId: { userId: from.session.userId, otherId: to.session.userId } },
      })
    )?.kind ?? null;
  return `${await side(a, b)} / ${await side(b, a)}`;
}

/** Everything a refusal must leave alone: both rows, both personal streams, all notifications. */
async function snapshot(a: User, b: User) {
  const head = async (u: User) => (await readHead(h.prisma, streamIds.user(u.session.userId))).lastSeq;
  const notifications = await h.prisma.notification.count({
    where: { userId: { in: [a.session.userId, b.session.userId] } },
  });
  return { rows: await rows(a, b), heads: [await head(a), await head(b)], notifications };
}

const kinds = async (user: User) =>
  (await user.caller.friends.list()).map((entry) => `${entry.user.name} ${entry.kind}`);

describe('friend requests', () => {
  it('sends a request, then accepting it makes friends, each side told its own view and notified', async () => {
    const { alice, bob } = await pair();
    const sent = await alice.caller.friends.request({ username: bob.username.toUpperCase() });
    expect(sent).toEqual({
      user: { id: bob.id, username: bob.username, name: 'Bob', avatarUrl: null },
      kind: 'OUTGOING',
    });
    expect(await rows(alice, bob)).toBe('OUTGOING / INCOMING');
    expect(await alice.next(1)).toEqual(['relationship.changed Bob OUTGOING']);
    expect(await bob.next(2)).toEqual([
      'relationship.changed Alice INCOMING',
      'notification.created FRIEND_REQUEST by Alice',
    ]);
    expect(await kinds(alice)).toEqual(['Bob OUTGOING']);
    expect(await kinds(bob)).toEqual(['Alice INCOMING']);

    expect((await bob.caller.friends.accept({ userId: alice.id })).kind).toBe('FRIEND');
    expect(await rows(alice, bob)).toBe('FRIEND / FRIEND');
    expect(await bob.next(1)).toEqual(['relationship.changed Alice FRIEND']);
    expect(await alice.next(2)).toEqual([
      'relationship.changed Bob FRIEND',
      'notification.created FRIEND_ACCEPTED by Bob',
    ]);
    const [entry] = await alice.caller.friends.list();
    expect(entry).toMatchObject({ kind: 'FRIEND', since: expect.any(Date) });
  });

  it('accepts when the other had already asked (as Discord does)', async () => {
    const { alice, bob } = await pair();
    await alice.caller.friends.request({ username: bob.username });
    expect((await bob.caller.friends.request({ username: alice.username })).kind).toBe('FRIEND');
    expect(await rows(alice, bob)).toBe('FRIEND / FRIEND');
    await bob.next(2);
    expect(await bob.next(1)).toEqual(['relationship.changed Alice FRIEND']);
    expect(await alice.next(3)).toEqual([
      'relationship.changed Bob OUTGOING',
      'relationship.changed Bob FRIEND',
      'notification.created FRIEND_ACCEPTED by Bob',
    ]);
  });

  it('cancels, declines and unfriends: both sides end with nothing, and each is told', async () => {
    const { alice, bob } = await pair();
    await alice.caller.friends.request({ username: bob.username });
    await alice.caller.friends.cancel({ userId: bob.id });
    expect(await rows(alice, bob)).toBe('null / null');
    expect(await bob.next(3)).toEqual([
      'relationship.changed Alice INCOMING',
      'notification.created FRIEND_REQUEST by Alice',
      'relationship.changed Alice null',
    ]);

    await alice.caller.friends.request({ username: bob.username });
    expect((await bob.caller.friends.decline({ userId: alice.id })).kind).toBeNull();
    expect(await rows(alice, bob)).toBe('null / null');
    expect(await alice.next(4)).toEqual([
      'relationship.changed Bob OUTGOING',
      'relationship.changed Bob null',
      'relationship.changed Bob OUTGOING',
      'relationship.changed Bob null',
    ]);

    await alice.caller.friends.request({ username: bob.username });
    await bob.caller.friends.accept({ userId: alice.id });
    await bob.caller.friends.remove({ userId: alice.id });
    expect(await rows(alice, bob)).toBe('null / null');
    expect(await kinds(alice)).toEqual([]);
    expect((await alice.next(4)).at(-1)).toBe('relationship.changed Bob null');
  });
});

describe('blocking', () => {
  it('ends a friendship; the blocked side shows nothing and is never told of the block', async () => {
    const { alice, bob } = await pair();
    await alice.caller.friends.request({ username: bob.username });
    await bob.caller.friends.accept({ userId: alice.id });
    await alice.next(3);
    await bob.next(3);

    expect((await alice.caller.friends.block({ userId: bob.id })).kind).toBe('BLOCKED');
    expect(await rows(alice, bob)).toBe('BLOCKED / null');
    expect(await alice.next(1)).toEqual(['relationship.changed Bob BLOCKED']);
    // What Bob sees is what an unfriend looks like.
    expect(await bob.next(1)).toEqual(['relationship.changed Alice null']);
    expect(await kinds(alice)).toEqual(['Bob BLOCKED']);
    expect(await kinds(bob)).toEqual([]);
  });

  it('tells the blocked nothing at all when there was nothing between them, nor on unblock', async () => {
    const { alice, bob } = await pair();
    await alice.caller.friends.block({ userId: bob.id });
    await alice.caller.friends.unblock({ userId: bob.id });
    expect(await rows(alice, bob)).toBe('null / null');
    expect(await alice.next(2)).toEqual([
      'relationship.changed Bob BLOCKED',
      'relationship.changed Bob null',
    ]);
    // The next thing Bob hears of Alice is her request, after the block and unblock.
    await alice.caller.friends.request({ username: bob.username });
    expect(await bob.next(1)).toEqual(['relationship.changed Alice INCOMING']);
  });

  it('keeps each side’s own block: unblocking lifts only one’s own', async () => {
    const { alice, bob } = await pair();
    await alice.caller.friends.request({ username: bob.username });
    await bob.caller.friends.block({ userId: alice.id });
    expect(await rows(alice, bob)).toBe('null / BLOCKED');
    await alice.caller.friends.block({ userId: bob.id });
    expect(await rows(alice, bob)).toBe('BLOCKED / BLOCKED');
    await alice.caller.friends.unblock({ userId: bob.id });
    expect(await rows(alice, bob)).toBe('null / BLOCKED');
    expect(await errorCode(alice.caller.friends.request({ username: bob.username }))).toBe('FORBIDDEN');
  });
});

describe('refusals', () => {
  /** Each call must fail with `code` and leave rows, streams and notifications exactly as they were. */
  async function refused(alice: User, bob: User, call: () => Promise<unknown>, code: string) {
    const before = await snapshot(alice, bob);
    expect(await errorCode(call())).toBe(code);
    expect(await snapshot(alice, bob)).toEqual(before);
  }

  it('refuses requests to oneself, to no one, and malformed usernames', async () => {
    const { alice, bob } = await pair();
    const request = (username: string) => () => alice.caller.friends.request({ username });
    await refused(alice, bob, request(alice.username), 'BAD_REQUEST');
    await refused(alice, bob, request('no_such_person_here'), 'NOT_FOUND');
    await refused(alice, bob, request('bad name!'), 'BAD_REQUEST');
    await refused(alice, bob, request('x'.repeat(33)), 'BAD_REQUEST');
    await refused(alice, bob, () => alice.caller.friends.block({ userId: alice.id }), 'BAD_REQUEST');
    expect(await errorCode(h.anonymous().friends.request({ username: bob.username }))).toBe('UNAUTHORIZED');
    expect(await errorCode(h.anonymous().friends.list())).toBe('UNAUTHORIZED');
  });

  it('refuses a second request, a request between friends, and requests across a block', async () => {
    const { alice, bob } = await pair();
    const request = (from: User, to: User) => () => from.caller.friends.request({ username: to.username });
    await alice.caller.friends.request({ username: bob.username });
    await refused(alice, bob, request(alice, bob), 'CONFLICT');
    await bob.caller.friends.accept({ userId: alice.id });
    await refused(alice, bob, request(alice, bob), 'CONFLICT');
    await refused(alice, bob, request(bob, alice), 'CONFLICT');

    await alice.caller.friends.block({ userId: bob.id });
    await refused(alice, bob, request(alice, bob), 'BAD_REQUEST');
    await refused(alice, bob, request(bob, alice), 'FORBIDDEN');
    await refused(alice, bob, () => alice.caller.friends.block({ userId: bob.id }), 'CONFLICT');
    const failure = await bob.caller.friends.request({ username: alice.username }).catch((e: Error) => e);
    expect((failure as Error).message).not.toMatch(/block/i);
  });

  it('answers every action in the wrong state, and every forged id, with NOT_FOUND', async () => {
    const { alice, bob } = await pair();
    const act =
      (user: User, action: 'cancel' | 'accept' | 'decline' | 'remove' | 'unblock', id: string) => () =>
        user.caller.friends[action]({ userId: id });
    for (const action of ['cancel', 'accept', 'decline', 'remove', 'unblock'] as const) {
      await refused(alice, bob, act(alice, action, bob.id), 'NOT_FOUND');
      await refused(alice, bob, act(alice, action, 'c-forged-id-of-no-one'), 'NOT_FOUND');
    }
    await refused(
      alice,
      bob,
      () => alice.caller.friends.block({ userId: 'c-forged-id-of-no-one' }),
      'NOT_FOUND',
    );
    await refused(alice, bob, () => alice.caller.friends.block({ userId: 'x'.repeat(65) }), 'BAD_REQUEST');

    await alice.caller.friends.request({ username: bob.username });
    // Pending from Alice: only Bob may accept or decline, only Alice may cancel.
    await refused(alice, bob, act(alice, 'accept', bob.id), 'NOT_FOUND');
    await refused(alice, bob, act(alice, 'decline', bob.id), 'NOT_FOUND');
    await refused(alice, bob, act(bob, 'cancel', alice.id), 'NOT_FOUND');
    await refused(alice, bob, act(alice, 'remove', bob.id), 'NOT_FOUND');
    const message = await alice.caller.friends
      .accept({ userId: bob.id })
      .catch((error: Error) => error.message);
    expect(message).toBe('There is no pending request from Bob.');
  });
});

describe('at the same moment', () => {
  it('ends two people requesting each other at once as friends, with one request and one acceptance', async () => {
    for (let round = 0; round < 5; round++) {
      const { alice, bob } = await pair();
      const results = await Promise.all([
        alice.caller.friends.request({ username: bob.username }),
        bob.caller.friends.request({ username: alice.username }),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(['FRIEND', 'OUTGOING']);
      expect(await rows(alice, bob)).toBe('FRIEND / FRIEND');
      const notifications = await h.prisma.notification.findMany({
        where: { userId: { in: [alice.id, bob.id] } },
        select: { kind: true },
      });
      expect(notifications.map((n) => n.kind).sort()).toEqual(['FRIEND_ACCEPTED', 'FRIEND_REQUEST']);
    }
  });

  it('applies a double-clicked request once', async () => {
    const { alice, bob } = await pair();
    const codes = await Promise.all(
      [1, 2, 3].map(() => errorCode(alice.caller.friends.request({ username: bob.username }))),
    );
    expect(codes.sort()).toEqual(['CONFLICT', 'CONFLICT', 'no error']);
    expect(await rows(alice, bob)).toBe('OUTGOING / INCOMING');
    expect(await h.prisma.notification.count({ where: { userId: bob.id } })).toBe(1);
  });

  it('never leaves a half pair when one accepts while the other cancels', async () => {
    for (let round = 0; round < 5; round++) {
      const { alice, bob } = await pair();
      await alice.caller.friends.request({ username: bob.username });
      const codes = await Promise.all([
        errorCode(alice.caller.friends.cancel({ userId: bob.id })),
        errorCode(bob.caller.friends.accept({ userId: alice.id })),
      ]);
      expect(codes).toContain('no error');
      expect(['null / null', 'FRIEND / FRIEND']).toContain(await rows(alice, bob));
    }
  });
});
