import type { Database } from '@spotter/db';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { finishedWorkout } from '../feed/test-support';
import { streamIds } from '../streams/stream-ids';
import { createApiHarness } from '../testing/api-harness';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

type Caller = Awaited<ReturnType<typeof h.createUser>>['caller'];

/**
 * Takes a channel stream's lock in a transaction of its own, as a long send batch would, and answers
 * that transaction's backend pid (to see who queues behind it) and a function that lets go.
 */
async function holdStream(db: Database, channelId: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let pidOf: (pid: number) => void = () => {};
  const held = new Promise<number>((resolve) => {
    pidOf = resolve;
  });
  const holder = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Stream" WHERE "id" = ${streamIds.channel(channelId)} FOR UPDATE`;
      const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid"`;
      pidOf(row?.pid ?? -1);
      await released;
    },
    { timeout: 30_000 },
  );
  const letGo = async () => {
    release();
    await holder;
  };
  return { pid: await held, release: letGo };
}

/** How many backends wait, directly or behind another waiter, on the transaction of `pid`. */
async function queuedBehind(db: Database, pid: number): Promise<number> {
  const rows = await db.$queryRaw<{ pid: number; blockers: number[] }[]>`
    SELECT "pid", pg_blocking_pids("pid") AS "blockers" FROM pg_stat_activity
    WHERE "datname" = current_database() AND cardinality(pg_blocking_pids("pid")) > 0`;
  const behind = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows)
      if (!behind.has(row.pid) && row.blockers.some((blocker) => behind.has(blocker))) {
        behind.add(row.pid);
        grew = true;
      }
  }
  return behind.size - 1;
}

/**
 * A share takes the channel's stream lock and links its message to the workout; the owner's delete or
 * visibility change locks the workout, then the streams of the channels it was shared in. Unless the
 * share holds the workout before its stream (holdWorkout), the two wait on each other and PostgreSQL
 * aborts one as a deadlock. Here the interleaving is forced, not hoped for: the stream is held while
 * the share and then the change queue, so both are in the database before either can move.
 */
describe('a share and a change of the same workout, queued on the same channel', () => {
  it.each([
    ['deleting it', (caller: Caller, workoutId: string) => caller.workout.delete({ workoutId })],
    [
      'making it private',
      (caller: Caller, workoutId: string) => caller.workout.update({ workoutId, visibility: 'PRIVATE' }),
    ],
  ])('both land when the owner is %s: the shares lose their card', async (_, changeWorkout) => {
    const ann = await h.createUser('Ann');
    const { id: channelId } = await ann.caller.channel.create({ name: h.uniqueName('lifts') });
    const workoutId = await finishedWorkout(h.prisma, ann.session.userId);
    await ann.caller.workout.share({ workoutId, channelId });

    const stream = await holdStream(h.prisma, channelId);
    const share = ann.caller.workout.share({ workoutId, channelId });
    await vi.waitFor(async () => expect(await queuedBehind(h.prisma, stream.pid)).toBe(1));
    const change = changeWorkout(ann.caller, workoutId);
    await vi.waitFor(async () => expect(await queuedBehind(h.prisma, stream.pid)).toBe(2));
    await stream.release();

    const [shared, changed] = await Promise.allSettled([share, change]);
    expect(shared.status, String((shared as PromiseRejectedResult).reason)).toBe('fulfilled');
    expect(changed.status, String((changed as PromiseRejectedResult).reason)).toBe('fulfilled');
    const { items } = await ann.caller.message.list({ channelId });
    expect(items.map((message) => [message.body, message.workout])).toEqual([
      ['Shared a workout: Push day', null],
      ['Shared a workout: Push day', null],
    ]);
  });
});
