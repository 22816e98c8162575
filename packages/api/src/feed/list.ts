import type { Database } from '@spotter/db';
import { AppError } from '../errors';
import type { WorkoutCard } from '../streams/together-events';
import { toWorkoutCard, workoutCardSelect } from './card';
import { friendIdsOf } from './readers';

export type FeedEntry = WorkoutCard & { hasGivenKudos: boolean };
export type FeedPage = { entries: FeedEntry[]; nextCursor: string | null };

/** A cursor names the last entry of a page: its finish time and id (ties broken by id). */
function parseCursor(cursor: string): { finishedAt: Date; id: string } {
  const [ms, id] = cursor.split(':');
  const finishedAt = new Date(Number(ms));
  if (!id || Number.isNaN(finishedAt.getTime()))
    throw new AppError('BAD_REQUEST', 'That feed cursor is not one of ours.');
  return { finishedAt, id };
}

/**
 * The reader's feed: their own and their friends' finished workouts, with their records, newest
 * first. Friends' PRIVATE workouts never appear; the reader's own do (only they see them).
 */
export async function listFeed(
  prisma: Database,
  input: { userId: string; cursor?: string | null | undefined; limit: number },
): Promise<FeedPage> {
  const friends = await friendIdsOf(prisma, input.userId);
  const after = input.cursor ? parseCursor(input.cursor) : null;
  const rows = await prisma.workout.findMany({
    where: {
      finishedAt: { not: null },
      OR: [{ userId: input.userId }, { userId: { in: friends }, visibility: { not: 'PRIVATE' } }],
      ...(after
        ? {
            AND: [
              {
                OR: [
                  { finishedAt: { lt: after.finishedAt } },
                  { finishedAt: after.finishedAt, id: { lt: after.id } },
                ],
              },
            ],
          }
        : {}),
    },
    orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: { ...workoutCardSelect, kudos: { where: { userId: input.userId }, select: { userId: true } } },
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ kudos, ...row }) => ({ ...toWorkoutCard(row), hasGivenKudos: kudos.length > 0 })),
    nextCursor:
      rows.length > input.limit && last?.finishedAt ? `${last.finishedAt.getTime()}:${last.id}` : null,
  };
}

/**
 * Friends training now: each friend's active workout unless it is PRIVATE (a workout open longer than
 * 12 hours is closed by the workouts module, so it does not linger here).
 */
export async function listTrainingNow(prisma: Database, userId: string) {
  const friends = await friendIdsOf(prisma, userId);
  const rows = await prisma.workout.findMany({
    where: { userId: { in: friends }, finishedAt: null, visibility: { not: 'PRIVATE' } },
    orderBy: { startedAt: 'desc' },
    select: { id: true, userId: true, startedAt: true, sessionId: true },
  });
  return rows.map((row) => ({
    workoutId: row.id,
    userId: row.userId,
    startedAt: row.startedAt,
    sessionId: row.sessionId,
  }));
}
