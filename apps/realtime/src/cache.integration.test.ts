import { type Replica, startTestStack, type TestStack } from '@spotter/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const EDITS = 200;
// 200 edits and 600 reads through two replicas on a busy machine: generous, never a measure of speed.
const LOOP_TIMEOUT_MS = 600_000;

let stack: TestStack;
let replicaA: Replica;
let replicaB: Replica;

beforeAll(async () => {
  stack = await startTestStack();
  [replicaA, replicaB] = stack.replicas as [Replica, Replica];
});

afterAll(async () => {
  await stack?.stop();
});

const connect = (replica: Replica, token: string) => stack.connect(replica.url, token);

/** A counter's total on one replica, read from its /metrics as an operator would. */
async function metricOf(replica: Replica, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${replica.httpUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/** The owner edits through replica A; a friend reads through replica B. */
async function ownerOnAViewerOnB() {
  const owner = await stack.createUser('Owner');
  const viewer = await stack.createUser('Viewer');
  return {
    owner,
    onA: connect(replicaA, owner.token),
    onB: connect(replicaB, viewer.token),
  };
}

describe('the cache shared by two realtime replicas', () => {
  it(
    `never serves a profile edited through A stale on B once the edit returned (${EDITS} edits)`,
    async () => {
      const { owner, onA, onB } = await ownerOnAViewerOnB();
      const { username } = await onA.trpc.profile.get.query({ userId: owner.session.userId });
      const hitsBefore = await metricOf(replicaB, 'spotter_cache_hits_total', 'namespace="profile"');

      for (let i = 1; i <= EDITS; i++) {
        // B holds the current value in its memory and in Redis before the edit…
        await onB.trpc.profile.get.query({ username });
        await onB.trpc.profile.get.query({ userId: owner.session.userId });
        const edited = await onA.trpc.profile.update.mutate({ bio: `edit ${i}`, homeGym: `gym ${i}` });
        expect(edited.bio).toBe(`edit ${i}`);
        // …and right after the edit returns, B answers with it, by handle and by id.
        expect(await onB.trpc.profile.get.query({ username })).toMatchObject({
          bio: `edit ${i}`,
          homeGym: `gym ${i}`,
        });
        expect(await onB.trpc.profile.get.query({ userId: owner.session.userId })).toMatchObject({
          bio: `edit ${i}`,
        });
      }

      // The reads before each edit were answered by the cache (so the check above could have failed).
      const hits = (await metricOf(replicaB, 'spotter_cache_hits_total', 'namespace="profile"')) - hitsBefore;
      expect(hits).toBeGreaterThanOrEqual(EDITS);
      expect(
        await metricOf(replicaA, 'spotter_cache_invalidations_total', 'result="ok"'),
      ).toBeGreaterThanOrEqual(EDITS);
    },
    LOOP_TIMEOUT_MS,
  );

  it(
    `never serves a workout edited through A stale on B once the edit returned (${EDITS} edits)`,
    async () => {
      const { onA, onB } = await ownerOnAViewerOnB();
      const workout = await onA.trpc.workout.start.mutate({ title: 'Push day', visibility: 'PUBLIC' });
      const entry = await onA.trpc.workout.addExercise.mutate({
        workoutId: workout.id,
        exerciseId: 'lib-bench-press',
      });
      const first = await onA.trpc.workout.logSet.mutate({
        workoutExerciseId: entry.id,
        weight: 60,
        reps: 5,
      });
      const hitsBefore = await metricOf(replicaB, 'spotter_cache_hits_total', 'namespace="workout"');
      const read = () => onB.trpc.workout.get.query({ workoutId: workout.id });

      for (let i = 1; i <= EDITS; i++) {
        await read();
        // The edits a workout gets: its sets (logged, changed) and its title and notes.
        if (i % 3 === 0) {
          await onA.trpc.workout.update.mutate({ workoutId: workout.id, title: `Push day ${i}` });
          expect((await read()).title).toBe(`Push day ${i}`);
        } else if (i % 3 === 1) {
          await onA.trpc.workout.updateSet.mutate({ setId: first.id, weight: 60 + i / 2, reps: 5 });
          expect((await read()).exercises[0]?.sets[0]?.weightKg).toBe(60 + i / 2);
        } else {
          await onA.trpc.workout.logSet.mutate({ workoutExerciseId: entry.id, weight: 40, reps: i });
          expect((await read()).exercises[0]?.sets.at(-1)?.reps).toBe(i);
        }
      }
      await onA.trpc.workout.finish.mutate({ workoutId: workout.id });
      expect((await read()).finishedAt).not.toBeNull();

      // Every read before an edit but the first (which loaded the workout) was a hit.
      const hits = (await metricOf(replicaB, 'spotter_cache_hits_total', 'namespace="workout"')) - hitsBefore;
      expect(hits).toBeGreaterThanOrEqual(EDITS - 1);
    },
    LOOP_TIMEOUT_MS,
  );

  it('a rename through A frees the old handle on B at once', async () => {
    const { owner, onA, onB } = await ownerOnAViewerOnB();
    const { username } = await onB.trpc.profile.get.query({ userId: owner.session.userId });
    const renamed = `${username.slice(0, 24)}_2`;
    await onA.trpc.profile.update.mutate({ username: renamed });
    await expect(onB.trpc.profile.get.query({ username })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    expect(await onB.trpc.profile.get.query({ username: renamed })).toMatchObject({
      id: owner.session.userId,
    });
  });

  it('answers from the database while Redis is stopped, edits included, and caches again once it is back', async () => {
    const { owner, onA, onB } = await ownerOnAViewerOnB();
    const { username } = await onB.trpc.profile.get.query({ userId: owner.session.userId });
    const bypassedBefore = await metricOf(replicaB, 'spotter_cache_bypassed_total');

    await stack.redis.stop();
    try {
      for (let i = 1; i <= 5; i++) {
        await onA.trpc.profile.update.mutate({ bio: `during the outage ${i}` });
        expect(await onB.trpc.profile.get.query({ username })).toMatchObject({
          bio: `during the outage ${i}`,
        });
      }
      expect(await metricOf(replicaB, 'spotter_cache_bypassed_total')).toBeGreaterThan(bypassedBefore);
    } finally {
      await stack.redis.start();
    }

    // Back to caching: once Redis answers again, reads on B are hits again and edits still show at once.
    await expect
      .poll(
        async () => {
          await onB.trpc.profile.get.query({ username });
          return metricOf(replicaB, 'spotter_cache_hits_total', 'namespace="profile"');
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBeGreaterThan(await metricOf(replicaB, 'spotter_cache_hits_total', 'namespace="profile"'));
    await onA.trpc.profile.update.mutate({ bio: 'after the outage' });
    expect(await onB.trpc.profile.get.query({ username })).toMatchObject({ bio: 'after the outage' });
  }, 120_000);
});
