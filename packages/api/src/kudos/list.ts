import type { Database } from '@spotter/db';
import { requireVisibleWorkout } from '../feed/readers';
import { userSummarySelect } from '../message/view';
import type { UserSummary } from '../streams/events';

/** Givers named on a workout's page at most; the count says how many more there are. */
export const KUDOS_GIVERS_SHOWN = 50;

export type KudosList = {
  workoutId: string;
  count: number;
  /** Whether the caller gave kudos (a button's state: give, or take back). */
  hasGiven: boolean;
  /** Who gave kudos, newest first, at most KUDOS_GIVERS_SHOWN. */
  givers: UserSummary[];
};

/**
 * Who gave kudos on a workout the caller may see, as a workout's page lists them (Strava's list of
 * kudos under an activity). Read fresh, not cached: it changes with every kudos, and the feed
 * stream's `feed.kudos` tells the pages that show it when to read it again.
 */
export async function listKudos(prisma: Database, viewerId: string, workoutId: string): Promise<KudosList> {
  await requireVisibleWorkout(prisma, viewerId, workoutId);
  const [count, rows, mine] = await Promise.all([
    prisma.kudos.count({ where: { workoutId } }),
    prisma.kudos.findMany({
      where: { workoutId },
      orderBy: [{ createdAt: 'desc' }, { userId: 'asc' }],
      take: KUDOS_GIVERS_SHOWN,
      select: { user: { select: userSummarySelect } },
    }),
    prisma.kudos.findUnique({
      where: { workoutId_userId: { workoutId, userId: viewerId } },
      select: { userId: true },
    }),
  ]);
  return { workoutId, count, hasGiven: mine !== null, givers: rows.map((row) => row.user) };
}
