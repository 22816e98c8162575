import type { MemberView } from '@spotter/api';
import { describe, expect, it } from 'vitest';
import { dropMember, upsertMember } from './member-list';

const alice: MemberView = { userId: 'u-alice', name: 'Alice', role: 'OWNER' };
const bob: MemberView = { userId: 'u-bob', name: 'Bob', role: 'MEMBER' };
const carol: MemberView = { userId: 'u-carol', name: 'Carol', role: 'MEMBER' };

describe('member list', () => {
  it('lists a replayed join once', () => {
    const members = upsertMember(upsertMember([alice], bob), bob);
    expect(members.map((m) => m.name)).toEqual(['Alice', 'Bob']);
  });

  it('keeps owners first and the rest by name', () => {
    expect(upsertMember([alice, carol], bob).map((m) => m.name)).toEqual(['Alice', 'Bob', 'Carol']);
  });

  it('moves a member who became owner to the top, with the new role', () => {
    const members = upsertMember(dropMember([alice, bob, carol], alice.userId), { ...carol, role: 'OWNER' });
    expect(members).toEqual([{ ...carol, role: 'OWNER' }, bob]);
  });

  it('drops a member who left, and ignores one who is not listed', () => {
    expect(dropMember([alice, bob], bob.userId)).toEqual([alice]);
    expect(dropMember([alice], bob.userId)).toEqual([alice]);
  });
});
