import type { Transaction } from '@spotter/db';
import { recordEvents, takeStreamSeqs } from '../streams/append';
import type { EventDraft, StreamEvent } from '../streams/events';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import type { WorkoutCard } from '../streams/together-events';
import { toWorkoutCard, workoutCardSelect } from './card';
import { feedReadersOf } from './readers';

/**
 * Feeds are fanned out on write: each reader has one stream (`feed:<userId>`), so `feed.onEvent` is
 * one resumable subscription however many friends one has, and a resume reads one stream. The cost
 * is an event row per reader per change, bounded by the author's friend count, paid by the writer.
 * (The alternative, an activity stream per author read on demand, makes every reader follow and
 * merge one stream per friend, and a resume cursor per friend.)
 *
 * Appends to the readers' feeds inside the caller's transaction; feed streams are taken last in the
 * lock order (after channel, session and user streams), in id order.
 */
export async function appendToFeeds(
  tx: Transaction,
  readerIds: readonly string[],
  draft: EventDraft,
): Promise<Appended[]> {
  const appended: Appended[] = [];
  for (const readerId of [...readerIds].sort()) {
    const streamId = streamIds.feed(readerId);
    const seq = await takeStreamSeqs(tx, streamId);
    const event = { ...draft, seq } as StreamEvent;
    await recordEvents(tx, streamId, [event]);
    appended.push({ streamId, events: [event] });
  }
  return appended;
}

/**
 * Tells the feeds of everyone who may see it that a workout started, finished, or ended without
 * finishing (discarded or deleted): "training now" and the feed follow from these.
 */
export async function announceWorkout(
  tx: Transaction,
  workoutId: string,
  action: 'started' | 'finished' | 'ended',
): Promise<Appended[]> {
  return announceCard(tx, await workoutCardOf(tx, workoutId), action);
}

/** A workout's card as it is now (read it before deleting the workout, to announce its end). */
export async function workoutCardOf(tx: Transaction, workoutId: string): Promise<WorkoutCard> {
  return toWorkoutCard(
    await tx.workout.findUniqueOrThrow({ where: { id: workoutId }, select: workoutCardSelect }),
  );
}

export async function announceCard(
  tx: Transaction,
  card: WorkoutCard,
  action: 'started' | 'finished' | 'ended',
): Promise<Appended[]> {
  const readers = await feedReadersOf(tx, card.owner.id, card.visibility);
  return appendToFeeds(tx, readers, { type: 'feed.workout', action, card });
}

/**
 * Tells the feeds of everyone who could see a workout before or can now that its visibility
 * changed, so their cards and "training now" follow at once rather than at the next reload. The
 * event names the workout and its visibility, nothing of its content: some of them may no longer
 * see it.
 */
export async function announceVisibility(
  tx: Transaction,
  workout: { id: string; userId: string },
  before: WorkoutCard['visibility'],
  after: WorkoutCard['visibility'],
): Promise<Appended[]> {
  // The two differ, so one of them is not PRIVATE, and its readers (owner and friends) include the other's.
  const readers = await feedReadersOf(tx, workout.userId, before === 'PRIVATE' ? after : before);
  return appendToFeeds(tx, readers, {
    type: 'feed.visibility',
    workoutId: workout.id,
    visibility: after,
  });
}
