import type { Database } from '@spotter/db';
import type { Cache } from '../cache/types';
import { AppError, isUniqueViolation } from '../errors';
import { type RelationshipKind, relationshipBetween } from '../friends/relationship';
import { type Person, personSelect, toPerson } from './avatar-url';
import { invalidateProfile, profileRow, profileSelect } from './cached-profile';

type Deps = { prisma: Database; cache: Cache };

export type Profile = Person & {
  bio: string;
  homeGym: string;
  /** The caller's side of their relationship with this person; null for none and for oneself. */
  relationship: RelationshipKind | null;
  createdAt: Date;
};

/** One message for "no such account" and "hidden by a block", so the two cannot be told apart. */
const notFound = () => new AppError('NOT_FOUND', 'No one on Spotter goes by that name.');

/** Someone's profile as the caller sees it. */
export async function getProfile(
  deps: Deps,
  viewerId: string,
  who: { username: string } | { userId: string },
): Promise<Profile> {
  const { prisma } = deps;
  // The profile's own fields come from the cache; the relationship checks below never do (a block
  // must hide the profile the moment it is made).
  const user = await profileRow(deps, who);
  if (!user) throw notFound();
  if (user.id === viewerId) return toProfile(user, null);
  // Someone who blocked the caller does not exist for them (Discord hides a blocker the same way):
  // the blocked person cannot look them up, follow their changes or learn that a block exists
  // (a distinct answer would tell them, and invite them to try another account).
  const [theirs, mine] = await Promise.all([
    relationshipBetween(prisma, user.id, viewerId),
    relationshipBetween(prisma, viewerId, user.id),
  ]);
  if (theirs === 'BLOCKED') throw notFound();
  return toProfile(user, mine);
}

/**
 * People whose username starts with the query or whose display name contains it, any case; never
 * the caller, nor anyone who blocked them. Exact username first, then by username.
 */
export async function searchPeople(
  prisma: Database,
  input: { userId: string; query: string; limit: number },
): Promise<Person[]> {
  const rows = await prisma.user.findMany({
    where: {
      id: { not: input.userId },
      OR: [
        { username: { startsWith: input.query.toLowerCase() } },
        { name: { contains: input.query, mode: 'insensitive' } },
      ],
      relationships: { none: { otherId: input.userId, kind: 'BLOCKED' } },
    },
    orderBy: { username: 'asc' },
    take: input.limit,
    select: personSelect,
  });
  const exact = input.query.toLowerCase();
  return rows.map(toPerson).sort((a, b) => Number(b.username === exact) - Number(a.username === exact));
}

export async function updateProfile(
  deps: Deps,
  userId: string,
  changes: {
    name?: string | undefined;
    username?: string | undefined;
    bio?: string | undefined;
    homeGym?: string | undefined;
  },
): Promise<Profile> {
  const { prisma } = deps;
  const former =
    changes.username === undefined
      ? undefined
      : await prisma.user.findUnique({ where: { id: userId }, select: { username: true } });
  try {
    const user = await prisma.user.update({ where: { id: userId }, data: changes, select: profileSelect });
    await invalidateProfile(deps, userId, former?.username);
    return toProfile(user, null);
  } catch (error) {
    if (isUniqueViolation(error, 'username')) {
      throw new AppError('CONFLICT', `The username "${changes.username}" is taken. Pick another.`);
    }
    throw error;
  }
}

/** The caller's own profile (after changing it). */
export function ownProfile(deps: Deps, userId: string): Promise<Profile> {
  return getProfile(deps, userId, { userId });
}

type ProfileRow = Parameters<typeof toPerson>[0] & { bio: string; homeGym: string; createdAt: Date };

function toProfile(
  { bio, homeGym, createdAt, ...person }: ProfileRow,
  relationship: RelationshipKind | null,
) {
  return { ...toPerson(person), bio, homeGym, relationship, createdAt };
}
