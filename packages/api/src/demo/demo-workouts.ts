import type { Database, Prisma } from '@spotter/db';
import { recomputeRecords } from '../records/recompute';

type DemoSet = {
  weightKg?: number;
  reps?: number;
  type?: 'WARMUP';
  distanceM?: number;
  durationSec?: number;
};
type DemoWorkout = {
  title: string;
  visibility: 'FRIENDS' | 'PUBLIC';
  daysAgo: number;
  exercises: { exerciseId: string; sets: DemoSet[] }[];
};

const times = (count: number, set: DemoSet) => Array.from({ length: count }, () => set);

/** Alice's push day: bench press after a warm-up, then overhead press. */
const pushDay = (
  daysAgo: number,
  benchKg: number,
  pressKg: number,
  visibility: DemoWorkout['visibility'],
) => ({
  title: 'Push day',
  visibility,
  daysAgo,
  exercises: [
    {
      exerciseId: 'lib-bench-press',
      sets: [
        { type: 'WARMUP' as const, weightKg: 40, reps: 10 },
        ...times(5, { weightKg: benchKg, reps: 5 }),
      ],
    },
    { exerciseId: 'lib-overhead-press', sets: times(3, { weightKg: pressKg, reps: 8 }) },
  ],
});

/**
 * A few finished workouts per demo user, so the feed, profiles, records and the history charts show
 * something at the first sign-in. Alice, whom the README signs in first, trained three weeks running
 * and her bench press rises each time (her press stalls once: a tie is no record). Bob's two leg days
 * are a week apart, the second heavier (the #leg-day chat talks of those 100 kg). Alice's latest is
 * PUBLIC, so a newcomer sees it on her profile; Bob's are FRIENDS, so Carol, Alice's friend but not
 * Bob's, sees Alice's workouts and not his.
 */
const DEMO_WORKOUTS: Record<string, DemoWorkout[]> = {
  'alice@spotter.dev': [
    pushDay(15, 55, 37.5, 'FRIENDS'),
    pushDay(8, 57.5, 37.5, 'FRIENDS'),
    pushDay(1, 60, 40, 'PUBLIC'),
  ],
  'bob@spotter.dev': [
    {
      title: 'Leg day',
      visibility: 'FRIENDS',
      daysAgo: 9,
      exercises: [
        { exerciseId: 'lib-back-squat', sets: times(5, { weightKg: 95, reps: 5 }) },
        { exerciseId: 'lib-romanian-deadlift', sets: times(3, { weightKg: 80, reps: 8 }) },
      ],
    },
    {
      title: 'Leg day',
      visibility: 'FRIENDS',
      daysAgo: 2,
      exercises: [
        {
          exerciseId: 'lib-back-squat',
          sets: [{ type: 'WARMUP', weightKg: 60, reps: 5 }, ...times(5, { weightKg: 100, reps: 5 })],
        },
        { exerciseId: 'lib-romanian-deadlift', sets: times(3, { weightKg: 85, reps: 8 }) },
      ],
    },
  ],
  'carol@spotter.dev': [
    {
      title: 'Easy 5K',
      visibility: 'FRIENDS',
      daysAgo: 3,
      exercises: [{ exerciseId: 'lib-running', sets: [{ distanceM: 5000, durationSec: 27 * 60 + 30 }] }],
    },
  ],
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Adds the demo workouts, finished, with the records finishing them would have set (the same
 * recomputeRecords a finish runs). A demo user who has any workout is left alone, so a second run, or
 * one after people trained, adds nothing. Runs after `seed` from @spotter/db, which creates the users.
 */
export async function seedDemoWorkouts(prisma: Database, now = new Date()): Promise<void> {
  for (const [email, workouts] of Object.entries(DEMO_WORKOUTS)) {
    await prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, _count: { select: { workouts: true } } },
      });
      if (!user || user._count.workouts > 0) return;
      for (const workout of workouts) await tx.workout.create({ data: workoutRows(user.id, workout, now) });
      const exerciseIds = workouts.flatMap((w) => w.exercises.map((e) => e.exerciseId));
      await recomputeRecords(tx, user.id, exerciseIds);
    });
  }
}

/** One workout that started `daysAgo` days before now; each set logged three minutes after the last, or when a timed one ends. */
function workoutRows(userId: string, workout: DemoWorkout, now: Date): Prisma.WorkoutUncheckedCreateInput {
  const startedAt = new Date(now.getTime() - workout.daysAgo * DAY);
  let clock = startedAt.getTime();
  const logged = (set: DemoSet) => {
    clock += Math.max(3 * MINUTE, (set.durationSec ?? 0) * 1000);
    return new Date(clock);
  };
  const exercises = workout.exercises.map(({ exerciseId, sets }, position) => ({
    exerciseId,
    position,
    sets: {
      create: sets.map((set, setPosition) => ({ ...set, position: setPosition, loggedAt: logged(set) })),
    },
  }));
  return {
    userId,
    title: workout.title,
    visibility: workout.visibility,
    startedAt,
    finishedAt: new Date(clock + 5 * MINUTE),
    exercises: { create: exercises },
  };
}
