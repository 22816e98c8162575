import type { StreamItem } from '@spotter/api';
import type { Database } from '@spotter/db';
import {
  type Replica,
  recordTrainingEvents,
  startReplica,
  startTestStack,
  type TestStack,
  type WsTestClient,
} from '@spotter/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 11, check 3: a live session with three members on three replicas — every member's stream has
// every set exactly once, in order, also after one member's replica is killed mid-session (that
// member's tab reconnects to another replica and resumes from its last seq).

const ROUNDS = 4;

let stack: TestStack;
let prisma: Database;
let replicas: Replica[] = [];

beforeAll(async () => {
  stack = await startTestStack({ replicas: 3 });
  ({ prisma, replicas } = stack);
});

afterAll(async () => {
  await stack?.stop();
});

const connect = (url: string | (() => string), token: string): WsTestClient => stack.connect(url, token);

async function makeFriends(a: string, b: string) {
  await prisma.relationship.createMany({
    data: [
      { userId: a, otherId: b, kind: 'FRIEND' },
      { userId: b, otherId: a, kind: 'FRIEND' },
    ],
  });
}

/** The sets logged that a member's stream carried, in the order it carried them. */
function loggedSetIds(stream: ReturnType<typeof recordTrainingEvents>): string[] {
  return stream.received.flatMap(({ event }: { event: StreamItem }) =>
    event.type === 'workout.set.logged' ? [event.set.id] : [],
  );
}

describe('training together across replicas', () => {
  it('gives every member every set exactly once and in order, across a replica crash', async () => {
    const [replicaA, replicaB, replicaC] = replicas as [Replica, Replica, Replica];
    const [ann, ben, cal] = await Promise.all(['Ann', 'Ben', 'Cal'].map((name) => stack.createUser(name)));
    if (!ann || !ben || !cal) throw new Error('users were not created');
    await makeFriends(ann.session.userId, ben.session.userId);
    await makeFriends(ann.session.userId, cal.session.userId);

    // Each member acts through their own replica; Cal's session tab is on one that will crash.
    const annOnA = connect(replicaA.url, ann.token);
    const benOnB = connect(replicaB.url, ben.token);
    const calOnC = connect(replicaC.url, cal.token);
    const doomed = await startReplica(stack.replicaOptions);
    let calTabUrl = doomed.url;
    const calTab = connect(() => calTabUrl, cal.token);

    const { sessionId, workoutId: annWorkout } = await annOnA.trpc.training.create.mutate({ title: 'Legs' });
    await annOnA.trpc.training.invite.mutate({
      sessionId,
      userIds: [ben.session.userId, cal.session.userId],
    });
    const benJoined = await benOnB.trpc.training.join.mutate({ sessionId });
    const calJoined = await calOnC.trpc.training.join.mutate({ sessionId });

    const streams = {
      ann: recordTrainingEvents(annOnA, { sessionId, lastEventId: '0' }),
      ben: recordTrainingEvents(benOnB, { sessionId, lastEventId: '0' }),
      cal: recordTrainingEvents(calTab, { sessionId, lastEventId: '0' }),
    };
    const members = [
      { client: annOnA, workoutId: annWorkout, name: 'ann' },
      { client: benOnB, workoutId: benJoined.workoutId as string, name: 'ben' },
      { client: calOnC, workoutId: calJoined.workoutId as string, name: 'cal' },
    ];
    const entries = await Promise.all(
      members.map((m) =>
        m.client.trpc.workout.addExercise.mutate({ workoutId: m.workoutId, exerciseId: 'lib-back-squat' }),
      ),
    );

    // Sets are logged one after another, so their order in the session's stream is known.
    const logged: string[] = [];
    const logRound = async (round: number) => {
      for (const [index, member] of members.entries()) {
        const set = await member.client.trpc.workout.logSet.mutate({
          workoutExerciseId: (entries[index] as { id: string }).id,
          weight: 60 + round * 5,
          reps: 5,
        });
        logged.push(set.id);
      }
    };
    await logRound(1);
    await logRound(2);
    for (const stream of Object.values(streams)) {
      await stream.until('the first two rounds', () => loggedSetIds(stream).length === 6);
    }

    // Mid-session, Cal's replica dies; the tab reconnects to C (as the proxy fails over) and resumes.
    calTabUrl = replicaC.url;
    await doomed.stop('SIGKILL');
    for (let round = 3; round <= ROUNDS; round += 1) await logRound(round);

    for (const [name, stream] of Object.entries(streams)) {
      await stream.until(
        `every set in ${name}'s stream`,
        () => loggedSetIds(stream).length >= logged.length,
        30_000,
      );
      expect(loggedSetIds(stream), `${name}'s sets`).toEqual(logged);
      // Every event at most once, in seq order, without a gap.
      const seqs = stream.received.filter((r) => r.event.type !== 'sync').map((r) => r.seq);
      expect(seqs, `${name}'s seqs`).toEqual(seqs.map((_, i) => (seqs[0] as number) + i));
      expect(stream.errors).toEqual([]);
    }
    expect(new Set(logged).size).toBe(3 * ROUNDS);
  });
});
