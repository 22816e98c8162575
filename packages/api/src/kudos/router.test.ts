import { afterAll, describe, expect, inject, it } from 'vitest';
import { conversationTestKit, makeFriends } from '../conversations/test-support';
import { finishedWorkout } from '../feed/test-support';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
const kit = conversationTestKit(h);
afterAll(() => h.close());

type User = Awaited<ReturnType<typeof h.createUser>>;
const idOf = (user: User) => user.session.userId;

async function feedHeads(users: User[]) {
  return Promise.all(users.map(async (u) => (await readHead(h.prisma, streamIds.feed(idOf(u)))).lastSeq));
}

describe('kudos', () => {
  it("counts live on every feed that shows the workout (the owner's tabs too), and is idempotent", async () => {
    const ann = await h.createUser('Ann');
    const [ben, cat] = (await kit.friendsOf(ann, 'Ben', 'Cat')) as [User, User];
    const workoutId = await finishedWorkout(h.prisma, idOf(ann));
    const annTab = await kit.subscribe(ann.session, (c) => c.feed.onEvent({}));
    const annOtherTab = await kit.subscribe(ann.session, (c) => c.feed.onEvent({}));
    const catTab = await kit.subscribe(cat.session, (c) => c.feed.onEvent({}));
    await Promise.all([annTab.take(1), annOtherTab.take(1), catTab.take(1)]);

    expect(await ben.caller.kudos.give({ workoutId })).toEqual({ workoutId, kudosCount: 1, hasGiven: true });
    const heads = await feedHeads([ann, ben, cat]);
    expect(await ben.caller.kudos.give({ workoutId })).toEqual({ workoutId, kudosCount: 1, hasGiven: true });
    expect(await feedHeads([ann, ben, cat])).toEqual(heads);
    await cat.caller.kudos.give({ workoutId });

    for (const tab of [annTab, annOtherTab, catTab]) {
      const counts = (await tab.take(2)).map(({ data }) =>
        data.type === 'feed.kudos' ? data.kudosCount : null,
      );
      expect(counts).toEqual([1, 2]);
    }
    expect(await ben.caller.kudos.remove({ workoutId })).toEqual({
      workoutId,
      kudosCount: 1,
      hasGiven: false,
    });
    expect((await annTab.take(1))[0]?.data).toMatchObject({
      type: 'feed.kudos',
      kudosCount: 1,
      isGiven: false,
    });
    const [entry] = (await ben.caller.feed.list({})).entries;
    expect(entry).toMatchObject({ id: workoutId, kudosCount: 1, hasGivenKudos: false });
    for (const tab of [annTab, annOtherTab, catTab]) tab.stop();
  });

  it("tells the owner's every tab once per giver, and withdraws the entry when kudos are taken back", async () => {
    const ann = await h.createUser('Ann');
    const [ben, cat] = (await kit.friendsOf(ann, 'Ben', 'Cat')) as [User, User];
    const workoutId = await finishedWorkout(h.prisma, idOf(ann), { title: 'Leg day' });
    const lastEventId = String((await readHead(h.prisma, streamIds.user(idOf(ann)))).lastSeq);
    const tabs = [
      await kit.subscribe(ann.session, (c) => c.me.onEvent({ lastEventId })),
      await kit.subscribe(ann.session, (c) => c.me.onEvent({ lastEventId })),
    ];

    await ben.caller.kudos.give({ workoutId });
    await ben.caller.kudos.give({ workoutId }); // given already: nobody is told twice
    await cat.caller.kudos.give({ workoutId });
    await ben.caller.kudos.remove({ workoutId });
    await ben.caller.kudos.remove({ workoutId }); // taken back already: nothing to withdraw
    for (const tab of tabs) {
      const events = (await tab.take(3)).map(({ data }) => data);
      expect(events).toMatchObject([
        {
          type: 'notification.created',
          unreadCount: 1,
          notification: {
            kind: 'KUDOS',
            actor: { name: 'Ben' },
            workout: { id: workoutId, title: 'Leg day' },
            conversation: null,
            readAt: null,
          },
        },
        { type: 'notification.created', unreadCount: 2, notification: { actor: { name: 'Cat' } } },
        { type: 'notifications.removed', unreadCount: 1 },
      ]);
      const [fromBen] = events;
      if (fromBen?.type !== 'notification.created') throw new Error('expected an entry');
      expect(events[2]).toMatchObject({ ids: [fromBen.notification.id] });
      tab.stop();
    }
    const listed = await ann.caller.notifications.list({});
    expect(listed.items.map((n) => [n.kind, n.actor.name])).toEqual([['KUDOS', 'Cat']]);
    // Given again after being taken back: one entry again, not two.
    await ben.caller.kudos.give({ workoutId });
    expect(await ann.caller.notifications.unreadCount()).toMatchObject({ count: 2 });
    expect(await h.prisma.notification.count({ where: { workoutId } })).toBe(2);
  });

  it("deleting the workout withdraws its kudos entries from the owner's list on every tab", async () => {
    const ann = await h.createUser('Ann');
    const [ben, cat] = (await kit.friendsOf(ann, 'Ben', 'Cat')) as [User, User];
    const kept = await finishedWorkout(h.prisma, idOf(ann), { title: 'Kept' });
    const deleted = await finishedWorkout(h.prisma, idOf(ann), { title: 'Deleted' });
    await ben.caller.kudos.give({ workoutId: kept });
    await ben.caller.kudos.give({ workoutId: deleted });
    await cat.caller.kudos.give({ workoutId: deleted });
    const lastEventId = String((await readHead(h.prisma, streamIds.user(idOf(ann)))).lastSeq);
    const tab = await kit.subscribe(ann.session, (c) => c.me.onEvent({ lastEventId }));

    await ann.caller.workout.delete({ workoutId: deleted });
    const [removed] = await tab.take(1);
    expect(removed?.data).toMatchObject({ type: 'notifications.removed', unreadCount: 1 });
    expect(removed?.data.type === 'notifications.removed' && removed.data.ids).toHaveLength(2);
    tab.stop();
    const listed = await ann.caller.notifications.list({});
    expect(listed.items.map((n) => n.workout?.title)).toEqual(['Kept']);
  });

  it('kudos given while the workout is deleted either land before it or answer NOT_FOUND; the badge stays exact', async () => {
    const ann = await h.createUser('Ann');
    const givers = (await kit.friendsOf(ann, 'Ben', 'Cat', 'Dan', 'Eve')) as User[];
    const workoutId = await finishedWorkout(h.prisma, idOf(ann));
    const outcomes = await Promise.allSettled([
      ...givers.map((giver) => giver.caller.kudos.give({ workoutId })),
      ann.caller.workout.delete({ workoutId }),
    ]);
    for (const outcome of outcomes)
      if (outcome.status === 'rejected')
        expect(await errorCode(Promise.reject(outcome.reason))).toBe('NOT_FOUND');
    expect(outcomes.at(-1)?.status).toBe('fulfilled');
    expect(await h.prisma.notification.count({ where: { userId: idOf(ann), kind: 'KUDOS' } })).toBe(0);
    // The newest event of Ann's stream sets her badge: it must say what the list holds.
    const newest = await h.prisma.streamEvent.findFirst({
      where: { streamId: streamIds.user(idOf(ann)) },
      orderBy: { seq: 'desc' },
    });
    expect(await ann.caller.notifications.unreadCount()).toMatchObject({ count: 0 });
    if (newest) expect(newest.data).toMatchObject({ unreadCount: 0 });
  });

  it("the owner opening a workout reads its kudos entries on every tab, and only that workout's", async () => {
    const ann = await h.createUser('Ann');
    const [ben] = (await kit.friendsOf(ann, 'Ben')) as [User];
    const opened = await finishedWorkout(h.prisma, idOf(ann), { title: 'Opened' });
    const other = await finishedWorkout(h.prisma, idOf(ann), { title: 'Other' });
    await ben.caller.kudos.give({ workoutId: opened });
    await ben.caller.kudos.give({ workoutId: other });
    const head = (await readHead(h.prisma, streamIds.user(idOf(ann)))).lastSeq;
    const tab = await kit.subscribe(ann.session, (c) => c.me.onEvent({ lastEventId: String(head) }));

    expect(await ann.caller.notifications.markWorkoutRead({ workoutId: opened })).toEqual({ unreadCount: 1 });
    const [read] = await tab.take(1);
    expect(read?.data).toMatchObject({ type: 'notifications.read', unreadCount: 1 });
    const listed = await ann.caller.notifications.list({});
    expect(listed.items.map((n) => [n.workout?.title, n.readAt !== null])).toEqual([
      ['Other', false],
      ['Opened', true],
    ]);
    // Nothing left to read there: nothing changes, nothing is announced.
    expect(await ann.caller.notifications.markWorkoutRead({ workoutId: opened })).toEqual({ unreadCount: 1 });
    expect((await readHead(h.prisma, streamIds.user(idOf(ann)))).lastSeq).toBe(head + 1);
    // Someone else's entries are never touched: Ben has none about Ann's workout.
    expect(await ben.caller.notifications.markWorkoutRead({ workoutId: other })).toEqual({ unreadCount: 0 });
    expect(await ann.caller.notifications.unreadCount()).toMatchObject({ count: 1 });
    expect(await errorCode(ann.caller.notifications.markWorkoutRead({ workoutId: 'x'.repeat(65) }))).toBe(
      'BAD_REQUEST',
    );
    tab.stop();
  });

  it('lists who gave kudos, newest first, to whoever may see the workout', async () => {
    const ann = await h.createUser('Ann');
    const [ben, cat] = (await kit.friendsOf(ann, 'Ben', 'Cat')) as [User, User];
    const stranger = await h.createUser('Stranger');
    const workoutId = await finishedWorkout(h.prisma, idOf(ann));
    expect(await ann.caller.kudos.list({ workoutId })).toEqual({
      workoutId,
      count: 0,
      hasGiven: false,
      givers: [],
    });
    await ben.caller.kudos.give({ workoutId });
    await cat.caller.kudos.give({ workoutId });
    const forAnn = await ann.caller.kudos.list({ workoutId });
    expect(forAnn).toMatchObject({ count: 2, hasGiven: false });
    expect(forAnn.givers.map((giver) => giver.name)).toEqual(['Cat', 'Ben']);
    expect(await ben.caller.kudos.list({ workoutId })).toMatchObject({ count: 2, hasGiven: true });
    await ben.caller.kudos.remove({ workoutId });
    expect(await ben.caller.kudos.list({ workoutId })).toMatchObject({ count: 1, hasGiven: false });
    expect(await errorCode(stranger.caller.kudos.list({ workoutId }))).toBe('NOT_FOUND');
    expect(await errorCode(ben.caller.kudos.list({ workoutId: 'x'.repeat(65) }))).toBe('BAD_REQUEST');
  });

  it('a PUBLIC workout takes kudos from anyone; the giver who is not a friend hears the count too', async () => {
    const ann = await h.createUser('Ann');
    const stranger = await h.createUser('Stranger');
    const workoutId = await finishedWorkout(h.prisma, idOf(ann), { visibility: 'PUBLIC' });
    expect((await stranger.caller.kudos.give({ workoutId })).kudosCount).toBe(1);
    expect(await feedHeads([ann, stranger])).toEqual([1, 1]);
  });

  it('someone the owner blocked cannot give kudos on, list or open even a PUBLIC workout of theirs', async () => {
    const ann = await h.createUser('Ann');
    const troll = await h.createUser('Troll');
    const workoutId = await finishedWorkout(h.prisma, idOf(ann), { visibility: 'PUBLIC' });
    await troll.caller.friends.request({ username: ann.username });
    await ann.caller.friends.block({ userId: idOf(troll) });
    const unread = await ann.caller.notifications.unreadCount();
    expect(await errorCode(troll.caller.kudos.give({ workoutId }))).toBe('NOT_FOUND');
    expect(await errorCode(troll.caller.kudos.list({ workoutId }))).toBe('NOT_FOUND');
    expect(await errorCode(troll.caller.workout.get({ workoutId }))).toBe('NOT_FOUND');
    expect(await h.prisma.kudos.count({ where: { workoutId } })).toBe(0);
    expect(await ann.caller.notifications.unreadCount()).toEqual(unread);
  });

  it('refuses kudos on an invisible, unknown or own workout, or oversized input, changing nothing', async () => {
    const ann = await h.createUser('Ann');
    const [ben] = (await kit.friendsOf(ann, 'Ben')) as [User];
    const stranger = await h.createUser('Stranger');
    const privateId = await finishedWorkout(h.prisma, idOf(ann), { visibility: 'PRIVATE' });
    const friendsId = await finishedWorkout(h.prisma, idOf(ann), { visibility: 'FRIENDS' });
    const heads = await feedHeads([ann, ben, stranger]);
    expect(await errorCode(ben.caller.kudos.give({ workoutId: privateId }))).toBe('NOT_FOUND');
    expect(await errorCode(stranger.caller.kudos.give({ workoutId: friendsId }))).toBe('NOT_FOUND');
    expect(await errorCode(ann.caller.kudos.give({ workoutId: friendsId }))).toBe('FORBIDDEN');
    expect(await errorCode(ben.caller.kudos.give({ workoutId: 'no-such-workout' }))).toBe('NOT_FOUND');
    expect(await errorCode(ben.caller.kudos.give({ workoutId: 'x'.repeat(65) }))).toBe('BAD_REQUEST');
    expect(await errorCode(h.anonymous().kudos.give({ workoutId: friendsId }))).toBe('UNAUTHORIZED');
    expect(await h.prisma.kudos.count({ where: { workoutId: { in: [privateId, friendsId] } } })).toBe(0);
    expect(await feedHeads([ann, ben, stranger])).toEqual(heads);
    // No longer friends: the FRIENDS workout is out of sight.
    await h.prisma.relationship.deleteMany({ where: { userId: { in: [idOf(ann), idOf(ben)] } } });
    expect(await errorCode(ben.caller.kudos.give({ workoutId: friendsId }))).toBe('NOT_FOUND');
    await makeFriends(h.prisma, idOf(ann), idOf(ben));
  });
});
