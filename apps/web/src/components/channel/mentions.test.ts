import { describe, expect, it } from 'vitest';
import { insertMention, mentionQueryAt, plainMentions, splitMentions } from './mentions';

const bob = { id: 'u1', username: 'bob', name: 'Bob' };

describe('mentions in a message body', () => {
  it('splits out the mentions the server listed, and leaves unknown "<@id>" as text', () => {
    expect(splitMentions('hi <@u1>, and <@u9>!', [bob])).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', user: bob },
      { kind: 'text', text: ', and <@u9>!' },
    ]);
    expect(splitMentions('no one <@u1>', [])).toEqual([{ kind: 'text', text: 'no one <@u1>' }]);
  });

  it('gives the text back as typed for editing', () => {
    expect(plainMentions('<@u1> spot me', [bob])).toBe('@bob spot me');
  });
});

describe('typing a mention', () => {
  it('finds the @prefix before the caret, at a word start only', () => {
    expect(mentionQueryAt('hi @Bo', 6)).toEqual({ start: 3, prefix: 'bo' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, prefix: '' });
    expect(mentionQueryAt('hi @bo there', 12)).toBeNull();
    expect(mentionQueryAt('mail a@b', 8)).toBeNull();
  });

  it('replaces the prefix with the username and a space, caret after it', () => {
    expect(insertMention('hi @bo, ok', 6, { start: 3, prefix: 'bo' }, 'bob')).toEqual({
      text: 'hi @bob , ok',
      caret: 8,
    });
    expect(insertMention('@b', 2, { start: 0, prefix: 'b' }, 'bob')).toEqual({ text: '@bob ', caret: 5 });
  });
});
