import type { Database } from '@spotter/db';
import { streamIds } from '../streams/stream-ids';

/**
 * Takes a channel stream's row lock in a transaction of its own, so the channel's sends wait inside
 * the database (as behind a long batch), and resolves once the lock is held. The returned function
 * lets go and waits for that transaction's end; calling it again is harmless.
 */
export async function holdChannelStream(db: Database, channelId: string): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = () => {};
  const isHeld = new Promise<void>((resolve) => {
    held = resolve;
  });
  const holder = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Stream" WHERE "id" = ${streamIds.channel(channelId)} FOR UPDATE`;
      held();
      await released;
    },
    { timeout: 30_000 },
  );
  await Promise.race([isHeld, holder]);
  return async () => {
    release();
    await holder;
  };
}
