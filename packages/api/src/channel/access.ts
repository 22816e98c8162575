import type { Database, Transaction } from '@spotter/db';
import { AppError } from '../errors';

export type ChannelRole = 'OWNER' | 'MODERATOR' | 'MEMBER';

/** Moderators delete others' messages and remove members; owners also manage moderators. */
export function canModerate(role: ChannelRole | null | undefined): boolean {
  return role === 'OWNER' || role === 'MODERATOR';
}

/**
 * Which kinds a procedure acts on: named channels only (channel.join, invite, members…), direct and
 * group conversations only (dm.*), or any (messages, typing, channel.onEvent). A channel of another
 * kind is answered like one that does not exist.
 */
export type KindScope = 'any' | 'channel' | 'conversation';

function isInScope(kind: 'CHANNEL' | 'DIRECT' | 'GROUP', scope: KindScope): boolean {
  if (scope === 'any') return true;
  return scope === 'channel' ? kind === 'CHANNEL' : kind !== 'CHANNEL';
}

/** requireMember's refusals, also for the checks made inside the database (the send function's). */
export const channelRefusals = {
  noSuchChannel: () => new AppError('NOT_FOUND', 'No such channel.'),
  joinFirst: () => new AppError('FORBIDDEN', 'Join this channel to read or post in it.'),
};

/**
 * The one access check for everything inside a channel: reading, posting, subscribing, managing
 * members. A private channel the user is not in answers NOT_FOUND, so its existence is not
 * revealed; a public one answers FORBIDDEN ("join first"). Returns the member's role.
 */
export async function requireMember(
  prisma: Database | Transaction,
  userId: string,
  channelId: string,
  scope: KindScope = 'any',
): Promise<ChannelRole> {
  const channel = await prisma.channel.findUnique({
    where: { id: channelId },
    select: { kind: true, visibility: true, memberships: { where: { userId }, select: { role: true } } },
  });
  const role = channel?.memberships[0]?.role;
  if (!channel || !isInScope(channel.kind, scope) || (channel.visibility === 'PRIVATE' && !role)) {
    throw channelRefusals.noSuchChannel();
  }
  if (!role) throw channelRefusals.joinFirst();
  return role;
}

/** Like requireMember, for what moderators (and the owner) may do: returns which of them it is. */
export async function requireModerator(
  prisma: Database | Transaction,
  userId: string,
  channelId: string,
  scope: KindScope = 'any',
): Promise<ChannelRole> {
  const role = await requireMember(prisma, userId, channelId, scope);
  if (!canModerate(role)) throw new AppError('FORBIDDEN', 'Only the channel’s moderators can do that.');
  return role;
}

/** Like requireMember, for what only the channel's owner may do. */
export async function requireOwner(
  prisma: Database | Transaction,
  userId: string,
  channelId: string,
  scope: KindScope = 'any',
): Promise<void> {
  if ((await requireMember(prisma, userId, channelId, scope)) !== 'OWNER') {
    throw new AppError('FORBIDDEN', 'Only the channel’s owner can do that.');
  }
}
