import type { Database } from '@spotter/db';
import type { ServerDeps } from '../context';
import type { StreamItem } from '../streams/events';
import { allowedBy, type FeedGate, followStream } from '../streams/follow';
import { streamHubFor } from '../streams/hub';
import { streamIds } from '../streams/stream-ids';
import { requireMember } from './access';

/**
 * A member's live view of a channel, each item tracked by its seq. Access is checked before the
 * first item (so a refusal is a proper error, not a broken stream), and again whenever the stream
 * may have changed it: a `member.left` naming this user (a replayed one may be followed by a rejoin)
 * and a `reset` (the skipped range may hold one). The view ends once the user is no longer a member.
 */
export async function followChannel(
  deps: ServerDeps,
  input: { userId: string; channelId: string; after: number | null; signal: AbortSignal },
) {
  await requireMember(deps.prisma, input.userId, input.channelId);
  return followStream({
    prisma: deps.prisma,
    hub: streamHubFor(deps),
    streamId: streamIds.channel(input.channelId),
    after: input.after,
    signal: input.signal,
    gate: new ChannelMembershipGate(deps.prisma, input.userId, input.channelId),
  });
}

/**
 * Asks again after a `member.left` naming the subscriber (a replayed one may be followed by a
 * rejoin) or a `reset` (the skipped range may hold one). A class, not closures: one per subscription.
 */
class ChannelMembershipGate implements FeedGate {
  constructor(
    private readonly prisma: Database,
    private readonly userId: string,
    private readonly channelId: string,
  ) {}

  mustCheck(item: StreamItem): boolean {
    return (item.type === 'member.left' && item.userId === this.userId) || item.type === 'reset';
  }

  allows(): Promise<boolean> {
    return allowedBy(requireMember(this.prisma, this.userId, this.channelId));
  }
}
