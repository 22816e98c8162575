import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

type Caller = Awaited<ReturnType<typeof h.createUser>>['caller'];

/** A workout with a bench-press set of 5 per weight, and a squat added but never done. */
async function benchDay(caller: Caller, title: string, weights: number[], isFinished = true) {
  const workout = await caller.workout.start({ title });
  const bench = await caller.workout.addExercise({ workoutId: workout.id, exerciseId: 'lib-bench-press' });
  for (const weight of weights) await caller.workout.logSet({ workoutExerciseId: bench.id, weight, reps: 5 });
  await caller.workout.addExercise({ workoutId: workout.id, exerciseId: 'lib-back-squat' });
  if (isFinished) await caller.workout.finish({ workoutId: workout.id });
  return workout;
}

describe('workout.lastSets', () => {
  it("gives each exercise's sets from the latest finished workout that did it, and nothing for the rest", async () => {
    const { caller } = await h.createUser('Lifter');
    await benchDay(caller, 'Week 1', [60, 60]);
    const week2 = await benchDay(caller, 'Week 2', [62.5, 62.5, 65]);
    await benchDay(caller, 'Today', [70], false);

    const last = await caller.workout.lastSets({
      exerciseIds: ['lib-bench-press', 'lib-back-squat', 'lib-bench-press', 'no-such-exercise'],
    });
    // Today's workout is still going: last time is week 2, not today's 70 kg. The squat, added but
    // never done, and an unknown id have no last time.
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ exerciseId: 'lib-bench-press', workoutId: week2.id, title: 'Week 2' });
    expect(last[0]?.sets.map((set) => [set.weightKg, set.reps])).toEqual([
      [62.5, 5],
      [62.5, 5],
      [65, 5],
    ]);
  });

  it("never shows someone else's sets", async () => {
    const a = await h.createUser('Ann');
    const b = await h.createUser('Ben');
    await benchDay(a.caller, 'Ann’s day', [80]);
    expect(await b.caller.workout.lastSets({ exerciseIds: ['lib-bench-press'] })).toEqual([]);
  });

  it('refuses bad input with BAD_REQUEST', async () => {
    const { caller } = await h.createUser('Lifter');
    expect(await errorCode(caller.workout.lastSets({ exerciseIds: [] }))).toBe('BAD_REQUEST');
    const many = Array.from({ length: 51 }, (_, i) => `lib-${i}`);
    expect(await errorCode(caller.workout.lastSets({ exerciseIds: many }))).toBe('BAD_REQUEST');
    expect(await errorCode(caller.workout.lastSets({ exerciseIds: ['x'.repeat(65)] }))).toBe('BAD_REQUEST');
  });
});
