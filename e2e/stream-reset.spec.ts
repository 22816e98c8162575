import { randomUUID } from 'node:crypto';
import type { WebSocketRoute } from '@playwright/test';
import { createPrismaClient } from '@spotter/db';
import { expect, messages, replica, send, signedInContext, test } from './support/fixtures';

// A tab whose socket is cut while 5,000 events happen in its channel comes back far behind: the
// server answers its resume with one `reset` instead of a flood, and the tab shows the newest page.
test('a tab 5,000 events behind gets a reset and shows the newest page', async ({ browser, stack }) => {
  const prisma = createPrismaClient(stack.databaseUrl);
  try {
    const tag = randomUUID().slice(0, 8);
    const alice = await prisma.user.findUniqueOrThrow({ where: { email: 'alice@spotter.dev' } });
    const slug = `reset-${tag}`;
    const channel = await prisma.channel.create({
      data: {
        slug,
        name: `Reset ${tag}`,
        createdById: alice.id,
        memberships: { create: { userId: alice.id, role: 'OWNER' } },
      },
    });

    // The tab's sockets go through this route, so the test can cut them and hold the reconnect
    // until it lets the network come back.
    const context = await signedInContext(browser, stack.baseURL, 'alice@spotter.dev');
    const page = await context.newPage();
    let networkBack: Promise<void> = Promise.resolve();
    let restoreNetwork = () => {};
    const sockets = new Set<WebSocketRoute>();
    await page.routeWebSocket(/\/ws$/, async (socket) => {
      await networkBack;
      sockets.add(socket);
      socket.connectToServer();
    });
    await page.goto(`/c/${slug}?realtime=${replica(stack, 0).index}`);
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected');
    await send(page, slug, `before the gap ${tag}`);
    const beforeTheGap = messages(page).filter({ hasText: `before the gap ${tag}` });
    await expect(beforeTheGap).toHaveCount(1);
    // Stored, not just shown as pending: the bulk insert below continues the stream it started.
    await expect(beforeTheGap).not.toHaveAttribute('data-pending', 'true');

    networkBack = new Promise((resolve) => {
      restoreNetwork = resolve;
    });
    for (const socket of sockets) await socket.close({ code: 1001, reason: 'test: network down' });
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'reconnecting');

    // 5,000 messages while the tab is away, written the way sends are (stream seq + event each).
    const streamId = `channel:${channel.id}`;
    await prisma.$executeRaw`
      WITH head AS (
        UPDATE "Stream" SET "lastSeq" = "lastSeq" + 5000 WHERE "id" = ${streamId} RETURNING "lastSeq"
      ), bulk AS (
        INSERT INTO "Message" ("id", "channelId", "seq", "authorId", "body")
        SELECT ${tag} || '-' || g, ${channel.id}, (SELECT "lastSeq" FROM head) - 5000 + g, ${alice.id}, 'Bulk ' || g
        FROM generate_series(1, 5000) AS g
        RETURNING "id", "seq"
      )
      INSERT INTO "StreamEvent" ("streamId", "seq", "type", "messageId")
      SELECT ${streamId}, "seq", 'message.created', "id" FROM bulk`;

    restoreNetwork();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', {
      timeout: 30_000,
    });
    // The newest page: the last of the 5,000 at the bottom, the message from before the gap gone
    // (it is far older than the page), and no flood of 5,000 rows.
    await expect(messages(page).last()).toContainText('Bulk 5000');
    await expect(messages(page).filter({ hasText: `before the gap ${tag}` })).toHaveCount(0);
    expect(await messages(page).count()).toBeLessThanOrEqual(100);
    await send(page, slug, `after the reset ${tag}`);
    await expect(messages(page).last()).toContainText(`after the reset ${tag}`);
    await context.close();
  } finally {
    await prisma.$disconnect();
  }
});
