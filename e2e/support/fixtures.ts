import { randomUUID } from 'node:crypto';
import { type Browser, type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { type E2eStack, readStack } from './stack';

export { expect };

/** The seed users' password (packages/db's seed). */
export const DEMO_PASSWORD = 'spotter-demo';

/** Overrides the expect timeout for servers that are slow on purpose (Next compiling in development). */
type Wait = { timeout?: number };

/** Specs get the stack the global setup started; every browser context they open targets its web app. */
export const test = base.extend<{ stack: E2eStack; closeOpenedContexts: undefined }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object.
  stack: async ({}, use) => use(readStack()),
  baseURL: async ({ stack }, use) => use(stack.baseURL),
  // Contexts a test opens with browser.newContext() (signedInContext) outlive it otherwise: their
  // pages keep live sockets and subscriptions, and after a few specs the worker carries dozens.
  closeOpenedContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use(undefined);
      await Promise.all(
        browser
          .contexts()
          .filter((context) => !before.has(context))
          .map((c) => c.close()),
      );
    },
    { auto: true },
  ],
});

/** Realtime replica `index` of the stack, for openChannel. */
export function replica(stack: E2eStack, index: number): { index: number; url: string } {
  const url = stack.realtimeUrls[index];
  if (!url) throw new Error(`the stack has ${stack.realtimeUrls.length} realtime replicas, not ${index + 1}`);
  return { index, url };
}

/**
 * Session cookies of people this worker has signed in, by web app and email. A sign-in costs scrypt
 * (on purpose) and two page loads — seconds each on two busy cores, and tens of seconds against the
 * development server — so later contexts for the same person start from the cookie instead. Only
 * cookies: local storage (drafts) belongs to the test that wrote it.
 */
const signedIn = new Map<string, Cookies>();
type Cookies = Awaited<ReturnType<BrowserContext['storageState']>>['cookies'];

/**
 * A new browser context (its own cookies: one person), signed in. The first time through the login
 * form; after that with the session that sign-in opened, checked first, so a test that signed the
 * person out or revoked it gets a new sign-in. `newSession` always signs in: one person on two
 * devices (the sessions list, "sign out everywhere").
 */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  email: string,
  wait: Wait = {},
  { newSession = false }: { newSession?: boolean } = {},
): Promise<BrowserContext> {
  const key = `${baseURL} ${email}`;
  const cookies = newSession ? undefined : signedIn.get(key);
  if (cookies) {
    const context = await browser.newContext({ baseURL, storageState: { cookies, origins: [] } });
    // Any signed-in query answers 401 once the session is revoked.
    const probe = await context.request.get(`${baseURL}/api/trpc/me.units`);
    if (probe.ok()) return context;
    await context.close();
  }
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email, wait);
  await page.close();
  if (!newSession) signedIn.set(key, (await context.storageState()).cookies);
  return context;
}

/** A fresh account (specs share one database), created through the API as the sign-up form does. */
export async function newPerson(baseURL: string, name: string) {
  const tag = randomUUID().slice(0, 8);
  const person = {
    name,
    username: `${name.toLowerCase()}_${tag}`,
    email: `${name.toLowerCase()}-${tag}@e2e.spotter.dev`,
  };
  const response = await fetch(`${baseURL}/api/trpc/auth.signUp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { ...person, password: DEMO_PASSWORD } }),
  });
  expect(response.status).toBe(200);
  return person;
}

/**
 * How long a sign-in or sign-up may take here: scrypt at OWASP's cost spends a few hundred ms of CPU
 * per password on purpose, and seconds when several tests' servers share two busy cores.
 */
export const PASSWORD_WORK = { timeout: 45_000 };

/** Signs in through the login form and waits for the redirect into a channel. */
export async function signIn(page: Page, email: string, wait: Wait = {}) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/c\/[^/?]+/, { ...PASSWORD_WORK, ...wait });
}

/**
 * Opens a channel in a new tab of `context` and waits until its socket is connected. `replica` pins the
 * tab to that realtime server (`?realtime=N`) and checks that its socket really went there; null when
 * the web app serves /ws itself.
 */
export async function openChannel(
  context: BrowserContext,
  slug: string,
  replica: { index: number; url: string } | null,
  wait: Wait = {},
): Promise<Page> {
  const page = await context.newPage();
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await page.goto(replica === null ? `/c/${slug}` : `/c/${slug}?realtime=${replica.index}`);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', wait);
  if (replica !== null) expect(sockets.at(-1)).toBe(replica.url);
  return page;
}

/** The rendered messages of the open channel (role=log "Messages"). */
export function messages(page: Page) {
  return page.getByRole('log', { name: 'Messages' }).getByTestId('message');
}

/** Types into the channel's composer and presses Enter. */
export async function send(page: Page, slug: string, body: string) {
  const composer = page.getByRole('textbox', { name: `Message #${slug}` });
  await composer.fill(body);
  await composer.press('Enter');
}

/** Calls one mutation over HTTP with the context's session cookie, as the page's own client would. */
export async function mutate<T>(
  context: BrowserContext,
  baseURL: string,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await context.request.post(`${baseURL}/api/trpc/${path}`, {
    headers: { 'content-type': 'application/json', origin: baseURL },
    data: { json: input },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/**
 * Two fresh accounts (see newPerson), each signed in, made friends the way the app does: a request
 * each way (the second accepts). Each comes with its browser context.
 */
export async function newFriends(browser: Browser, baseURL: string, firstName: string, secondName: string) {
  const [first, second] = await Promise.all(
    [firstName, secondName].map(async (name) => {
      const person = await newPerson(baseURL, name);
      return { ...person, context: await signedInContext(browser, baseURL, person.email) };
    }),
  );
  if (!first || !second) throw new Error('two people were asked for');
  await mutate(first.context, baseURL, 'friends.request', { username: second.username });
  await mutate(second.context, baseURL, 'friends.request', { username: first.username });
  return [first, second] as const;
}

/**
 * The demo's Alice and Bob in one channel, Alice's tab on realtime replica 0 and Bob's on replica 1,
 * so everything one does crosses replicas through Redis before the other sees it.
 */
export async function aliceAndBobIn(browser: Browser, stack: E2eStack, slug: string) {
  const [alice, bob] = await Promise.all(
    ['alice', 'bob'].map((name) => signedInContext(browser, stack.baseURL, `${name}@spotter.dev`)),
  );
  if (!alice || !bob) throw new Error('two people were asked for');
  const alicePage = await openChannel(alice, slug, replica(stack, 0));
  const bobPage = await openChannel(bob, slug, replica(stack, 1));
  return { alice, bob, alicePage, bobPage };
}
