import { describe, expect, it } from 'vitest';
import { mentionTokens, renderMentions, rewriteMentions } from './tokens';

const bob = { id: 'u_bob', username: 'bob' };
const rewrite = (body: string, users = [bob]) => rewriteMentions(body, mentionTokens(body), users);

describe('mention tokens', () => {
  it('stores "@username" at a word start as "<@id>", any case, keeping punctuation after it', () => {
    expect(rewrite('hey @Bob, spot me? (@bob) @bob.')).toEqual({
      body: 'hey <@u_bob>, spot me? (<@u_bob>) <@u_bob>.',
      userIds: ['u_bob'],
    });
  });

  it('leaves email addresses, words with "@" inside and unknown names as text', () => {
    for (const body of [
      'mail bob@bob.com',
      'x@bob',
      '@@bob',
      '@bobby',
      '@b',
      '@ bob',
      `@${'b'.repeat(40)}`,
    ]) {
      expect(rewrite(body)).toEqual({ body, userIds: [] });
    }
  });

  it('keeps a stored "<@id>" of someone mentionable, and an unknown one as text', () => {
    expect(rewrite('again <@u_bob> and <@u_nobody>')).toEqual({
      body: 'again <@u_bob> and <@u_nobody>',
      userIds: ['u_bob'],
    });
  });

  it('renders stored mentions with the current username', () => {
    expect(renderMentions('hi <@u_bob> and <@u_x>', [{ id: 'u_bob', username: 'robert' }])).toBe(
      'hi @robert and <@u_x>',
    );
  });
});
