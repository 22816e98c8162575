import type { Database } from '@spotter/db';
import type { Cache } from '../cache/types';
import { invalidateWorkoutsOf } from '../workouts/cached-workout';
import { personSelect } from './avatar-url';

/** The columns of a profile: the user's own fields only, never how a viewer relates to them. */
export const profileSelect = { ...personSelect, bio: true, homeGym: true, createdAt: true } as const;

type Deps = { prisma: Database; cache: Cache };

// A profile is cached under its id (a message's author, one's own profile) and under its handle (a
// profile page): two keys, both invalidated by every write, so neither can outlive an edit.
const byId = (userId: string) => `id:${userId}`;
const byUsername = (username: string) => `name:${username}`;

/** A user's profile row by id or @handle, from the cache when no edit happened since it was stored. */
export function profileRow({ prisma, cache }: Deps, who: { username: string } | { userId: string }) {
  const key = 'username' in who ? byUsername(who.username) : byId(who.userId);
  return cache.get('profile', key, () =>
    prisma.user.findUnique({
      where: 'username' in who ? { username: who.username } : { id: who.userId },
      select: profileSelect,
    }),
  );
}

/**
 * Call after every committed change to a profile (fields, handle, picture) and before answering:
 * reads through any replica then see the change. `formerUsername` is the handle before a rename,
 * whose page must stop showing this person.
 */
export async function invalidateProfile({ prisma, cache }: Deps, userId: string, formerUsername?: string) {
  const current = await prisma.user.findUnique({ where: { id: userId }, select: { username: true } });
  const handles = [current?.username, formerUsername].filter((name): name is string => name !== undefined);
  // Workout summaries show their owner's name and handle.
  await Promise.all([
    cache.invalidate('profile', [byId(userId), ...handles.map(byUsername)]),
    invalidateWorkoutsOf(cache, userId),
  ]);
}
