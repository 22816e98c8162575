import { describe, expect, it } from 'vitest';
import { countUnseen, placeAfter } from './conversation-rows';

const at = (hours: number, minutes: number) => new Date(2026, 10, 29, hours, minutes);

describe('placeAfter', () => {
  it('opens the conversation with a day heading', () => {
    expect(placeAfter(undefined, { authorId: 'alice', createdAt: at(9, 0) })).toEqual({
      isNewDay: true,
      isGrouped: false,
    });
  });

  it('groups a quick follow-up by the same author on the same day', () => {
    const first = { authorId: 'alice', createdAt: at(9, 0) };
    expect(placeAfter(first, { authorId: 'alice', createdAt: at(9, 2) })).toEqual({
      isNewDay: false,
      isGrouped: true,
    });
    expect(placeAfter(first, { authorId: 'bob', createdAt: at(9, 2) }).isGrouped).toBe(false);
  });

  it('starts a new day and a new group across local midnight, even two minutes apart', () => {
    const beforeMidnight = { authorId: 'alice', createdAt: new Date(2026, 10, 28, 23, 59) };
    expect(placeAfter(beforeMidnight, { authorId: 'alice', createdAt: at(0, 1) })).toEqual({
      isNewDay: true,
      isGrouped: false,
    });
  });
});

describe('countUnseen', () => {
  const messages = [
    { seq: 1, authorId: 'bob' },
    { seq: 2, authorId: 'me' },
    { seq: 3, authorId: 'bob' },
    { seq: 4, authorId: 'me' },
    { seq: 5, authorId: 'carol' },
  ];

  it("counts others' messages newer than the last one seen, not your own", () => {
    expect(countUnseen(messages, 1, 'me')).toBe(2);
  });

  it('is zero once the newest message has been seen', () => {
    expect(countUnseen(messages, 5, 'me')).toBe(0);
    expect(countUnseen([], 0, 'me')).toBe(0);
  });
});
