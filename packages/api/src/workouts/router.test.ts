import { afterAll, describe, expect, inject, it } from 'vitest';
import { readEvents } from '../streams/read';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

async function lifter(name = 'Lifter') {
  const user = await h.createUser(name);
  return { ...user, id: user.session.userId };
}

/** A session with these users JOINED (the together helper's procedures create these for real). */
async function sessionOf(hostId: string, ...memberIds: string[]) {
  return h.prisma.trainingSession.create({
    data: {
      hostId,
      members: {
        create: [hostId, ...memberIds].map((userId) => ({ userId, status: 'JOINED', joinedAt: new Date() })),
      },
    },
  });
}

describe('logging a workout', () => {
  it('starts, adds exercises and sets in the user’s units, finishes, and shows it in history', async () => {
    const a = await lifter();
    await h.prisma.user.update({ where: { id: a.id }, data: { weightUnit: 'LB' } });
    const workout = await a.caller.workout.start({ title: 'Push day' });
    expect(await errorCode(a.caller.workout.start({}))).toBe('CONFLICT');

    const bench = await a.caller.workout.addExercise({
      workoutId: workout.id,
      exerciseId: 'lib-bench-press',
      restSeconds: 90,
    });
    const dips = await a.caller.workout.addExercise({
      workoutId: workout.id,
      exerciseId: 'lib-dip',
      supersetGroup: 1,
    });
    expect([bench.position, dips.position, dips.supersetGroup, dips.kind]).toEqual([
      1,
      2,
      1,
      'BODYWEIGHT_REPS',
    ]);

    // 225 lb × 0.45359237 = 102.05828325 kg stored
    const set = await a.caller.workout.logSet({ workoutExerciseId: bench.id, weight: 225, reps: 5, rpe: 8 });
    expect(set.weightKg).toBeCloseTo(102.05828325, 8);
    await a.caller.workout.logSet({ workoutExerciseId: dips.id, reps: 12 });
    const updated = await a.caller.workout.updateSet({
      setId: set.id,
      weight: 235,
      reps: 5,
      type: 'FAILURE',
    });
    // 235 lb = 106.59420695 kg
    expect([updated.weightKg, updated.type]).toEqual([235 * 0.45359237, 'FAILURE']);

    expect((await a.caller.workout.active())?.id).toBe(workout.id);
    const finished = await a.caller.workout.finish({ workoutId: workout.id });
    expect(finished.autoClosed).toBe(false);
    expect(await a.caller.workout.active()).toBeNull();
    expect(await errorCode(a.caller.workout.finish({ workoutId: workout.id }))).toBe('CONFLICT');

    const page = await a.caller.workout.history({});
    expect(page.items.map((w) => [w.title, w.exercises])).toEqual([
      [
        'Push day',
        [
          { id: 'lib-bench-press', name: 'Bench Press', sets: 1 },
          { id: 'lib-dip', name: 'Dip', sets: 1 },
        ],
      ],
    ]);
    const view = await a.caller.workout.get({ workoutId: workout.id });
    expect(view.exercises.map((e) => [e.name, e.sets.length])).toEqual([
      ['Bench Press', 1],
      ['Dip', 1],
    ]);
  });

  it('lets only one of two concurrent starts through', async () => {
    const a = await lifter();
    const codes = await Promise.all([
      errorCode(a.caller.workout.start({})),
      errorCode(a.caller.workout.start({})),
    ]);
    expect(codes.sort()).toEqual(['CONFLICT', 'no error']);
    expect(await h.prisma.workout.count({ where: { userId: a.id, finishedAt: null } })).toBe(1);
  });

  it('discards an active workout and deletes a finished one, each only as such', async () => {
    const a = await lifter();
    const first = await a.caller.workout.start({});
    expect(await errorCode(a.caller.workout.delete({ workoutId: first.id }))).toBe('CONFLICT');
    await a.caller.workout.discard({ workoutId: first.id });
    expect(await h.prisma.workout.count({ where: { id: first.id } })).toBe(0);

    const second = await a.caller.workout.start({});
    await a.caller.workout.finish({ workoutId: second.id });
    expect(await errorCode(a.caller.workout.discard({ workoutId: second.id }))).toBe('CONFLICT');
    await a.caller.workout.delete({ workoutId: second.id });
    expect(await h.prisma.workout.count({ where: { userId: a.id } })).toBe(0);
  });

  it('appends every change of a session workout to the session stream, as stored (kg)', async () => {
    const a = await lifter('A');
    const b = await lifter('B');
    const session = await sessionOf(a.id, b.id);
    const workout = await a.caller.workout.start({ sessionId: session.id });
    const squat = await a.caller.workout.addExercise({ workoutId: workout.id, exerciseId: 'lib-back-squat' });
    const set = await a.caller.workout.logSet({ workoutExerciseId: squat.id, weight: 140, reps: 3 });
    await a.caller.workout.updateSet({ setId: set.id, weight: 142.5, reps: 3 });
    await a.caller.workout.deleteSet({ setId: set.id });
    await a.caller.workout.finish({ workoutId: workout.id });
    const events = await readEvents(h.prisma, streamIds.session(session.id), { after: 0, limit: 100 });
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'workout.started'],
      [2, 'workout.exercise.added'],
      [3, 'workout.set.logged'],
      [4, 'workout.set.updated'],
      [5, 'workout.set.deleted'],
      [6, 'workout.finished'],
    ]);
    const logged = events[2];
    expect(
      logged?.type === 'workout.set.logged' && [logged.userId, logged.workoutId, logged.set.weightKg],
    ).toEqual([a.id, workout.id, 140]);
  });

  it('refuses a session the caller has not joined as NOT_FOUND, and writes nothing', async () => {
    const a = await lifter();
    const b = await lifter();
    const invited = await h.prisma.trainingSession.create({
      data: { hostId: a.id, members: { create: [{ userId: b.id, status: 'INVITED' }] } },
    });
    expect(await errorCode(b.caller.workout.start({ sessionId: invited.id }))).toBe('NOT_FOUND');
    expect(await errorCode(b.caller.workout.start({ sessionId: 'no-such-session' }))).toBe('NOT_FOUND');
    expect(await h.prisma.workout.count({ where: { userId: b.id } })).toBe(0);
    expect(await h.prisma.stream.count({ where: { id: streamIds.session(invited.id) } })).toBe(0);
  });
});
