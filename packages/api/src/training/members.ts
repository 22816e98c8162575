import type { Database, Transaction } from '@spotter/db';
import { AppError } from '../errors';
import { friendIdsOf } from '../feed/readers';
import { appendEvents, lockStreams } from '../streams/append';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import { startInTransaction } from '../workouts/start';
import { requireSessionMember, trainingRefusals } from './access';

const personSelect = { id: true, username: true, name: true } as const;

type Changed = { appended: Appended[] };
type Status = 'INVITED' | 'JOINED' | 'LEFT';

/** A member's status change as the session's next event (the caller holds no user stream yet). */
async function announceMember(tx: Transaction, sessionId: string, userId: string, status: Status) {
  const member = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: personSelect });
  const streamId = streamIds.session(sessionId);
  const events = await appendEvents(tx, streamId, [{ type: 'session.member', sessionId, member, status }]);
  return { streamId, events };
}

/**
 * Starts the member's workout in the session with the workouts module's start (its stream hears
 * `workout.started`; friends' feeds hear they are training), in the joining's own transaction.
 */
async function startWorkout(tx: Transaction, userId: string, sessionId: string, title: string) {
  const { result, appended } = await startInTransaction(tx, userId, { title, sessionId });
  return { workoutId: result.id, appended };
}

/** A host opens a session and starts training in it at once. */
export async function createSession(
  prisma: Database,
  input: { userId: string; title: string },
): Promise<Changed & { sessionId: string; workoutId: string }> {
  return prisma.$transaction(async (tx) => {
    const { id: sessionId } = await tx.trainingSession.create({
      data: { hostId: input.userId },
      select: { id: true },
    });
    await tx.trainingSessionMember.create({
      data: { sessionId, userId: input.userId, status: 'JOINED', joinedAt: new Date() },
    });
    const joined = await announceMember(tx, sessionId, input.userId, 'JOINED');
    const started = await startWorkout(tx, input.userId, sessionId, input.title);
    return { sessionId, workoutId: started.workoutId, appended: [joined, ...started.appended] };
  });
}

/**
 * A member invites friends (only friends: anyone else is refused, and nothing is written). Each
 * invitee's own stream hears of it, so the invite shows on every tab at once. Inviting someone who
 * is already invited or in the session changes nothing; someone who left is invited again.
 */
export async function inviteToSession(
  prisma: Database,
  input: { userId: string; sessionId: string; userIds: string[] },
): Promise<Changed & { invited: string[] }> {
  const self = await requireSessionMember(prisma, input.userId, input.sessionId);
  if (self.status !== 'JOINED') throw new AppError('FORBIDDEN', 'Join the session before inviting others.');
  if (self.hasEnded) throw trainingRefusals.ended();
  const friends = new Set(await friendIdsOf(prisma, input.userId));
  const wanted = [...new Set(input.userIds)].filter((id) => id !== input.userId);
  if (wanted.some((id) => !friends.has(id)))
    throw new AppError('FORBIDDEN', 'You can only invite your friends to train together.');
  const sessionStream = streamIds.session(input.sessionId);
  return prisma.$transaction(async (tx) => {
    // The session's lock first (the global order), so two invites of one person cannot both insert.
    await lockStreams(tx, [sessionStream]);
    const current = await tx.trainingSessionMember.findMany({
      where: { sessionId: input.sessionId, userId: { in: wanted } },
      select: { userId: true, status: true },
    });
    const present = new Set(current.filter((row) => row.status !== 'LEFT').map((row) => row.userId));
    const invited = wanted.filter((id) => !present.has(id)).sort();
    const appended: Appended[] = [];
    for (const userId of invited) {
      await tx.trainingSessionMember.upsert({
        where: { sessionId_userId: { sessionId: input.sessionId, userId } },
        create: { sessionId: input.sessionId, userId },
        update: { status: 'INVITED', invitedAt: new Date(), joinedAt: null },
      });
      appended.push(await announceMember(tx, input.sessionId, userId, 'INVITED'));
    }
    const host = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: personSelect });
    for (const userId of invited) {
      const streamId = streamIds.user(userId);
      const draft = { type: 'training.invited', sessionId: input.sessionId, host } as const;
      appended.push({ streamId, events: await appendEvents(tx, streamId, [draft]) });
    }
    return { invited, appended };
  });
}

/** An invitee joins and starts their workout in the session; joining twice changes nothing. */
export async function joinSession(
  prisma: Database,
  input: { userId: string; sessionId: string; title: string },
): Promise<Changed & { workoutId: string | null }> {
  const self = await requireSessionMember(prisma, input.userId, input.sessionId);
  if (self.hasEnded) throw trainingRefusals.ended();
  if (self.status === 'JOINED') return { appended: [], workoutId: null };
  return prisma.$transaction(async (tx) => {
    await lockStreams(tx, [streamIds.session(input.sessionId)]);
    const { count } = await tx.trainingSessionMember.updateMany({
      where: { sessionId: input.sessionId, userId: input.userId, status: 'INVITED' },
      data: { status: 'JOINED', joinedAt: new Date() },
    });
    if (count === 0) throw trainingRefusals.noSuchSession();
    const joined = await announceMember(tx, input.sessionId, input.userId, 'JOINED');
    const started = await startWorkout(tx, input.userId, input.sessionId, input.title);
    return { workoutId: started.workoutId, appended: [joined, ...started.appended] };
  });
}

/**
 * Leaves a session (or declines an invite). The member's workout goes on, but on its own: its later
 * sets no longer reach the session. The session ends when no one is left in it.
 */
export async function leaveSession(
  prisma: Database,
  input: { userId: string; sessionId: string },
): Promise<Changed> {
  await requireSessionMember(prisma, input.userId, input.sessionId);
  return prisma.$transaction(async (tx) => {
    await lockStreams(tx, [streamIds.session(input.sessionId)]);
    const { count } = await tx.trainingSessionMember.updateMany({
      where: { sessionId: input.sessionId, userId: input.userId, status: { not: 'LEFT' } },
      data: { status: 'LEFT' },
    });
    if (count === 0) throw trainingRefusals.noSuchSession();
    await tx.workout.updateMany({
      where: { sessionId: input.sessionId, userId: input.userId, finishedAt: null },
      data: { sessionId: null },
    });
    const left = await announceMember(tx, input.sessionId, input.userId, 'LEFT');
    const remaining = await tx.trainingSessionMember.count({
      where: { sessionId: input.sessionId, status: 'JOINED' },
    });
    if (remaining === 0)
      await tx.trainingSession.update({ where: { id: input.sessionId }, data: { endedAt: new Date() } });
    return { appended: [left] };
  });
}
