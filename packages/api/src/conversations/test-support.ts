import type { Database } from '@spotter/db';
import type { Session } from '../context';
import type { StreamItem } from '../streams/events';
import type { ApiHarness } from '../testing/api-harness';
import { readSubscription } from '../testing/subscription';

/** Makes two people friends the way a accepted friend request leaves them: a FRIEND row per side. */
export async function makeFriends(prisma: Database, a: string, b: string) {
  await prisma.relationship.createMany({
    data: [
      { userId: a, otherId: b, kind: 'FRIEND' },
      { userId: b, otherId: a, kind: 'FRIEND' },
    ],
  });
}

type User = Awaited<ReturnType<ApiHarness['createUser']>>;

/** What the conversation tests share: people who are friends of someone, and subscriptions to stop. */
export function conversationTestKit(h: ApiHarness) {
  return {
    /** New users by these names, each a friend of `me`. */
    async friendsOf(me: User, ...names: string[]): Promise<User[]> {
      const others: User[] = [];
      for (const name of names) {
        const other = await h.createUser(name);
        await makeFriends(h.prisma, me.session.userId, other.session.userId);
        others.push(other);
      }
      return others;
    },
    /** Opens a subscription as `session`; `stop` ends it as a closing socket would. */
    async subscribe(
      session: Session,
      open: (caller: ReturnType<ApiHarness['callerFor']>) => Promise<unknown>,
    ) {
      const controller = new AbortController();
      const iterable = (await open(h.callerFor(session, controller.signal))) as AsyncIterable<unknown>;
      return { ...readSubscription<StreamItem>(iterable), stop: () => controller.abort() };
    },
  };
}
