import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApiHarness } from '../testing/api-harness';
import { autoCloseStale } from '../workouts/auto-close';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

async function lifter(weightUnit: 'KG' | 'LB' = 'KG') {
  const user = await h.createUser('Lifter');
  await user.caller.me.setUnits({ weightUnit });
  return { ...user, id: user.session.userId };
}
type Lifter = Awaited<ReturnType<typeof lifter>>;

/** Logs and finishes a bench workout of these [weight, reps] sets (in the lifter's unit), started at `startedAt`. */
async function benchDay(who: Lifter, startedAt: Date, sets: [number, number][]) {
  const workout = await who.caller.workout.start({});
  await h.prisma.workout.update({ where: { id: workout.id }, data: { startedAt } });
  const entry = await who.caller.workout.addExercise({
    workoutId: workout.id,
    exerciseId: 'lib-bench-press',
  });
  const logged = [];
  for (const [weight, reps] of sets)
    logged.push(await who.caller.workout.logSet({ workoutExerciseId: entry.id, weight, reps }));
  const finished = await who.caller.workout.finish({ workoutId: workout.id });
  return { id: workout.id, sets: logged, finished };
}

const kinds = (records: { kind: string }[]) => records.map((r) => r.kind).sort();
const weeksAgo = (n: number) => new Date(Date.now() - n * 7 * 24 * 60 * 60 * 1000);

describe('records when a workout is finished', () => {
  it('stores the records it set, shows them on its summary, and replays them after an edit or a delete', async () => {
    const a = await lifter();
    const first = await benchDay(a, weeksAgo(2), [[100, 5]]);
    expect(kinds(first.finished.records)).toEqual([
      'BEST_E1RM',
      'BEST_SET_VOLUME',
      'HEAVIEST_WEIGHT',
      'MOST_REPS',
    ]);
    // 100×8: e1RM 126.7 > 116.7, volume 800 > 500, 8 reps @100 > 5; 100 kg is no heavier.
    const second = await benchDay(a, weeksAgo(1), [[100, 8]]);
    expect(kinds(second.finished.records)).toEqual(['BEST_E1RM', 'BEST_SET_VOLUME', 'MOST_REPS']);
    const summary = await a.caller.workout.get({ workoutId: second.id });
    expect(summary.personalRecords.find((r) => r.kind === 'BEST_E1RM')?.value).toBeCloseTo(126.667, 3);

    // Editing the first workout's set up to 100×10 makes it the best; the second sets nothing now.
    const [firstSet] = first.sets;
    if (!firstSet) throw new Error('no set');
    await a.caller.workout.updateSet({ setId: firstSet.id, weight: 100, reps: 10 });
    expect((await a.caller.workout.get({ workoutId: second.id })).personalRecords).toEqual([]);
    // Deleting the first workout hands the records back to the second.
    await a.caller.workout.delete({ workoutId: first.id });
    expect(kinds((await a.caller.workout.get({ workoutId: second.id })).personalRecords)).toEqual([
      'BEST_E1RM',
      'BEST_SET_VOLUME',
      'HEAVIEST_WEIGHT',
      'MOST_REPS',
    ]);
    const { records } = await a.caller.records.forExercise({ exerciseId: 'lib-bench-press' });
    expect(records.map((r) => r.workoutId)).toEqual([second.id, second.id, second.id, second.id]);
  });

  it('summarises weekly volume in the user’s unit, streaks, and e1RM history, from a history logged in lb', async () => {
    const a = await lifter('LB');
    // Two weeks ago 225 lb × 5; last week 235 lb × 3 and 185 lb × 10.
    await benchDay(a, weeksAgo(2), [[225, 5]]);
    await benchDay(a, weeksAgo(1), [
      [235, 3],
      [185, 10],
    ]);
    const stats = await a.caller.stats.summary();
    const volumes = stats.weeklyVolume.map((w) => Number(w.volume.toFixed(3)));
    // 225 × 5 = 1,125 lb; 235 × 3 + 185 × 10 = 705 + 1,850 = 2,555 lb; nothing yet this week.
    expect([stats.weightUnit, volumes]).toEqual(['LB', [1125, 2555, 0]]);
    // Two weeks in a row, through last week (this week has just begun).
    expect(stats.streaks).toEqual({ current: 2, longest: 2 });
    const history = await a.caller.workout.exerciseHistory({ exerciseId: 'lib-bench-press' });
    // e1RM in lb: 225 × (1 + 5/30) = 262.5; max(235 × 1.1 = 258.5, 185 × (1 + 10/30) = 246.67) = 258.5.
    expect(history.workouts.map((w) => Number(((w.bestE1rmKg ?? 0) / 0.45359237).toFixed(3)))).toEqual([
      262.5, 258.5,
    ]);
  });
});

describe('auto-close', () => {
  it('closes a workout left open 12 hours at its last set, with its records, when it is next read', async () => {
    const a = await lifter();
    const workout = await a.caller.workout.start({});
    const entry = await a.caller.workout.addExercise({
      workoutId: workout.id,
      exerciseId: 'lib-bench-press',
    });
    const set = await a.caller.workout.logSet({ workoutExerciseId: entry.id, weight: 60, reps: 10 });
    const startedAt = new Date(Date.now() - 13 * 60 * 60 * 1000);
    const lastSetAt = new Date(startedAt.getTime() + 50 * 60 * 1000);
    await h.prisma.workout.update({ where: { id: workout.id }, data: { startedAt } });
    await h.prisma.workoutSet.update({ where: { id: set.id }, data: { loggedAt: lastSetAt } });

    expect(await a.caller.workout.active()).toBeNull();
    const closed = await a.caller.workout.get({ workoutId: workout.id });
    expect([closed.autoClosed, closed.finishedAt?.getTime()]).toEqual([true, lastSetAt.getTime()]);
    expect(closed.personalRecords.length).toBe(4);
    // A new workout can start now.
    await a.caller.workout.start({});
  });

  it('leaves a workout open under 12 hours alone; the sweep closes one past it at its start when it has no sets', async () => {
    const a = await lifter();
    const recent = await a.caller.workout.start({});
    await h.prisma.workout.update({
      where: { id: recent.id },
      data: { startedAt: new Date(Date.now() - 11 * 60 * 60 * 1000) },
    });
    expect(await autoCloseStale(h.deps, new Date(), a.id)).toBe(0);
    expect((await a.caller.workout.active())?.id).toBe(recent.id);

    const startedAt = new Date(Date.now() - 12 * 60 * 60 * 1000 - 1000);
    await h.prisma.workout.update({ where: { id: recent.id }, data: { startedAt } });
    expect(await autoCloseStale(h.deps, new Date(), a.id)).toBe(1);
    const closed = await a.caller.workout.get({ workoutId: recent.id });
    expect([closed.autoClosed, closed.finishedAt?.getTime()]).toEqual([true, startedAt.getTime()]);
  });
});
