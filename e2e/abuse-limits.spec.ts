import { randomUUID } from 'node:crypto';
import type { BrowserContext } from '@playwright/test';
import {
  DEMO_PASSWORD,
  expect,
  messages,
  newPerson,
  openChannel,
  signedInContext,
  test,
} from './support/fixtures';

// The e2e stack allows 30 sends per user per channel and 3 failed sign-ins per account in 10 minutes
// (in the global setup): a test that uses an allowance up sees what a person would next.
const ALLOWANCE = 30;

/** Calls a mutation over HTTP with the context's session cookie, as the page's own client would. */
async function mutate(context: BrowserContext, baseURL: string, paths: string[], inputs: unknown[]) {
  const body = Object.fromEntries(inputs.map((input, index) => [index, { json: input }]));
  const response = await context.request.post(`${baseURL}/api/trpc/${paths.join(',')}?batch=1`, {
    headers: { 'content-type': 'application/json', origin: baseURL },
    data: body,
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { result: { data: { json: { id: string; slug: string } } } }[];
}

test('a send refused for going too fast keeps the draft and says when to try again', async ({
  browser,
  stack,
}) => {
  const person = await newPerson(stack.baseURL, 'Flooder');
  const context = await signedInContext(browser, stack.baseURL, person.email);
  const [created] = await mutate(
    context,
    stack.baseURL,
    ['channel.create'],
    [{ name: `Flood ${randomUUID().slice(0, 8)}` }],
  );
  if (!created) throw new Error('channel.create answered nothing');
  const { id: channelId, slug } = created.result.data.json;
  const flood = Array.from({ length: ALLOWANCE }, (_, i) => ({ channelId, body: `flood ${i}` }));
  await mutate(
    context,
    stack.baseURL,
    flood.map(() => 'message.send'),
    flood,
  );

  const page = await openChannel(context, slug, null);
  await expect(messages(page)).toHaveCount(ALLOWANCE);
  const composer = page.getByRole('textbox', { name: `Message #${slug}` });
  const draft = `One more set ${randomUUID().slice(0, 8)}`;
  await composer.fill(draft);
  await composer.press('Enter');

  const notice = page.getByRole('alert').filter({ hasText: 'Slow down' });
  await expect(notice).toHaveText(/^Slow down — try again in \d+ s\.$/);
  await expect(composer).toHaveValue(draft);
  // The refused message is not shown as sent (nor left pending).
  await expect(messages(page).filter({ hasText: draft })).toHaveCount(0);
  await expect(messages(page)).toHaveCount(ALLOWANCE);
});

test('after too many failed sign-ins the form says so, even for the right password', async ({
  browser,
  stack,
}) => {
  const person = await newPerson(stack.baseURL, 'Forgetful');
  const context = await browser.newContext({ baseURL: stack.baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  const attempt = async (password: string) => {
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  for (let i = 0; i < 3; i++) {
    await attempt(`wrong password ${i}`);
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible();
  }
  await attempt(DEMO_PASSWORD);
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /^Too many failed sign-ins to this account\. Try again in \d+ s\.$/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});
