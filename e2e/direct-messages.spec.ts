import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createPrismaClient } from '@spotter/db';
import { expect, messages, openChannel, replica, signedInContext, test } from './support/fixtures';

const unique = (text: string) => `${text} ${randomUUID().slice(0, 8)}`;

const dmLink = (page: Page, name: string) =>
  page.getByTestId('dm-list').getByRole('link', { name, exact: true });

async function sendTo(page: Page, label: string, body: string) {
  const composer = page.getByRole('textbox', { name: `Message ${label}` });
  await composer.fill(body);
  await composer.press('Enter');
}

/** Friend requests are another part of the app: the seeded people become friends in the database. */
async function makeFriends(databaseUrl: string, emails: [string, string][]) {
  const prisma = createPrismaClient(databaseUrl);
  try {
    for (const pair of emails) {
      const [a, b] = await Promise.all(
        pair.map((email) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })),
      );
      if (!a || !b) throw new Error('seeded user missing');
      await prisma.relationship.createMany({
        data: [
          { userId: a.id, otherId: b.id, kind: 'FRIEND' },
          { userId: b.id, otherId: a.id, kind: 'FRIEND' },
        ],
        skipDuplicates: true,
      });
    }
  } finally {
    await prisma.$disconnect();
  }
}

test.describe('direct messages', () => {
  test('Alice messages Bob (on the other replica), who sees the conversation appear live and replies; then a group', async ({
    browser,
    stack,
  }) => {
    test.slow();
    await makeFriends(stack.databaseUrl, [
      ['alice@spotter.dev', 'bob@spotter.dev'],
      ['alice@spotter.dev', 'carol@spotter.dev'],
    ]);
    const alice = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
    const bob = await signedInContext(browser, stack.baseURL, 'bob@spotter.dev');
    const alicePage = await openChannel(alice, 'general', replica(stack, 0));
    const bobPage = await openChannel(bob, 'general', replica(stack, 1));

    await alicePage.getByRole('button', { name: 'New message' }).click();
    const picker = alicePage.getByTestId('friend-picker');
    await picker.getByLabel(/^Bob/).check();
    await picker.getByRole('button', { name: 'Message' }).click();
    await expect(alicePage).toHaveURL(/\/dm\/[^/]+$/);
    const hello = unique('Bench at 7?');
    await sendTo(alicePage, 'Bob', hello);

    // Bob's sidebar hears of the new conversation through his personal stream, without a reload.
    await dmLink(bobPage, 'Alice').click();
    await expect(bobPage).toHaveURL(new RegExp(`${new URL(alicePage.url()).pathname}$`));
    await expect(messages(bobPage).filter({ hasText: hello })).toHaveCount(1);
    const reply = unique('Count me in');
    await sendTo(bobPage, 'Alice', reply);
    await expect(messages(alicePage).filter({ hasText: reply })).toHaveCount(1);

    const groupName = unique('Squat club');
    await alicePage.getByRole('button', { name: 'New message' }).click();
    await picker.getByLabel(/^Bob/).check();
    await picker.getByLabel(/^Carol/).check();
    await picker.getByLabel('Group name (optional)').fill(groupName);
    // The open picker makes the sidebar scroll; its footer stays pinned in full at the bottom.
    for (const control of [
      alicePage.getByRole('button', { name: 'Sign out' }),
      alicePage.getByRole('link', { name: 'Settings' }),
    ])
      await expect(control).toBeInViewport({ ratio: 1 });
    await picker.getByRole('button', { name: 'Start group' }).click();
    await expect(alicePage.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
    await dmLink(bobPage, groupName).click();
    await expect(bobPage.getByTestId('dm-members')).toHaveText(/^3 people: Alice, (Bob|you), (Carol|you)$/);

    // Bob leaves; the group goes from his list and Alice sees two people left.
    await bobPage.getByRole('button', { name: 'Leave' }).click();
    await bobPage.getByRole('button', { name: 'Leave group' }).click();
    await expect(dmLink(bobPage, groupName)).toHaveCount(0);
    await expect(alicePage.getByTestId('dm-members')).toHaveText(/^2 people: /);

    // A new message moves its conversation to the top of the other's list, live.
    const aliceTop = alicePage.getByTestId('dm-list').getByRole('link').first();
    await expect(aliceTop).toHaveAccessibleName(groupName);
    await dmLink(bobPage, 'Alice').click();
    await sendTo(bobPage, 'Alice', unique('Moving up'));
    await expect(aliceTop).toHaveAccessibleName('Bob');
  });
});
