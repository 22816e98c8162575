import { describe, expect, it } from 'vitest';
import { plainMentions, splitMentions } from './mentions';

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
