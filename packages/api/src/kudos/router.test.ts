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

  it('a PUBLIC workout takes kudos from anyone; the giver who is not a friend hears the count too', async () => {
    const ann = await h.createUser('Ann');
    const stranger = await h.createUser('Stranger');
    const workoutId = await finishedWorkout(h.prisma, idOf(ann), { visibility: 'PUBLIC' });
    expect((await stranger.caller.kudos.give({ workoutId })).kudosCount).toBe(1);
    expect(await feedHeads([ann, stranger])).toEqual([1, 1]);
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
