import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, messages, newPerson, openChannel, signedInContext, test } from './support/fixtures';

// axe-core checks what a tool can: contrast, names and labels, landmarks, ARIA use. Serious and
// critical findings fail the test; each page is checked in the light and the dark palette.
type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

async function blockingViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One paragraph per rule: what is wrong, where (CSS selector) and axe's own summary of the fix. */
function report(violations: AxeResults['violations']): string {
  return violations
    .map((v) =>
      [
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
        ...v.nodes.map(
          (node) => `  at ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${colorScheme} palette`, () => {
    test('the sign-in page', async ({ browser, stack }) => {
      const context = await browser.newContext({ baseURL: stack.baseURL, colorScheme });
      const page = await context.newPage();
      await page.goto('/login');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      const violations = await blockingViolations(page);
      expect(
        violations.map((v) => v.id),
        report(violations),
      ).toEqual([]);
    });

    test('the sessions and API token settings', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      for (const path of ['/settings/sessions', '/settings/tokens']) {
        await page.goto(path);
        await expect(page.getByRole('navigation', { name: 'Settings' })).toBeVisible();
        const violations = await blockingViolations(page);
        expect(
          violations.map((v) => v.id),
          report(violations),
        ).toEqual([]);
      }
    });

    test('a channel with messages', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await openChannel(context, 'general', null);
      await page.emulateMedia({ colorScheme });
      await expect(messages(page).first()).toBeVisible();
      const violations = await blockingViolations(page);
      expect(
        violations.map((v) => v.id),
        report(violations),
      ).toEqual([]);
    });

    test('a channel on a phone, with the channel drawer open', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await openChannel(context, 'general', null);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme });
      await page.getByRole('button', { name: 'Channels' }).click();
      await expect(page.getByRole('navigation', { name: 'Channels' })).toBeVisible();
      const violations = await blockingViolations(page);
      expect(
        violations.map((v) => v.id),
        report(violations),
      ).toEqual([]);
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
      const violations = await blockingViolations(page);
      expect(
        violations.map((v) => v.id),
        report(violations),
      ).toEqual([]);
    });

    test('the feed', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto('/feed');
      await expect(page.getByRole('button', { name: 'Train together' })).toBeVisible();
      const violations = await blockingViolations(page);
      expect(
        violations.map((v) => v.id),
        report(violations),
      ).toEqual([]);
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
      expect(
        violations.map((v) => v.id),
        report(violations),
      ).toEqual([]);
    });

    test('the browse page', async ({ browser, stack }) => {
      const context = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto('/browse');
      await expect(page.getByRole('main').getByRole('link', { name: /General/ })).toBeVisible();
      const violations = await blockingViolations(page);
      expect(
        violations.map((v) => v.id),
        report(violations),
      ).toEqual([]);
    });

    test('the workout pages: logger, summary and history with charts', async ({ browser, stack }) => {
      const person = await newPerson(stack.baseURL, 'Axe');
      const context = await signedInContext(browser, stack.baseURL, person.email);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      const check = async () => {
        const violations = await blockingViolations(page);
        expect(
          violations.map((v) => v.id),
          report(violations),
        ).toEqual([]);
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
