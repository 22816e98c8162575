import { expect, newPerson, openChannel, replica, signedInContext, test } from './support/fixtures';

test.describe('sessions and API tokens', () => {
  test('"sign out everywhere" in one browser sends the other (on another replica) to the sign-in page', async ({
    browser,
    stack,
  }) => {
    test.slow();
    const person = await newPerson(stack.baseURL, 'Everywhere');
    const laptop = await signedInContext(browser, stack.baseURL, person.email);
    const phone = await signedInContext(browser, stack.baseURL, person.email, {}, { newSession: true });
    const phonePage = await openChannel(phone, 'general', replica(stack, 1));

    const settings = await laptop.newPage();
    await settings.goto(`/settings/sessions?realtime=0`);
    const rows = settings.getByTestId('session-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'this browser' })).toHaveCount(1);

    await settings.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(settings).toHaveURL(/\/login$/);
    // The other browser's socket was closed by its replica: the tab goes to the sign-in page itself.
    await expect(phonePage).toHaveURL(/\/login$/, { timeout: 15_000 });
    // And its cookie no longer opens anything.
    await phonePage.goto('/c/general');
    await expect(phonePage).toHaveURL(/\/login$/);
  });

  test('revoking one session from the list signs that browser out', async ({ browser, stack }) => {
    test.slow();
    const person = await newPerson(stack.baseURL, 'OneOff');
    const laptop = await signedInContext(browser, stack.baseURL, person.email);
    const phone = await signedInContext(browser, stack.baseURL, person.email, {}, { newSession: true });
    const phonePage = await openChannel(phone, 'general', replica(stack, 0));

    const settings = await laptop.newPage();
    await settings.goto('/settings/sessions');
    await settings.getByRole('button', { name: /^Revoke / }).click();
    await expect(settings.getByTestId('session-row')).toHaveCount(1);
    await expect(phonePage).toHaveURL(/\/login$/, { timeout: 15_000 });
    // The laptop is still signed in.
    await settings.reload();
    await expect(settings.getByTestId('session-row')).toHaveCount(1);
  });

  test('an API token is shown once, listed by its prefix, and revoked', async ({ browser, stack }) => {
    const person = await newPerson(stack.baseURL, 'Tokens');
    const context = await signedInContext(browser, stack.baseURL, person.email);
    const page = await context.newPage();
    // From any page: the sidebar's Settings, then API tokens.
    await page.goto('/');
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('link', { name: 'API tokens' }).click();
    await expect(page).toHaveURL(/\/settings\/tokens$/);
    await page.getByLabel('Name', { exact: true }).fill('PR bot');
    await page.getByLabel('Access').selectOption('write');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('new-token').textContent()) ?? '';
    expect(token).toMatch(/^spt_/);

    const api = await fetch(`${stack.baseURL}/api/trpc/auth.me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(
      ((await api.json()) as { result: { data: { json: { email: string } } } }).result.data.json.email,
    ).toBe(person.email);

    await page.reload();
    await expect(page.getByTestId('new-token')).toHaveCount(0);
    await expect(page.getByTestId('token-row')).toContainText(token.slice(0, 10));
    await page.getByRole('button', { name: 'Revoke PR bot' }).click();
    await expect(page.getByTestId('token-row')).toHaveCount(0);
    const refused = await fetch(`${stack.baseURL}/api/trpc/auth.me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(401);
  });
});
