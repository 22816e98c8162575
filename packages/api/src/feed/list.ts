import type { Database } from '@spotter/db';
import type { Cache } from '../cache/types';
import { AppError } from '../errors';
import type { WorkoutCard } from '../streams/together-events';
import { cachedFeedCard } from '../workouts/cached-workout';
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
 *
 * Which workouts a page holds is one indexed query, fresh every time (it follows friendships, blocks
 * and visibility, whose staleness would be a security matter); the cards themselves — exercises,
 * sets, volume, records, kudos, the heavy part — come from the cache, invalidated with their owner's
 * workouts, so a first page that nobody changed costs no card query at all.
 */
export async function listFeed(
  deps: { prisma: Database; cache: Cache },
  input: { userId: string; cursor?: string | null | undefined; limit: number },
): Promise<FeedPage> {
  const { prisma, cache } = deps;
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
    select: { id: true, userId: true, finishedAt: true },
  });
  const page = rows.slice(0, input.limit);
  const ids = page.map((row) => row.id);
  const [cards, given] = await Promise.all([
    Promise.all(
      page.map((row) =>
        cachedFeedCard(cache, row.userId, row.id, async () => {
          const card = await prisma.workout.findUnique({ where: { id: row.id }, select: workoutCardSelect });
          return card ? toWorkoutCard(card) : null;
        }),
      ),
    ),
    prisma.kudos.findMany({
      where: { userId: input.userId, workoutId: { in: ids } },
      select: { workoutId: true },
    }),
  ]);
  const givenIds = new Set(given.map((kudos) => kudos.workoutId));
  const last = page.at(-1);
  return {
    // A card deleted between the two reads drops out; the rest keep their order.
    entries: cards.flatMap((card) => (card ? [{ ...card, hasGivenKudos: givenIds.has(card.id) }] : [])),
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
