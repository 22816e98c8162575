import type { Database, Transaction } from '@spotter/db';
import { AppError } from '../errors';
import { notify } from '../notifications/notify';
import { type Person, personSelect, toPerson } from '../profile/avatar-url';
import { appendEvents, lockStreams } from '../streams/append';
import type { Appended } from '../streams/publish';
import { streamIds } from '../streams/stream-ids';
import { type RelationshipKind, relationshipBetween } from './relationship';
import { type FriendAction, nextPair, type Pair } from './transitions';

export type RelationshipChange = {
  /** The other person, and the caller's side of their relationship after the change. */
  user: Person;
  kind: RelationshipKind | null;
  appended: Appended[];
};

/**
 * Applies a friend action between the caller and another user (by id, or by username for requests).
 * In one transaction: both personal streams are locked (in id order) before either row is read, so
 * two people acting on each other at once are applied one after the other — two crossing requests
 * end as friends, never as two half pairs; then both rows change, each side whose relationship
 * changed gets a `relationship.changed` event, and a new request or acceptance notifies the other.
 * A refusal throws before anything is written, and rolls back the locks' stream rows too.
 */
export async function changeRelationship(
  prisma: Database,
  input: { userId: string; action: FriendAction; other: { userId: string } | { username: string } },
): Promise<RelationshipChange> {
  const other = await prisma.user.findUnique({
    where: 'userId' in input.other ? { id: input.other.userId } : { username: input.other.username },
    select: personSelect,
  });
  if (!other) throw new AppError('NOT_FOUND', 'No one on Spotter goes by that name.');
  if (other.id === input.userId) {
    throw new AppError('BAD_REQUEST', 'That is your own account: pick someone else.');
  }
  return prisma.$transaction(async (tx) => {
    const me = input.userId;
    await lockStreams(tx, [me, other.id].sort().map(streamIds.user));
    const before: Pair = {
      mine: await relationshipBetween(tx, me, other.id),
      theirs: await relationshipBetween(tx, other.id, me),
    };
    const after = nextPair(input.action, before, other.name);
    await writeSide(tx, me, other.id, before.mine, after.mine);
    await writeSide(tx, other.id, me, before.theirs, after.theirs);

    const myself = await tx.user.findUniqueOrThrow({ where: { id: me }, select: personSelect });
    const sides = [
      { userId: me, changed: before.mine !== after.mine, about: other, kind: after.mine },
      { userId: other.id, changed: before.theirs !== after.theirs, about: myself, kind: after.theirs },
    ].sort((a, b) => (a.userId < b.userId ? -1 : 1));
    const appended: Appended[] = [];
    for (const side of sides) {
      if (!side.changed) continue;
      const streamId = streamIds.user(side.userId);
      const { id, username, name } = side.about;
      const events = await appendEvents(tx, streamId, [
        { type: 'relationship.changed', user: { id, username, name }, kind: side.kind },
      ]);
      appended.push({ streamId, events });
    }
    const notification = notificationFor(before, after);
    if (notification) {
      appended.push(await notify(tx, { userId: other.id, kind: notification, actorId: me }));
    }
    return { user: toPerson(other), kind: after.mine, appended };
  });
}

/** A new request tells the recipient; a request becoming a friendship tells the one who asked. */
function notificationFor(before: Pair, after: Pair): 'FRIEND_REQUEST' | 'FRIEND_ACCEPTED' | null {
  if (before.theirs !== 'INCOMING' && after.theirs === 'INCOMING') return 'FRIEND_REQUEST';
  if (before.theirs === 'OUTGOING' && after.theirs === 'FRIEND') return 'FRIEND_ACCEPTED';
  return null;
}

async function writeSide(
  tx: Transaction,
  userId: string,
  otherId: string,
  before: RelationshipKind | null,
  after: RelationshipKind | null,
) {
  if (before === after) return;
  const where = { userId_otherId: { userId, otherId } };
  if (after === null) await tx.relationship.delete({ where });
  else if (before === null) await tx.relationship.create({ data: { userId, otherId, kind: after } });
  else await tx.relationship.update({ where, data: { kind: after, since: new Date() } });
}
