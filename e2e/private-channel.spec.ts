import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import {
  DEMO_PASSWORD,
  expect,
  messages,
  openChannel,
  PASSWORD_WORK,
  replica,
  send,
  signedInContext,
  test,
} from './support/fixtures';

// Specs share one database: every channel and account here gets a unique name.
const unique = (text: string) => `${text} ${randomUUID().slice(0, 8)}`;
const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const sidebarLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name, exact: true });

/**
 * Creates a channel through the sidebar's New channel form; the app opens it. Returns its slug: a private
 * channel's ends in 8 random hex digits, so its name never collides with (or reveals) another's.
 */
async function createChannel(page: Page, name: string, visibility: 'PUBLIC' | 'PRIVATE'): Promise<string> {
  await page.getByRole('button', { name: 'New channel' }).click();
  await page.getByLabel('Channel name').fill(name);
  await page.getByLabel('Visibility').selectOption(visibility);
  await page.getByRole('button', { name: 'Create channel' }).click();
  const suffix = visibility === 'PRIVATE' ? '-[0-9a-f]{8}' : '';
  await expect(page).toHaveURL(new RegExp(`/c/${slugOf(name)}${suffix}$`));
  return new URL(page.url()).pathname.replace('/c/', '');
}

/** Opens the member list of the channel on screen. */
async function openMembers(page: Page) {
  await page.getByRole('button', { name: 'Members' }).click();
  return page.getByRole('complementary', { name: /^Members/ });
}

test.describe('private channels', () => {
  test('Alice invites Bob (on the other replica) live, they chat, Carol is kept out, and Bob is removed live', async ({
    browser,
    stack,
  }) => {
    // Three people sign in and four pages load: slow on a busy two-core machine.
    test.slow();
    const alice = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
    const bob = await signedInContext(browser, stack.baseURL, 'bob@spotter.dev');
    const carol = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
    const name = unique('Coaches');
    const alicePage = await openChannel(alice, 'general', replica(stack, 0));
    const slug = await createChannel(alicePage, name, 'PRIVATE');
    const bobPage = await openChannel(bob, 'general', replica(stack, 1));
    await expect(sidebarLink(bobPage, name)).toHaveCount(0);

    const members = await openMembers(alicePage);
    await members.getByLabel('Invite by username').fill('bob');
    await members.getByRole('button', { name: 'Invite' }).click();
    await expect(members.getByRole('status')).toHaveText('Bob is now a member.');
    await expect(members.getByRole('listitem')).toHaveText([/Alice.*Owner/, /Bob.*Remove$/]);

    // Bob's sidebar hears of it through his personal stream, on replica 1, without a reload.
    await sidebarLink(bobPage, name).click();
    await expect(bobPage).toHaveURL(new RegExp(`/c/${slug}`));
    const fromBob = unique('Spotting you at 6?');
    await send(bobPage, slug, fromBob);
    const fromAlice = unique('Deal, bring chalk');
    await send(alicePage, slug, fromAlice);
    for (const page of [alicePage, bobPage]) {
      await expect(messages(page).filter({ hasText: fromBob })).toHaveCount(1);
      await expect(messages(page).filter({ hasText: fromAlice })).toHaveCount(1);
    }

    // Carol is not in it: the same in-app page as for a channel that does not exist, inside the shell.
    const carolPage = await carol.newPage();
    for (const path of [`/c/${slug}`, `/c/${slugOf(unique('never-made'))}`]) {
      const response = await carolPage.goto(path);
      expect(response?.status()).toBe(404);
      await expect(
        carolPage.getByRole('heading', {
          name: "You don't have access to this channel (or it does not exist)",
        }),
      ).toBeVisible();
      await expect(carolPage.getByRole('navigation', { name: 'Channels' })).toBeVisible();
      await expect(carolPage.getByText(fromBob)).toHaveCount(0);
    }
    await expectAccessible(carolPage);
    await carolPage.getByTestId('channel-notice').getByRole('link', { name: 'Browse channels' }).click();
    await expect(carolPage).toHaveURL(/\/browse$/);

    await members.getByRole('button', { name: 'Remove Bob' }).click();
    await alicePage.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(members.getByRole('listitem')).toHaveText([/Alice.*Owner/]);
    await expect(sidebarLink(bobPage, name)).toHaveCount(0);
    await expect(bobPage.getByRole('heading', { name: `You were removed from #${slug}` })).toBeVisible();
    await expect(bobPage.getByRole('textbox', { name: `Message #${slug}` })).toHaveCount(0);
  });

  test('Bob leaves after a confirmation: "You left" in his tab, gone from his other tab and from Alice’s list live', async ({
    browser,
    stack,
  }) => {
    test.slow();
    const alice = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
    const bob = await signedInContext(browser, stack.baseURL, 'bob@spotter.dev');
    const name = unique('Leavers');
    const alicePage = await openChannel(alice, 'general', replica(stack, 0));
    const slug = await createChannel(alicePage, name, 'PRIVATE');
    const aliceMembers = await openMembers(alicePage);
    await aliceMembers.getByLabel('Invite by username').fill('bob');
    await aliceMembers.getByRole('button', { name: 'Invite' }).click();
    await expect(aliceMembers.getByRole('listitem')).toHaveText([/Alice.*Owner/, /Bob/]);

    const bobTab = await openChannel(bob, slug, replica(stack, 1));
    const bobOtherTab = await openChannel(bob, 'general', replica(stack, 0));
    const bobMembers = await openMembers(bobTab);
    // Bob is a member, not the owner: he sees the list and may invite, but removes nobody.
    await expect(bobMembers.getByRole('listitem')).toHaveText([/Alice.*Owner/, /Bob \(you\)$/]);
    await expect(bobMembers.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
    await expectAccessible(bobTab);

    await bobMembers.getByRole('button', { name: 'Leave channel' }).click();
    const dialog = bobTab.getByRole('dialog', { name: `Leave #${slug}?` });
    await expect(dialog).toContainText('you will need an invitation to come back');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(sidebarLink(bobTab, name)).toBeVisible();

    await bobMembers.getByRole('button', { name: 'Leave channel' }).click();
    await dialog.getByRole('button', { name: 'Leave channel' }).click();
    await expect(bobTab.getByRole('heading', { name: `You left #${slug}` })).toBeVisible();
    await expect(sidebarLink(bobTab, name)).toHaveCount(0);
    await expect(sidebarLink(bobOtherTab, name)).toHaveCount(0);
    await expect(aliceMembers.getByRole('listitem')).toHaveText([/Alice.*Owner/]);
  });
});

test.describe('onboarding', () => {
  test('a new account lands in #general, and later sign-ins land where it was last', async ({
    browser,
    stack,
  }) => {
    // Sign-up, a new channel and a second sign-in: three full page loads on a busy machine.
    test.slow();
    const email = `${randomUUID().slice(0, 8)}@e2e.spotter.dev`;
    const context = await browser.newContext({ baseURL: stack.baseURL });
    const page = await context.newPage();
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Newcomer');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/c\/general$/, PASSWORD_WORK);
    await expect(page.getByRole('textbox', { name: 'Message #general' })).toBeVisible();

    const name = unique('Morning runs');
    await createChannel(page, name, 'PUBLIC');
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

    const later = await browser.newContext({ baseURL: stack.baseURL });
    const again = await later.newPage();
    await again.goto('/login');
    await again.getByLabel('Email').fill(email);
    await again.getByLabel('Password').fill(DEMO_PASSWORD);
    await again.getByRole('button', { name: 'Sign in' }).click();
    await expect(again).toHaveURL(new RegExp(`/c/${slugOf(name)}$`), PASSWORD_WORK);
  });
});
