import type { Page } from '@playwright/test';
import { expect, messages, newPerson, openChannel, replica, signedInContext, test } from './support/fixtures';

// Issue 11, check 4, two people on two realtime replicas: Ada (replica 0) starts training and Bo
// (replica 1) sees "Training now" beside her; she invites him and the invitation shows up live; both
// log sets and see each other's at once; Ada finishes and shares the workout into #general; Bo gives
// kudos and Ada's count and notifications follow live; Bo's feed shows Ada's personal record, until
// Ada makes the workout private, when it leaves his open feed live.

const peopleNav = (page: Page) => page.getByRole('navigation', { name: 'People' });

/** The sets shown in a member's workout on a session page. */
const setsOf = (page: Page, username: string) =>
  page.locator(`[data-testid="member-workout"][data-user="${username}"]`).getByTestId('session-set');

test('train together live, share the workout, kudos and the feed across two replicas', async ({
  browser,
  stack,
}) => {
  test.slow();
  const ada = await newPerson(stack.baseURL, 'Ada');
  const bo = await newPerson(stack.baseURL, 'Bo');
  const adaContext = await signedInContext(browser, stack.baseURL, ada.email);
  const boContext = await signedInContext(browser, stack.baseURL, bo.email);
  const adaPage = await openChannel(adaContext, 'general', replica(stack, 0));
  const boPage = await openChannel(boContext, 'general', replica(stack, 1));

  // They become friends (the social flow, as social.spec.ts drives it).
  await adaPage.goto(`/u/${bo.username}`);
  await adaPage.getByTestId('profile-actions').getByRole('button', { name: 'Add friend' }).click();
  await peopleNav(boPage)
    .getByRole('link', { name: /Friends/ })
    .click();
  await boPage.getByRole('tab', { name: /Pending/ }).click();
  await boPage.getByRole('button', { name: `Accept ${ada.name}` }).click();
  await boPage.getByRole('tab', { name: /All friends/ }).click();
  const adaRow = boPage.locator(`[data-testid="person"][data-username="${ada.username}"]`);
  await expect(adaRow).toBeVisible();
  await expect(adaRow.getByTestId('training-now')).toHaveCount(0);

  // Ada starts training: Bo's friends list says so, live, on the other replica.
  await peopleNav(adaPage).getByRole('link', { name: 'Feed' }).click();
  await adaPage.getByRole('button', { name: 'Train together' }).click();
  await expect(adaPage).toHaveURL(/\/training\/[^/]+$/);
  await expect(adaRow.getByTestId('training-now')).toHaveText('Training now');

  // Bo opens his feed; Ada invites him and the invitation appears there without a reload.
  await peopleNav(boPage).getByRole('link', { name: 'Feed' }).click();
  await expect(boPage.getByRole('heading', { name: 'Feed' })).toBeVisible();
  await adaPage.getByRole('button', { name: 'Invite friends' }).click();
  await adaPage.getByTestId('friend-picker').getByLabel(new RegExp(bo.name)).check();
  await adaPage.getByTestId('friend-picker').getByRole('button', { name: 'Invite' }).click();
  await boPage.getByRole('button', { name: `Join ${ada.name}` }).click();
  await expect(boPage).toHaveURL(/\/training\/[^/]+$/);
  await expect(adaPage.getByTestId('session-members')).toContainText(`${bo.name} · training`);

  // Both log sets; each sees the other's at once.
  await adaPage.getByLabel('Exercise').selectOption({ label: 'Bench Press' });
  await adaPage.getByLabel('Weight (kg)').fill('100');
  await adaPage.getByLabel('Reps').fill('5');
  await adaPage.getByRole('button', { name: 'Log set' }).click();
  await expect(setsOf(boPage, ada.username)).toHaveText(['100 kg × 5']);
  await expect(setsOf(adaPage, ada.username)).toHaveText(['100 kg × 5']);

  await boPage.getByLabel('Exercise').selectOption({ label: 'Bench Press' });
  await boPage.getByLabel('Weight (kg)').fill('60');
  await boPage.getByLabel('Reps').fill('8');
  await boPage.getByRole('button', { name: 'Log set' }).click();
  await expect(setsOf(adaPage, bo.username)).toHaveText(['60 kg × 8']);
  await adaPage.getByLabel('Weight (kg)').fill('102.5');
  await adaPage.getByRole('button', { name: 'Log set' }).click();
  await expect(setsOf(boPage, ada.username)).toHaveText(['100 kg × 5', '102.5 kg × 5']);

  // Her workout is also on the Workouts page, which leads back to the session.
  await peopleNav(adaPage).getByRole('link', { name: 'Workouts' }).click();
  await adaPage.getByRole('link', { name: 'Back to the training session' }).click();
  await expect(adaPage).toHaveURL(/\/training\/[^/]+$/);

  // Ada finishes and shares the workout into #general.
  await adaPage.getByRole('button', { name: 'Finish workout' }).click();
  await expect(adaPage).toHaveURL(/\/feed$/);
  const adaEntry = adaPage.locator(`[data-testid="feed-entry"][data-owner="${ada.username}"]`);
  await expect(adaEntry.getByTestId('workout-record').first()).toBeVisible();
  await adaEntry.getByLabel('Share to').selectOption({ label: '#General' });
  await adaEntry.getByRole('button', { name: 'Share' }).click();
  await expect(adaEntry.getByRole('status')).toHaveText('Shared.');
  await expect(adaEntry.getByTestId('kudos-count')).toHaveText('0 kudos');

  // Ada's notifications, open in a tab of their own on her replica.
  const adaList = await adaContext.newPage();
  await adaList.goto(`/notifications?realtime=${replica(stack, 0).index}`);
  await expect(adaList.getByText('Loading notifications…')).toHaveCount(0);
  const kudosEntries = adaList.getByTestId('notification').filter({ hasText: 'gave you kudos' });
  await expect(kudosEntries).toHaveCount(0);

  // Bo's feed shows Ada's workout and her record; his kudos reach Ada's page live.
  await peopleNav(boPage).getByRole('link', { name: 'Feed' }).click();
  const boSeesAda = boPage.locator(`[data-testid="feed-entry"][data-owner="${ada.username}"]`);
  await expect(boSeesAda.getByTestId('workout-record')).toContainText([
    'PR · Bench Press: Heaviest weight 102.5 kg',
  ]);
  await boSeesAda.getByRole('button', { name: 'Give kudos' }).click();
  await expect(boSeesAda.getByRole('button', { name: 'Kudos given' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(adaEntry.getByTestId('kudos-count')).toHaveText('1 kudo');

  // And Ada is told, live: one entry, gone when Bo takes the kudos back, one again when he gives
  // them again; it leads to the workout.
  await expect(kudosEntries).toHaveCount(1);
  await expect(kudosEntries).toContainText(`${bo.name} gave you kudos on`);
  await expect(kudosEntries).toHaveAttribute('data-unread', 'true');
  await boSeesAda.getByRole('button', { name: 'Kudos given' }).click();
  await expect(adaEntry.getByTestId('kudos-count')).toHaveText('0 kudos');
  await expect(kudosEntries).toHaveCount(0);
  await boSeesAda.getByRole('button', { name: 'Give kudos' }).click();
  await expect(adaEntry.getByTestId('kudos-count')).toHaveText('1 kudo');
  await expect(kudosEntries).toHaveCount(1);
  await kudosEntries.getByRole('link').click();
  await expect(adaList).toHaveURL(/\/workouts\/[^/?]+$/);
  const adaKudos = adaList.getByTestId('workout-kudos');
  await expect(adaKudos.getByTestId('kudos-count')).toHaveText('1 kudo');
  await expect(adaKudos.getByTestId('kudos-givers')).toHaveText(`From ${bo.name}`);
  // Bo takes them back once more: Ada's open workout page follows.
  await boSeesAda.getByRole('button', { name: 'Kudos given' }).click();
  await expect(adaKudos.getByTestId('kudos-count')).toHaveText('0 kudos');
  await expect(adaKudos.getByTestId('kudos-givers')).toHaveCount(0);
  await boSeesAda.getByRole('button', { name: 'Give kudos' }).click();
  await expect(adaKudos.getByTestId('kudos-givers')).toHaveText(`From ${bo.name}`);
  // Ada is looking at the page that names Bo: the new entry is read at once, in every tab of hers.
  const adaBell = await adaContext.newPage();
  await adaBell.goto(`/notifications?realtime=${replica(stack, 0).index}`);
  const newest = adaBell.getByTestId('notification').filter({ hasText: 'gave you kudos' });
  await expect(newest).toHaveCount(1);
  await expect(newest).toHaveAttribute('data-unread', 'false');
  await adaBell.close();
  await adaList.close();

  // The shared workout is a card in #general, for Bo too.
  await boPage.goto(`/c/general?realtime=${replica(stack, 1).index}`);
  const shared = messages(boPage)
    .filter({ has: boPage.getByTestId('workout-card') })
    .last();
  await expect(shared).toContainText(`by ${ada.name}`);
  await expect(shared.getByTestId('workout-record').first()).toBeVisible();

  // Ada makes the workout hers alone: it leaves Bo's open feed at once, without a reload.
  await peopleNav(boPage).getByRole('link', { name: 'Feed' }).click();
  await expect(boSeesAda).toHaveCount(1);
  await adaPage.goto(`/workouts/history?realtime=${replica(stack, 0).index}`);
  await adaPage.getByRole('region', { name: 'Past workouts' }).getByRole('link').first().click();
  await expect(adaPage).toHaveURL(/\/workouts\/[^/]+$/);
  const edit = adaPage.getByRole('form', { name: 'Edit workout' });
  await edit.getByLabel('Who can see it').selectOption({ label: 'Only me' });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('status')).toHaveText('Saved.');
  await expect(boSeesAda).toHaveCount(0);
});
