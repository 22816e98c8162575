import type { Database, Prisma } from '@spotter/db';
import type { Cache } from '../cache/types';
import { AppError } from '../errors';
import type { WorkoutCard } from '../streams/together-events';
import { cachedFeedCard } from '../workouts/cached-workout';
import { toWorkoutCard, workoutCardSelect } from './card';
import { friendIdsOf, visibilitiesSeenBy } from './readers';

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
 * first. Friends' PRIVATE workouts never appear; the reader's own do (only they see them). With
 * `ownerId`, one person's finished workouts that the reader may see, as a profile lists them
 * (Strava's activities on an athlete's page): all of one's own, a friend's unless PRIVATE, anyone
 * else's PUBLIC ones, and none of someone who blocked the reader.
 *
 * Which workouts a page holds is one indexed query, fresh every time (it follows friendships, blocks
 * and visibility, whose staleness would be a security matter); the cards themselves — exercises,
 * sets, volume, records, kudos, the heavy part — come from the cache, invalidated with their owner's
 * workouts, so a first page that nobody changed costs no card query at all.
 */
export async function listFeed(
  deps: { prisma: Database; cache: Cache },
  input: {
    userId: string;
    ownerId?: string | null | undefined;
    cursor?: string | null | undefined;
    limit: number;
  },
): Promise<FeedPage> {
  const { prisma, cache } = deps;
  const visible = input.ownerId
    ? await workoutsOfOne(prisma, input.userId, input.ownerId)
    : await workoutsOfFeed(prisma, input.userId);
  if (!visible) return { entries: [], nextCursor: null };
  const after = input.cursor ? parseCursor(input.cursor) : null;
  const rows = await prisma.workout.findMany({
    where: {
      finishedAt: { not: null },
      ...visible,
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

/** The feed's workouts: the reader's own, and their friends' unless PRIVATE. */
async function workoutsOfFeed(prisma: Database, readerId: string): Promise<Prisma.WorkoutWhereInput> {
  const friends = await friendIdsOf(prisma, readerId);
  return { OR: [{ userId: readerId }, { userId: { in: friends }, visibility: { not: 'PRIVATE' } }] };
}

/** One person's workouts the reader may see (visibilitiesSeenBy); null when none (they blocked the reader). */
async function workoutsOfOne(
  prisma: Database,
  readerId: string,
  ownerId: string,
): Promise<Prisma.WorkoutWhereInput | null> {
  const seen = await visibilitiesSeenBy(prisma, readerId, ownerId);
  return seen.length === 0 ? null : { userId: ownerId, visibility: { in: [...seen] } };
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
