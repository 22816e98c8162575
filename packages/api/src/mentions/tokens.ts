import { USERNAME_MAX, USERNAME_MIN } from '../profile/username';

/**
 * A stored mention "<@userId>" (Discord's form: a rename never breaks it), or a typed "@username" at
 * the start of a word — not inside an email address ("a@b.com") or a word ("x@y"). Usernames are
 * letters a–z, digits, "_" and "." (profile/username.ts); matched case-insensitively.
 */
const TOKEN = /<@([A-Za-z0-9_-]{1,64})>|(?<![\p{L}\p{N}_.@])@([A-Za-z0-9_.]+)/gu;

export type MentionToken =
  | { kind: 'id'; start: number; end: number; id: string }
  /** `names`: what the handle may be, longest first ("bob." may be "bob" before a full stop). */
  | { kind: 'name'; start: number; end: number; names: string[] };

function handlesOf(raw: string): string[] {
  const lower = raw.toLowerCase();
  const trimmed = lower.replace(/\.+$/, '');
  return [...new Set([lower, trimmed])].filter(
    (name) => name.length >= USERNAME_MIN && name.length <= USERNAME_MAX,
  );
}

/** The mention-like tokens of a body, in order. */
export function mentionTokens(body: string): MentionToken[] {
  const tokens: MentionToken[] = [];
  for (const match of body.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[1]) tokens.push({ kind: 'id', start, end, id: match[1] });
    else if (match[2]) {
      const names = handlesOf(match[2]);
      if (names.length > 0) tokens.push({ kind: 'name', start, end, names });
    }
  }
  return tokens;
}

/**
 * The body with every token that names one of `users` stored as "<@id>" (a "@bob." keeps its
 * full stop); every other token stays as it was typed.
 */
export function rewriteMentions(
  body: string,
  tokens: MentionToken[],
  users: { id: string; username: string }[],
): { body: string; userIds: string[] } {
  const byName = new Map(users.map((user) => [user.username, user.id]));
  const ids = new Set(users.map((user) => user.id));
  const mentioned = new Set<string>();
  let out = '';
  let cursor = 0;
  for (const token of tokens) {
    let replacement: string | null = null;
    if (token.kind === 'id' && ids.has(token.id)) {
      mentioned.add(token.id);
      replacement = `<@${token.id}>`;
    } else if (token.kind === 'name') {
      const name = token.names.find((candidate) => byName.has(candidate));
      const id = name === undefined ? undefined : byName.get(name);
      if (name !== undefined && id !== undefined) {
        mentioned.add(id);
        // Whatever followed the handle inside the token (trailing dots) stays text.
        replacement = `<@${id}>${body.slice(token.start + 1 + name.length, token.end)}`;
      }
    }
    if (replacement === null) continue;
    out += body.slice(cursor, token.start) + replacement;
    cursor = token.end;
  }
  return { body: out + body.slice(cursor), userIds: [...mentioned] };
}

/** The body as people read it: each "<@id>" of a known user as "@username". */
export function renderMentions(body: string, users: { id: string; username: string }[]): string {
  const byId = new Map(users.map((user) => [user.id, user.username]));
  return body.replace(/<@([A-Za-z0-9_-]{1,64})>/g, (token, id: string) => {
    const username = byId.get(id);
    return username === undefined ? token : `@${username}`;
  });
}
