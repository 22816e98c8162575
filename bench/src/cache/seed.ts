import type { Database } from '@spotter/db';
import { connectClient, createUserWithToken, type Replica } from '@spotter/test-support';
import { SECRET } from '../environment';

export type CacheBenchData = {
  viewerTokens: string[];
  usernames: string[];
  workoutIds: string[];
};

/** Owners with a public finished workout each (logged through a replica, as a user would), and viewers. */
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
  for (let i = 0; i < counts.viewers; i++)
    viewerTokens.push((await createUserWithToken(prisma, SECRET, `Viewer${i + 1}`)).token);
  return { viewerTokens, usernames, workoutIds };
}
