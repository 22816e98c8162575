import type { Locator, Page } from '@playwright/test';
import {
  expect,
  messages,
  mutate,
  newFriends,
  newPerson,
  openChannel,
  replica,
  signedInContext,
  test,
} from './support/fixtures';

/** Adds an exercise from the library by searching its exact name. */
async function addExercise(page: Page, name: string) {
  await page.getByLabel('Search exercises').fill(name);
  await page.getByRole('button', { name: `Add ${name}`, exact: true }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^${name}`) })).toBeVisible();
}

test.describe('workouts', () => {
  test("logs a superset workout, sees its records on the summary and folded on its card, and repeats it with last time's sets", async ({
    browser,
    stack,
  }) => {
    test.slow();
    const lifter = await newPerson(stack.baseURL, 'Lifter');
    const context = await signedInContext(browser, stack.baseURL, lifter.email);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Workouts' }).click();
    await expect(page).toHaveURL(/\/workouts$/);

    // Before any workout, the history says what its charts will show rather than drawing empty axes.
    await page.getByRole('link', { name: 'History and records' }).click();
    await expect(page.getByRole('figure', { name: 'Weekly volume' })).toContainText('Nothing to chart yet');
    await expect(page.getByRole('figure', { name: /Best estimated 1RM/ })).toContainText(
      /No finished sets of .+ yet/,
    );
    await page.getByRole('navigation', { name: 'People' }).getByRole('link', { name: 'Workouts' }).click();
    await expect(page).toHaveURL(/\/workouts$/);

    await page.getByLabel('Title').fill('Upper body');
    await page.getByRole('button', { name: 'Start workout' }).click();
    await expect(page.getByRole('heading', { name: 'Upper body — training now' })).toBeVisible();

    // Training together from the feed meanwhile is refused, with the way back to this workout.
    await page.getByRole('link', { name: 'Feed' }).click();
    await page.getByRole('button', { name: 'Train together' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'You already have a workout going' });
    await refusal.getByRole('link', { name: 'Open your workout' }).click();
    await expect(page.getByRole('heading', { name: 'Upper body — training now' })).toBeVisible();

    await addExercise(page, 'Bench Press');
    const bench = page.getByRole('form', { name: 'Log a set of Bench Press' });
    await bench.getByLabel('Weight (kg)').fill('100');
    await bench.getByLabel('Reps').fill('5');
    await bench.getByRole('button', { name: 'Log set' }).click();
    await expect(page.getByRole('list', { name: 'Sets of Bench Press' })).toHaveText(/100 kg × 5/);
    await expect(page.getByRole('timer', { name: 'Rest timer' })).toBeVisible();

    const superset = page.getByLabel('Superset with the previous exercise');
    // A box beside its words, on one line: not a field stretched across the row.
    const [box, words] = await Promise.all([
      superset.boundingBox(),
      page.locator('label').filter({ has: superset }).boundingBox(),
    ]);
    expect(box && words && box.width < 40 && words.height < 2 * box.height + 24).toBe(true);
    await superset.check();
    await addExercise(page, 'Pull-up');
    const pullUp = page.getByRole('form', { name: 'Log a set of Pull-up' });
    await pullUp.getByLabel('Reps').fill('10');
    await pullUp.getByRole('button', { name: 'Log set' }).click();
    await expect(page.getByRole('list', { name: 'Sets of Pull-up' })).toHaveText(/10 reps/);
    // Both exercises are in superset 1.
    await expect(page.getByTestId('workout-exercise').getByText('Superset 1')).toHaveCount(2);

    await page.getByRole('button', { name: 'Finish workout' }).click();
    await expect(page).toHaveURL(/\/workouts\/[^/]+$/);
    const records = page.getByTestId('personal-records');
    await expect(records).toContainText('Bench Press — Heaviest weight: 100 kg');
    await expect(records).toContainText('Bench Press — Best estimated 1RM: 116.7 kg');
    await expect(records).toContainText('Pull-up — Most reps: 10');

    // The workout is over: the logger offers a new one, and history lists this one.
    await page.goto('/workouts');
    await expect(page.getByRole('button', { name: 'Start workout' })).toBeVisible();
    await page.getByRole('link', { name: 'History and records' }).click();
    await expect(page).toHaveURL(/\/workouts\/history$/);
    await expect(page.getByRole('link', { name: 'Upper body' })).toBeVisible();
    // Both charts draw now: their tables (what screen readers read) have this week's figures.
    for (const name of ['Weekly volume', /Best estimated 1RM/]) {
      const chart = page.getByRole('figure', { name });
      await expect(chart.getByRole('row')).not.toHaveCount(0);
      await expect(chart).not.toContainText(/Nothing to chart yet|No finished sets/);
    }

    // The feed card folds its five records to three, each exercise's headline one among them.
    await page.getByRole('navigation', { name: 'People' }).getByRole('link', { name: 'Feed' }).click();
    const card = page.locator(`[data-testid="feed-entry"][data-owner="${lifter.username}"]`);
    await expect(card.getByTestId('workout-record')).toHaveText([
      'PR · Bench Press: Heaviest weight 100 kg',
      'PR · Bench Press: Best est. 1RM 116.7 kg',
      'PR · Pull-up: Most reps 10 reps',
    ]);
    const more = card.getByRole('button', { name: 'Show 2 more records' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect(card.getByTestId('workout-record')).toHaveCount(5);
    await expect(card.getByRole('button', { name: 'Show fewer records' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    // Repeating it (from its page, through the card's title) starts a new workout with its exercises
    // and superset, each showing its sets of last time, to beat; an exercise new to them has none.
    await card.getByRole('link', { name: 'Upper body' }).click();
    await page.getByRole('button', { name: 'Repeat workout' }).click();
    await expect(page.getByRole('heading', { name: 'Upper body — training now' })).toBeVisible();
    await expect(page.getByTestId('workout-exercise').getByText('Superset 1')).toHaveCount(2);
    const lastTime = page.getByTestId('workout-exercise').getByTestId('last-time');
    await expect(lastTime).toHaveText([/^Last time \(.+\): 100 kg × 5$/, /^Last time \(.+\): 10 reps$/]);
    await addExercise(page, 'Overhead Press');
    await expect(page.getByTestId('workout-exercise')).toHaveCount(3);
    await expect(lastTime).toHaveCount(2);
  });

  test("a reader who uses pounds and miles reads a friend's cards in them, from the moment they switch", async ({
    browser,
    stack,
  }) => {
    const [kim, lee] = await newFriends(browser, stack.baseURL, 'Kim', 'Lee');
    const [kimContext, leeContext] = [kim.context, lee.context];
    /** Kim, in kilograms and kilometres, does one exercise and finishes. */
    async function kimTrains(title: string, exerciseId: string, set: Record<string, number>) {
      const { id: workoutId } = await mutate<{ id: string }>(kimContext, stack.baseURL, 'workout.start', {
        title,
      });
      const entry = await mutate<{ id: string }>(kimContext, stack.baseURL, 'workout.addExercise', {
        workoutId,
        exerciseId,
      });
      await mutate(kimContext, stack.baseURL, 'workout.logSet', { workoutExerciseId: entry.id, ...set });
      await mutate(kimContext, stack.baseURL, 'workout.finish', { workoutId });
    }
    await kimTrains('Bench day', 'lib-bench-press', { weight: 100, reps: 5 });
    await kimTrains('Easy run', 'lib-running', { distance: 5, durationSec: 27 * 60 });

    const page = await leeContext.newPage();
    await page.goto('/feed');
    const kimsCard = (title: string) =>
      page.locator(`[data-testid="feed-entry"][data-owner="${kim.username}"]`).filter({ hasText: title });
    /** A card's figure under its heading ("Volume", "Distance"). */
    const stat = (card: Locator, name: string) =>
      card.locator('dl > div', { has: page.locator('dt', { hasText: name }) }).locator('dd');
    const bench = kimsCard('Bench day');
    const run = kimsCard('Easy run');
    await expect(bench.getByTestId('workout-record').first()).toHaveText(
      'PR · Bench Press: Heaviest weight 100 kg',
    );
    await expect(bench).toContainText('500 kg');
    // A run's card tells its distance, not a volume of "0 kg".
    await expect(stat(run, 'Distance')).toHaveText('5 km');
    await expect(stat(run, 'Volume')).toHaveCount(0);

    // Lee switches to pounds and miles in settings and goes back to the feed without reloading.
    await page.getByRole('link', { name: 'Settings' }).click();
    const units = page.getByRole('region', { name: 'Workout units' });
    await units.getByLabel('Weight').selectOption('LB');
    await expect(units.getByRole('status')).toHaveText('Saved.');
    await units.getByLabel('Distance').selectOption('MI');
    await expect(units.getByLabel('Distance')).toHaveValue('MI');
    await page.getByRole('navigation', { name: 'People' }).getByRole('link', { name: 'Feed' }).click();
    await expect(bench.getByTestId('workout-record').first()).toHaveText(
      'PR · Bench Press: Heaviest weight 220.5 lb',
    );
    await expect(bench).toContainText('Most reps 5 reps at 220.5 lb');
    await expect(bench).toContainText('1102.3 lb');
    await expect(bench).not.toContainText(' kg');
    await expect(stat(run, 'Distance')).toHaveText('3.11 mi');
    await expect(run).not.toContainText(' km');
  });

  test("deleting a workout takes it out of a friend's open feed and profile, and its card out of the conversation, live", async ({
    browser,
    stack,
  }) => {
    const [ada, bo] = await newFriends(browser, stack.baseURL, 'Ada', 'Bo');
    const [adaContext, boContext] = [ada.context, bo.context];
    const { id: workoutId } = await mutate<{ id: string }>(adaContext, stack.baseURL, 'workout.start', {
      title: 'Deadlift day',
    });
    await mutate(adaContext, stack.baseURL, 'workout.finish', { workoutId });

    // Ada shares it into #general from her feed.
    const adaPage = await openChannel(adaContext, 'general', replica(stack, 0));
    await adaPage.goto(`/feed?realtime=${replica(stack, 0).index}`);
    const adaEntry = adaPage.locator(`[data-testid="feed-entry"][data-owner="${ada.username}"]`);
    await adaEntry.getByLabel('Share to').selectOption({ label: '#General' });
    await adaEntry.getByRole('button', { name: 'Share' }).click();
    await expect(adaEntry.getByRole('status')).toHaveText('Shared.');

    // Bo, on the other replica, has the conversation open in one tab and his feed in another.
    const boChannel = await openChannel(boContext, 'general', replica(stack, 1));
    const sharedMessage = messages(boChannel).filter({ hasText: 'Shared a workout: Deadlift day' });
    await expect(sharedMessage.getByTestId('workout-card')).toBeVisible();
    // Bo, her friend, may open the workout: its title on the card leads to its page. Cy, a member
    // of #general but not her friend, sees the same card with the title as plain text (the page
    // would answer him "not found"); both may open her profile.
    await expect(sharedMessage.getByRole('link', { name: 'Deadlift day' })).toHaveAttribute(
      'href',
      `/workouts/${workoutId}`,
    );
    const cy = await newPerson(stack.baseURL, 'Cy');
    const cyContext = await signedInContext(browser, stack.baseURL, cy.email);
    const cyChannel = await openChannel(cyContext, 'general', replica(stack, 0));
    const cySees = messages(cyChannel).filter({ hasText: 'Shared a workout: Deadlift day' });
    await expect(cySees.getByTestId('workout-card')).toContainText('Deadlift day');
    await expect(cySees.getByRole('link', { name: 'Deadlift day' })).toHaveCount(0);
    await expect(cySees.getByRole('link', { name: ada.name })).toHaveAttribute('href', `/u/${ada.username}`);
    const boFeed = await boContext.newPage();
    await boFeed.goto(`/feed?realtime=${replica(stack, 1).index}`);
    const boSeesAda = boFeed.locator(`[data-testid="feed-entry"][data-owner="${ada.username}"]`);
    await expect(boSeesAda).toHaveCount(1);
    // The entry leads to the workout's page and to Ada's profile.
    await expect(boSeesAda.getByRole('link', { name: 'Deadlift day' })).toHaveAttribute(
      'href',
      `/workouts/${workoutId}`,
    );
    await expect(boSeesAda.getByRole('link', { name: ada.name })).toHaveAttribute(
      'href',
      `/u/${ada.username}`,
    );
    // Ada's profile lists it too, for Bo her friend.
    const boProfile = await boContext.newPage();
    await boProfile.goto(`/u/${ada.username}?realtime=${replica(stack, 1).index}`);
    const onProfile = boProfile
      .getByRole('list', { name: `Workouts of ${ada.name}` })
      .getByTestId('feed-entry');
    await expect(onProfile).toHaveCount(1);
    await expect(onProfile).toContainText('Deadlift day');

    await adaPage.goto(`/workouts/${workoutId}?realtime=${replica(stack, 0).index}`);
    adaPage.once('dialog', (dialog) => void dialog.accept());
    await adaPage.getByRole('button', { name: 'Delete workout' }).click();
    await expect(adaPage).toHaveURL(/\/workouts\/history/);

    await expect(boSeesAda).toHaveCount(0);
    await expect(onProfile).toHaveCount(0);
    await expect(sharedMessage.getByTestId('workout-card')).toHaveCount(0);
    await expect(sharedMessage).toHaveCount(1);
  });
});
