import type { MemberView } from '@spotter/api';

const byRoleThenName = (a: MemberView, b: MemberView) =>
  a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'OWNER' ? -1 : 1;

/**
 * Adds a member or replaces them (`member.joined` also announces a new role, e.g. the heir of an
 * owner who left): keyed by user id, so a replayed event never lists anyone twice. Owners first.
 */
export function upsertMember(members: readonly MemberView[], member: MemberView): MemberView[] {
  return [...members.filter((m) => m.userId !== member.userId), member].sort(byRoleThenName);
}

export function dropMember(members: readonly MemberView[], userId: string): MemberView[] {
  return members.filter((m) => m.userId !== userId);
}
