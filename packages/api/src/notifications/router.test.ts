import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Session } from '../context';
import type { StreamItem } from '../streams/events';
import { publishEvents } from '../streams/publish';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { readSubscription } from '../testing/subscription';
import { notify } from './notify';
import { MARK_READ_MAX } from './router';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

const headOf = async (userId: string) => (await readHead(h.prisma, streamIds.user(userId))).lastSeq;

/** One of the user's tabs following their personal stream from now on. */
async function tab(session: Session) {
  const controller = new AbortController();
  const lastEventId = String(await headOf(session.userId));
  const iterable = await h.callerFor(session, controller.signal).me.onEvent({ lastEventId });
  return { ...readSubscription<StreamItem>(iterable), stop: () => controller.abort() };
}

/** Bob with `count` notifications from Alice (friend requests: no message needed), oldest first. */
async function bobWithNotifications(count: number) {
  const alice = await h.createUser('Alice');
  const bob = await h.createUser('Bob');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { events } = await h.prisma.$transaction((tx) =>
      notify(tx, { userId: bob.session.userId, kind: 'FRIEND_REQUEST', actorId: alice.session.userId }),
    );
    const [event] = events;
    if (event?.type !== 'notification.created') throw new Error('expected notification.created');
    ids.push(event.notification.id);
  }
  return { alice, bob, ids };
}

const unread = (userId: string) => h.prisma.notification.count({ where: { userId, readAt: null } });

describe('notifications', () => {
  it('lists newest first, page by page with a cursor, and counts the unread', async () => {
    const { bob, ids } = await bobWithNotifications(5);
    const first = await bob.caller.notifications.list({ limit: 2 });
    expect(first.items.map((n) => n.id)).toEqual([ids[4], ids[3]]);
    const second = await bob.caller.notifications.list({ limit: 2, cursor: first.nextCursor });
    const third = await bob.caller.notifications.list({ limit: 2, cursor: second.nextCursor });
    expect([...second.items, ...third.items].map((n) => n.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(third.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({ kind: 'FRIEND_REQUEST', actor: { name: 'Alice' }, readAt: null });
    expect(await bob.caller.notifications.unreadCount()).toEqual({
      count: 5,
      streamSeq: await headOf(bob.session.userId),
    });
  });

  it('marks some read and tells every tab of the user, with the new unread count', async () => {
    const { bob, ids } = await bobWithNotifications(3);
    const [one, two] = [await tab(bob.session), await tab(bob.session)];
    const picked = [ids[0], ids[2]] as string[];
    expect(await bob.caller.notifications.markRead({ ids: picked })).toEqual({ unreadCount: 1 });
    for (const stream of [one, two]) {
      const [item] = await stream.take(1);
      expect(item?.data).toMatchObject({ type: 'notifications.read', ids: picked, unreadCount: 1 });
      stream.stop();
    }
    const listed = await bob.caller.notifications.list({});
    expect(listed.items.map((n) => n.readAt !== null)).toEqual([true, false, true]);
    // Already read: nothing changes and nothing is announced.
    const head = await headOf(bob.session.userId);
    expect(await bob.caller.notifications.markRead({ ids: [ids[0] as string] })).toEqual({ unreadCount: 1 });
    expect(await headOf(bob.session.userId)).toBe(head);
  });

  it('marks all read on every tab, and a later notification is unread again', async () => {
    const { alice, bob } = await bobWithNotifications(4);
    const other = await tab(bob.session);
    expect(await bob.caller.notifications.markAllRead()).toEqual({ unreadCount: 0 });
    expect((await other.take(1))[0]?.data).toMatchObject({
      type: 'notifications.read',
      ids: null,
      unreadCount: 0,
    });
    expect(await bob.caller.notifications.unreadCount()).toMatchObject({ count: 0 });
    const head = await headOf(bob.session.userId);
    expect(await bob.caller.notifications.markAllRead()).toEqual({ unreadCount: 0 });
    expect(await headOf(bob.session.userId)).toBe(head);
    const appended = await h.prisma.$transaction((tx) =>
      notify(tx, { userId: bob.session.userId, kind: 'FRIEND_ACCEPTED', actorId: alice.session.userId }),
    );
    await publishEvents(h.deps, [appended]);
    expect((await other.take(1))[0]?.data).toMatchObject({ type: 'notification.created', unreadCount: 1 });
    other.stop();
  });

  it('refuses others’ ids, unknown ids, empty and oversized lists, bad cursors and limits, changing nothing', async () => {
    const { bob, ids } = await bobWithNotifications(2);
    const { ids: carolsIds, bob: carol } = await bobWithNotifications(1);
    const head = await headOf(bob.session.userId);
    const markRead = (list: string[]) => errorCode(bob.caller.notifications.markRead({ ids: list }));
    // One foreign id among Bob's own: all refused, so Bob's stay unread and Carol's too.
    expect(await markRead([ids[0] as string, carolsIds[0] as string])).toBe('NOT_FOUND');
    expect(await markRead(['no-such-notification'])).toBe('NOT_FOUND');
    expect(await markRead([])).toBe('BAD_REQUEST');
    expect(await markRead(Array.from({ length: MARK_READ_MAX + 1 }, () => ids[0] as string))).toBe(
      'BAD_REQUEST',
    );
    expect(await markRead(['x'.repeat(65)])).toBe('BAD_REQUEST');
    expect(await unread(bob.session.userId)).toBe(2);
    expect(await unread(carol.session.userId)).toBe(1);
    expect(await headOf(bob.session.userId)).toBe(head);

    const list = (input: { cursor?: string; limit?: number }) =>
      errorCode(bob.caller.notifications.list(input));
    expect(await list({ cursor: carolsIds[0] as string })).toBe('NOT_FOUND');
    expect(await list({ limit: 51 })).toBe('BAD_REQUEST');
    expect(await list({ limit: 0 })).toBe('BAD_REQUEST');
    for (const call of [
      h.anonymous().notifications.list({}),
      h.anonymous().notifications.unreadCount(),
      h.anonymous().notifications.markRead({ ids: [ids[0] as string] }),
      h.anonymous().notifications.markAllRead(),
    ]) {
      expect(await errorCode(call)).toBe('UNAUTHORIZED');
    }
    expect(await unread(bob.session.userId)).toBe(2);
  });
});
