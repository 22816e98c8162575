import { publishSafely } from '../bus/publish-safely';
import { topics } from '../bus/topics';
import { requireMember } from '../channel/access';
import type { ServerDeps, Session } from '../context';
import { metrics } from '../metrics';
import { type HubSubscriber, streamHubFor } from '../streams/hub';
import { streamIds } from '../streams/stream-ids';

const subscriptions = metrics.activeSubscriptions.labels('typing.onUpdate');

/** Tells the channel's other members that `session`'s user is (or stopped) typing. */
export async function notifyTyping(
  deps: ServerDeps,
  session: Session,
  input: { channelId: string; isTyping: boolean },
): Promise<void> {
  await requireMember(deps.prisma, session.userId, input.channelId);
  await publishSafely(deps, topics.channelTyping(input.channelId), {
    channelId: input.channelId,
    userId: session.userId,
    userName: session.name,
    isTyping: input.isTyping,
  });
}

/**
 * Who else is typing in a channel, live, for one of its members; the member's own tabs are left out.
 * It ends when the member leaves or is removed: it watches the channel's stream (through the stream
 * hub, which the member's channel view has joined already) for a `member.left` naming them.
 */
export async function followTyping(
  deps: ServerDeps,
  input: { userId: string; channelId: string; signal: AbortSignal },
) {
  await requireMember(deps.prisma, input.userId, input.channelId);
  const lostAccess = new AbortController();
  const signal = AbortSignal.any([input.signal, lostAccess.signal]);
  const watcher: HubSubscriber = {
    push(event) {
      if (event.type !== 'member.left' || event.userId !== input.userId) return;
      // A replayed leave may be followed by a rejoin: the membership as it is now decides.
      requireMember(deps.prisma, input.userId, input.channelId).catch(() => lostAccess.abort());
    },
    hubClosed: () => lostAccess.abort(),
  };
  const watching = await streamHubFor(deps).join(streamIds.channel(input.channelId), watcher);
  signal.addEventListener('abort', () => watching.leave(), { once: true });
  const updates = await deps.bus.subscribe(topics.channelTyping(input.channelId), { signal });
  return (async function* () {
    subscriptions.inc();
    try {
      for await (const update of updates) {
        if (update.userId !== input.userId) yield update;
      }
    } finally {
      subscriptions.dec();
      watching.leave();
    }
  })();
}
