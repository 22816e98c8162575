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
  it('clears the counts at once when read up to the newest seq known', () => {
    expect(applyChange(state(), { lastReadSeq: 10, level: 'ALL' })).toMatchObject({
      unreadCount: 0,
      mentionCount: 0,
      firstUnreadSeq: null,
    });
  });

  it('keeps the counts (for the reread to fix) when read only part of the way or marked unread', () => {
    expect(applyChange(state(), { lastReadSeq: 7, level: 'ALL' })).toMatchObject({
      lastReadSeq: 7,
      unreadCount: 5,
    });
    expect(applyChange(state(), { lastReadSeq: 4, level: 'NOTHING' })).toMatchObject({ level: 'NOTHING' });
  });
});
