import { tracked } from '@trpc/server';
import type { ServerDeps } from '../context';
import { followStream } from '../streams/follow';
import { streamHubFor } from '../streams/hub';
import { streamIds } from '../streams/stream-ids';
import { requireMember } from './access';

/**
 * A member's live view of a channel, each item tracked by its seq. Access is checked before the
 * first item (so a refusal is a proper error, not a broken stream); the view ends right after the
 * event that removes the member, so nobody keeps reading a channel they were taken out of.
 */
export async function followChannel(
  deps: ServerDeps,
  input: { userId: string; channelId: string; after: number | null; signal: AbortSignal },
) {
  await requireMember(deps.prisma, input.userId, input.channelId);
  const items = followStream({
    prisma: deps.prisma,
    hub: streamHubFor(deps),
    streamId: streamIds.channel(input.channelId),
    after: input.after,
    signal: input.signal,
  });
  return (async function* () {
    for await (const item of items) {
      yield tracked(String(item.seq), item);
      if (item.type === 'member.left' && item.userId === input.userId) return;
    }
  })();
}
