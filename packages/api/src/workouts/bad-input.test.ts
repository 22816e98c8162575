import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readHead } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

type Lifter = Awaited<ReturnType<typeof lifter>>;
async function lifter(name: string, units: { weightUnit?: 'KG' | 'LB'; distanceUnit?: 'KM' | 'MI' } = {}) {
  const user = await h.createUser(name);
  await user.caller.me.setUnits(units);
  const session = await h.prisma.trainingSession.create({
    data: {
      hostId: user.session.userId,
      members: { create: { userId: user.session.userId, status: 'JOINED' } },
    },
  });
  const workout = await user.caller.workout.start({ title: 'Before', sessionId: session.id });
  const add = (exerciseId: string) => user.caller.workout.addExercise({ workoutId: workout.id, exerciseId });
  const bench = await add('lib-bench-press');
  const plank = await add('lib-plank');
  const run = await add('lib-running');
  const set = await user.caller.workout.logSet({ workoutExerciseId: bench.id, weight: 100, reps: 5 });
  return { ...user, id: user.session.userId, sessionId: session.id, workout, bench, plank, run, set };
}

/** Everything a refused call must leave as it was: the workouts, entries, sets, records and session streams. */
async function snapshot(...people: Lifter[]) {
  const ids = people.map((p) => p.id);
  const workouts = await h.prisma.workout.findMany({
    where: { userId: { in: ids } },
    orderBy: { id: 'asc' },
    include: {
      exercises: { orderBy: { id: 'asc' }, include: { sets: { orderBy: { id: 'asc' } } } },
      personalRecords: true,
    },
  });
  const heads = await Promise.all(people.map((p) => readHead(h.prisma, streamIds.session(p.sessionId))));
  const exercises = await h.prisma.exercise.count({ where: { ownerId: { in: ids } } });
  return JSON.stringify({ workouts, heads, exercises });
}

let a: Lifter;
let b: Lifter;
beforeAll(async () => {
  a = await lifter('Kilo');
  b = await lifter('Pound', { weightUnit: 'LB', distanceUnit: 'MI' });
});

/** Each call must fail with `code` and change nothing for either lifter. */
async function refused(code: string, call: () => Promise<unknown>) {
  const before = await snapshot(a, b);
  expect(await errorCode(call())).toBe(code);
  expect(await snapshot(a, b)).toBe(before);
}

describe('bad set input is refused with a precise code and writes nothing', () => {
  it('weights: negative, over 1,000 kg, or its pound equivalent', async () => {
    await refused('BAD_REQUEST', () =>
      a.caller.workout.logSet({ workoutExerciseId: a.bench.id, weight: -5, reps: 5 }),
    );
    await refused('BAD_REQUEST', () =>
      a.caller.workout.logSet({ workoutExerciseId: a.bench.id, weight: 1000.5, reps: 1 }),
    );
    // 2,205 lb × 0.45359237 = 1,000.17 kg: over the cap once converted, though under the raw input cap.
    await refused('BAD_REQUEST', () =>
      b.caller.workout.logSet({ workoutExerciseId: b.bench.id, weight: 2205, reps: 1 }),
    );
    await refused('BAD_REQUEST', () =>
      b.caller.workout.updateSet({ setId: b.set.id, weight: 2205, reps: 1 }),
    );
    // 2,200 lb = 997.9 kg is allowed (and stored in kg).
    const heavy = await b.caller.workout.logSet({ workoutExerciseId: b.bench.id, weight: 2200, reps: 1 });
    expect(heavy.weightKg).toBeCloseTo(997.903214, 5);
    await b.caller.workout.deleteSet({ setId: heavy.id });
  });

  it('reps, RPE and durations out of range', async () => {
    const log = (extra: object) => () =>
      a.caller.workout.logSet({ workoutExerciseId: a.bench.id, weight: 100, reps: 5, ...extra });
    await refused('BAD_REQUEST', log({ reps: 1001 }));
    await refused('BAD_REQUEST', log({ reps: -1 }));
    await refused('BAD_REQUEST', log({ reps: 2.5 }));
    await refused('BAD_REQUEST', log({ rpe: 0 }));
    await refused('BAD_REQUEST', log({ rpe: 10.5 }));
    await refused('BAD_REQUEST', () =>
      a.caller.workout.logSet({ workoutExerciseId: a.plank.id, durationSec: 86_401 }),
    );
    await refused('BAD_REQUEST', () =>
      a.caller.workout.logSet({ workoutExerciseId: a.plank.id, durationSec: -1 }),
    );
  });

  it('absurd distances, in km or in miles', async () => {
    await refused('BAD_REQUEST', () =>
      a.caller.workout.logSet({ workoutExerciseId: a.run.id, distance: 1000.1 }),
    );
    // 622 mi × 1,609.344 = 1,001 km.
    await refused('BAD_REQUEST', () =>
      b.caller.workout.logSet({ workoutExerciseId: b.run.id, distance: 622 }),
    );
    await refused('BAD_REQUEST', () =>
      a.caller.workout.logSet({ workoutExerciseId: a.run.id, distance: -1 }),
    );
  });

  it('a measure the exercise’s kind does not take, or a missing one', async () => {
    await refused('BAD_REQUEST', () =>
      a.caller.workout.logSet({ workoutExerciseId: a.plank.id, durationSec: 60, reps: 10 }),
    );
    await refused('BAD_REQUEST', () =>
      a.caller.workout.logSet({ workoutExerciseId: a.run.id, distance: 5, weight: 10 }),
    );
    await refused('BAD_REQUEST', () =>
      a.caller.workout.logSet({ workoutExerciseId: a.bench.id, weight: 100 }),
    );
    await refused('BAD_REQUEST', () => a.caller.workout.updateSet({ setId: a.set.id, durationSec: 30 }));
  });

  it('notes and titles over the limit', async () => {
    const long = 'x'.repeat(2001);
    await refused('BAD_REQUEST', () => a.caller.workout.update({ workoutId: a.workout.id, notes: long }));
    await refused('BAD_REQUEST', () =>
      a.caller.workout.addExercise({ workoutId: a.workout.id, exerciseId: 'lib-deadlift', notes: long }),
    );
    await refused('BAD_REQUEST', () =>
      a.caller.workout.updateExercise({ workoutExerciseId: a.bench.id, notes: long }),
    );
    await refused('BAD_REQUEST', () =>
      a.caller.workout.update({ workoutId: a.workout.id, title: 'x'.repeat(121) }),
    );
  });
});

describe('someone else’s things do not exist for the caller', () => {
  it('refuses sets, exercises and changes on another user’s workout as NOT_FOUND', async () => {
    await refused('NOT_FOUND', () =>
      a.caller.workout.logSet({ workoutExerciseId: b.bench.id, weight: 100, reps: 5 }),
    );
    await refused('NOT_FOUND', () => a.caller.workout.updateSet({ setId: b.set.id, weight: 100, reps: 6 }));
    await refused('NOT_FOUND', () => a.caller.workout.deleteSet({ setId: b.set.id }));
    await refused('NOT_FOUND', () =>
      a.caller.workout.addExercise({ workoutId: b.workout.id, exerciseId: 'lib-deadlift' }),
    );
    await refused('NOT_FOUND', () =>
      a.caller.workout.updateExercise({ workoutExerciseId: b.bench.id, supersetGroup: 2 }),
    );
    await refused('NOT_FOUND', () => a.caller.workout.update({ workoutId: b.workout.id, title: 'Mine now' }));
    await refused('NOT_FOUND', () => a.caller.workout.finish({ workoutId: b.workout.id }));
    await refused('NOT_FOUND', () => a.caller.workout.discard({ workoutId: b.workout.id }));
    await refused('NOT_FOUND', () => a.caller.workout.delete({ workoutId: b.workout.id }));
  });

  it('refuses unknown and foreign exercises as NOT_FOUND', async () => {
    const own = await b.caller.exercise.create({
      name: h.uniqueName('Zercher'),
      muscleGroup: 'quads',
      equipment: 'barbell',
      kind: 'WEIGHT_REPS',
    });
    await refused('NOT_FOUND', () =>
      a.caller.workout.addExercise({ workoutId: a.workout.id, exerciseId: own.id }),
    );
    await refused('NOT_FOUND', () =>
      a.caller.workout.addExercise({ workoutId: a.workout.id, exerciseId: 'lib-no-such' }),
    );
    await refused('NOT_FOUND', () => a.caller.records.forExercise({ exerciseId: own.id }));
    await refused('NOT_FOUND', () => a.caller.workout.exerciseHistory({ exerciseId: own.id }));
    expect((await a.caller.exercise.search({ query: own.name })).length).toBe(0);
    expect((await b.caller.exercise.search({ query: own.name })).map((e) => e.id)).toEqual([own.id]);
    // The owner can use their own exercise.
    await b.caller.workout.addExercise({ workoutId: b.workout.id, exerciseId: own.id });
  });

  it('hides a private workout from everyone but its owner', async () => {
    await b.caller.workout.update({ workoutId: b.workout.id, visibility: 'PRIVATE' });
    expect(await errorCode(a.caller.workout.get({ workoutId: b.workout.id }))).toBe('NOT_FOUND');
    expect((await b.caller.workout.get({ workoutId: b.workout.id })).visibility).toBe('PRIVATE');
    await b.caller.workout.update({ workoutId: b.workout.id, visibility: 'PUBLIC' });
    expect((await a.caller.workout.get({ workoutId: b.workout.id })).id).toBe(b.workout.id);
  });
});
