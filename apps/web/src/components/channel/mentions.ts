import type { UserSummary } from '@spotter/api';

export type MentionPart = { kind: 'text'; text: string } | { kind: 'mention'; user: UserSummary };

const STORED_MENTION = /<@([A-Za-z0-9_-]{1,64})>/g;

/**
 * Splits a stored body into text and the mentions the server vouched for (`mentions`, with current
 * names). A "<@id>" it does not list was typed as text by someone and stays text.
 */
export function splitMentions(body: string, mentions: readonly UserSummary[]): MentionPart[] {
  if (mentions.length === 0) return [{ kind: 'text', text: body }];
  const byId = new Map(mentions.map((user) => [user.id, user]));
  const parts: MentionPart[] = [];
  let cursor = 0;
  for (const match of body.matchAll(STORED_MENTION)) {
    const user = byId.get(match[1] ?? '');
    if (!user) continue;
    if (match.index > cursor) parts.push({ kind: 'text', text: body.slice(cursor, match.index) });
    parts.push({ kind: 'mention', user });
    cursor = match.index + match[0].length;
  }
  if (cursor < body.length) parts.push({ kind: 'text', text: body.slice(cursor) });
  return parts;
}

/** The body as the author typed it ("@username"), for editing it. */
export function plainMentions(body: string, mentions: readonly UserSummary[]): string {
  return splitMentions(body, mentions)
    .map((part) => (part.kind === 'text' ? part.text : `@${part.user.username}`))
    .join('');
}

/** The "@prefix" being typed at the caret, if any: `start` is the index of its "@". */
export type MentionQuery = { start: number; prefix: string };

const TYPED_HANDLE = /(?:^|[^\p{L}\p{N}_.@])@([A-Za-z0-9_.]{0,32})$/u;

/** The mention being typed just before `caret` ("hi @bo|" → "bo"); null inside an email address. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const match = TYPED_HANDLE.exec(text.slice(0, caret));
  if (!match) return null;
  const prefix = match[1] ?? '';
  return { start: caret - prefix.length - 1, prefix: prefix.toLowerCase() };
}

/** `text` with the query replaced by "@username " and where the caret goes after it. */
export function insertMention(
  text: string,
  caret: number,
  query: MentionQuery,
  username: string,
): { text: string; caret: number } {
  const inserted = `@${username} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, query.start) + inserted + after, caret: query.start + inserted.length };
}
