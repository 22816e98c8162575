import { createTestDatabase, type TestDatabase } from '@spotter/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../testing/api-harness';
import { seedDemoData } from './seed-demo-data';

// A database of its own: the demo users are fixed names, and other test files seed the shared one.
let database: TestDatabase;
let api: ApiHarness;
beforeAll(async () => {
  database = await createTestDatabase();
  api = createApiHarness(database.url);
  await seedDemoData(api.prisma);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await database?.drop();
});

/** A caller signed in as a demo user, by the first part of their email. */
async function as(handle: 'alice' | 'bob' | 'carol') {
  const user = await api.prisma.user.findUniqueOrThrow({ where: { email: `${handle}@spotter.dev` } });
  return api.callerFor({ userId: user.id, name: user.name, email: user.email });
}

/** "Owner: title" of each card of someone's feed, newest first. */
const feedOf = async (handle: 'alice' | 'bob' | 'carol') =>
  (await (await as(handle)).feed.list({})).entries.map((card) => `${card.owner.name}: ${card.title}`);

describe('the demo data', () => {
  it('gives the friends’ feed workouts at the first sign-in, each seen only by whom its visibility allows', async () => {
    // Alice is friends with both; Bob's leg days are FRIENDS-only and Bob and Carol are not friends.
    expect(await feedOf('alice')).toEqual([
      'Alice: Push day',
      'Bob: Leg day',
      'Carol: Easy 5K',
      'Alice: Push day',
      'Bob: Leg day',
      'Alice: Push day',
    ]);
    expect(await feedOf('bob')).toEqual([
      'Alice: Push day',
      'Bob: Leg day',
      'Alice: Push day',
      'Bob: Leg day',
      'Alice: Push day',
    ]);
    expect(await feedOf('carol')).toEqual([
      'Alice: Push day',
      'Carol: Easy 5K',
      'Alice: Push day',
      'Alice: Push day',
    ]);
    // A run's card carries its distance (the card shows it instead of a volume of 0 kg).
    const { entries } = await (await as('carol')).feed.list({});
    expect(entries.find((card) => card.title === 'Easy 5K')).toMatchObject({ distanceM: 5000, volumeKg: 0 });
  });

  it('holds the records finishing those workouts sets: Bob’s squat goes from 95 to 100 kg', async () => {
    const bob = await as('bob');
    const { records } = await bob.records.forExercise({ exerciseId: 'lib-back-squat' });
    const heaviest = records.filter((r) => r.kind === 'HEAVIEST_WEIGHT').map((r) => r.value);
    expect(heaviest).toEqual([100, 95]);
    // His latest card lists them as he trained: squat first, each exercise's records by kind.
    const latest = (await bob.feed.list({})).entries.find((card) => card.owner.name === 'Bob');
    expect(latest?.records.map((r) => `${r.exerciseName} ${r.kind} ${Number(r.value.toFixed(1))}`)).toEqual([
      'Back Squat HEAVIEST_WEIGHT 100',
      'Back Squat BEST_E1RM 116.7',
      'Back Squat MOST_REPS 5',
      'Back Squat BEST_SET_VOLUME 500',
      'Romanian Deadlift HEAVIEST_WEIGHT 85',
      'Romanian Deadlift BEST_E1RM 107.7',
      'Romanian Deadlift MOST_REPS 8',
      'Romanian Deadlift BEST_SET_VOLUME 680',
    ]);
    // The warm-up at 60 kg is not a record; the progress chart rises from one leg day to the next.
    expect(records.map((r) => r.weightKg)).not.toContain(60);
    const history = await bob.workout.exerciseHistory({ exerciseId: 'lib-back-squat' });
    expect(history.workouts.map((w) => Math.round(w.bestE1rmKg ?? 0))).toEqual([111, 117]);
  });

  it('adds nothing on a second run', async () => {
    const count = async () => ({
      workouts: await api.prisma.workout.count(),
      sets: await api.prisma.workoutSet.count(),
      records: await api.prisma.personalRecord.count(),
    });
    const before = await count();
    expect(before.records).toBeGreaterThan(0);
    await seedDemoData(api.prisma);
    expect(await count()).toEqual(before);
  });
});
