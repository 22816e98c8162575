import { describe, expect, it } from 'vitest';
import { applyChange, badgeFor, type ReadState } from './read-badge';

const state = (change: Partial<ReadState> = {}): ReadState => ({
  channelId: 'c1',
  lastReadSeq: 4,
  level: 'ALL',
  streamSeq: 10,
  unreadCount: 5,
  mentionCount: 2,
  firstUnreadSeq: 6,
  lastMessageAt: null,
  ...change,
});

describe('badgeFor', () => {
  it('numbers every unread message of a DM or group, and only mentions in a channel', () => {
    expect(badgeFor(state(), 'DIRECT')).toEqual({ isBold: true, count: 5 });
    expect(badgeFor(state(), 'GROUP')).toEqual({ isBold: true, count: 5 });
    expect(badgeFor(state(), 'CHANNEL')).toEqual({ isBold: true, count: 2 });
    expect(badgeFor(state({ mentionCount: 0 }), 'CHANNEL')).toEqual({ isBold: true, count: 0 });
    expect(badgeFor(state({ unreadCount: 0, mentionCount: 0 }), 'DIRECT')).toEqual({
      isBold: false,
      count: 0,
    });
  });

  it('shows only mentions at "mentions only", and nothing when muted', () => {
    expect(badgeFor(state({ level: 'MENTIONS' }), 'DIRECT')).toEqual({ isBold: true, count: 2 });
    expect(badgeFor(state({ level: 'MENTIONS', mentionCount: 0 }), 'DIRECT')).toEqual({
      isBold: false,
      count: 0,
    });
    expect(badgeFor(state({ level: 'NOTHING' }), 'DIRECT')).toEqual({ isBold: false, count: 0 });
    expect(badgeFor(undefined, 'CHANNEL')).toEqual({ isBold: false, count: 0 });
  });
});

describe('applyChange', () => {
  const counts = { streamSeq: 12, unreadCount: 1, mentionCount: 0, firstUnreadSeq: 12, lastMessageAt: null };

  it("takes the event's counts when they are as new as the cached ones: no reread", () => {
    const changed = applyChange(state(), {
      state: { channelId: 'c1', lastReadSeq: 11, level: 'ALL' },
      counts,
    });
    expect(changed).toEqual({
      state: { ...state(), lastReadSeq: 11, ...counts },
      isExact: true,
    });
  });

  it('keeps the cached counts for a reread when the cache knows a newer message', () => {
    const changed = applyChange(state({ streamSeq: 13 }), {
      state: { channelId: 'c1', lastReadSeq: 11, level: 'MENTIONS' },
      counts,
    });
    expect(changed).toEqual({
      state: { ...state({ streamSeq: 13 }), lastReadSeq: 11, level: 'MENTIONS' },
      isExact: false,
    });
  });

  describe('for an event stored before events carried counts', () => {
    const change = (lastReadSeq: number, level: ReadState['level'] = 'ALL') => ({
      state: { channelId: 'c1', lastReadSeq, level },
    });

    it('clears the counts at once when read up to the newest seq known, and still rereads', () => {
      expect(applyChange(state(), change(10))).toEqual({
        state: { ...state(), lastReadSeq: 10, unreadCount: 0, mentionCount: 0, firstUnreadSeq: null },
        isExact: false,
      });
    });

    it('keeps the counts (for the reread to fix) when read only part of the way or marked unread', () => {
      expect(applyChange(state(), change(7))).toEqual({
        state: { ...state(), lastReadSeq: 7 },
        isExact: false,
      });
      expect(applyChange(state(), change(4, 'NOTHING')).state).toMatchObject({ level: 'NOTHING' });
    });
  });
});
