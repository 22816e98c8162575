import { AppError } from '../errors';
import type { RelationshipKind } from './relationship';

/** Both sides of a pair: `mine` is the caller's row towards the other, `theirs` the other's towards the caller. */
export type Pair = { mine: RelationshipKind | null; theirs: RelationshipKind | null };

export type FriendAction = 'request' | 'cancel' | 'accept' | 'decline' | 'remove' | 'block' | 'unblock';

/**
 * Discord's friend states as a table: what `action` turns a pair into, or the refusal a person can act
 * on (`name` is the other person's display name). Pure, so every transition and refusal reads here.
 */
export function nextPair(action: FriendAction, pair: Pair, name: string): Pair {
  const { mine, theirs } = pair;
  switch (action) {
    case 'request':
      if (mine === 'BLOCKED') throw new AppError('BAD_REQUEST', `You blocked ${name}. Unblock them first.`);
      // Neutral on purpose: it does not say that they blocked the caller.
      if (theirs === 'BLOCKED') throw new AppError('FORBIDDEN', `You cannot send ${name} a friend request.`);
      if (mine === 'FRIEND') throw new AppError('CONFLICT', `You and ${name} are already friends.`);
      if (mine === 'OUTGOING') throw new AppError('CONFLICT', `You already sent ${name} a friend request.`);
      // They asked first: asking back accepts, as in Discord.
      if (mine === 'INCOMING') return { mine: 'FRIEND', theirs: 'FRIEND' };
      return { mine: 'OUTGOING', theirs: 'INCOMING' };
    case 'cancel':
      if (mine !== 'OUTGOING') throw new AppError('NOT_FOUND', `You have no pending request to ${name}.`);
      return { mine: null, theirs: null };
    case 'accept':
      if (mine !== 'INCOMING') throw new AppError('NOT_FOUND', `There is no pending request from ${name}.`);
      return { mine: 'FRIEND', theirs: 'FRIEND' };
    case 'decline':
      if (mine !== 'INCOMING') throw new AppError('NOT_FOUND', `There is no pending request from ${name}.`);
      return { mine: null, theirs: null };
    case 'remove':
      if (mine !== 'FRIEND') throw new AppError('NOT_FOUND', `You and ${name} are not friends.`);
      return { mine: null, theirs: null };
    case 'block':
      if (mine === 'BLOCKED') throw new AppError('CONFLICT', `You already blocked ${name}.`);
      // Ends any friendship or request; a block of theirs stays (each side lifts only its own).
      return { mine: 'BLOCKED', theirs: theirs === 'BLOCKED' ? 'BLOCKED' : null };
    case 'unblock':
      if (mine !== 'BLOCKED') throw new AppError('NOT_FOUND', `You have not blocked ${name}.`);
      return { mine: null, theirs };
  }
}
