import { blockingViolations, expectAccessible, expectNoViolations } from './support/accessibility';
import { expect, messages, newPerson, openChannel, signedInContext, test } from './support/fixtures';

// Each page is checked in the light and the dark palette.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${colorScheme} palette`, () => {
    test('the sign-in page', async ({ browser, stack }) => {
      const context = await browser.newContext({ baseURL: stack.baseURL, colorScheme });
      const page = await context.newPage();
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await expectAccessible(page);
    });

    test('the sessions and API token settings', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      for (const path of ['/settings/sessions', '/settings/tokens']) {
        await page.goto(path);
        await expect(page.getByRole('navigation', { name: 'Settings' })).toBeVisible();
        await expectAccessible(page);
      }
    });

    test('a channel with messages', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await openChannel(context, 'general', null);
      await page.emulateMedia({ colorScheme });
      await expect(messages(page).first()).toBeVisible();
      await expectAccessible(page);
    });

    test('a channel on a phone, with the channel drawer open', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await openChannel(context, 'general', null);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme });
      await page.getByRole('button', { name: 'Channels' }).click();
      await expect(page.getByRole('navigation', { name: 'Channels' })).toBeVisible();
      await expectAccessible(page);
    });

    test('a channel marked unread: the "New messages" divider and the level picker', async ({
      browser,
      stack,
    }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await openChannel(context, 'general', null);
      await page.emulateMedia({ colorScheme });
      const last = messages(page).last();
      await last.hover();
      await last.getByRole('button', { name: 'Mark as unread from here' }).click();
      await expect(page.getByTestId('new-messages-divider')).toBeVisible();
      await expect(page.getByRole('combobox', { name: 'Notifications' })).toBeVisible();
      await expectAccessible(page);
    });

    test('the feed', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto('/feed');
      await expect(page.getByRole('button', { name: 'Train together' })).toBeVisible();
      await expectAccessible(page);
    });

    test('a training session', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto('/feed');
      await page.getByRole('button', { name: 'Train together' }).click();
      await expect(page.getByRole('button', { name: 'Log set' })).toBeVisible();
      const violations = await blockingViolations(page);
      // Finish, so the next run (and the other palette) can start a workout again.
      await page.getByRole('button', { name: 'Finish workout' }).click();
      await expect(page).toHaveURL(/\/feed$/);
      expectNoViolations(violations);
    });

    test('the browse page', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto('/browse');
      await expect(page.getByRole('main').getByRole('link', { name: /General/ })).toBeVisible();
      await expectAccessible(page);
    });

    test('the workout pages: logger, summary and history with charts', async ({ browser, stack }) => {
      const person = await newPerson(stack.baseURL, 'Axe');
      const context = await signedInContext(browser, stack.baseURL, person.email);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      const check = async () => {
        await expectAccessible(page);
      };
      await page.goto('/workouts');
      await page.getByRole('button', { name: 'Start workout' }).click();
      await page.getByLabel('Search exercises').fill('Squat');
      await page.getByRole('button', { name: 'Add Back Squat', exact: true }).click();
      const form = page.getByRole('form', { name: 'Log a set of Back Squat' });
      await form.getByLabel('Weight (kg)').fill('80');
      await form.getByLabel('Reps').fill('5');
      await form.getByRole('button', { name: 'Log set' }).click();
      await expect(page.getByRole('timer', { name: 'Rest timer' })).toBeVisible();
      await check();
      await page.getByRole('button', { name: 'Finish workout' }).click();
      await expect(page.getByTestId('personal-records')).toBeVisible();
      await check();
      await page.goto('/workouts/history');
      await expect(page.getByRole('figure', { name: 'Weekly volume' })).toBeVisible();
      await check();
    });
  });
}
