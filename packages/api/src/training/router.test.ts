import { afterAll, describe, expect, inject, it } from 'vitest';
import { conversationTestKit, makeFriends } from '../conversations/test-support';
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

/** A session event, shortened to what a test compares. */
function describeItem(item: StreamItem): string {
  if (item.type === 'session.member') return `${item.member.name} ${item.status}`;
  if (item.type === 'training.invited') return `invited by ${item.host.name}`;
  return item.type;
}

/** Everything a refused call must leave alone. */
async function snapshot(sessionId: string, users: User[]) {
  const heads = async (ids: string[]) =>
    Promise.all(ids.map(async (id) => (await readHead(h.prisma, id)).lastSeq));
  return {
    members: await h.prisma.trainingSessionMember.findMany({
      where: { sessionId },
      orderBy: { userId: 'asc' },
      select: { userId: true, status: true },
    }),
    workouts: await h.prisma.workout.count({ where: { userId: { in: users.map(idOf) } } }),
    heads: await heads([streamIds.session(sessionId), ...users.map((u) => streamIds.user(idOf(u)))]),
  };
}

async function hostWithFriends(...names: string[]) {
  const host = await h.createUser('Hana');
  const friends = await kit.friendsOf(host, ...names);
  const { sessionId, workoutId } = await host.caller.training.create({ title: 'Legs' });
  return { host, friends, sessionId, workoutId };
}

describe('training together', () => {
  it('creates a session with the host training in it, invites a friend live, and lets them join', async () => {
    const { host, friends, sessionId, workoutId } = await hostWithFriends('Bo');
    const [bo] = friends as [User];
    const hostWorkout = await h.prisma.workout.findUniqueOrThrow({ where: { id: workoutId } });
    expect(hostWorkout).toMatchObject({ userId: idOf(host), sessionId, title: 'Legs', finishedAt: null });

    const boStream = await kit.subscribe(bo.session, (c) => c.me.onEvent({}));
    await boStream.take(1);
    expect(await host.caller.training.invite({ sessionId, userIds: [idOf(bo)] })).toEqual({
      invited: [idOf(bo)],
    });
    expect((await boStream.take(1)).map((i) => describeItem(i.data))).toEqual(['invited by Hana']);
    expect(await bo.caller.training.invites()).toEqual([
      {
        sessionId,
        host: { id: idOf(host), username: host.username, name: 'Hana' },
        invitedAt: expect.any(Date),
      },
    ]);

    const session = await kit.subscribe(bo.session, (c) =>
      c.training.onEvent({ sessionId, lastEventId: '0' }),
    );
    expect((await session.take(3)).map((i) => describeItem(i.data))).toEqual([
      'Hana JOINED',
      'workout.started',
      'Bo INVITED',
    ]);
    const joined = await bo.caller.training.join({ sessionId });
    expect(joined.workoutId).toEqual(expect.any(String));
    expect((await session.take(2)).map((i) => describeItem(i.data))).toEqual([
      'Bo JOINED',
      'workout.started',
    ]);
    // Joining again changes nothing and starts no second workout.
    expect((await bo.caller.training.join({ sessionId })).workoutId).toBeNull();
    expect(await h.prisma.workout.count({ where: { userId: idOf(bo) } })).toBe(1);

    const view = await host.caller.training.get({ sessionId });
    expect(view.members.map((m) => `${m.user.name} ${m.status}`)).toEqual(['Hana JOINED', 'Bo JOINED']);
    expect(view.workouts.map((w) => w.user.name)).toEqual(['Hana', 'Bo']);
    expect(view.seq).toBe(5);
    boStream.stop();
    session.stop();
  });

  it('resumes a session stream after its lastEventId, and ends it right after the member leaves', async () => {
    const { host, friends, sessionId } = await hostWithFriends('Cy', 'Di');
    const [cy, di] = friends as [User, User];
    await host.caller.training.invite({ sessionId, userIds: [idOf(cy)] });
    await host.caller.training.invite({ sessionId, userIds: [idOf(di)] });
    await cy.caller.training.join({ sessionId });
    const resumed = await kit.subscribe(cy.session, (c) =>
      c.training.onEvent({ sessionId, lastEventId: '3' }),
    );
    expect((await resumed.take(3)).map((i) => [i.id, describeItem(i.data)])).toEqual([
      ['4', 'Di INVITED'],
      ['5', 'Cy JOINED'],
      ['6', 'workout.started'],
    ]);
    await cy.caller.training.leave({ sessionId });
    expect((await resumed.take(1)).map((i) => describeItem(i.data))).toEqual(['Cy LEFT']);
    await resumed.untilEnded();
    // Left: the session is as if it did not exist for Cy, and Cy's workout trains on alone.
    expect(await errorCode(cy.caller.training.get({ sessionId }))).toBe('NOT_FOUND');
    expect(await errorCode(cy.caller.training.onEvent({ sessionId, lastEventId: null }))).toBe('NOT_FOUND');
    expect(
      await h.prisma.workout.findFirst({ where: { userId: idOf(cy) }, select: { sessionId: true } }),
    ).toEqual({
      sessionId: null,
    });
  });

  it('ends the session when its last member leaves', async () => {
    const { host, sessionId } = await hostWithFriends();
    await host.caller.training.leave({ sessionId });
    const row = await h.prisma.trainingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.endedAt).toEqual(expect.any(Date));
  });
});

describe('training together refuses, changing nothing', () => {
  it('joining, reading or following a session one was not invited to', async () => {
    const { host, sessionId } = await hostWithFriends('Ed');
    const stranger = await h.createUser('Stranger');
    await makeFriends(h.prisma, idOf(host), idOf(stranger));
    const before = await snapshot(sessionId, [host, stranger]);
    expect(await errorCode(stranger.caller.training.join({ sessionId }))).toBe('NOT_FOUND');
    expect(await errorCode(stranger.caller.training.get({ sessionId }))).toBe('NOT_FOUND');
    expect(await errorCode(stranger.caller.training.leave({ sessionId }))).toBe('NOT_FOUND');
    expect(await errorCode(stranger.caller.training.invite({ sessionId, userIds: [idOf(host)] }))).toBe(
      'NOT_FOUND',
    );
    expect(await errorCode(stranger.caller.training.onEvent({ sessionId, lastEventId: null }))).toBe(
      'NOT_FOUND',
    );
    expect(await errorCode(stranger.caller.training.join({ sessionId: 'no-such-session' }))).toBe(
      'NOT_FOUND',
    );
    expect(await snapshot(sessionId, [host, stranger])).toEqual(before);
  });

  it('inviting someone who is not a friend (even alongside friends), or as an invitee not yet joined', async () => {
    const { host, friends, sessionId } = await hostWithFriends('Fay', 'Gus');
    const [fay, gus] = friends as [User, User];
    const stranger = await h.createUser('Stranger');
    const before = await snapshot(sessionId, [host, fay, gus, stranger]);
    expect(
      await errorCode(host.caller.training.invite({ sessionId, userIds: [idOf(fay), idOf(stranger)] })),
    ).toBe('FORBIDDEN');
    expect(await snapshot(sessionId, [host, fay, gus, stranger])).toEqual(before);

    await host.caller.training.invite({ sessionId, userIds: [idOf(fay)] });
    await makeFriends(h.prisma, idOf(fay), idOf(gus));
    const invited = await snapshot(sessionId, [host, fay, gus]);
    expect(await errorCode(fay.caller.training.invite({ sessionId, userIds: [idOf(gus)] }))).toBe(
      'FORBIDDEN',
    );
    // Inviting again someone already invited writes nothing.
    expect(await host.caller.training.invite({ sessionId, userIds: [idOf(fay)] })).toEqual({ invited: [] });
    expect(await snapshot(sessionId, [host, fay, gus])).toEqual(invited);
  });

  it('joining while another workout is open, or after the session ended', async () => {
    const { host, friends, sessionId } = await hostWithFriends('Ida', 'Jo');
    const [ida, jo] = friends as [User, User];
    await host.caller.training.invite({ sessionId, userIds: [idOf(ida), idOf(jo)] });
    await h.prisma.workout.create({ data: { userId: idOf(ida), title: 'Solo' } });
    const before = await snapshot(sessionId, [host, ida, jo]);
    expect(await errorCode(ida.caller.training.join({ sessionId }))).toBe('CONFLICT');
    await host.caller.training.leave({ sessionId });
    const ended = await snapshot(sessionId, [host, ida, jo]);
    expect(ended.members).not.toEqual(before.members);
    expect(await errorCode(jo.caller.training.join({ sessionId }))).toBe('CONFLICT');
    expect(await snapshot(sessionId, [host, ida, jo])).toEqual(ended);
  });

  it('oversized or malformed input', async () => {
    const { host, sessionId } = await hostWithFriends();
    const before = await snapshot(sessionId, [host]);
    const many = Array.from({ length: 21 }, (_, i) => `user-${i}`);
    expect(await errorCode(host.caller.training.invite({ sessionId, userIds: many }))).toBe('BAD_REQUEST');
    expect(await errorCode(host.caller.training.invite({ sessionId, userIds: [] }))).toBe('BAD_REQUEST');
    expect(await errorCode(host.caller.training.invite({ sessionId, userIds: ['x'.repeat(65)] }))).toBe(
      'BAD_REQUEST',
    );
    expect(await errorCode(host.caller.training.get({ sessionId: 'x'.repeat(65) }))).toBe('BAD_REQUEST');
    expect(await errorCode(host.caller.training.onEvent({ sessionId, lastEventId: 'abc' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await snapshot(sessionId, [host])).toEqual(before);
    const workouts = await h.prisma.workout.count();
    expect(await errorCode(host.caller.training.create({ title: 'x'.repeat(101) }))).toBe('BAD_REQUEST');
    expect(await h.prisma.workout.count()).toBe(workouts);
    expect(await errorCode(h.anonymous().training.create({}))).toBe('UNAUTHORIZED');
  });
});
