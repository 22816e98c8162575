import type { Page } from '@playwright/test';
import { expect, signedInContext, test } from './support/fixtures';

/**
 * Opens a WebSocket from `page` to `url`, as a script on that page would, and asks who it is
 * (tRPC's `auth.me` over the raw protocol). Resolves with the email, `anonymous`, or `refused`
 * when the upgrade failed (a browser does not reveal the status: 403 and 404 look alike).
 */
function whoAmI(page: Page, url: string): Promise<string> {
  return page.evaluate(
    (wsUrl) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(wsUrl);
        socket.onerror = () => resolve('refused');
        socket.onopen = () =>
          socket.send(JSON.stringify({ id: 1, method: 'query', params: { path: 'auth.me', input: {} } }));
        socket.onmessage = ({ data }) => {
          if (typeof data !== 'string' || !data.startsWith('{')) return;
          const reply = JSON.parse(data) as { result?: { data?: { json?: { email?: string } | null } } };
          resolve(reply.result?.data?.json?.email ?? 'anonymous');
          socket.close();
        };
      }),
    url,
  );
}

const httpOrigin = (wsUrl: string) => new URL(wsUrl.replace(/^ws/, 'http')).origin;

test('a page on another origin cannot open a socket with the signed-in user’s cookie; the app’s pages can', async ({
  browser,
  stack,
}) => {
  const context = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
  const page = await context.newPage();
  const webSocketUrl = `${stack.baseURL.replace(/^http/, 'ws')}/ws`;
  const [replicaA, replicaB] = stack.realtimeUrls as [string, string];

  // Replica B's own page stands in for a foreign site: another origin on the same host, so the
  // browser attaches alice's session cookie to every upgrade it opens, as it would for evil.example.
  await page.goto(`${httpOrigin(replicaB)}/health`);
  expect(await whoAmI(page, webSocketUrl)).toBe('refused');
  expect(await whoAmI(page, replicaA)).toBe('refused');

  // The web app's page: same origin for its own /ws, an allowed origin (ALLOWED_ORIGINS) for replicas.
  await page.goto('/api/health');
  expect(await whoAmI(page, webSocketUrl)).toBe('alice@spotter.dev');
  expect(await whoAmI(page, replicaA)).toBe('alice@spotter.dev');
  await context.close();
});
