import { describe, expect, it } from 'vitest';
import type { ConversationView } from './conversation-name';
import { byRecentActivity } from './conversation-order';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
const conversation = (id: string, lastMessageAt: Date | null): ConversationView => ({
  id,
  kind: 'DIRECT',
  name: '',
  members: [],
  ownerId: null,
  lastMessageAt,
});

describe('byRecentActivity', () => {
  // As the server lists them: a new empty conversation on top, then by their newest message.
  const listed = [
    conversation('empty', null),
    conversation('a', at(30)),
    conversation('b', at(20)),
    conversation('c', at(10)),
  ];
  const ids = (list: ConversationView[]) => list.map((c) => c.id);

  it('keeps the server’s order while nothing new arrived', () => {
    const latest = new Map([
      ['a', at(30)],
      ['b', at(20)],
      ['c', at(10)],
    ]);
    expect(ids(byRecentActivity(listed, (id) => latest.get(id) ?? null))).toEqual(['empty', 'a', 'b', 'c']);
  });

  it('moves a conversation with a new message to the top, the newest first', () => {
    const latest = new Map([
      ['a', at(30)],
      ['b', at(41)],
      ['c', at(40)],
    ]);
    expect(ids(byRecentActivity(listed, (id) => latest.get(id)))).toEqual(['b', 'c', 'empty', 'a']);
    // The first message of the empty one.
    expect(ids(byRecentActivity(listed, (id) => (id === 'empty' ? at(50) : undefined)))).toEqual([
      'empty',
      'a',
      'b',
      'c',
    ]);
    expect(ids(byRecentActivity(listed, (id) => (id === 'c' ? at(50) : undefined)))).toEqual([
      'c',
      'empty',
      'a',
      'b',
    ]);
  });
});
