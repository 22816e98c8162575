import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, messages, openChannel, replica, send, signedInContext, test } from './support/fixtures';
import { type StartedStack, startStack } from './support/start-stack';

// Redis stopped under two tabs on two realtime replicas, whose only live link is Redis. The suite's
// stack shares its Redis with every other spec, so this file runs a stack of its own.
test.describe.configure({ mode: 'serial', timeout: 3 * 60_000 });

const slow = { timeout: 45_000 };
const unique = (text: string) => `${text} ${randomUUID().slice(0, 8)}`;

let own: StartedStack | undefined;

test.beforeAll(async () => {
  test.setTimeout(3 * 60_000);
  own = await startStack({ replicas: 2, logName: 'redis-outage-realtime' });
});

test.afterAll(async () => {
  await own?.stop();
});

const statusOf = (page: Page) => page.getByTestId('connection-status');

test('Redis stops while Alice and Bob chat on two replicas: both tabs say live updates are delayed, messages still arrive, and all is live again once it is back', async ({
  browser,
}) => {
  if (!own) throw new Error('the outage stack did not start');
  const { stack, redis } = own;
  const alice = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev', slow);
  const bob = await signedInContext(browser, stack.baseURL, 'bob@spotter.dev', slow);
  const alicePage = await openChannel(alice, 'general', replica(stack, 0), slow);
  const bobPage = await openChannel(bob, 'general', replica(stack, 1), slow);
  const before = unique('Warm-up set done');
  await send(alicePage, 'general', before);
  await expect(messages(bobPage).filter({ hasText: before })).toHaveCount(1, slow);

  await redis.stop();
  try {
    // Neither tab pretends all is well, and neither calls it a lost connection: the sockets are up.
    for (const page of [alicePage, bobPage]) {
      await expect(statusOf(page)).toHaveAttribute('data-delivery', 'delayed', slow);
      await expect(statusOf(page)).toHaveText('Live updates delayed');
      await expect(statusOf(page)).toHaveAttribute('data-state', 'connected');
    }
    // The conversation goes on across the replicas, from the database, each message once.
    const during = unique('Sent while Redis is down');
    await send(alicePage, 'general', during);
    await expect(messages(bobPage).filter({ hasText: during })).toHaveCount(1, slow);
    await expect(messages(alicePage).filter({ hasText: during })).toHaveCount(1);
    await expect(alicePage.locator('[data-unsent]')).toHaveCount(0);
  } finally {
    await redis.start();
  }

  for (const page of [alicePage, bobPage]) {
    await expect(statusOf(page)).toHaveAttribute('data-delivery', 'live', slow);
    await expect(statusOf(page)).toHaveText('Connected');
  }
  const after = unique('Redis is back');
  await send(bobPage, 'general', after);
  await expect(messages(alicePage).filter({ hasText: after })).toHaveCount(1, slow);
  const seqs = await messages(bobPage).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-seq')));
  expect(new Set(seqs).size).toBe(seqs.length);
});
