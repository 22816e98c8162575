import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { type PostgresServer, startPostgresServer } from '@spotter/test-support';
import { expect, messages, openChannel, send, signedInContext, test } from './support/fixtures';
import { type StartedStack, startStack } from './support/start-stack';

// PostgreSQL stopped under open tabs, and started again. The suite's stack uses the machine's
// PostgreSQL, which must never stop, so this file runs a stack of its own (one realtime replica, the
// production web app) on a PostgreSQL cluster of its own.
test.describe.configure({ mode: 'serial', timeout: 3 * 60_000 });

const slow = { timeout: 45_000 };
const unique = (text: string) => `${text} ${randomUUID().slice(0, 8)}`;

let postgres: PostgresServer | undefined;
let own: StartedStack | undefined;

test.beforeAll(async () => {
  test.setTimeout(3 * 60_000);
  postgres = await startPostgresServer();
  own = await startStack({ postgresUrl: postgres.url, replicas: 1, logName: 'outage-realtime' });
});

test.afterAll(async () => {
  await own?.stop();
  await postgres?.destroy();
});

/** The file's own stack and database server, once beforeAll has started them. */
function started(): { baseURL: string; postgres: PostgresServer } {
  if (!own || !postgres) throw new Error('the outage stack did not start');
  return { baseURL: own.stack.baseURL, postgres };
}

const composerOf = (page: Page) => page.getByRole('textbox', { name: 'Message #general' });

test('the database stops while Alice and Bob chat: her sends stay on screen as not sent, go through once each on Retry, and both tabs stay live', async ({
  browser,
}) => {
  const { baseURL, postgres } = started();
  const alice = await signedInContext(browser, baseURL, 'alice@spotter.dev', slow);
  const bob = await signedInContext(browser, baseURL, 'bob@spotter.dev', slow);
  const alicePage = await openChannel(alice, 'general', null, slow);
  const bobPage = await openChannel(bob, 'general', null, slow);
  const before = unique('Warm-up set done');
  await send(alicePage, 'general', before);
  await expect(messages(bobPage).filter({ hasText: before })).toHaveCount(1, slow);

  await postgres.stop();
  // Two messages while it is down: neither is lost, each stays in her list, marked, in order.
  const during = [unique('First set while the database is down'), unique('Second set, still down')];
  for (const body of during) await send(alicePage, 'general', body);
  const unsent = messages(alicePage).and(alicePage.locator('[data-unsent]'));
  await expect(unsent).toHaveCount(2, slow);
  for (const [index, body] of during.entries()) {
    await expect(unsent.nth(index)).toContainText(body);
    await expect(unsent.nth(index).getByRole('alert')).toHaveText(/^Not sent\. The database is unreachable/);
  }
  await expect(composerOf(alicePage)).toHaveValue('');
  // What both already had stays on screen.
  await expect(messages(alicePage).filter({ hasText: before })).toHaveCount(1);
  await expect(messages(bobPage).filter({ hasText: before })).toHaveCount(1);

  await postgres.start();
  // Retry, in the order they were written: Bob gets each once, in that order, and Alice's marks go.
  for (const body of during) {
    const row = unsent.filter({ hasText: body });
    await expect(async () => {
      if ((await row.count()) > 0) await row.getByRole('button', { name: 'Retry' }).click();
      await expect(messages(bobPage).filter({ hasText: body })).toHaveCount(1, { timeout: 3_000 });
    }).toPass(slow);
  }
  await expect(unsent).toHaveCount(0);
  for (const body of during) await expect(messages(alicePage).filter({ hasText: body })).toHaveCount(1);
  const bobTexts = await messages(bobPage).allInnerTexts();
  const order = during.map((body) => bobTexts.findIndex((text) => text.includes(body)));
  expect(order[0]).toBeLessThan(order[1] ?? -1);
  // Bob's answer reaches Alice live: her tab's subscription outlived the outage.
  const reply = unique('Welcome back');
  await send(bobPage, 'general', reply);
  await expect(messages(alicePage).filter({ hasText: reply })).toHaveCount(1, slow);
  for (const body of during) await expect(messages(bobPage).filter({ hasText: body })).toHaveCount(1);
});

test('a page opened while the database is down says so in Spotter’s words and comes back by itself once it is up', async ({
  browser,
}) => {
  const { baseURL, postgres } = started();
  const alice = await signedInContext(browser, baseURL, 'alice@spotter.dev', slow);
  const moving = await openChannel(alice, 'general', null, slow);
  const reloading = await openChannel(alice, 'general', null, slow);

  await postgres.stop();
  try {
    // Going to another page from the sidebar: the page fails, the sidebar stays.
    await moving
      .getByRole('navigation', { name: 'People' })
      .getByRole('link', { name: /Workouts/ })
      .click();
    const inShell = moving.getByTestId('page-error');
    await expect(inShell.getByRole('heading', { level: 1, name: 'This page couldn’t load' })).toBeVisible(
      slow,
    );
    await expect(inShell).toContainText('could not reach its server or database');
    // It keeps checking while the outage lasts, and the sidebar stays all along.
    await expect(inShell.getByRole('status')).toContainText('Trying again in 1 s', slow);
    await expect(inShell.getByRole('status')).toContainText(/Trying again in [45] s/, slow);
    await expect(moving.getByRole('navigation', { name: 'Channels' })).toBeVisible();
    await expect(inShell).toBeVisible();

    // A reload: not even the sidebar can load, and the whole window says so instead of a bare error.
    await reloading.reload();
    const whole = reloading.getByTestId('page-error');
    await expect(whole.getByRole('heading', { level: 1, name: 'This page couldn’t load' })).toBeVisible(slow);
    await expect(whole.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(reloading.getByRole('navigation', { name: 'Channels' })).toHaveCount(0);
  } finally {
    await postgres.start();
  }

  // Nobody clicks anything: both pages retry on their own and show what was asked for.
  await expect(moving.getByRole('heading', { level: 1, name: 'Workouts' })).toBeVisible(slow);
  await expect(moving.getByTestId('page-error')).toHaveCount(0);
  await expect(reloading.getByRole('textbox', { name: 'Message #general' })).toBeVisible(slow);
  await expect(reloading.getByTestId('page-error')).toHaveCount(0);
  await expect(reloading.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', slow);
});
