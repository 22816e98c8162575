import { randomUUID } from 'node:crypto';
import { expect, messages, openChannel, replica, signedInContext, test } from './support/fixtures';

// Alice writes on realtime replica 0; Bob's two tabs follow his personal stream on replica 1. Bob's
// channel tab shows #leg-day: a tab showing #general would read the mention as it arrives (read
// state, issue 10), which clears it at once.
test.describe('mentions and notifications across replicas', () => {
  test('a mention lights Bob’s bell and title in every tab; opening it clears them everywhere', async ({
    browser,
    stack,
  }) => {
    const alice = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
    const bob = await signedInContext(browser, stack.baseURL, 'bob@spotter.dev');
    const alicePage = await openChannel(alice, 'general', replica(stack, 0));
    const bobChannel = await openChannel(bob, 'leg-day', replica(stack, 1));
    const bobList = await bob.newPage();
    await bobList.goto('/notifications?realtime=1');
    const list = bobList.getByTestId('notification-list');
    await expect(bobList.getByText('Loading notifications…')).toHaveCount(0);
    // Start from nothing unread (other specs share the seeded accounts).
    const markAll = bobList.getByRole('button', { name: 'Mark all read' });
    if (await markAll.isEnabled()) await markAll.click();
    for (const tab of [bobChannel, bobList])
      await expect(tab.getByTestId('notification-count')).toHaveCount(0);

    const text = `spot me on bench? ${randomUUID().slice(0, 8)}`;
    // Alice picks Bob from the composer's @-autocomplete, then finishes the message.
    const composer = alicePage.getByRole('textbox', { name: 'Message #general' });
    await composer.pressSequentially('@bo');
    await expect(alicePage.getByRole('option', { name: /Bob @bob/ })).toBeVisible();
    await composer.press('Enter');
    await expect(composer).toHaveValue('@bob ');
    await composer.pressSequentially(text);
    await composer.press('Enter');

    for (const tab of [bobChannel, bobList]) {
      await expect(tab.getByTestId('notification-count')).toHaveText('1');
      await expect(tab).toHaveTitle(/^\(1\) /);
    }
    const entry = list.getByTestId('notification').filter({ hasText: text });
    await expect(entry).toHaveAttribute('data-unread', 'true');
    await expect(entry).toContainText(`Alice mentioned you in #General`);
    await expect(entry).toContainText(`@bob ${text}`);

    await entry.getByRole('link').click();
    await expect(bobList).toHaveURL(/\/c\/general/);
    await expect(messages(bobList).filter({ hasText: text }).getByTestId('mention')).toHaveText('@bob');
    for (const tab of [bobChannel, bobList]) {
      await expect(tab.getByTestId('notification-count')).toHaveCount(0);
      await expect(tab).not.toHaveTitle(/^\(\d+\) /);
    }
  });
});
