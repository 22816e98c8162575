/// <reference lib="dom" />
// The page-side helpers below run in the browser: they need the DOM types, which e2e/tsconfig.json leaves out.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { type Cluster, startCluster } from '@spotter/cluster';
import { expect, messages, openChannel, send, signedInContext, test } from './support/fixtures';

// Production topology in miniature, started by this file: nginx in front of two web replicas and
// three realtime replicas (two primaries, one backup). Pages use their own origin for everything,
// `/ws` included, so a dead realtime replica is something nginx routes around, not the page.
test.describe.configure({ mode: 'serial', timeout: 3 * 60_000 });

const slow = { timeout: 60_000 };
const unique = (text: string) => `${text} ${randomUUID().slice(0, 8)}`;

let cluster: Cluster;

test.beforeAll(async () => {
  test.setTimeout(10 * 60_000);
  cluster = await startCluster({ webReplicas: 2, seed: true, buildWebIfMissing: true });
});

test.afterAll(async () => {
  await cluster?.stop();
});

test('Alice’s realtime replica is SIGKILLed: her tab reconnects by itself and shows every message Bob sent meanwhile, once', async ({
  browser,
}) => {
  const alice = await signedInContext(browser, cluster.nginxUrl, 'alice@spotter.dev', slow);
  const alicePage = await openChannel(alice, 'general', null, slow);
  // Alice's tab holds the only socket (sign-in pages are closed), so the replica with one is hers.
  await expect.poll(async () => sum(await cluster.clientsPerReplica()), slow).toBe(1);
  const victim = (await cluster.clientsPerReplica()).indexOf(1);
  const bob = await signedInContext(browser, cluster.nginxUrl, 'bob@spotter.dev', slow);
  const bobPage = await openChannel(bob, 'general', null, slow);

  const before = unique('Warm-up set done');
  await send(bobPage, 'general', before);
  await expect(messages(alicePage).filter({ hasText: before })).toHaveCount(1);

  const states = await recordConnectionStates(alicePage);
  const replica = cluster.replicas[victim];
  if (!replica) throw new Error(`no realtime replica ${victim}`);
  await replica.stop('SIGKILL');
  const bodies = Array.from({ length: 5 }, (_, i) => unique(`Set ${i + 1} while Alice reconnects`));
  for (const body of bodies) await send(bobPage, 'general', body);

  await expect.poll(states, slow).toContain('reconnecting');
  await expect(alicePage.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', slow);
  for (const body of [before, ...bodies]) {
    await expect(messages(alicePage).filter({ hasText: body })).toHaveCount(1, slow);
  }
  // Exactly once: no seq is rendered twice, and Bob's messages appear in the order he sent them.
  const seqs = await messages(alicePage).evaluateAll((rows) =>
    rows.map((row) => row.getAttribute('data-seq')),
  );
  expect(new Set(seqs).size).toBe(seqs.length);
  const texts = await messages(alicePage).allInnerTexts();
  const order = bodies.map((body) => texts.findIndex((text) => text.includes(body)));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  // Alice is back on a surviving replica, next to Bob.
  expect(sum(await cluster.clientsPerReplica())).toBe(2);
});

/**
 * Records every `data-state` the tab's connection status shows from now on. "reconnecting" may last
 * only a few hundred milliseconds, too short to be sure of catching it by polling the attribute.
 */
async function recordConnectionStates(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __connectionStates: string[] }).__connectionStates = seen;
    const note = () => {
      const state = document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state');
      if (state && seen.at(-1) !== state) seen.push(state);
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { __connectionStates: string[] }).__connectionStates);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
