import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startWebServer, type WebServer } from '@spotter/test-support';
import { expect, messages, openChannel, send, signedInContext, test } from './support/fixtures';

// `npm install && npm run dev` with nothing else configured: one development-mode process with an
// embedded database (seeded), an in-memory bus, and /ws on the same port. Next compiles each route on
// its first request, which takes a while on two cores: this file's timeouts are generous on purpose.
test.describe.configure({ timeout: 6 * 60_000 });
test.use({ actionTimeout: 2 * 60_000, navigationTimeout: 3 * 60_000 });

let server: WebServer;
let dataDir: string;

test.beforeAll(async () => {
  // A hook's own timeout: the embedded database's first migration and Next's first compile on a busy
  // two-core machine can take minutes.
  test.setTimeout(5 * 60_000);
  dataDir = await mkdtemp(join(tmpdir(), 'spotter-single-'));
  server = await startWebServer({
    mode: 'development',
    timeoutMs: 4 * 60_000,
    // No DATABASE_URL, no REDIS_URL, no NEXTAUTH_SECRET: exactly what a fresh checkout has.
    env: () => ({ SPOTTER_DATA_DIR: dataDir }),
  });
});

// biome-ignore lint/correctness/noEmptyPattern: Playwright hooks take their fixtures as a destructured object.
test.afterEach(async ({}, testInfo) => {
  // The server's log is the first thing to read when a flow fails here.
  if (testInfo.status !== testInfo.expectedStatus && server) {
    await testInfo.attach('web-server-output', { body: server.output(), contentType: 'text/plain' });
  }
});

test.afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('two people sign in and chat on one development server', async ({ browser }) => {
  const slow = { timeout: 3 * 60_000 };
  const alice = await signedInContext(browser, server.url, 'alice@spotter.dev', slow);
  const bob = await signedInContext(browser, server.url, 'bob@spotter.dev', slow);
  const alicePage = await openChannel(alice, 'general', null, slow);
  const bobPage = await openChannel(bob, 'general', null, slow);
  // Development mode compiles routes on first use and may then reload open pages once; reload both
  // now that every route is compiled, so nothing reloads under the conversation below.
  for (const page of [alicePage, bobPage]) {
    await reloadOnce(page);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', slow);
  }

  await send(alicePage, 'general', 'Single-instance squat check');
  await expect(messages(alicePage).filter({ hasText: 'Single-instance squat check' })).toHaveCount(1, slow);
  await expect(messages(bobPage).filter({ hasText: 'Single-instance squat check' })).toHaveCount(1, slow);
  await send(bobPage, 'general', 'Depth looked good');
  await expect(messages(alicePage).filter({ hasText: 'Depth looked good' })).toHaveCount(1, slow);
  await expect(messages(alicePage).filter({ hasText: 'Depth looked good' })).toContainText('Bob');
});

test('three people sending at once on the embedded database all end with the same 60 messages', async ({
  browser,
}) => {
  const slow = { timeout: 3 * 60_000 };
  const tag = `burst-${Date.now().toString(36)}`;
  const people = ['alice', 'bob', 'carol'];
  const pages: Page[] = [];
  for (const person of people) {
    const context = await signedInContext(browser, server.url, `${person}@spotter.dev`, slow);
    pages.push(await openChannel(context, 'general', null, slow));
  }

  // Everyone sends 20 messages as fast as they can type, all at the same time.
  await Promise.all(
    pages.map(async (page, who) => {
      for (let i = 1; i <= 20; i++) await send(page, 'general', `${tag} ${people[who]} ${i}`);
    }),
  );

  const ours = (page: Page) => messages(page).filter({ hasText: tag });
  for (const page of pages) await expect(ours(page)).toHaveCount(60, slow);
  const orders = await Promise.all(pages.map((page) => ours(page).allInnerTexts()));
  const bodies = orders.map((texts) => texts.map((text) => text.match(new RegExp(`${tag} \\w+ \\d+`))?.[0]));
  expect(new Set(bodies[0]).size).toBe(60);
  expect(bodies[1]).toEqual(bodies[0]);
  expect(bodies[2]).toEqual(bodies[0]);
  // Each person's own messages in the order they typed them (the client sends them one after another).
  for (const person of people) {
    const mine = (bodies[0] ?? []).filter((body) => body?.includes(` ${person} `));
    expect(mine).toEqual(Array.from({ length: 20 }, (_, i) => `${tag} ${person} ${i + 1}`));
  }
  for (const page of pages) {
    // Our errors show in the app's main area (Next's route announcer is a role=alert of its own).
    await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
    await expect(page.locator('[data-pending="true"]')).toHaveCount(0);
  }
});

/**
 * Reloads `page`. The development server may itself reload the page at the same moment (after a
 * compile), which aborts this navigation ("net::ERR_ABORTED; maybe frame was detached?", seen once
 * in CI): the page is being reloaded either way, so try again once it has loaded.
 */
async function reloadOnce(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.reload();
      return;
    } catch (error) {
      if (attempt >= 3 || !/ERR_ABORTED|frame was detached/.test(String(error))) throw error;
      await page.waitForLoadState('load');
    }
  }
}
