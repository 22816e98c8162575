import { randomUUID } from 'node:crypto';
import { createPrismaClient } from '@spotter/db';
import { expect, messages, newPerson, openChannel, replica, signedInContext, test } from './support/fixtures';

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

test.describe('a long notification list', () => {
  test('shows the newest 30 first and older ones on request; "Mark all read" reaches every page', async ({
    browser,
    stack,
  }) => {
    const person = await newPerson(stack.baseURL, 'Popular');
    // 45 entries, a minute apart: more than one page. Written to the database, as the events that
    // make them are other specs' subject.
    const prisma = createPrismaClient(stack.databaseUrl);
    try {
      const [reader, actor] = await Promise.all(
        [person.email, 'alice@spotter.dev'].map((email) =>
          prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } }),
        ),
      );
      const start = Date.now() - 60 * 60_000;
      await prisma.notification.createMany({
        data: Array.from({ length: 45 }, (_, i) => ({
          userId: reader?.id as string,
          actorId: actor?.id as string,
          kind: 'FRIEND_ACCEPTED' as const,
          createdAt: new Date(start + i * 60_000),
        })),
      });
    } finally {
      await prisma.$disconnect();
    }

    const context = await signedInContext(browser, stack.baseURL, person.email);
    const page = await context.newPage();
    await page.goto('/notifications?realtime=1');
    const entries = page.getByTestId('notification-list').getByTestId('notification');
    await expect(entries).toHaveCount(30);
    await expect(page.getByTestId('notification-count')).toHaveText('45');
    await page.getByRole('button', { name: 'Show older notifications' }).click();
    await expect(entries).toHaveCount(45);
    await expect(page.getByRole('button', { name: 'Show older notifications' })).toHaveCount(0);
    await expect(entries.and(page.locator('[data-unread="true"]'))).toHaveCount(45);

    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect(page.getByTestId('notification-count')).toHaveCount(0);
    // The older page heard it too (the personal stream's event), with no reload.
    await expect(entries.and(page.locator('[data-unread="false"]'))).toHaveCount(45);
  });
});
