import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

describe('exercises', () => {
  it('lists the seeded library filtered by muscle group and equipment, and searches by name', async () => {
    const { caller } = await h.createUser('Picker');
    const all = await caller.exercise.list({});
    expect(all.filter((e) => e.id.startsWith('lib-')).length).toBe(110);
    const chestBarbell = await caller.exercise.list({ muscleGroup: 'chest', equipment: 'barbell' });
    expect(chestBarbell.map((e) => e.name)).toEqual([
      'Bench Press',
      'Decline Bench Press',
      'Incline Bench Press',
    ]);
    expect(
      (await caller.exercise.search({ query: 'SQUAT', muscleGroup: 'quads', equipment: 'barbell' })).map(
        (e) => e.id,
      ),
    ).toContain('lib-back-squat');
    const facets = await caller.exercise.facets();
    expect(facets.muscleGroups).toContain('chest');
    expect(facets.equipment).toContain('dumbbell');
  });

  it('creates the caller’s own exercise with a unique name, shown to them alone', async () => {
    const a = await h.createUser('Maker');
    const b = await h.createUser('Other');
    const name = h.uniqueName('Landmine Press');
    const own = await a.caller.exercise.create({
      name,
      muscleGroup: 'shoulders',
      equipment: 'barbell',
      kind: 'WEIGHT_REPS',
    });
    expect(own.isOwn).toBe(true);
    expect(
      await errorCode(
        a.caller.exercise.create({
          name: name.toUpperCase(),
          muscleGroup: 'x',
          equipment: 'y',
          kind: 'DURATION',
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      await errorCode(
        a.caller.exercise.create({ name: 'bench press', muscleGroup: 'x', equipment: 'y', kind: 'DURATION' }),
      ),
    ).toBe('CONFLICT');
    // Another user may use the same name for their own.
    await b.caller.exercise.create({
      name,
      muscleGroup: 'shoulders',
      equipment: 'barbell',
      kind: 'WEIGHT_REPS',
    });
    expect((await a.caller.exercise.search({ query: name })).map((e) => e.id)).toEqual([own.id]);
    expect(
      await errorCode(
        a.caller.exercise.create({ name: '', muscleGroup: 'x', equipment: 'y', kind: 'DURATION' }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await errorCode(
        a.caller.exercise.create({
          name: 'x'.repeat(61),
          muscleGroup: 'x',
          equipment: 'y',
          kind: 'DURATION',
        }),
      ),
    ).toBe('BAD_REQUEST');
    expect(await h.prisma.exercise.count({ where: { ownerId: a.session.userId } })).toBe(1);
  });
});
