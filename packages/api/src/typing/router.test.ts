import { afterAll, describe, expect, inject, it } from 'vitest';
import type { TypingEvent } from '../bus/topics';
import { createApiHarness } from '../testing/api-harness';
import { readSubscription } from '../testing/subscription';

const h = createApiHarness(inject('databaseUrl'));
afterAll(() => h.close());

describe('typing', () => {
  it("tells other members who is typing, but not the typer's own tabs", async () => {
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Typing') });
    await bob.caller.channel.join({ channelId: channel.id });

    const bobSees = (await bob.caller.typing.onUpdate({ channelId: channel.id }))[Symbol.asyncIterator]();
    const aliceSees = (await alice.caller.typing.onUpdate({ channelId: channel.id }))[Symbol.asyncIterator]();
    const bobNext = bobSees.next();
    const aliceNext = aliceSees.next();

    await alice.caller.typing.notify({ channelId: channel.id });
    expect((await bobNext).value as TypingEvent).toEqual({
      channelId: channel.id,
      userId: alice.session.userId,
      userName: 'Alice',
      isTyping: true,
    });

    await bob.caller.typing.notify({ channelId: channel.id, isTyping: false });
    expect(((await aliceNext).value as TypingEvent).userName).toBe('Bob');
    await bobSees.return?.();
    await aliceSees.return?.();
  });

  it('ends for a member who is removed, and for one who leaves', async () => {
    const alice = await h.createUser('Alice');
    const bob = await h.createUser('Bob');
    const carol = await h.createUser('Carol');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Typing') });
    await bob.caller.channel.join({ channelId: channel.id });
    await carol.caller.channel.join({ channelId: channel.id });
    const bobSees = readSubscription<TypingEvent>(
      await bob.caller.typing.onUpdate({ channelId: channel.id }),
    );
    const carolSees = readSubscription<TypingEvent>(
      await carol.caller.typing.onUpdate({ channelId: channel.id }),
    );

    await alice.caller.channel.removeMember({ channelId: channel.id, userId: bob.session.userId });
    await bobSees.untilEnded();
    await carol.caller.channel.leave({ channelId: channel.id });
    await carolSees.untilEnded();
    // Nothing typed afterwards reached either of them.
    await alice.caller.typing.notify({ channelId: channel.id });
    expect(bobSees.items).toEqual([]);
    expect(carolSees.items).toEqual([]);
  });

  it('is refused outside channels you belong to', async () => {
    const alice = await h.createUser('Alice');
    const stranger = await h.createUser('Mallory');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Typing') });
    await expect(stranger.caller.typing.notify({ channelId: channel.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
