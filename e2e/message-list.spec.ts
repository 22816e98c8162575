import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import {
  aliceAndBobIn,
  expect,
  messages,
  openChannel,
  replica,
  send,
  signedInContext,
  test,
} from './support/fixtures';

const unique = (text: string) => `${text} ${randomUUID().slice(0, 8)}`;
const composer = (page: Page, slug: string) => page.getByRole('textbox', { name: `Message #${slug}` });

/** Sends and waits until the server confirmed it (no longer pending). */
async function sendConfirmed(page: Page, slug: string, body: string) {
  await send(page, slug, body);
  const sent = messages(page).filter({ hasText: body });
  await expect(sent).toHaveCount(1);
  await expect(sent).not.toHaveAttribute('data-pending', 'true');
  return sent;
}

test.describe('the message list', () => {
  test('web addresses are links that open safely in a new tab; other schemes stay text', async ({
    browser,
    stack,
  }) => {
    // One person is enough: links are drawn from the stored body, the same for everyone.
    const alice = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
    const page = await openChannel(alice, 'general', null);

    const id = randomUUID().slice(0, 8);
    const body = `Plan: https://example.com/plan-${id}. Not this: javascript:alert(${id}) <b>${id}</b>`;
    const received = await sendConfirmed(page, 'general', body);

    const link = received.getByRole('link', { name: `https://example.com/plan-${id}` });
    await expect(link).toHaveAttribute('href', `https://example.com/plan-${id}`);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // Exactly one link: the javascript: text is not one, and the markup arrives as text, not bold.
    await expect(received.getByRole('link')).toHaveCount(1);
    await expect(received).toContainText(`javascript:alert(${id}) <b>${id}</b>`);
    await expect(received.locator('b')).toHaveCount(0);

    // Clicking a link (here to our own browse page) opens a tab that cannot reach back to the chat
    // (no window.opener) and is not told where it came from (no referrer).
    const here = `${stack.baseURL}/browse?from=link-${id}`;
    await send(page, 'general', `Channel list: ${here}`);
    const [tab] = await Promise.all([
      alice.waitForEvent('page'),
      messages(page).getByRole('link', { name: here }).click(),
    ]);
    await expect(tab).toHaveURL(here);
    expect(await tab.evaluate(() => ({ opener: window.opener, referrer: document.referrer }))).toEqual({
      opener: null,
      referrer: '',
    });
  });

  test('messages sit under a "Today" heading and their time gives the full date on hover', async ({
    browser,
    stack,
  }) => {
    const alice = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
    const page = await openChannel(alice, 'general', null);
    const sent = await sendConfirmed(page, 'general', unique('Morning session done'));

    await expect(
      page.getByRole('log', { name: 'Messages' }).getByRole('heading', { name: 'Today' }),
    ).toHaveCount(1);
    const time = sent.locator('time');
    const dateTime = await time.getAttribute('datetime');
    expect(dateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await expect(time).toHaveAttribute(
      'title',
      new RegExp(String(new Date(dateTime as string).getFullYear())),
    );
  });

  test('an over-limit message is explained, not sent, and kept whole', async ({ browser, stack }) => {
    const alice = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
    const page = await openChannel(alice, 'general', null);
    const tooLong = `${unique('Long read')} ${'x'.repeat(4500)}`.slice(0, 4512);

    await composer(page, 'general').fill(tooLong);
    await expect(page.getByText('This message is 4,512 characters; the limit is 4,000.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
    await composer(page, 'general').press('Enter');
    await expect(composer(page, 'general')).toHaveValue(tooLong);
    await expect(messages(page).filter({ hasText: tooLong.slice(0, 40) })).toHaveCount(0);

    // Back under the limit, the error goes and the message sends.
    await composer(page, 'general').fill(tooLong.slice(0, 3990));
    await expect(page.getByText(/the limit is 4,000/)).toHaveCount(0);
    await expect(page.getByText('3,990 / 4,000')).toBeVisible();
    await composer(page, 'general').press('Enter');
    await expect(messages(page).filter({ hasText: tooLong.slice(0, 40) })).toHaveCount(1);
  });

  test('Up in an empty composer edits your last message, and everyone sees the edit', async ({
    browser,
    stack,
  }) => {
    const { alicePage, bobPage } = await aliceAndBobIn(browser, stack, 'leg-day');
    const original = unique('Box jumps 3x10');
    await sendConfirmed(alicePage, 'leg-day', original);

    await composer(alicePage, 'leg-day').press('ArrowUp');
    const editor = alicePage.getByRole('textbox', { name: 'Edit message' });
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue(original);

    // The editor refuses an over-limit edit the same way the composer does, without cutting it.
    await editor.fill('y'.repeat(4001));
    await expect(alicePage.getByText('This message is 4,001 characters; the limit is 4,000.')).toBeVisible();
    await expect(alicePage.getByRole('button', { name: 'Save' })).toBeDisabled();
    await editor.press('Enter');
    await expect(editor).toHaveValue('y'.repeat(4001));

    const edited = unique('Box jumps 4x10');
    await editor.fill(edited);
    await editor.press('Enter');

    await expect(editor).toHaveCount(0);
    await expect(composer(alicePage, 'leg-day')).toBeFocused();
    const seenByBob = messages(bobPage).filter({ hasText: edited });
    await expect(seenByBob).toContainText('(edited)');
    await expect(messages(bobPage).filter({ hasText: original })).toHaveCount(0);
  });

  test('message actions appear for the keyboard, and Delete asks first', async ({ browser, stack }) => {
    const { alicePage, bobPage } = await aliceAndBobIn(browser, stack, 'leg-day');
    const body = unique('Wrong channel, sorry');
    const sent = await sendConfirmed(alicePage, 'leg-day', body);
    // By seq from here on: once deleted, the row no longer contains the text.
    const seq = await sent.getAttribute('data-seq');
    const mine = messages(alicePage).and(alicePage.locator(`[data-seq="${seq}"]`));
    const seenByBob = messages(bobPage).and(bobPage.locator(`[data-seq="${seq}"]`));
    await expect(seenByBob).toContainText(body);

    // Focus, not only hover, reveals the actions (they are in the tab order the whole time).
    await alicePage.mouse.move(0, 0);
    const deleteButton = mine.getByRole('button', { name: 'Delete message' });
    const actionBar = deleteButton.locator('..');
    await expect(actionBar).toHaveCSS('opacity', '0');
    await mine.getByRole('button', { name: 'Edit message' }).focus();
    await expect(actionBar).toHaveCSS('opacity', '1');
    await alicePage.keyboard.press('Tab');
    await expect(deleteButton).toBeFocused();

    // Escape cancels: nothing is deleted.
    await alicePage.keyboard.press('Enter');
    const dialog = alicePage.getByRole('dialog', { name: 'Delete message?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(body);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await alicePage.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(mine).not.toContainText('Message deleted');

    // Confirming deletes it for everyone.
    await deleteButton.click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(dialog).toBeHidden();
    for (const row of [mine, seenByBob]) {
      await expect(row).toContainText('Message deleted');
      await expect(row).not.toContainText(body);
    }
  });

  test('reading older messages, new ones are counted and one click jumps down to them', async ({
    browser,
    stack,
  }) => {
    const alice = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
    const bob = await signedInContext(browser, stack.baseURL, 'bob@spotter.dev');
    const alicePage = await openChannel(alice, 'general', replica(stack, 0));
    await alicePage.setViewportSize({ width: 1000, height: 500 });
    const bobPage = await openChannel(bob, 'general', replica(stack, 1));

    // One tall message guarantees there is something to scroll, whatever else is in #general.
    const tall = unique('Warm-up list');
    await composer(bobPage, 'general').fill(`${tall}\n${'- stretch\n'.repeat(30)}- go`);
    await composer(bobPage, 'general').press('Enter');
    await expect(messages(alicePage).filter({ hasText: tall })).toHaveCount(1);

    await alicePage
      .getByRole('log', { name: 'Messages' })
      .locator('..')
      .evaluate((scroller) => scroller.scrollTo({ top: 0 }));
    const jump = alicePage.getByRole('button', { name: /new messages?$/ });
    await expect(jump).toHaveCount(0);

    const news = [unique('Rack 3 is free'), unique('Rack 4 too'), unique('Closing at 10')];
    for (const body of news) await send(bobPage, 'general', body);
    await expect(messages(alicePage).filter({ hasText: news[2] })).toHaveCount(1);
    await expect(jump).toHaveText('3 new messages ↓');
    await expect(messages(alicePage).filter({ hasText: news[2] })).not.toBeInViewport();

    await jump.click();
    await expect(messages(alicePage).filter({ hasText: news[2] })).toBeInViewport();
    await expect(jump).toHaveCount(0);
  });
});
