import { afterAll, describe, expect, inject, it } from 'vitest';
import { conversationTestKit } from '../conversations/test-support';
import { finishedWorkout } from '../feed/test-support';
import type { StreamItem } from '../streams/events';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
const kit = conversationTestKit(h);
afterAll(() => h.close());

type User = Awaited<ReturnType<typeof h.createUser>>;
const idOf = (user: User) => user.session.userId;

async function channelOf(owner: User, ...members: User[]) {
  const channel = await owner.caller.channel.create({ name: h.uniqueName('lifts') });
  for (const member of members) await member.caller.channel.join({ channelId: channel.id });
  return channel.id;
}

async function messagesIn(channelId: string) {
  return h.prisma.message.count({ where: { channelId } });
}

describe('workout.share', () => {
  it('posts a card of the workout (summary and records) that members see live and in history', async () => {
    const ann = await h.createUser('Ann');
    const [ben] = (await kit.friendsOf(ann, 'Ben')) as [User];
    const channelId = await channelOf(ann, ben);
    const workoutId = await finishedWorkout(h.prisma, idOf(ann), { title: 'Push @day' });
    const head = (await readHead(h.prisma, streamIds.channel(channelId))).lastSeq;
    const live = await kit.subscribe(ben.session, (c) =>
      c.channel.onEvent({ channelId, lastEventId: String(head) }),
    );

    const message = await ann.caller.workout.share({ workoutId, channelId });
    expect(message.body).toBe('Shared a workout: Push day');
    const card = {
      id: workoutId,
      title: 'Push @day',
      exerciseCount: 1,
      volumeKg: 1000,
      records: [{ exerciseName: 'Bench Press', kind: 'HEAVIEST_WEIGHT', value: 100 }],
    };
    expect(message.workout).toMatchObject(card);
    const [event] = (await live.take(1)).map((i) => i.data as StreamItem);
    expect(event).toMatchObject({ type: 'message.created', message: { id: message.id, workout: card } });
    const { items } = await ben.caller.message.list({ channelId });
    expect(items.at(-1)?.workout).toMatchObject({ ...card, kudosCount: 0 });
    live.stop();
  });

  it('drops the card, live and in history, once the owner makes the workout private; brings it back after', async () => {
    const ann = await h.createUser('Ann');
    const [ben] = (await kit.friendsOf(ann, 'Ben')) as [User];
    const channelId = await channelOf(ann, ben);
    const workoutId = await finishedWorkout(h.prisma, idOf(ann), { title: 'Legs', visibility: 'FRIENDS' });
    const shared = await ann.caller.workout.share({ workoutId, channelId });
    const later = await ann.caller.message.send({ channelId, body: 'that was heavy' });
    const live = await kit.subscribe(ben.session, (c) =>
      c.channel.onEvent({ channelId, lastEventId: String(later.seq) }),
    );

    await ann.caller.workout.update({ workoutId, visibility: 'PRIVATE' });
    const [hidden] = (await live.take(1)).map((i) => i.data as StreamItem);
    expect(hidden).toMatchObject({
      type: 'message.edited',
      seq: later.seq + 1,
      message: {
        id: shared.id,
        body: shared.body,
        workout: null,
        editedAt: null,
        version: shared.version + 1,
      },
    });
    const afterPrivate = await ben.caller.message.list({ channelId });
    expect(afterPrivate.items.find((m) => m.id === shared.id)).toMatchObject({
      body: shared.body,
      workout: null,
    });

    // Another visibility that is not PRIVATE changes no card; back from PRIVATE, the card returns.
    await ann.caller.workout.update({ workoutId, visibility: 'PUBLIC' });
    const [shown] = (await live.take(1)).map((i) => i.data as StreamItem);
    expect(shown).toMatchObject({
      type: 'message.edited',
      seq: later.seq + 2,
      message: { id: shared.id, workout: { id: workoutId, title: 'Legs' }, version: shared.version + 2 },
    });
    await ann.caller.workout.update({ workoutId, visibility: 'FRIENDS' });
    expect((await readHead(h.prisma, streamIds.channel(channelId))).lastSeq).toBe(later.seq + 2);
    const { items } = await ben.caller.message.list({ channelId });
    expect(items.find((m) => m.id === shared.id)?.workout).toMatchObject({ id: workoutId, title: 'Legs' });
    live.stop();
  });

  it("deleting the workout drops its card live, and it leaves a friend's open feed", async () => {
    const ann = await h.createUser('Ann');
    const [ben] = (await kit.friendsOf(ann, 'Ben')) as [User];
    const channelId = await channelOf(ann, ben);
    const workoutId = await finishedWorkout(h.prisma, idOf(ann), { title: 'Legs' });
    const shared = await ann.caller.workout.share({ workoutId, channelId });
    const conversation = await kit.subscribe(ben.session, (c) =>
      c.channel.onEvent({ channelId, lastEventId: String(shared.seq) }),
    );
    const feedHead = (await readHead(h.prisma, streamIds.feed(idOf(ben)))).lastSeq;
    const feed = await kit.subscribe(ben.session, (c) => c.feed.onEvent({ lastEventId: String(feedHead) }));
    expect((await ben.caller.feed.list({})).entries.map((entry) => entry.id)).toContain(workoutId);

    await ann.caller.workout.delete({ workoutId });
    const [edited] = (await conversation.take(1)).map((i) => i.data as StreamItem);
    expect(edited).toMatchObject({
      type: 'message.edited',
      message: { id: shared.id, body: shared.body, workout: null, version: shared.version + 1 },
    });
    const [ended] = (await feed.take(1)).map((i) => i.data as StreamItem);
    expect(ended).toMatchObject({ type: 'feed.workout', action: 'ended', card: { id: workoutId } });
    expect((await ben.caller.feed.list({})).entries.map((entry) => entry.id)).not.toContain(workoutId);
    const { items } = await ben.caller.message.list({ channelId });
    expect(items.find((m) => m.id === shared.id)).toMatchObject({ body: shared.body, workout: null });
    // Shared again, or given kudos, once gone: NOT_FOUND, nothing written.
    expect(await errorCode(ann.caller.workout.share({ workoutId, channelId }))).toBe('NOT_FOUND');
    expect(await errorCode(ben.caller.kudos.give({ workoutId }))).toBe('NOT_FOUND');
    conversation.stop();
    feed.stop();
  });

  it('shares racing the deletion either land (and lose their card) or answer NOT_FOUND', async () => {
    const ann = await h.createUser('Ann');
    const channelIds = [await channelOf(ann), await channelOf(ann), await channelOf(ann)];
    const workoutId = await finishedWorkout(h.prisma, idOf(ann));
    const outcomes = await Promise.allSettled([
      ...channelIds.map((channelId) => ann.caller.workout.share({ workoutId, channelId })),
      ann.caller.workout.delete({ workoutId }),
    ]);
    for (const outcome of outcomes)
      if (outcome.status === 'rejected')
        expect(await errorCode(Promise.reject(outcome.reason))).toBe('NOT_FOUND');
    expect(outcomes.at(-1)?.status).toBe('fulfilled');
    expect(await h.prisma.message.count({ where: { workoutId } })).toBe(0);
  });

  it('shares into a DM with a friend', async () => {
    const ann = await h.createUser('Ann');
    const [ben] = (await kit.friendsOf(ann, 'Ben')) as [User];
    const { id: channelId } = await ann.caller.dm.open({ userId: idOf(ben) });
    const workoutId = await finishedWorkout(h.prisma, idOf(ann));
    expect((await ann.caller.workout.share({ workoutId, channelId })).workout?.id).toBe(workoutId);
  });

  it("refuses a private, unfinished or someone else's workout, or a channel one is not in, writing nothing", async () => {
    const ann = await h.createUser('Ann');
    const [ben] = (await kit.friendsOf(ann, 'Ben')) as [User];
    const outsider = await h.createUser('Outsider');
    const channelId = await channelOf(ann, ben);
    const privateId = await finishedWorkout(h.prisma, idOf(ann), { visibility: 'PRIVATE' });
    const openId = await finishedWorkout(h.prisma, idOf(ann), { isFinished: false });
    const bensId = await finishedWorkout(h.prisma, idOf(ben));
    const bensPrivateId = await finishedWorkout(h.prisma, idOf(ben), { visibility: 'PRIVATE' });
    const annsId = await finishedWorkout(h.prisma, idOf(ann));
    const head = (await readHead(h.prisma, streamIds.channel(channelId))).lastSeq;
    const count = await messagesIn(channelId);

    const share = (user: User, workoutId: string, channel = channelId) =>
      errorCode(user.caller.workout.share({ workoutId, channelId: channel }));
    expect(await share(ann, privateId)).toBe('FORBIDDEN');
    expect(await share(ann, openId)).toBe('CONFLICT');
    expect(await share(ann, bensId)).toBe('FORBIDDEN');
    expect(await share(ann, bensPrivateId)).toBe('NOT_FOUND');
    expect(await share(ann, 'no-such-workout')).toBe('NOT_FOUND');
    expect(await share(outsider, annsId)).toBe('NOT_FOUND');
    const outsidersId = await finishedWorkout(h.prisma, idOf(outsider));
    expect(await share(outsider, outsidersId)).toBe('FORBIDDEN');
    expect(await share(ann, annsId, 'no-such-channel')).toBe('NOT_FOUND');
    expect(await share(ann, 'x'.repeat(65))).toBe('BAD_REQUEST');
    expect(await messagesIn(channelId)).toBe(count);
    expect((await readHead(h.prisma, streamIds.channel(channelId))).lastSeq).toBe(head);
    expect(
      await h.prisma.message.count({ where: { workoutId: { in: [privateId, openId, bensId, annsId] } } }),
    ).toBe(0);
  });
});
