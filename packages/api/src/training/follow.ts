import type { Database } from '@spotter/db';
import type { ServerDeps } from '../context';
import type { StreamItem } from '../streams/events';
import { allowedBy, type FeedGate, followStream } from '../streams/follow';
import { streamHubFor } from '../streams/hub';
import { streamIds } from '../streams/stream-ids';
import { requireSessionMember } from './access';

/**
 * A member's live view of a session — members coming and going, every member's sets as they are
 * logged — resumable by seq exactly like a channel's. Access is checked before the first item and
 * again after an event that may have changed it (this member leaving, or a `reset` that may skip one);
 * the view ends once the member has left.
 */
export async function followSession(
  deps: ServerDeps,
  input: { userId: string; sessionId: string; after: number | null; signal: AbortSignal },
) {
  await requireSessionMember(deps.prisma, input.userId, input.sessionId);
  return followStream({
    prisma: deps.prisma,
    hub: streamHubFor(deps),
    streamId: streamIds.session(input.sessionId),
    after: input.after,
    signal: input.signal,
    gate: new SessionMembershipGate(deps.prisma, input.userId, input.sessionId),
  });
}

/** Asks again after this member leaves or a `reset` (which may skip a leave); see ChannelMembershipGate. */
class SessionMembershipGate implements FeedGate {
  constructor(
    private readonly prisma: Database,
    private readonly userId: string,
    private readonly sessionId: string,
  ) {}

  mustCheck(item: StreamItem): boolean {
    return (
      (item.type === 'session.member' && item.member.id === this.userId && item.status === 'LEFT') ||
      item.type === 'reset'
    );
  }

  allows(): Promise<boolean> {
    return allowedBy(requireSessionMember(this.prisma, this.userId, this.sessionId));
  }
}
