import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createPrismaClient } from '@spotter/db';
import { expect, messages, newPerson, openChannel, replica, signedInContext, test } from './support/fixtures';

// Issue 10, check 3 (read state): Uma has two tabs, on different realtime replicas. Vic messages
// her; both tabs badge the conversation. She reads it in tab 1 and the badge goes from tab 2 without
// a reload; "Mark as unread from here" brings it back in both, the counts coming with the event.

/** Friend requests are another part of the app: the two become friends in the database. */
async function makeFriends(databaseUrl: string, emails: [string, string]) {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const [a, b] = await Promise.all(
      emails.map((email) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })),
    );
    if (!a || !b) throw new Error('user missing');
    await prisma.relationship.createMany({
      data: [
        { userId: a.id, otherId: b.id, kind: 'FRIEND' },
        { userId: b.id, otherId: a.id, kind: 'FRIEND' },
      ],
    });
  } finally {
    await prisma.$disconnect();
  }
}

/** The sidebar entry of a conversation: its link (bold while unread) and its number pill. */
function dmEntry(page: Page, name: string) {
  const item = page
    .getByTestId('dm-list')
    .getByRole('listitem')
    .filter({
      has: page.getByRole('link', { name, exact: true }),
    });
  return { link: item.getByRole('link'), badge: item.getByTestId('unread-badge') };
}

test('a DM read in one tab clears its badge in the other, and "mark as unread" brings it back in both', async ({
  browser,
  stack,
}) => {
  test.slow();
  const tag = randomUUID().slice(0, 8);
  const uma = await newPerson(stack.baseURL, 'Uma');
  const vic = await newPerson(stack.baseURL, 'Vic');
  await makeFriends(stack.databaseUrl, [uma.email, vic.email]);
  const umaContext = await signedInContext(browser, stack.baseURL, uma.email);
  const vicContext = await signedInContext(browser, stack.baseURL, vic.email);
  const tab1 = await openChannel(umaContext, 'general', replica(stack, 0));
  const tab2 = await openChannel(umaContext, 'general', replica(stack, 1));
  const vicPage = await openChannel(vicContext, 'general', replica(stack, 1));

  // Vic opens a conversation with Uma and sends two messages.
  await vicPage.getByRole('button', { name: 'New message' }).click();
  await vicPage.getByTestId('friend-picker').getByLabel(/^Uma/).check();
  await vicPage.getByTestId('friend-picker').getByRole('button', { name: 'Message' }).click();
  await expect(vicPage).toHaveURL(/\/dm\/[^/]+$/);
  const composer = vicPage.getByRole('textbox', { name: 'Message Uma' });
  const first = `deadlifts tonight? ${tag}`;
  for (const body of [first, `or tomorrow ${tag}`]) {
    await composer.fill(body);
    await composer.press('Enter');
  }
  await expect(messages(vicPage).filter({ hasText: tag })).toHaveCount(2);

  // Both of Uma's tabs show the conversation bold, with 2 unread, without a reload.
  for (const tab of [tab1, tab2]) {
    const entry = dmEntry(tab, 'Vic');
    await expect(entry.badge).toHaveText('2 unread');
    await expect(entry.link).toHaveAttribute('data-unread', 'true');
  }

  // From here on tab 2 learns of her reads from her event stream alone: each change carries its
  // counts, so the badge needs no reread of the list (refused here, as on a flaky connection).
  let rereads = 0;
  await tab2.route(/\/api\/trpc\/[^?]*readState\.list/, (route) => {
    rereads += 1;
    return route.abort();
  });

  // She reads it in tab 1: the "New messages" divider marks where she had got to, and the badge
  // goes in both tabs.
  await dmEntry(tab1, 'Vic').link.click();
  await expect(messages(tab1).filter({ hasText: tag })).toHaveCount(2);
  await expect(tab1.getByTestId('new-messages-divider')).toBeVisible();
  for (const tab of [tab1, tab2]) {
    const entry = dmEntry(tab, 'Vic');
    await expect(entry.badge).toHaveCount(0);
    await expect(entry.link).not.toHaveAttribute('data-unread', 'true');
  }

  // "Mark as unread from here" on the first message: the badge comes back in both tabs, and the
  // open conversation stays unread (it is not read again at once).
  const message = messages(tab1).filter({ hasText: first });
  await message.hover();
  await message.getByRole('button', { name: 'Mark as unread from here' }).click();
  for (const tab of [tab1, tab2]) await expect(dmEntry(tab, 'Vic').badge).toHaveText('2 unread');
  await expect(tab1.getByTestId('new-messages-divider')).toHaveCount(1);
  expect(rereads).toBe(0);
});
