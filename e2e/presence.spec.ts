import type { Page } from '@playwright/test';
import { createPrismaClient } from '@spotter/db';
import { expectAccessible } from './support/accessibility';
import { expect, newPerson, openChannel, replica, signedInContext, test } from './support/fixtures';

// Issue 10, check 3 (presence): B's dot, as A sees it on another replica, turns idle when B's tab
// goes without input (PRESENCE_IDLE_MS is 5 s in the e2e stack) and offline when B's tab closes.

async function makeFriends(databaseUrl: string, a: string, b: string) {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const [first, second] = await Promise.all(
      [a, b].map((email) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })),
    );
    if (!first || !second) throw new Error('user missing');
    await prisma.relationship.createMany({
      data: [
        { userId: first.id, otherId: second.id, kind: 'FRIEND' },
        { userId: second.id, otherId: first.id, kind: 'FRIEND' },
      ],
    });
  } finally {
    await prisma.$disconnect();
  }
}

async function openFriends(page: Page) {
  await page
    .getByRole('navigation', { name: 'People' })
    .getByRole('link', { name: /Friends/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Friends', level: 1 })).toBeVisible();
}

test('a friend’s presence dot turns idle, then offline, when their tab goes idle and then closes', async ({
  browser,
  stack,
}) => {
  test.slow();
  const avery = await newPerson(stack.baseURL, 'Avery');
  const blake = await newPerson(stack.baseURL, 'Blake');
  await makeFriends(stack.databaseUrl, avery.email, blake.email);
  const averyPage = await openChannel(
    await signedInContext(browser, stack.baseURL, avery.email),
    'general',
    replica(stack, 0),
  );
  await openFriends(averyPage);
  const blakeContext = await signedInContext(browser, stack.baseURL, blake.email);
  const blakePage = await openChannel(blakeContext, 'general', replica(stack, 1));

  const dot = averyPage.getByTestId('friends-all').getByRole('img', { name: /^Blake is / });
  // Blake keeps using his tab until Avery sees him online.
  let x = 0;
  await expect
    .poll(async () => {
      x = (x + 37) % 300;
      await blakePage.mouse.move(50 + x, 80);
      return dot.getAttribute('data-status');
    })
    .toBe('online');
  await expect(dot).toHaveAccessibleName('Blake is online');
  await expectAccessible(averyPage, '[data-testid="friends-all"]');

  // No input in Blake's only tab: idle.
  await expect(dot).toHaveAccessibleName('Blake is idle', { timeout: 30_000 });
  // Blake picks "Do not disturb" in his status menu (input: the tab is active again, dnd beats it).
  await blakePage.getByLabel('Your status').selectOption('dnd');
  await expect(dot).toHaveAccessibleName('Blake is do not disturb');
  await blakePage.getByLabel('Your status').selectOption('auto');
  await expect(dot).toHaveAttribute('data-status', /online|idle/);
  await expect(dot).toHaveAccessibleName('Blake is idle', { timeout: 30_000 });

  // He closes the tab: after the grace period (5 s) everyone sees him offline.
  await blakeContext.close();
  await expect(dot).toHaveAccessibleName('Blake is offline', { timeout: 30_000 });
});
