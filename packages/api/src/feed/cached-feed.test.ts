import { afterAll, describe, expect, inject, it } from 'vitest';
import { createCache } from '../cache/create-cache';
import { conversationTestKit, makeFriends } from '../conversations/test-support';
import { createLogger } from '../logger';
import { createMetrics } from '../metrics';
import { createApiHarness } from '../testing/api-harness';
import { countOf } from '../testing/count-of';

// A harness whose cache counters this file reads (memory only, as in single-instance mode).
const metrics = createMetrics();
const cache = createCache({ logger: createLogger({ name: 'test', level: 'silent' }), metrics });
const h = createApiHarness(inject('databaseUrl'), { cache });
const kit = conversationTestKit(h);
afterAll(() => h.close());

/** A finished workout of `owner` logged through the router: Bench Press 100 kg × 5 (and `more` sets). */
async function logged(owner: Awaited<ReturnType<typeof h.createUser>>, title: string) {
  const workout = await owner.caller.workout.start({ title });
  const entry = await owner.caller.workout.addExercise({
    workoutId: workout.id,
    exerciseId: 'lib-bench-press',
  });
  const set = await owner.caller.workout.logSet({ workoutExerciseId: entry.id, weight: 100, reps: 5 });
  await owner.caller.workout.finish({ workoutId: workout.id });
  return { workoutId: workout.id, setId: set.id };
}

describe('the feed through the cache', () => {
  it('serves unchanged cards from the cache, and an edit, a kudos or a visibility change at once', async () => {
    const reader = await h.createUser('Reader');
    const [owner, giver] = (await kit.friendsOf(reader, 'Owner', 'Giver')) as [
      Awaited<ReturnType<typeof h.createUser>>,
      Awaited<ReturnType<typeof h.createUser>>,
    ];
    await makeFriends(h.prisma, owner.session.userId, giver.session.userId);
    const { workoutId, setId } = await logged(owner, 'Bench day');
    const titles = async () => (await reader.caller.feed.list({ limit: 5 })).entries.map((e) => e.title);

    expect(await titles()).toEqual(['Bench day']);
    const hits = await countOf(metrics.cacheHits);
    const card = () => reader.caller.feed.list({ limit: 5 }).then((page) => page.entries[0]);
    expect(await card()).toMatchObject({ volumeKg: 500, kudosCount: 0 });
    expect(await countOf(metrics.cacheHits)).toBeGreaterThan(hits);

    await owner.caller.workout.updateSet({ setId, weight: 110, reps: 5 });
    expect(await card()).toMatchObject({ volumeKg: 550 });
    await giver.caller.kudos.give({ workoutId });
    expect(await card()).toMatchObject({ kudosCount: 1, hasGivenKudos: false });
    await owner.caller.workout.update({ workoutId, title: 'Heavy bench' });
    expect(await titles()).toEqual(['Heavy bench']);
    await owner.caller.workout.update({ workoutId, visibility: 'PRIVATE' });
    expect(await titles()).toEqual([]);
  });
});
