import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { makeFriends } from '../conversations/test-support';
import { appRouter } from '../root';
import { createApiHarness } from '../testing/api-harness';
import { errorCode } from '../testing/error-code';
import { readSubscription } from '../testing/subscription';
import { createCallerFactory } from '../trpc';
import type { PresenceItem } from './follow';
import { closePresence, PRESENCE_RATE, presenceFor } from './service';
import type { PresenceStatus } from './status';

const h = createApiHarness(inject('databaseUrl'));
afterAll(async () => {
  await closePresence(h.bus);
  await h.close();
});
const createCaller = createCallerFactory(appRouter);
type User = Awaited<ReturnType<typeof h.createUser>>;

/** Opens a "WebSocket connection" for `user` the way the endpoint does, and a caller on it. */
function connect(user: User) {
  const connectionId = randomUUID();
  presenceFor(h.deps).connect(user.session.userId, connectionId);
  return {
    caller: createCaller({ ...h.deps, session: user.session, connectionId }),
    close: () => presenceFor(h.deps).disconnect(connectionId),
  };
}

/** What `viewer` sees, live: the statuses by user id, as a client would keep them. */
async function watch(viewer: User) {
  const stop = new AbortController();
  const feed = readSubscription<PresenceItem>(
    await h.callerFor(viewer.session, stop.signal).presence.onChange(),
  );
  const statusOf = (userId: string): PresenceStatus | undefined => {
    let status: PresenceStatus | undefined;
    for (const { data } of feed.items) {
      if (data.type === 'snapshot') status = data.statuses[userId];
      else if (data.userId === userId) status = data.status;
    }
    return status;
  };
  return { feed, statusOf, stop: () => stop.abort() };
}

async function pair() {
  const alice = await h.createUser('Alice');
  const bob = await h.createUser('Bob');
  await makeFriends(h.prisma, alice.session.userId, bob.session.userId);
  return { alice, bob };
}

describe('presence', () => {
  it('shows a friend online, idle only when every tab is idle, then offline after the grace period', async () => {
    const { alice, bob } = await pair();
    const aliceSees = await watch(alice);
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('offline');

    const tab1 = connect(bob);
    const tab2 = connect(bob);
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('online');
    await tab1.caller.presence.setActivity({ activity: 'idle' });
    // The other tab is still active.
    await tab2.caller.presence.setActivity({ activity: 'active' });
    expect(aliceSees.statusOf(bob.session.userId)).toBe('online');
    await tab2.caller.presence.setActivity({ activity: 'idle' });
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('idle');

    tab1.close();
    tab2.close();
    await expect.poll(() => aliceSees.statusOf(bob.session.userId), { timeout: 15_000 }).toBe('offline');
    aliceSees.stop();
  });

  it('never shows a reload offline: a reconnect within the grace period announces nothing', async () => {
    const { alice, bob } = await pair();
    const before = connect(bob);
    const aliceSees = await watch(alice);
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('online');
    const seenBefore = aliceSees.feed.items.length;
    before.close();
    const after = connect(bob);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(aliceSees.feed.items.slice(seenBefore)).toEqual([]);
    expect(aliceSees.statusOf(bob.session.userId)).toBe('online');
    after.close();
    aliceSees.stop();
  });

  it('lets the status menu pick do-not-disturb and "appear offline", kept in the database', async () => {
    const { alice, bob } = await pair();
    const tab = connect(bob);
    const aliceSees = await watch(alice);
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('online');
    await tab.caller.presence.setStatus({ mode: 'dnd' });
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('dnd');
    await tab.caller.presence.setStatus({ mode: 'invisible' });
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('offline');
    expect(await bob.caller.presence.mine()).toEqual({ mode: 'invisible' });
    // A new connection keeps the chosen mode.
    const second = connect(bob);
    await tab.caller.presence.setStatus({ mode: 'auto' });
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('online');
    tab.close();
    second.close();
    aliceSees.stop();
  });

  it('shows nothing to strangers, and a block turns the friend offline for the blocked person', async () => {
    const { alice, bob } = await pair();
    const stranger = await h.createUser('Stranger');
    connect(bob);
    const strangerSees = await watch(stranger);
    const aliceSees = await watch(alice);
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('online');
    expect(strangerSees.statusOf(bob.session.userId)).toBeUndefined();

    await bob.caller.friends.block({ userId: alice.session.userId });
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('offline');
    strangerSees.stop();
    aliceSees.stop();
  });

  it('refuses presence for someone else, activity over HTTP and bad modes, changing nothing', async () => {
    const { alice, bob } = await pair();
    const tab = connect(bob);
    const aliceSees = await watch(alice);
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('online');
    const seenBefore = aliceSees.feed.items.length;

    const forged = { activity: 'idle', userId: alice.session.userId } as { activity: 'idle' };
    expect(await errorCode(tab.caller.presence.setActivity(forged))).toBe('BAD_REQUEST');
    expect(await errorCode(bob.caller.presence.setActivity({ activity: 'idle' }))).toBe('BAD_REQUEST');
    const badMode = { mode: 'busy' } as unknown as { mode: 'dnd' };
    expect(await errorCode(tab.caller.presence.setStatus(badMode))).toBe('BAD_REQUEST');
    expect(await errorCode(h.anonymous().presence.setStatus({ mode: 'dnd' }))).toBe('UNAUTHORIZED');

    expect(await bob.caller.presence.mine()).toEqual({ mode: 'auto' });
    expect(aliceSees.statusOf(bob.session.userId)).toBe('online');
    expect(aliceSees.feed.items.slice(seenBefore)).toEqual([]);
    tab.close();
    aliceSees.stop();
  });

  it('limits a flood of presence changes per connection with TOO_MANY_REQUESTS', async () => {
    const { alice, bob } = await pair();
    const tab = connect(bob);
    const aliceSees = await watch(alice);
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('online');
    const codes: string[] = [];
    for (let i = 0; i < PRESENCE_RATE.capacity + 5; i++)
      codes.push(await errorCode(tab.caller.presence.setActivity({ activity: i % 2 ? 'active' : 'idle' })));
    expect(codes.slice(0, PRESENCE_RATE.capacity).every((code) => code === 'no error')).toBe(true);
    expect(codes.slice(PRESENCE_RATE.capacity)).toEqual(Array(5).fill('TOO_MANY_REQUESTS'));
    // The last granted change (index 9: active) stands; the refused ones (the last: idle) changed nothing.
    const shown = await presenceFor(h.deps).store.shown([bob.session.userId]);
    expect(shown.get(bob.session.userId)).toBe('online');
    await expect.poll(() => aliceSees.statusOf(bob.session.userId)).toBe('online');

    tab.close();
    aliceSees.stop();
  });
});
