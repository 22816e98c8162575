import { startsGroup } from '../../chat/grouping';
import { isSameLocalDay } from './day';

type Placed = { authorId: string; createdAt: Date };

/**
 * How a message sits under the one before it: the first message of a local day gets a day heading
 * and always shows its author again, even a minute after the same author's message before midnight.
 */
export function placeAfter(previous: Placed | undefined, message: Placed) {
  const isNewDay = !previous || !isSameLocalDay(previous.createdAt, message.createdAt);
  return { isNewDay, isGrouped: !isNewDay && !startsGroup(previous, message) };
}

/**
 * Messages from others newer than `seenSeq` (the newest one you had on screen). Walks from the newest
 * end and stops at the first seen one, so it costs the number of unseen messages, not the history.
 */
export function countUnseen(
  messages: readonly { seq: number; authorId: string }[],
  seenSeq: number,
  myId: string,
): number {
  let count = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (!message || message.seq <= seenSeq) break;
    if (message.authorId !== myId) count++;
  }
  return count;
}
