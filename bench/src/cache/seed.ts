import type { Database } from '@spotter/db';
import { connectClient, createUserWithToken, type Replica } from '@spotter/test-support';
import { SECRET } from '../environment';

export type CacheBenchData = {
  viewerTokens: string[];
  usernames: string[];
  workoutIds: string[];
};

/**
 * Owners with a public finished workout each (logged through a replica, as a user would), and viewers
 * who are friends with every owner (their feeds show those workouts).
 */
export async function seedProfilesAndWorkouts(
  prisma: Database,
  replica: Replica,
  counts: { owners: number; viewers: number },
): Promise<CacheBenchData> {
  const usernames: string[] = [];
  const workoutIds: string[] = [];
  for (let i = 0; i < counts.owners; i++) {
    const owner = await createUserWithToken(prisma, SECRET, `Owner${i + 1}`);
    const client = connectClient(replica.url, owner.token);
    try {
      const me = await client.trpc.profile.get.query({ userId: owner.session.userId });
      await client.trpc.profile.update.mutate({ bio: `Lifter number ${i + 1}`, homeGym: 'Bench Gym' });
      usernames.push(me.username);
      const workout = await client.trpc.workout.start.mutate({
        title: `Push ${i + 1}`,
        visibility: 'PUBLIC',
      });
      for (const exerciseId of ['lib-bench-press', 'lib-back-squat']) {
        const entry = await client.trpc.workout.addExercise
          .mutate({ workoutId: workout.id, exerciseId })
          .catch(() => null);
        if (!entry) continue;
        for (let set = 1; set <= 4; set++)
          await client.trpc.workout.logSet.mutate({
            workoutExerciseId: entry.id,
            weight: 50 + set * 5,
            reps: 5,
          });
      }
      await client.trpc.workout.finish.mutate({ workoutId: workout.id });
      workoutIds.push(workout.id);
    } finally {
      await client.close();
    }
  }
  const viewerTokens: string[] = [];
  const ownerIds = await prisma.user.findMany({
    where: { username: { in: usernames } },
    select: { id: true },
  });
  for (let i = 0; i < counts.viewers; i++) {
    const viewer = await createUserWithToken(prisma, SECRET, `Viewer${i + 1}`);
    viewerTokens.push(viewer.token);
    // Every viewer is friends with every owner, so each feed page holds 20 of their workouts.
    await prisma.relationship.createMany({
      data: ownerIds.flatMap(({ id }) => [
        { userId: viewer.session.userId, otherId: id, kind: 'FRIEND' as const },
        { userId: id, otherId: viewer.session.userId, kind: 'FRIEND' as const },
      ]),
    });
  }
  return { viewerTokens, usernames, workoutIds };
}
