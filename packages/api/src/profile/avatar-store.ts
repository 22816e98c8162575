import type { Database } from '@spotter/db';

export type StoredAvatar = { contentType: string; data: Uint8Array; updatedAt: Date };

/**
 * Where pictures live. The `Avatar` table today; a directory or an object store could take its place
 * without touching the procedures or the route that serves them.
 */
export type AvatarStore = {
  /** Stores (or replaces) a user's picture; returns when it was stored (the version in its URL). */
  put(userId: string, image: { contentType: string; data: Uint8Array }): Promise<Date>;
  get(userId: string): Promise<StoredAvatar | null>;
  /** True when there was a picture to remove. */
  remove(userId: string): Promise<boolean>;
};

export function databaseAvatarStore(prisma: Database): AvatarStore {
  return {
    async put(userId, { contentType, data }) {
      const bytes = new Uint8Array(data);
      const row = await prisma.avatar.upsert({
        where: { userId },
        create: { userId, contentType, data: bytes },
        update: { contentType, data: bytes },
        select: { updatedAt: true },
      });
      return row.updatedAt;
    },
    get: (userId) =>
      prisma.avatar.findUnique({
        where: { userId },
        select: { contentType: true, data: true, updatedAt: true },
      }),
    async remove(userId) {
      const { count } = await prisma.avatar.deleteMany({ where: { userId } });
      return count > 0;
    },
  };
}
