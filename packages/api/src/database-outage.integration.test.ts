import { createTestDatabase, type TestDatabase } from '@spotter/db/testing';
import { type PostgresServer, startPostgresServer } from '@spotter/test-support';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from './testing/api-harness';
import { errorCode } from './testing/error-code';

// A PostgreSQL of the test's own, so it can be stopped mid-conversation.
let postgres: PostgresServer;
let database: TestDatabase;
let h: ApiHarness;

beforeAll(async () => {
  postgres = await startPostgresServer();
  database = await createTestDatabase(postgres.url.replace(/\/postgres$/, ''));
  h = createApiHarness(database.url);
});
afterAll(async () => {
  await h?.close();
  await postgres?.destroy();
});

describe('a database outage', () => {
  it('fails sends with a retryable error, writes nothing half-way, and recovers when the database returns', async () => {
    const alice = await h.createUser('Alice');
    const channel = await alice.caller.channel.create({ name: h.uniqueName('Outage') });
    const first = await alice.caller.message.send({ channelId: channel.id, body: 'one' });

    await postgres.stop();
    expect(await errorCode(alice.caller.message.send({ channelId: channel.id, body: 'lost?' }))).toBe(
      'SERVICE_UNAVAILABLE',
    );
    expect(await errorCode(alice.caller.message.list({ channelId: channel.id }))).toBe('SERVICE_UNAVAILABLE');

    await postgres.start();
    // The pool's old connections died with the server; the first query after may still see that.
    const retried = await retry(() => alice.caller.message.send({ channelId: channel.id, body: 'two' }));
    // The failed send took no seq: the next one follows the first without a gap.
    expect(retried.seq).toBe(first.seq + 1);
    const page = await alice.caller.message.list({ channelId: channel.id });
    expect(page.items.map((m) => [m.seq, m.body])).toEqual([
      [first.seq, 'one'],
      [first.seq + 1, 'two'],
    ]);
  });
});

/** What a client does with SERVICE_UNAVAILABLE: try again a few times, a little later. */
async function retry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= 10 || !(error instanceof TRPCError) || error.code !== 'SERVICE_UNAVAILABLE') throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
