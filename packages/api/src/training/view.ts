import type { Database } from '@spotter/db';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { requireSessionMember } from './access';

const personSelect = { id: true, username: true, name: true } as const;

const setSelect = {
  id: true,
  workoutExerciseId: true,
  position: true,
  type: true,
  weightKg: true,
  reps: true,
  rpe: true,
  durationSec: true,
  distanceM: true,
  loggedAt: true,
} as const;

/**
 * A session as a member opens it: who is in it, and every member's workout in it with its sets so
 * far. `seq` is the session stream's position this snapshot is as recent as; a client subscribes to
 * `training.onEvent` from there (events it already shows are keyed by id, so an overlap is harmless).
 */
export async function getSession(prisma: Database, userId: string, sessionId: string) {
  await requireSessionMember(prisma, userId, sessionId);
  // The head first: anything after it arrives through the stream.
  const { lastSeq } = await readHead(prisma, streamIds.session(sessionId));
  const session = await prisma.trainingSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      createdAt: true,
      endedAt: true,
      host: { select: personSelect },
      members: { select: { status: true, user: { select: personSelect } }, orderBy: { invitedAt: 'asc' } },
      workouts: {
        orderBy: { startedAt: 'asc' },
        select: {
          id: true,
          title: true,
          startedAt: true,
          finishedAt: true,
          user: { select: personSelect },
          exercises: {
            orderBy: { position: 'asc' },
            select: {
              id: true,
              position: true,
              exercise: { select: { id: true, name: true, kind: true } },
              sets: { orderBy: { position: 'asc' }, select: setSelect },
            },
          },
        },
      },
    },
  });
  return { ...session, seq: lastSeq };
}

/** Sessions the user is invited to and has not answered, newest first (the "join" prompts). */
export async function listInvites(prisma: Database, userId: string) {
  const rows = await prisma.trainingSessionMember.findMany({
    where: { userId, status: 'INVITED', session: { endedAt: null } },
    orderBy: { invitedAt: 'desc' },
    take: 20,
    select: { invitedAt: true, session: { select: { id: true, host: { select: personSelect } } } },
  });
  return rows.map((row) => ({ sessionId: row.session.id, host: row.session.host, invitedAt: row.invitedAt }));
}
