import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, messages, openChannel, signedInContext, test } from './support/fixtures';

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
  });
}
