import { publishSafely } from '../bus/publish-safely';
import { topics } from '../bus/topics';
import { requireMember } from '../channel/access';
import type { ServerDeps, Session } from '../context';
import { metrics } from '../metrics';

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

/** Who else is typing in a channel, live, for one of its members; the member's own tabs are left out. */
export async function followTyping(
  deps: ServerDeps,
  input: { userId: string; channelId: string; signal: AbortSignal },
) {
  await requireMember(deps.prisma, input.userId, input.channelId);
  const updates = await deps.bus.subscribe(topics.channelTyping(input.channelId), { signal: input.signal });
  return (async function* () {
    subscriptions.inc();
    try {
      for await (const update of updates) {
        if (update.userId !== input.userId) yield update;
      }
    } finally {
      subscriptions.dec();
    }
  })();
}
