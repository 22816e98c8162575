import type { Database } from '@spotter/db';
import { AppError } from '../errors';
import { requireVisibleWorkout } from '../feed/readers';
import { type Sent, sendMessage } from '../message/write';

/**
 * Posts the sharer's own finished workout into a channel or conversation they are a member of, as a
 * message whose event carries the workout's card (summary and records). The message goes through the
 * ordinary send path: membership, friendship in a DM, the nonce and DM notifications as for any
 * message. Someone else's workout is refused (NOT_FOUND when one may not even see it), and so is an
 * unfinished or PRIVATE one, before anything is written. A FRIENDS workout shared into a channel is
 * seen by its members: sharing is the owner's deliberate choice to show it there.
 */
export async function shareWorkout(
  prisma: Database,
  input: { userId: string; workoutId: string; channelId: string; nonce?: string | undefined },
): Promise<Sent> {
  const workout = await requireVisibleWorkout(prisma, input.userId, input.workoutId);
  if (workout.userId !== input.userId)
    throw new AppError('FORBIDDEN', 'You can only share your own workouts.');
  if (workout.visibility === 'PRIVATE')
    throw new AppError('FORBIDDEN', 'This workout is private: make it visible to friends to share it.');
  if (!workout.finishedAt) throw new AppError('CONFLICT', 'Finish the workout before sharing it.');
  const { title } = await prisma.workout.findUniqueOrThrow({
    where: { id: input.workoutId },
    select: { title: true },
  });
  // The body is what clients without cards show; '@' is dropped so a title never mentions anyone.
  const body = `Shared a workout: ${title.replaceAll('@', '') || 'Workout'}`;
  return sendMessage(prisma, {
    channelId: input.channelId,
    authorId: input.userId,
    body,
    nonce: input.nonce,
    workoutId: input.workoutId,
  });
}
