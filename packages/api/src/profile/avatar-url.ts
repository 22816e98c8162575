/**
 * Where a user's picture is served (apps/web/src/app/api/avatar/[userId]/route.ts), or null without
 * one. The upload time in the URL makes every picture a new address: browsers may cache each one
 * forever, and a new upload is seen at once.
 */
export function avatarUrl(userId: string, avatar: { updatedAt: Date } | null): string | null {
  return avatar ? `/api/avatar/${userId}?v=${avatar.updatedAt.getTime()}` : null;
}

/** The columns of a UserSummary plus what avatarUrl needs, for every query that lists people. */
export const personSelect = {
  id: true,
  username: true,
  name: true,
  avatar: { select: { updatedAt: true } },
} as const;

export type PersonRow = {
  id: string;
  username: string;
  name: string;
  avatar: { updatedAt: Date } | null;
};

/** A UserSummary with its picture: how lists, cards and search results show a person. */
export type Person = { id: string; username: string; name: string; avatarUrl: string | null };

export function toPerson({ avatar, ...user }: PersonRow): Person {
  return { ...user, avatarUrl: avatarUrl(user.id, avatar) };
}
