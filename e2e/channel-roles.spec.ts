import { randomUUID } from 'node:crypto';
import type { BrowserContext } from '@playwright/test';
import { expect, messages, mutate, newPerson, openChannel, signedInContext, test } from './support/fixtures';

test('the owner promotes a member from the member list; the moderator deletes someone else’s message', async ({
  browser,
  stack,
}) => {
  type Person = Awaited<ReturnType<typeof newPerson>>;
  const [owner, moderator, member] = (await Promise.all(
    ['Coach', 'Captain', 'Rookie'].map((name) => newPerson(stack.baseURL, name)),
  )) as [Person, Person, Person];
  const [ownerContext, moderatorContext, memberContext] = (await Promise.all(
    [owner, moderator, member].map((person) => signedInContext(browser, stack.baseURL, person.email)),
  )) as [BrowserContext, BrowserContext, BrowserContext];
  const channel = await mutate<{ id: string; slug: string }>(ownerContext, stack.baseURL, 'channel.create', {
    name: `Squad ${randomUUID().slice(0, 8)}`,
  });
  for (const context of [moderatorContext, memberContext])
    await mutate(context, stack.baseURL, 'channel.join', { channelId: channel.id });
  const body = `Buy my supplements ${randomUUID().slice(0, 8)}`;
  await mutate(memberContext, stack.baseURL, 'message.send', {
    channelId: channel.id,
    body,
  });

  const ownerPage = await openChannel(ownerContext, channel.slug, null);
  await ownerPage.getByRole('button', { name: 'Members' }).click();
  const captainName = moderator.name;
  // Every button the owner has for a member lies inside the panel, none cut off at its edge.
  const panel = await ownerPage.getByRole('complementary', { name: /Members/ }).boundingBox();
  const ownerActions = ownerPage.getByRole('list', { name: 'Members' }).getByRole('button');
  await expect(ownerActions.first()).toBeVisible();
  for (const action of await ownerActions.all()) {
    const box = await action.boundingBox();
    expect(panel && box && box.x + box.width <= panel.x + panel.width).toBe(true);
  }
  await ownerPage.getByRole('button', { name: `Make ${captainName} a moderator` }).click();
  const members = ownerPage.getByRole('list', { name: 'Members' });
  await expect(members.getByRole('listitem').filter({ hasText: captainName })).toContainText('Moderator');

  const moderatorPage = await openChannel(moderatorContext, channel.slug, null);
  const spam = messages(moderatorPage).filter({ hasText: body });
  await spam.getByRole('button', { name: 'Delete message as moderator' }).click();
  await moderatorPage.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  // Deleted for everyone, live: the owner's open tab shows it too.
  for (const page of [moderatorPage, ownerPage]) {
    await expect(messages(page).filter({ hasText: body })).toHaveCount(0);
    await expect(messages(page).filter({ hasText: 'Message deleted' })).toHaveCount(1);
  }
  // A plain member gets no such button on others' messages.
  const memberPage = await openChannel(memberContext, channel.slug, null);
  await expect(memberPage.getByRole('button', { name: 'Delete message as moderator' })).toHaveCount(0);
});
