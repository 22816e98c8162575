import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import {
  expect,
  messages,
  newPerson,
  openChannel,
  replica,
  send,
  signedInContext,
  test,
} from './support/fixtures';

// A 1×1 PNG: the smallest real picture to upload.
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

const friendsLink = (page: Page) =>
  page.getByRole('navigation', { name: 'People' }).getByRole('link', { name: /Friends/ });

/** Opens #general pinned to a replica, then the Friends page by the sidebar (the socket stays). */
async function friendsPage(context: BrowserContext, replicaIndex: { index: number; url: string }) {
  const page = await openChannel(context, 'general', replicaIndex);
  await friendsLink(page).click();
  await expect(page.getByRole('heading', { name: 'Friends', level: 1 })).toBeVisible();
  return page;
}

test.describe('friends', () => {
  test('a request on one replica shows live on the other; accepting it makes friends on both; a block hides the blocker', async ({
    browser,
    stack,
  }) => {
    test.slow();
    const dana = await newPerson(stack.baseURL, 'Dana');
    const eli = await newPerson(stack.baseURL, 'Eli');
    const danaPage = await friendsPage(
      await signedInContext(browser, stack.baseURL, dana.email),
      replica(stack, 0),
    );
    const eliPage = await friendsPage(
      await signedInContext(browser, stack.baseURL, eli.email),
      replica(stack, 1),
    );
    await expect(eliPage.getByTestId('friends-badge')).toHaveCount(0);

    const addFriend = danaPage.getByRole('form', { name: 'Add friend' });
    await addFriend.getByLabel('Username').fill('no_one_here_at_all');
    await addFriend.getByRole('button', { name: 'Send request' }).click();
    await expect(danaPage.getByTestId('add-friend-error')).toHaveText('No one on Spotter goes by that name.');
    await addFriend.getByLabel('Username').fill(`@${eli.username}`);
    await addFriend.getByRole('button', { name: 'Send request' }).click();
    await expect(addFriend.getByRole('status')).toHaveText('Friend request sent to Eli.');
    await addFriend.getByLabel('Username').fill(eli.username);
    await addFriend.getByRole('button', { name: 'Send request' }).click();
    await expect(danaPage.getByTestId('add-friend-error')).toHaveText(
      'You already sent Eli a friend request.',
    );

    // Eli, on the other replica, hears of it through his personal stream: no reload, no polling.
    await expect(eliPage.getByTestId('friends-badge')).toContainText('1');
    await eliPage.getByRole('tab', { name: /Pending/ }).click();
    await eliPage.getByRole('button', { name: 'Accept Dana' }).click();
    await expect(eliPage.getByTestId('friends-badge')).toHaveCount(0);
    await eliPage.getByRole('tab', { name: 'All friends' }).click();
    await expect(eliPage.getByTestId('friends-all').getByTestId('person')).toHaveAttribute(
      'data-username',
      dana.username,
    );
    await expect(danaPage.getByTestId('friends-all').getByTestId('person')).toHaveAttribute(
      'data-username',
      eli.username,
    );
    // Eli's presence dot sits beside his name, on its line, not on a line of its own under it.
    const eliRow = danaPage.getByTestId('friends-all').getByTestId('person');
    await expect(eliRow.getByTestId('presence-dot')).toBeVisible();
    const [name, dot] = await Promise.all([
      eliRow.getByRole('link', { name: 'Eli' }).boundingBox(),
      eliRow.getByTestId('presence-dot').boundingBox(),
    ]);
    const dotMiddle = dot ? dot.y + dot.height / 2 : Number.NaN;
    expect(name && dot && dotMiddle > name.y && dotMiddle < name.y + name.height && dot.x > name.x).toBe(
      true,
    );

    // Find people, then the profile page: friends, with a spot for more actions; Dana blocks Eli.
    await danaPage.getByLabel('Search people by name or username').fill(eli.username.slice(0, 10));
    await danaPage.getByTestId('people-results').getByRole('link', { name: 'Eli' }).click();
    await expect(danaPage).toHaveURL(new RegExp(`/u/${eli.username}$`));
    await expect(danaPage.getByTestId('relationship')).toHaveText('Friends');
    const actions = danaPage.getByTestId('profile-actions');
    await actions.getByRole('button', { name: 'Block' }).click();
    await danaPage.getByRole('dialog', { name: 'Block Eli?' }).getByRole('button', { name: 'Block' }).click();
    await expect(danaPage.getByTestId('relationship')).toHaveText('Blocked');
    await expect(actions.getByRole('button', { name: 'Unblock' })).toBeVisible();

    // Eli's list loses Dana live; her profile is gone for him, as if she did not exist.
    await expect(eliPage.getByTestId('friends-all')).toHaveCount(0);
    await eliPage.goto(`/u/${dana.username}`);
    await expect(eliPage.getByRole('heading', { name: 'No one goes by that name' })).toBeVisible();
  });

  test('edits a profile and uploads a picture, shown on the profile page', async ({ browser, stack }) => {
    const fay = await newPerson(stack.baseURL, 'Fay');
    const gus = await newPerson(stack.baseURL, 'Gus');
    const context = await signedInContext(browser, stack.baseURL, fay.email);
    const page = await context.newPage();
    await page.goto('/settings/profile');
    await page.getByLabel('Username').fill(gus.username);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('profile-error')).toHaveText(
      `The username "${gus.username}" is taken. Pick another.`,
    );
    await page.getByLabel('Username').fill(fay.username);
    await page.getByLabel('Bio').fill('Kettlebells before work');
    await page.getByLabel('Home gym').fill('Harbour Strength');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('form', { name: 'Details' }).getByRole('status')).toContainText('Saved.');

    const avatarInput = page.getByTestId('avatar-input');
    const tooBig = Buffer.concat([PIXEL_PNG, Buffer.alloc(2 * 1024 * 1024)]);
    await avatarInput.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: tooBig });
    await expect(page.getByRole('region', { name: 'Picture' }).getByRole('alert')).toHaveText(
      'That picture is 2.0 MB; an avatar can be at most 2 MB.',
    );
    // Just under the limit (decoders ignore bytes after the image): about 2.6 MB of request body,
    // which must pass the web app's HTTP path whole.
    const nearLimit = Buffer.concat([PIXEL_PNG, Buffer.alloc(2 * 1024 * 1024 - PIXEL_PNG.length - 1)]);
    await avatarInput.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: nearLimit });
    const picture = page.locator(`img[src^="/api/avatar/"]`);
    await expect(picture).toHaveCount(1);
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);

    const src = (await picture.getAttribute('src')) as string;
    const served = await page.request.get(src);
    expect(served.headers()['content-type']).toBe('image/webp');
    expect(served.headers()['cache-control']).toContain('immutable');
    expect((await page.request.get(src.replace(/\?v=.*/, '?v=1'))).headers()['cache-control']).toContain(
      'no-cache',
    );

    await page.goto(`/u/${fay.username}`);
    await expect(page.getByText('Kettlebells before work')).toBeVisible();
    await expect(page.getByText('Harbour Strength')).toBeVisible();
    await expect(page.locator(`img[src^="/api/avatar/"]`)).toHaveCount(1);
    await expect(
      page.getByTestId('profile-actions').getByRole('link', { name: 'Edit profile' }),
    ).toBeVisible();
    await page.getByTestId('profile-actions').getByRole('link', { name: 'Edit profile' }).click();
    await page.getByRole('button', { name: 'Remove picture' }).click();
    await expect(page.locator(`img[src^="/api/avatar/"]`)).toHaveCount(0);
    expect((await page.request.get(src)).status()).toBe(404);
    const signedOut = await browser.newContext({ baseURL: stack.baseURL });
    expect((await signedOut.request.get(src)).status()).toBe(401);
    await signedOut.close();
  });

  test('an author’s name in a message opens their card, linking to the profile; the pages pass axe', async ({
    browser,
    stack,
  }) => {
    const hal = await newPerson(stack.baseURL, 'Hal');
    const ivy = await newPerson(stack.baseURL, 'Ivy');
    const halPage = await openChannel(
      await signedInContext(browser, stack.baseURL, hal.email),
      'general',
      null,
    );
    const body = `Deadlift day ${randomUUID().slice(0, 8)}`;
    await send(halPage, 'general', body);
    const ivyPage = await openChannel(
      await signedInContext(browser, stack.baseURL, ivy.email),
      'general',
      null,
    );
    await messages(ivyPage).filter({ hasText: body }).getByRole('button', { name: 'Hal' }).click();
    const card = ivyPage.getByRole('dialog', { name: 'Profile of Hal' });
    await expect(card).toContainText(`@${hal.username}`);
    await card.getByRole('link', { name: 'View profile' }).click();
    await expect(ivyPage).toHaveURL(new RegExp(`/u/${hal.username}$`));
    await expectAccessible(ivyPage);
    await ivyPage.getByTestId('profile-actions').getByRole('button', { name: 'Add friend' }).click();
    await expect(ivyPage.getByTestId('relationship')).toHaveText('Friend request sent');

    await friendsLink(halPage).click();
    await halPage.getByRole('tab', { name: /Pending/ }).click();
    await expect(halPage.getByRole('button', { name: 'Accept Ivy' })).toBeVisible();
    await expectAccessible(halPage);
    await halPage.goto('/settings/profile');
    await expectAccessible(halPage);
  });
});
