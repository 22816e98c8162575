import type { Database } from '@spotter/db';
import { AppError } from '../errors';
import { appendToFeeds } from '../feed/fan-out';
import { feedReadersOf, requireVisibleWorkout } from '../feed/readers';
import { notify, withdraw } from '../notifications/notify';
import { lockStreams } from '../streams/append';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import { holdWorkout } from '../workouts/access';

export type KudosChange = {
  workoutId: string;
  kudosCount: number;
  hasGiven: boolean;
  ownerId: string;
  appended: Appended[];
};

/**
 * Gives (or takes back) kudos on a workout the giver may see, never their own. Idempotent: a second
 * give (or a remove of none) writes nothing and tells no one. A change tells every feed that shows
 * the workout — its owner's and their friends', and the giver's own (a PUBLIC workout's giver need
 * not be a friend) — its new count, counted under those feeds' locks so the newest event is exact.
 */
export async function changeKudos(
  prisma: Database,
  input: { userId: string; workoutId: string; isGiven: boolean },
): Promise<KudosChange> {
  const workout = await requireVisibleWorkout(prisma, input.userId, input.workoutId);
  if (workout.userId === input.userId)
    throw new AppError('FORBIDDEN', 'Kudos are for other people’s workouts.');
  const readers = [
    ...new Set([...(await feedReadersOf(prisma, workout.userId, workout.visibility)), input.userId]),
  ];
  return prisma.$transaction(async (tx) => {
    // The lock order: the workout (gone: NOT_FOUND), the owner's user stream (their notifications),
    // then feed streams.
    await holdWorkout(tx, input.workoutId);
    await lockStreams(tx, [streamIds.user(workout.userId), ...readers.sort().map(streamIds.feed)]);
    const row = { workoutId: input.workoutId, userId: input.userId };
    const { count: changed } = input.isGiven
      ? await tx.kudos.createMany({ data: [row], skipDuplicates: true })
      : await tx.kudos.deleteMany({ where: row });
    const kudosCount = await tx.kudos.count({ where: { workoutId: input.workoutId } });
    const result = {
      workoutId: input.workoutId,
      kudosCount,
      hasGiven: input.isGiven,
      ownerId: workout.userId,
    };
    if (changed === 0) return { ...result, appended: [] };
    const entry = { kind: 'KUDOS', actorId: input.userId, workoutId: input.workoutId } as const;
    const told = input.isGiven
      ? [await notify(tx, { userId: workout.userId, ...entry })]
      : await withdraw(tx, workout.userId, entry);
    const appended = await appendToFeeds(tx, readers, {
      type: 'feed.kudos',
      workoutId: input.workoutId,
      kudosCount,
      byUserId: input.userId,
      isGiven: input.isGiven,
    });
    return { ...result, appended: [...told, ...appended] };
  });
}
