import type { MemberView } from '@spotter/api';

const RANK: Record<MemberView['role'], number> = { OWNER: 0, MODERATOR: 1, MEMBER: 2 };

const byRoleThenName = (a: MemberView, b: MemberView) =>
  a.role === b.role ? a.name.localeCompare(b.name) : RANK[a.role] - RANK[b.role];

/**
 * Adds a member or replaces them (`member.joined` also announces a new role, e.g. the heir of an
 * owner who left, a promotion): keyed by user id, so a replayed event never lists anyone twice. Owners
 * first, then moderators.
 */
export function upsertMember(members: readonly MemberView[], member: MemberView): MemberView[] {
  return [...members.filter((m) => m.userId !== member.userId), member].sort(byRoleThenName);
}

export function dropMember(members: readonly MemberView[], userId: string): MemberView[] {
  return members.filter((m) => m.userId !== userId);
}
