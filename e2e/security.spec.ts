import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { createPrismaClient } from '@spotter/db';
import {
  DEMO_PASSWORD,
  expect,
  messages,
  openChannel,
  PASSWORD_WORK,
  replica,
  send,
  signedInContext,
  test,
} from './support/fixtures';

// What an attacker tries from the browser: script in anything a user can name or write, a page on
// another site that posts to Spotter with the victim's cookie, and — for all of it — the app has to
// keep working under its own Content-Security-Policy without a single violation.

/** Records CSP violations (and script that ran where it must not) in every page of the context. */
async function watchForViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`),
    );
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
const injectedScriptRan = (page: Page) =>
  page.evaluate(() => (window as unknown as { __xss?: string }).__xss);

/** Signs up through the API with a display name the UI would let anyone choose. */
async function signUp(baseURL: string, name: string) {
  const tag = randomUUID().slice(0, 8);
  const person = {
    name,
    username: `sec_${tag}`,
    email: `sec-${tag}@e2e.spotter.dev`,
    password: DEMO_PASSWORD,
  };
  const response = await fetch(`${baseURL}/api/trpc/auth.signUp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: person }),
  });
  expect(response.status).toBe(200);
  return person;
}

test('pages carry the security headers and the app runs under its CSP without a violation', async ({
  browser,
  stack,
}) => {
  const response = await fetch(`${stack.baseURL}/login`);
  const policy = response.headers.get('content-security-policy') ?? '';
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  for (const url of stack.realtimeUrls) expect(policy).toContain(new URL(url).origin);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('x-powered-by')).toBeNull();

  const person = await signUp(stack.baseURL, 'Csp Checker');
  const context = await browser.newContext({ baseURL: stack.baseURL });
  await watchForViolations(context);
  const login = await context.newPage();
  await login.goto('/login');
  await login.getByLabel('Email').fill(person.email);
  await login.getByLabel('Password').fill(DEMO_PASSWORD);
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(login).toHaveURL(/\/c\/[^/?]+/, PASSWORD_WORK);
  expect(await violations(login)).toEqual([]);

  // Realtime on another origin (REALTIME_URLS), live messages, other pages: all within the policy.
  const page = await openChannel(context, 'general', replica(stack, 1));
  const text = `Under CSP ${randomUUID().slice(0, 8)}`;
  await send(page, 'general', text);
  await expect(messages(page).filter({ hasText: text })).toHaveCount(1);
  await page.goto('/friends');
  await expect(page.getByRole('heading', { name: 'Friends', exact: true })).toBeVisible();
  await page.goto('/settings/profile');
  await expect(page.getByLabel('Display name')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('script in a display name, a channel name or a message renders as text', async ({ browser, stack }) => {
  test.slow();
  const payloadName = '<img src=x onerror="window.__xss=\'name\'">';
  const mallory = await signUp(stack.baseURL, payloadName);
  const malloryContext = await signedInContext(browser, stack.baseURL, mallory.email);
  const viewerContext = await signedInContext(browser, stack.baseURL, 'bob@spotter.dev');
  await watchForViolations(viewerContext);
  const malloryPage = await openChannel(malloryContext, 'general', replica(stack, 0));
  const viewerPage = await openChannel(viewerContext, 'general', replica(stack, 1));

  const body = `<script>window.__xss='body'</script><img src=x onerror="window.__xss='body'"> ${randomUUID().slice(0, 6)}`;
  await send(malloryPage, 'general', body);
  const seen = messages(viewerPage).filter({ hasText: body });
  await expect(seen).toHaveCount(1);
  await expect(seen).toContainText(payloadName);

  const channelName = `<script>window.__xss='channel'</script>${randomUUID().slice(0, 4)}`;
  await malloryPage.getByRole('button', { name: 'New channel' }).click();
  await malloryPage.getByLabel('Channel name').fill(channelName);
  await malloryPage.getByRole('button', { name: 'Create channel' }).click();
  await expect(malloryPage.getByRole('heading', { name: channelName })).toBeVisible();

  for (const page of [malloryPage, viewerPage]) expect(await injectedScriptRan(page)).toBeUndefined();
  expect(await viewerPage.locator('img[src="x"]').count()).toBe(0);
});

test("a page on another site cannot run a mutation with the victim's cookie", async ({ browser, stack }) => {
  const victim = await signedInContext(browser, stack.baseURL, 'carol@spotter.dev');
  const tag = randomUUID().slice(0, 8);
  const names = { form: `csrf-form-${tag}`, fetch: `csrf-fetch-${tag}`, control: `csrf-control-${tag}` };
  const create = `${stack.baseURL}/api/trpc/channel.create`;

  // The attacker's page, served for a host of its own: another site than 127.0.0.1.
  await victim.route('http://attacker.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body>
        <form id="f" method="POST" action="${create}" enctype="text/plain">
          <input name='{"json":{"name":"${names.form}","x":"' value='"}}'>
        </form>
        <script>
          fetch(${JSON.stringify(create)}, {
            method: 'POST', mode: 'no-cors', credentials: 'include',
            headers: { 'content-type': 'text/plain' },
            body: JSON.stringify({ json: { name: ${JSON.stringify(names.fetch)} } }),
          }).finally(() => { window.__fetched = true; document.getElementById('f').submit(); });
        </script>
      </body></html>`,
    }),
  );
  const attackerPage = await victim.newPage();
  const formPosted = attackerPage.waitForResponse((response) => response.url() === create);
  await attackerPage.goto('http://attacker.test/');
  await formPosted;

  // The control: the same cookie from Spotter's own page does create a channel, so the refusals
  // above are the protections at work, not a broken request.
  const ownPage = await victim.newPage();
  await ownPage.goto('/friends');
  const status = await ownPage.evaluate(
    async ({ url, name }) =>
      (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ json: { name } }),
        })
      ).status,
    { url: create, name: names.control },
  );
  expect(status).toBe(200);

  const prisma = createPrismaClient(stack.databaseUrl);
  try {
    const created = await prisma.channel.findMany({
      where: { name: { in: Object.values(names) } },
      select: { name: true },
    });
    expect(created.map((channel) => channel.name)).toEqual([names.control]);
  } finally {
    await prisma.$disconnect();
  }
});
