import type { Database } from '@spotter/db';

/** The channel everyone starts in: new accounts join it, and sign-in lands there by default. */
export const HOME_CHANNEL_SLUG = 'general';

/**
 * The slug to open after sign-in (as Slack does): the channel visited last if the user is still a
 * member, else #general if they are in it, else their first channel by name; null when they are in
 * none (the app then shows the channel directory).
 */
export async function homeChannelSlug(prisma: Database, userId: string): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { lastChannelId: true } });
  // Named channels only: a direct or group conversation has no slug to land on.
  const memberships = await prisma.membership.findMany({
    where: { userId, channel: { kind: 'CHANNEL' } },
    select: { channelId: true, channel: { select: { slug: true, name: true } } },
    orderBy: { channel: { name: 'asc' } },
  });
  const pick =
    memberships.find((m) => m.channelId === user?.lastChannelId) ??
    memberships.find((m) => m.channel.slug === HOME_CHANNEL_SLUG) ??
    memberships[0];
  return pick?.channel.slug ?? null;
}

/** Remembers the channel the user opened, for the next sign-in; only named channels they are in count. */
export async function rememberChannel(prisma: Database, userId: string, channelId: string): Promise<void> {
  const membership = await prisma.membership.findUnique({
    where: { userId_channelId: { userId, channelId } },
    select: { channel: { select: { kind: true } } },
  });
  if (membership?.channel.kind === 'CHANNEL')
    await prisma.user.update({ where: { id: userId }, data: { lastChannelId: channelId } });
}
