import { describe, expect, it } from 'vitest';
import { type ConversationView, conversationName } from './conversation-name';

const member = (id: string, name: string) => ({ id, name, username: name.toLowerCase() });
const conversation = (name: string, names: string[]): ConversationView => ({
  id: 'c1',
  kind: names.length > 2 ? 'GROUP' : 'DIRECT',
  name,
  members: names.map((n) => member(n.toLowerCase(), n)),
  ownerId: null,
  lastMessageAt: null,
});

describe('conversationName', () => {
  it('shows a group’s own name, else the other people, never oneself', () => {
    expect(conversationName(conversation('Squat club', ['Me', 'Bob', 'Carol']), 'me')).toBe('Squat club');
    expect(conversationName(conversation('', ['Me', 'Bob', 'Carol']), 'me')).toBe('Bob, Carol');
    expect(conversationName(conversation('', ['Me', 'Bob']), 'me')).toBe('Bob');
    expect(conversationName(conversation('', ['Me']), 'me')).toBe('Only you');
  });
});
