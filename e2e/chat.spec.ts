import { randomUUID } from 'node:crypto';
import type { Locator } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
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

// Alice's tabs talk to realtime replica 0 and Bob's to replica 1 (`?realtime=N`), so every message
// below crosses replicas through Redis before the other person sees it.
const unique = (text: string) => `${text} ${randomUUID().slice(0, 8)}`;

test.describe('chatting across two realtime replicas', () => {
  test('Bob on replica 1 sees what Alice sends on replica 0, exactly once', async ({ browser, stack }) => {
    const { alicePage, bobPage } = await aliceAndBobIn(browser, stack, 'general');

    const first = unique('Deadlift PR today');
    await send(alicePage, 'general', first);
    const seenByBob = messages(bobPage).filter({ hasText: first });
    await expect(seenByBob).toHaveCount(1);
    await expect(seenByBob).toContainText('Alice');
    await expect(messages(alicePage).filter({ hasText: first })).not.toHaveAttribute('data-pending', 'true');

    // Events arrive in order: once a later message shows up, a duplicate of the first would have too.
    const second = unique('Next goal: 200 kg');
    await send(alicePage, 'general', second);
    await expect(messages(bobPage).filter({ hasText: second })).toHaveCount(1);
    await expect(seenByBob).toHaveCount(1);
    await expect(messages(bobPage).last()).toContainText(second);
  });

  test('Bob sees "Alice is typing…" while Alice types', async ({ browser, stack }) => {
    const { alicePage, bobPage } = await aliceAndBobIn(browser, stack, 'general');

    await expect(bobPage.getByTestId('typing-indicator')).not.toContainText('Alice is typing');
    await alicePage
      .getByRole('textbox', { name: 'Message #general' })
      .pressSequentially('Anyone up for', { delay: 50 });
    await expect(bobPage.getByTestId('typing-indicator')).toContainText('Alice is typing…');
  });

  test('one person in two tabs on different replicas sees their message once in each', async ({
    browser,
    stack,
  }) => {
    const alice = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
    const tabOnReplica0 = await openChannel(alice, 'general', replica(stack, 0));
    const tabOnReplica1 = await openChannel(alice, 'general', replica(stack, 1));

    const body = unique('Leg day moved to Thursday');
    await send(tabOnReplica0, 'general', body);
    const later = unique('Bring chalk');
    await send(tabOnReplica1, 'general', later);
    for (const tab of [tabOnReplica0, tabOnReplica1]) {
      await expect(messages(tab).filter({ hasText: later })).toHaveCount(1);
      await expect(messages(tab).filter({ hasText: body })).toHaveCount(1);
      await expect(messages(tab).filter({ hasText: body })).not.toHaveAttribute('data-pending', 'true');
    }
  });

  test('reactions cross replicas live: Bob reacts to Alice’s message, she adds hers, he takes his back', async ({
    browser,
    stack,
  }) => {
    const { alicePage, bobPage } = await aliceAndBobIn(browser, stack, 'general');
    const body = unique('Squat 140 × 3, finally');
    await send(alicePage, 'general', body);
    const onAlice = messages(alicePage).filter({ hasText: body });
    const onBob = messages(bobPage).filter({ hasText: body });
    /** The message's 💪 pill. */
    const strong = (message: Locator) =>
      message.getByRole('list', { name: 'Reactions' }).getByRole('button', { name: /^💪/ });

    // Bob reacts from the message's actions; Alice sees it without a reload.
    await onBob.hover();
    await onBob.getByRole('button', { name: 'Add a reaction' }).click();
    await onBob.getByRole('button', { name: 'React with 💪' }).click();
    await expect(strong(onBob)).toHaveAccessibleName('💪 1: you');
    await expect(strong(onBob)).toHaveAttribute('aria-pressed', 'true');
    await expect(strong(onAlice)).toHaveAccessibleName('💪 1: 1 person');
    await expect(strong(onAlice)).toHaveAttribute('aria-pressed', 'false');

    // Alice adds hers by pressing his; Bob sees two.
    await strong(onAlice).click();
    await expect(strong(onAlice)).toHaveAccessibleName('💪 2: you and 1 other');
    await expect(strong(onBob)).toHaveAccessibleName('💪 2: you and 1 other');

    // Bob takes his back; a reload of Alice's tab shows the same, and the message reads as not edited.
    await strong(onBob).click();
    await expect(strong(onBob)).toHaveAccessibleName('💪 1: 1 person');
    await expect(strong(onAlice)).toHaveAccessibleName('💪 1: you');
    await alicePage.reload();
    await expect(strong(onAlice)).toHaveAccessibleName('💪 1: you');
    await expect(onAlice).not.toContainText('(edited)');
    await expectAccessible(alicePage, '[data-testid="message"]');
  });

  test('reloading a tab shows the history', async ({ browser, stack }) => {
    const { alicePage, bobPage } = await aliceAndBobIn(browser, stack, 'general');

    const body = unique('Rest day tomorrow');
    await send(alicePage, 'general', body);
    await expect(messages(bobPage).filter({ hasText: body })).toHaveCount(1);

    await bobPage.reload();
    await expect(bobPage.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
    const afterReload = messages(bobPage).filter({ hasText: body });
    await expect(afterReload).toHaveCount(1);
    await expect(afterReload).toContainText('Alice');
    await expect(afterReload).toHaveAttribute('data-seq', /^\d+$/);
  });
});
