import type { Database } from '@spotter/db';

type SetSpec = { weightKg: number; reps: number; type?: 'WARMUP' | 'NORMAL' };

/**
 * A workout as the workouts module leaves it once finished (tests of sharing, kudos and the feed
 * start from one): bench press sets, and a heaviest-weight record for the heaviest set.
 */
export async function finishedWorkout(
  prisma: Database,
  userId: string,
  options: {
    visibility?: 'PRIVATE' | 'FRIENDS' | 'PUBLIC';
    title?: string;
    sets?: SetSpec[];
    isFinished?: boolean;
    finishedAt?: Date;
  } = {},
) {
  const sets = options.sets ?? [
    { weightKg: 40, reps: 10, type: 'WARMUP' },
    { weightKg: 100, reps: 5 },
    { weightKg: 100, reps: 5 },
  ];
  const finishedAt = options.isFinished === false ? null : (options.finishedAt ?? new Date());
  const startedAt = new Date((finishedAt ?? new Date()).getTime() - 45 * 60 * 1000);
  const workout = await prisma.workout.create({
    data: {
      userId,
      title: options.title ?? 'Push day',
      visibility: options.visibility ?? 'FRIENDS',
      startedAt,
      finishedAt,
      exercises: {
        create: [
          {
            exerciseId: 'lib-bench-press',
            position: 0,
            sets: { create: sets.map((set, position) => ({ ...set, position })) },
          },
        ],
      },
    },
    select: { id: true },
  });
  if (finishedAt) {
    const heaviest = Math.max(...sets.map((set) => set.weightKg));
    await prisma.personalRecord.create({
      data: {
        userId,
        exerciseId: 'lib-bench-press',
        workoutId: workout.id,
        kind: 'HEAVIEST_WEIGHT',
        value: heaviest,
        weightKg: heaviest,
        achievedAt: finishedAt,
      },
    });
  }
  return workout.id;
}
