import type { Transaction } from '@spotter/db';
import { AppError } from '../errors';
import { announceCard, announceVisibility, announceWorkout, workoutCardOf } from '../feed/fan-out';
import { withdraw } from '../notifications/notify';
import { inWorkoutOrder } from '../records/order';
import { recomputeRecords } from '../records/recompute';
import { lockSharedMessages, refreshSharedCards, reissueSharedMessages } from '../share/cards';
import { lockOwnWorkout } from './access';
import type { UpdateWorkoutInput } from './inputs';
import { appendToSession, changeAndPublish, type WorkoutDeps } from './session-events';

/**
 * Title, notes and visibility of the caller's workout, active or finished. A change of visibility
 * reaches the feeds of everyone who could see the workout before or can now (see announceVisibility),
 * and, to or from PRIVATE, the conversations it was shared in (see refreshSharedCards).
 */
export async function updateWorkout(deps: WorkoutDeps, userId: string, input: UpdateWorkoutInput) {
  const { workoutId, ...data } = input;
  return changeAndPublish(deps, async (tx) => {
    const before = await lockOwnWorkout(tx, userId, workoutId);
    const result = await tx.workout.update({
      where: { id: workoutId },
      data,
      select: { id: true, title: true, notes: true, visibility: true },
    });
    if (before.visibility === result.visibility) return { result, appended: [] };
    // Messages that shared it lose their card, or get it back (channel streams first: lock order).
    const cards =
      (before.visibility === 'PRIVATE') !== (result.visibility === 'PRIVATE')
        ? await refreshSharedCards(tx, workoutId)
        : [];
    const feeds = await announceVisibility(
      tx,
      { id: workoutId, userId },
      before.visibility,
      result.visibility,
    );
    return { result, appended: [...cards, ...feeds] };
  });
}

/** Finishes the caller's active workout and detects the records it set (listed in workout order). */
export async function finishWorkout(deps: WorkoutDeps, userId: string, input: { workoutId: string }) {
  return changeAndPublish(deps, async (tx) => {
    const workout = await lockOwnWorkout(tx, userId, input.workoutId);
    if (workout.finishedAt) throw new AppError('CONFLICT', 'This workout is finished already.');
    return closeWorkout(tx, workout, new Date(), false);
  });
}

/**
 * Closes a workout locked by the caller: sets finishedAt, replays records of its exercises, and tells
 * its session. Shared by finish and the 12-hour auto-close.
 */
export async function closeWorkout(
  tx: Transaction,
  workout: { id: string; userId: string; sessionId: string | null },
  finishedAt: Date,
  autoClosed: boolean,
) {
  await tx.workout.update({ where: { id: workout.id }, data: { finishedAt, autoClosed } });
  const entries = await tx.workoutExercise.findMany({
    where: { workoutId: workout.id },
    select: { exerciseId: true },
    orderBy: { position: 'asc' },
  });
  const exerciseIds = entries.map((entry) => entry.exerciseId);
  await recomputeRecords(tx, workout.userId, exerciseIds);
  const records = inWorkoutOrder(
    await tx.personalRecord.findMany({
      where: { workoutId: workout.id },
      select: { exerciseId: true, kind: true, value: true, weightKg: true, setId: true },
    }),
    exerciseIds,
  );
  const appended = await appendToSession(tx, workout.sessionId, [
    { type: 'workout.finished', userId: workout.userId, workoutId: workout.id, finishedAt, autoClosed },
  ]);
  // The feeds of those who may see it: a finished workout with its records, and "training now" ends.
  appended.push(...(await announceWorkout(tx, workout.id, 'finished')));
  return { result: { id: workout.id, finishedAt, autoClosed, records }, appended };
}

/** Throws away the caller's active workout and its sets (a finished one is deleted instead). */
export async function discardWorkout(deps: WorkoutDeps, userId: string, input: { workoutId: string }) {
  return changeAndPublish(deps, async (tx) => {
    const workout = await lockOwnWorkout(tx, userId, input.workoutId);
    if (workout.finishedAt) throw new AppError('CONFLICT', 'A finished workout is deleted, not discarded.');
    // Read before the row goes: the feeds' event carries the workout's card.
    const card = await workoutCardOf(tx, workout.id);
    await tx.workout.delete({ where: { id: workout.id } });
    const appended = await appendToSession(tx, workout.sessionId, [
      { type: 'workout.discarded', userId, workoutId: workout.id },
    ]);
    // Feed streams after the session's, as the lock order wants.
    appended.push(...(await announceCard(tx, card, 'ended')));
    return { result: { id: workout.id }, appended };
  });
}

/**
 * Deletes the caller's finished workout: the records of later workouts are replayed without it; the
 * feeds that showed it drop it (`feed.workout` ended), the messages that shared it lose their card,
 * and the kudos entries about it leave the owner's notification list, all live.
 */
export async function deleteWorkout(deps: WorkoutDeps, userId: string, input: { workoutId: string }) {
  return changeAndPublish(deps, async (tx) => {
    const workout = await lockOwnWorkout(tx, userId, input.workoutId);
    if (!workout.finishedAt) throw new AppError('CONFLICT', 'An active workout is discarded, not deleted.');
    const entries = await tx.workoutExercise.findMany({
      where: { workoutId: workout.id },
      select: { exerciseId: true },
    });
    // Read before the row goes: the feeds' event carries the card, and deleting unlinks the messages.
    const card = await workoutCardOf(tx, workout.id);
    const shared = await lockSharedMessages(tx, workout.id);
    const withdrawn = await withdraw(tx, userId, { kind: 'KUDOS', workoutId: workout.id });
    await tx.workout.delete({ where: { id: workout.id } });
    await recomputeRecords(
      tx,
      userId,
      entries.map((entry) => entry.exerciseId),
    );
    // Streams in the lock order: channels (locked above), the owner's, then feeds.
    const appended = [
      ...(await reissueSharedMessages(tx, shared)),
      ...withdrawn,
      ...(await announceCard(tx, card, 'ended')),
    ];
    return { result: { id: workout.id }, appended };
  });
}
