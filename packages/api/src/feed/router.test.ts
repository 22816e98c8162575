import { afterAll, describe, expect, inject, it } from 'vitest';
import { conversationTestKit } from '../conversations/test-support';
import type { StreamItem } from '../streams/events';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { finishedWorkout } from './test-support';

const h = createApiHarness(inject('databaseUrl'));
const kit = conversationTestKit(h);
afterAll(() => h.close());

type User = Awaited<ReturnType<typeof h.createUser>>;
const idOf = (user: User) => user.session.userId;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

function describeItem(item: StreamItem) {
  return item.type === 'feed.workout'
    ? `${item.card.owner.name} ${item.action} ${item.card.title}`
    : item.type;
}

describe('feed', () => {
  it("lists the reader's and friends' finished workouts newest first, with records, never a friend's PRIVATE one", async () => {
    const me = await h.createUser('Mo');
    const [fr] = (await kit.friendsOf(me, 'Flo')) as [User];
    const stranger = await h.createUser('Stranger');
    await finishedWorkout(h.prisma, idOf(fr), { title: 'Oldest', finishedAt: minutesAgo(30) });
    await finishedWorkout(h.prisma, idOf(me), {
      title: 'Mine private',
      visibility: 'PRIVATE',
      finishedAt: minutesAgo(20),
    });
    await finishedWorkout(h.prisma, idOf(fr), {
      title: 'Hidden',
      visibility: 'PRIVATE',
      finishedAt: minutesAgo(10),
    });
    await finishedWorkout(h.prisma, idOf(fr), {
      title: 'Public',
      visibility: 'PUBLIC',
      finishedAt: minutesAgo(5),
    });
    await finishedWorkout(h.prisma, idOf(fr), { title: 'Open', isFinished: false });
    await finishedWorkout(h.prisma, idOf(stranger), { title: 'Not a friend', visibility: 'PUBLIC' });

    const first = await me.caller.feed.list({ limit: 2 });
    expect(first.entries.map((e) => e.title)).toEqual(['Public', 'Mine private']);
    const second = await me.caller.feed.list({ limit: 2, cursor: first.nextCursor });
    expect(second.entries.map((e) => e.title)).toEqual(['Oldest']);
    expect(second.nextCursor).toBeNull();
    // 40×10 is a warm-up: volume counts the two working sets of 100 kg × 5.
    expect(second.entries[0]).toMatchObject({
      owner: { id: idOf(fr), name: 'Flo' },
      durationSec: 45 * 60,
      exerciseCount: 1,
      setCount: 3,
      volumeKg: 1000,
      distanceM: 0,
      records: [{ exerciseName: 'Bench Press', kind: 'HEAVIEST_WEIGHT', value: 100, weightKg: 100 }],
      kudosCount: 0,
      hasGivenKudos: false,
    });
    // Flo sees their own private workout, never Mo's.
    expect((await fr.caller.feed.list({})).entries.map((e) => e.title)).toEqual([
      'Public',
      'Hidden',
      'Oldest',
    ]);
  });

  it('shows who is training now, live: a friend starting a session reaches the feed stream; PRIVATE ones do not', async () => {
    const me = await h.createUser('Mo');
    const [fr, shy] = (await kit.friendsOf(me, 'Flo', 'Shy')) as [User, User];
    const feed = await kit.subscribe(me.session, (c) => c.feed.onEvent({}));
    await feed.take(1);
    await fr.caller.training.create({ title: 'Legs' });
    expect((await feed.take(1)).map((i) => describeItem(i.data))).toEqual(['Flo started Legs']);
    await h.prisma.workout.create({ data: { userId: idOf(shy), visibility: 'PRIVATE' } });
    expect((await me.caller.feed.trainingNow()).map((t) => t.userId)).toEqual([idOf(fr)]);
    // Resuming from the start replays the same event, once.
    const resumed = await kit.subscribe(me.session, (c) => c.feed.onEvent({ lastEventId: '0' }));
    expect((await resumed.take(1)).map((i) => [i.id, describeItem(i.data)])).toEqual([
      ['1', 'Flo started Legs'],
    ]);
    feed.stop();
    resumed.stop();
  });

  it("hears a friend's workout start, finish (with its record) and discard, live; a PRIVATE one never", async () => {
    const me = await h.createUser('Mo');
    const [fr] = (await kit.friendsOf(me, 'Flo')) as [User];
    const feed = await kit.subscribe(me.session, (c) => c.feed.onEvent({}));
    await feed.take(1);
    const secret = await fr.caller.workout.start({ title: 'Secret', visibility: 'PRIVATE' });
    await fr.caller.workout.discard({ workoutId: secret.id });
    const workout = await fr.caller.workout.start({ title: 'Bench' });
    const bench = await fr.caller.workout.addExercise({
      workoutId: workout.id,
      exerciseId: 'lib-bench-press',
    });
    await fr.caller.workout.logSet({ workoutExerciseId: bench.id, weight: 80, reps: 5 });
    expect((await me.caller.feed.trainingNow()).map((t) => t.userId)).toEqual([idOf(fr)]);
    await fr.caller.workout.finish({ workoutId: workout.id });
    const [started, finished] = (await feed.take(2)).map((i) => i.data);
    expect(describeItem(started as StreamItem)).toBe('Flo started Bench');
    expect(finished).toMatchObject({
      type: 'feed.workout',
      action: 'finished',
      card: {
        title: 'Bench',
        volumeKg: 400,
        records: expect.arrayContaining([expect.objectContaining({ kind: 'HEAVIEST_WEIGHT', value: 80 })]),
      },
    });
    expect(await me.caller.feed.trainingNow()).toEqual([]);
    const again = await fr.caller.workout.start({ title: 'Oops' });
    await fr.caller.workout.discard({ workoutId: again.id });
    expect((await feed.take(2)).map((i) => describeItem(i.data))).toEqual([
      'Flo started Oops',
      'Flo ended Oops',
    ]);
    expect(feed.pending()).toBe(0);
    feed.stop();
  });

  it("a friend's workout made PRIVATE leaves the feed live, and its event names only the workout", async () => {
    const me = await h.createUser('Mo');
    const [fr] = (await kit.friendsOf(me, 'Flo')) as [User];
    const stranger = await h.createUser('Stranger');
    const workoutId = await finishedWorkout(h.prisma, idOf(fr), { title: 'Leg day' });
    const feed = await kit.subscribe(me.session, (c) => c.feed.onEvent({}));
    const strangerFeed = await kit.subscribe(stranger.session, (c) => c.feed.onEvent({}));
    await Promise.all([feed.take(1), strangerFeed.take(1)]);
    expect((await me.caller.feed.list({})).entries.map((e) => e.title)).toEqual(['Leg day']);

    await fr.caller.workout.update({ workoutId, visibility: 'PRIVATE' });
    // Nothing of the workout but its id: Mo may no longer see it.
    expect((await feed.take(1)).map((i) => i.data)).toEqual([
      { type: 'feed.visibility', seq: expect.any(Number), workoutId, visibility: 'PRIVATE' },
    ]);
    expect((await me.caller.feed.list({})).entries).toEqual([]);
    // A title change is no news to the feeds; shown to friends again, it is.
    await fr.caller.workout.update({ workoutId, title: 'Secret legs' });
    await fr.caller.workout.update({ workoutId, visibility: 'FRIENDS' });
    expect((await feed.take(1)).map((i) => i.data)).toMatchObject([
      { type: 'feed.visibility', workoutId, visibility: 'FRIENDS' },
    ]);
    expect((await me.caller.feed.list({})).entries.map((e) => e.title)).toEqual(['Secret legs']);
    // The owner's own feed hears both; someone who never could see it hears nothing.
    const own = await kit.subscribe(fr.session, (c) => c.feed.onEvent({ lastEventId: '0' }));
    expect((await own.take(2)).map((i) => i.data.type === 'feed.visibility' && i.data.visibility)).toEqual([
      'PRIVATE',
      'FRIENDS',
    ]);
    expect(feed.pending()).toBe(0);
    expect(strangerFeed.pending()).toBe(0);
    feed.stop();
    strangerFeed.stop();
    own.stop();
  });

  it("lists one person's workouts as far as the reader may see them: a profile's list", async () => {
    const owner = await h.createUser('Olga');
    const [friend] = (await kit.friendsOf(owner, 'Fritz')) as [User];
    const stranger = await h.createUser('Stan');
    const blocked = await h.createUser('Bea');
    await finishedWorkout(h.prisma, idOf(owner), {
      title: 'Private',
      visibility: 'PRIVATE',
      finishedAt: minutesAgo(3),
    });
    await finishedWorkout(h.prisma, idOf(owner), {
      title: 'Friends',
      visibility: 'FRIENDS',
      finishedAt: minutesAgo(2),
    });
    await finishedWorkout(h.prisma, idOf(owner), {
      title: 'Public',
      visibility: 'PUBLIC',
      finishedAt: minutesAgo(1),
    });
    await finishedWorkout(h.prisma, idOf(owner), { title: 'Going', isFinished: false });
    await finishedWorkout(h.prisma, idOf(friend), { title: 'Not hers', visibility: 'PUBLIC' });
    await blocked.caller.friends.request({ username: owner.username });
    await owner.caller.friends.block({ userId: idOf(blocked) });

    const titles = async (reader: User) =>
      (await reader.caller.feed.list({ ownerId: idOf(owner) })).entries.map((entry) => entry.title);
    expect(await titles(owner)).toEqual(['Public', 'Friends', 'Private']);
    expect(await titles(friend)).toEqual(['Public', 'Friends']);
    expect(await titles(stranger)).toEqual(['Public']);
    expect(await titles(blocked)).toEqual([]);
    // Page by page, like the feed.
    const first = await friend.caller.feed.list({ ownerId: idOf(owner), limit: 1 });
    const second = await friend.caller.feed.list({
      ownerId: idOf(owner),
      limit: 1,
      cursor: first.nextCursor,
    });
    expect([...first.entries, ...second.entries].map((entry) => entry.title)).toEqual(['Public', 'Friends']);
    expect(second.nextCursor).toBeNull();
    expect(await errorCode(friend.caller.feed.list({ ownerId: 'x'.repeat(65) }))).toBe('BAD_REQUEST');
  });

  it('refuses a foreign cursor and oversized pages', async () => {
    const me = await h.createUser('Mo');
    expect(await errorCode(me.caller.feed.list({ cursor: 'garbage' }))).toBe('BAD_REQUEST');
    expect(await errorCode(me.caller.feed.list({ cursor: 'x'.repeat(101) }))).toBe('BAD_REQUEST');
    expect(await errorCode(me.caller.feed.list({ limit: 51 }))).toBe('BAD_REQUEST');
    expect(await errorCode(me.caller.feed.onEvent({ lastEventId: '-1' }))).toBe('BAD_REQUEST');
  });
});
