import { randomUUID } from 'node:crypto';
import { openAccepted } from '@spotter/test-support';
import type WebSocket from 'ws';
import {
  expect,
  messages,
  mutate,
  newPerson,
  openChannel,
  replica,
  signedInContext,
  test,
} from './support/fixtures';

// A person's own script floods the realtime replica their tab is on, so the replica refuses the
// person's calls beyond 100 a second (TOO_MANY_REQUESTS) — the tab's subscriptions too, when it
// reloads meanwhile. The tab says its live updates are paused, and once the flood stops its
// subscriptions start again by themselves: the channel and the sidebar follow live once more.

/**
 * Sends 100 cheap calls every 50 ms over a socket of its own, with the person's session token: 20
 * times what the replica allows one user, so each second's allowance is spent within 50 ms of its
 * start, for as long as it runs.
 */
async function startFlood(url: string, token: string): Promise<{ stop(): void }> {
  const socket: WebSocket = await openAccepted(`${url}?connectionParams=1`);
  socket.send(JSON.stringify({ method: 'connectionParams', data: { token } }));
  let id = 0;
  const burst = () => {
    const calls = Array.from({ length: 100 }, () => ({
      id: ++id,
      method: 'query',
      params: { path: 'presence.mine', input: { json: undefined } },
    }));
    socket.send(JSON.stringify(calls));
  };
  burst();
  const timer = setInterval(burst, 50);
  return {
    stop() {
      clearInterval(timer);
      socket.close();
    },
  };
}

test('subscriptions refused while the person’s calls are over the allowance pause live updates, then start again by themselves', async ({
  browser,
  stack,
}) => {
  const person = await newPerson(stack.baseURL, 'Scripter');
  const context = await signedInContext(browser, stack.baseURL, person.email);
  const token = (await context.cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'));
  if (!token) throw new Error('no session cookie after signing in');
  const channel = await mutate<{ id: string; slug: string }>(context, stack.baseURL, 'channel.create', {
    name: `Paused ${randomUUID().slice(0, 8)}`,
  });
  const onReplica = replica(stack, 0);
  const page = await openChannel(context, channel.slug, onReplica);
  const status = page.getByTestId('connection-status');
  await expect(status).toHaveAttribute('data-delivery', 'live');

  const flood = await startFlood(onReplica.url, token.value);
  try {
    // Reloaded during the flood, the tab's subscriptions are refused: its updates are paused. (A
    // reload whose subscriptions all land in the first 50 ms of a second is tried again.)
    await expect(async () => {
      await page.reload();
      await expect(status).toHaveAttribute('data-delivery', 'paused', { timeout: 5_000 });
    }).toPass({ timeout: 40_000 });
    await expect(status).toHaveText('Live updates paused');
  } finally {
    flood.stop();
  }

  // Within the backoff's 10 s cap every subscription has started again.
  await expect(status).toHaveAttribute('data-delivery', 'live', { timeout: 30_000 });
  await expect(status).toHaveText('Connected');
  // The channel's stream: a message sent elsewhere (over HTTP, not from this tab) shows here.
  const body = `Back under the bar ${randomUUID().slice(0, 8)}`;
  await mutate(context, stack.baseURL, 'message.send', { channelId: channel.id, body });
  await expect(messages(page).filter({ hasText: body })).toHaveCount(1);
  // The personal stream: a channel created elsewhere appears in the sidebar at once.
  const another = `Paused too ${randomUUID().slice(0, 8)}`;
  await mutate(context, stack.baseURL, 'channel.create', { name: another });
  await expect(
    page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: another, exact: true }),
  ).toBeVisible();
});
