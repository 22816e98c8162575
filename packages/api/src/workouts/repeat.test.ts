import { afterAll, describe, expect, inject, it } from 'vitest';
import { makeFriends } from '../conversations/test-support';
import { readEvents } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

type Caller = Awaited<ReturnType<typeof h.createUser>>['caller'];

/**
 * A finished push day: bench press (its notes, a 2-minute rest) in a superset with dips, then the
 * owner's own exercise, each with one set.
 */
async function pushDay(caller: Caller, visibility: 'PRIVATE' | 'FRIENDS' | 'PUBLIC' = 'FRIENDS') {
  const own = await caller.exercise.create({
    name: h.uniqueName('Landmine press'),
    muscleGroup: 'shoulders',
    equipment: 'barbell',
    kind: 'WEIGHT_REPS',
  });
  const workout = await caller.workout.start({ title: 'Push day', visibility });
  const entries = [
    { exerciseId: 'lib-bench-press', supersetGroup: 1, notes: 'wide grip', restSeconds: 120 },
    { exerciseId: 'lib-dip', supersetGroup: 1 },
    { exerciseId: own.id },
  ];
  for (const entry of entries) {
    const added = await caller.workout.addExercise({ workoutId: workout.id, ...entry });
    await caller.workout.logSet({ workoutExerciseId: added.id, weight: 20, reps: 8 });
  }
  await caller.workout.finish({ workoutId: workout.id });
  return { workout, ownExerciseId: own.id };
}

/** The caller's active workout as its exercise list shows it. */
async function activeOf(caller: Caller) {
  const active = await caller.workout.active();
  return {
    title: active?.title,
    exercises: active?.exercises.map((e) => [e.exerciseId, e.supersetGroup, e.notes, e.restSeconds]),
    setCount: active?.exercises.reduce((sum, e) => sum + e.sets.length, 0),
  };
}

describe('starting a workout from another', () => {
  it('repeats one’s own workout: its exercises in order, supersets, notes and rest, no sets', async () => {
    const ann = await h.createUser('Ann');
    const { workout, ownExerciseId } = await pushDay(ann.caller);
    await ann.caller.workout.start({ fromWorkoutId: workout.id });
    expect(await activeOf(ann.caller)).toEqual({
      title: 'Push day',
      exercises: [
        ['lib-bench-press', 1, 'wide grip', 120],
        ['lib-dip', 1, '', null],
        [ownExerciseId, null, '', null],
      ],
      setCount: 0,
    });
    // One active workout still: a second start is refused and copies nothing.
    expect(await errorCode(ann.caller.workout.start({ fromWorkoutId: workout.id }))).toBe('CONFLICT');
  });

  it('does a friend’s workout under a title of one’s own, without their notes or their own exercises', async () => {
    const ann = await h.createUser('Ann');
    const ben = await h.createUser('Ben');
    await makeFriends(h.prisma, ann.session.userId, ben.session.userId);
    const { workout } = await pushDay(ann.caller);
    await ben.caller.workout.start({ fromWorkoutId: workout.id, title: 'Ann’s push day' });
    expect(await activeOf(ben.caller)).toEqual({
      title: 'Ann’s push day',
      exercises: [
        ['lib-bench-press', 1, '', 120],
        ['lib-dip', 1, '', null],
      ],
      setCount: 0,
    });
  });

  it('shows the copied exercises to a live session, after the start', async () => {
    const ann = await h.createUser('Ann');
    const { workout, ownExerciseId } = await pushDay(ann.caller, 'PRIVATE');
    const session = await h.prisma.trainingSession.create({
      data: {
        hostId: ann.session.userId,
        members: { create: { userId: ann.session.userId, status: 'JOINED', joinedAt: new Date() } },
      },
    });
    await ann.caller.workout.start({ fromWorkoutId: workout.id, sessionId: session.id });
    const events = await readEvents(h.prisma, streamIds.session(session.id), { after: 0, limit: 10 });
    expect(events.map((e) => (e.type === 'workout.exercise.added' ? e.exercise.exerciseId : e.type))).toEqual(
      ['workout.started', 'lib-bench-press', 'lib-dip', ownExerciseId],
    );
  });

  it('refuses a workout the caller may not see as NOT_FOUND, and bad input, starting nothing', async () => {
    const ann = await h.createUser('Ann');
    const ben = await h.createUser('Ben');
    const stranger = await h.createUser('Cy');
    await makeFriends(h.prisma, ann.session.userId, ben.session.userId);
    const { workout: friendsOnly } = await pushDay(ann.caller);
    const { workout: hidden } = await pushDay(ann.caller, 'PRIVATE');
    expect(await errorCode(stranger.caller.workout.start({ fromWorkoutId: friendsOnly.id }))).toBe(
      'NOT_FOUND',
    );
    expect(await errorCode(ben.caller.workout.start({ fromWorkoutId: hidden.id }))).toBe('NOT_FOUND');
    expect(await errorCode(ben.caller.workout.start({ fromWorkoutId: 'no-such-workout' }))).toBe('NOT_FOUND');
    expect(await errorCode(ben.caller.workout.start({ fromWorkoutId: 'x'.repeat(65) }))).toBe('BAD_REQUEST');
    expect(await ben.caller.workout.active()).toBeNull();
    expect(await stranger.caller.workout.active()).toBeNull();
  });
});
