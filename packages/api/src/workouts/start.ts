import type { Transaction } from '@spotter/db';
import { AppError } from '../errors';
import { announceWorkout } from '../feed/fan-out';
import type { StartWorkoutInput } from './inputs';
import { appendToSession, changeAndPublish, type WorkoutDeps } from './session-events';
import { type TemplateEntry, workoutTemplate } from './template';
import { entrySelect, toEntryView } from './view';

/**
 * Starts the caller's workout ("training now"). One active workout per user: a per-user advisory lock
 * makes two concurrent starts queue, so the second sees the first and is refused (CONFLICT). With a
 * `sessionId`, the caller must have JOINED that session (an invitee who has not joined, or a
 * stranger, is told it does not exist), and the start is the first event of theirs in its stream.
 */
export async function startWorkout(deps: WorkoutDeps, userId: string, input: StartWorkoutInput) {
  return changeAndPublish(deps, (tx) => startInTransaction(tx, userId, input));
}

/**
 * startWorkout inside the caller's transaction (training.create and training.join start the member's
 * workout together with their joining); the caller publishes `appended` after the commit. Friends'
 * feeds hear of it too ("training now"), after the session's stream in the lock order.
 */
export async function startInTransaction(tx: Transaction, userId: string, input: StartWorkoutInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`workout-start:${userId}`}))`;
  const active = await tx.workout.findFirst({ where: { userId, finishedAt: null }, select: { id: true } });
  if (active) throw new AppError('CONFLICT', 'You already have a workout going: finish or discard it first.');
  const sessionId = input.sessionId ?? null;
  if (sessionId) await requireJoined(tx, userId, sessionId);
  const template = input.fromWorkoutId ? await workoutTemplate(tx, userId, input.fromWorkoutId) : null;
  const workout = await tx.workout.create({
    data: { userId, title: input.title ?? template?.title ?? '', visibility: input.visibility, sessionId },
    select: { id: true, title: true, startedAt: true, sessionId: true, visibility: true },
  });
  const exercises = template ? await addTemplate(tx, workout.id, template.entries) : [];
  const appended = await appendToSession(tx, sessionId, [
    {
      type: 'workout.started',
      userId,
      workoutId: workout.id,
      startedAt: workout.startedAt,
      title: workout.title,
    },
    ...exercises.map((exercise) => ({
      type: 'workout.exercise.added' as const,
      userId,
      workoutId: workout.id,
      exercise,
    })),
  ]);
  appended.push(...(await announceWorkout(tx, workout.id, 'started')));
  return { result: workout, appended };
}

/** A new workout's exercises from a template, at positions 1…n, as the session's members see them. */
async function addTemplate(tx: Transaction, workoutId: string, entries: TemplateEntry[]) {
  await tx.workoutExercise.createMany({
    data: entries.map((entry, index) => ({ ...entry, workoutId, position: index + 1 })),
  });
  const rows = await tx.workoutExercise.findMany({
    where: { workoutId },
    orderBy: { position: 'asc' },
    select: entrySelect,
  });
  return rows.map(toEntryView);
}

async function requireJoined(tx: Transaction, userId: string, sessionId: string) {
  const member = await tx.trainingSessionMember.findUnique({
    where: { sessionId_userId: { sessionId, userId } },
    select: { status: true, session: { select: { endedAt: true } } },
  });
  if (member?.status !== 'JOINED' || member.session.endedAt)
    throw new AppError('NOT_FOUND', 'No such training session (join it first).');
}
