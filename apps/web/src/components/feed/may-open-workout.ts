import type { WorkoutCard as Card } from '@spotter/api';

/** What the reader's friends list (friends.list) says of one person. */
type Relationship = { kind: string; user: { id: string } };

/**
 * Whether the workout's page will open for the reader, by what the card and the reader's friends
 * list say: their own, a PUBLIC one, or a FRIENDS one of a friend. A hint for a link, no more: the
 * server decides (visibilitiesSeenBy), and a block the reader cannot know of still answers "not found".
 */
export function mayOpenSharedWorkout(
  card: Pick<Card, 'owner' | 'visibility'>,
  readerId: string,
  friends: readonly Relationship[] | undefined,
): boolean {
  if (card.owner.id === readerId || card.visibility === 'PUBLIC') return true;
  if (card.visibility !== 'FRIENDS') return false;
  return friends?.some((entry) => entry.kind === 'FRIEND' && entry.user.id === card.owner.id) ?? false;
}
