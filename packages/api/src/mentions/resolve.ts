import type { Database } from '@spotter/db';
import { AppError } from '../errors';
import { userSummarySelect } from '../message/view';
import type { UserSummary } from '../streams/events';
import { mentionTokens, rewriteMentions } from './tokens';

/** More than this many people in one message is a mass ping, not a conversation. */
export const MAX_MENTIONS = 25;

export type ResolvedMentions = { body: string; users: UserSummary[] };

/**
 * Turns the "@username" (and "<@id>") tokens of a body into stored "<@id>" mentions of people the
 * author may mention here: members of the conversation other than the author, with no block
 * between them either way (no BLOCKED row on either side; asked for all candidates in one query). Every
 * other token stays text. Null when nothing in the body can be a mention — a body without "@" costs
 * no query, which keeps the send hot path as it was.
 */
export async function resolveMentions(
  prisma: Database,
  input: { channelId: string; authorId: string; body: string },
): Promise<ResolvedMentions | null> {
  if (!input.body.includes('@')) return null;
  const tokens = mentionTokens(input.body);
  const names = tokens.flatMap((token) => (token.kind === 'name' ? token.names : []));
  const ids = tokens.flatMap((token) => (token.kind === 'id' ? [token.id] : []));
  if (names.length === 0 && ids.length === 0) return null;
  const candidates = await prisma.user.findMany({
    where: {
      OR: [{ username: { in: names } }, { id: { in: ids } }],
      id: { not: input.authorId },
      memberships: { some: { channelId: input.channelId } },
      // Neither side's BLOCKED row: the candidate's towards the author, nor the author's towards them.
      relationships: { none: { otherId: input.authorId, kind: 'BLOCKED' } },
      relatedBy: { none: { userId: input.authorId, kind: 'BLOCKED' } },
    },
    select: userSummarySelect,
  });
  if (candidates.length === 0) return null;
  const { body, userIds } = rewriteMentions(input.body, tokens, candidates);
  if (userIds.length > MAX_MENTIONS) {
    throw new AppError('BAD_REQUEST', `A message can mention at most ${MAX_MENTIONS} people.`);
  }
  const users = candidates.filter((user) => userIds.includes(user.id)).sort(byId);
  return users.length === 0 ? null : { body, users };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
