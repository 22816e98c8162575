import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, messages, newPerson, openChannel, replica, signedInContext, test } from './support/fixtures';

// The social layer end to end, two people in two browser contexts on different realtime replicas:
// Hana (replica 0) finds Ivan by username and asks to be friends; Ivan (replica 1) sees the badge
// without a reload, accepts, and they talk in a direct conversation; Hana mentions Ivan in a
// channel while he looks elsewhere, and his bell and tab title count it; Ivan marks everything read
// in one tab and his other tab clears too.

const friendsLink = (page: Page) =>
  page.getByRole('navigation', { name: 'People' }).getByRole('link', { name: /Friends/ });

/** The bell's unread count as shown (0 when the badge is hidden). */
async function unreadShown(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test('friends, a direct conversation, a mention and read state across two replicas', async ({
  browser,
  stack,
}) => {
  test.slow();
  const tag = randomUUID().slice(0, 8);
  const hana = await newPerson(stack.baseURL, 'Hana');
  const ivan = await newPerson(stack.baseURL, 'Ivan');
  const hanaContext = await signedInContext(browser, stack.baseURL, hana.email);
  const ivanContext = await signedInContext(browser, stack.baseURL, ivan.email);
  const hanaPage = await openChannel(hanaContext, 'general', replica(stack, 0));
  const ivanPage = await openChannel(ivanContext, 'general', replica(stack, 1));
  const ivanOtherTab = await openChannel(ivanContext, 'general', replica(stack, 1));
  await expect(ivanPage.getByTestId('friends-badge')).toHaveCount(0);

  // Hana finds Ivan by his username and sends a request from his profile.
  await friendsLink(hanaPage).click();
  await hanaPage.getByLabel('Search people by name or username').fill(ivan.username);
  await hanaPage.getByTestId('people-results').getByRole('link', { name: 'Ivan' }).click();
  await expect(hanaPage).toHaveURL(new RegExp(`/u/${ivan.username}$`));
  await hanaPage.getByTestId('profile-actions').getByRole('button', { name: 'Add friend' }).click();

  // Ivan's badge appears in both of his tabs, on the other replica, without a reload.
  for (const tab of [ivanPage, ivanOtherTab])
    await expect(tab.getByTestId('friends-badge')).toContainText('1');
  await friendsLink(ivanPage).click();
  await ivanPage.getByRole('tab', { name: /Pending/ }).click();
  await ivanPage.getByRole('button', { name: 'Accept Hana' }).click();
  for (const tab of [ivanPage, ivanOtherTab]) await expect(tab.getByTestId('friends-badge')).toHaveCount(0);

  // Hana's open profile of Ivan turns into a friend's, with a way to message him.
  await expect(hanaPage.getByTestId('relationship')).toHaveText('Friends');
  await hanaPage.getByTestId('profile-actions').getByRole('button', { name: 'Message' }).click();
  await expect(hanaPage).toHaveURL(/\/dm\/[^/]+$/);
  const question = `Bench at 7? ${tag}`;
  const hanaComposer = hanaPage.getByRole('textbox', { name: 'Message Ivan' });
  await hanaComposer.fill(question);
  await hanaComposer.press('Enter');

  // The conversation appears in Ivan's list live; he opens it and answers.
  await ivanPage.getByTestId('dm-list').getByRole('link', { name: 'Hana', exact: true }).click();
  await expect(messages(ivanPage).filter({ hasText: question })).toHaveCount(1);
  // Hana's presence shows on her row of the list, within the row's link rather than under it.
  const hanaRow = ivanPage.getByTestId('dm-list').getByRole('listitem').filter({ hasText: 'Hana' });
  await expect(hanaRow.getByTestId('presence-dot')).toBeVisible();
  const [rowLink, dot] = await Promise.all([
    hanaRow.getByRole('link').boundingBox(),
    hanaRow.getByTestId('presence-dot').boundingBox(),
  ]);
  expect(dot && rowLink && dot.y >= rowLink.y && dot.y + dot.height <= rowLink.y + rowLink.height).toBe(true);
  const answer = `7 works ${tag}`;
  const ivanComposer = ivanPage.getByRole('textbox', { name: 'Message Hana' });
  await ivanComposer.fill(answer);
  await ivanComposer.press('Enter');
  await expect(messages(hanaPage).filter({ hasText: answer })).toHaveCount(1);

  // Ivan's second tab moves to his friends list: neither tab shows #general any more.
  await friendsLink(ivanOtherTab).click();
  const before = await unreadShown(ivanPage);
  expect(await unreadShown(ivanOtherTab)).toBe(before);

  // Hana mentions Ivan in #general; Ivan is looking at their conversation and at his friends.
  await hanaPage.goto(`/c/general?realtime=${replica(stack, 0).index}`);
  const generalComposer = hanaPage.getByRole('textbox', { name: 'Message #general' });
  const mention = `@${ivan.username} spot me on squats ${tag}`;
  await generalComposer.fill(mention);
  await generalComposer.press('Enter');
  await expect(
    messages(hanaPage)
      .filter({ hasText: `spot me on squats ${tag}` })
      .getByTestId('mention'),
  ).toHaveText(`@${ivan.username}`);
  for (const tab of [ivanPage, ivanOtherTab]) {
    await expect(tab.getByTestId('notification-count')).toHaveText(String(before + 1));
    await expect(tab).toHaveTitle(new RegExp(`^\\(${before + 1}\\) `));
  }

  // Ivan marks everything read in his second tab; the first one clears at once.
  await ivanOtherTab.getByRole('link', { name: /^Notifications/ }).click();
  const list = ivanOtherTab.getByTestId('notification-list');
  await expect(
    list.getByTestId('notification').filter({ hasText: `spot me on squats ${tag}` }),
  ).toHaveAttribute('data-unread', 'true');
  await ivanOtherTab.getByRole('button', { name: 'Mark all read' }).click();
  for (const tab of [ivanOtherTab, ivanPage]) {
    await expect(tab.getByTestId('notification-count')).toHaveCount(0);
    await expect(tab).not.toHaveTitle(/^\(\d+\) /);
  }
});
