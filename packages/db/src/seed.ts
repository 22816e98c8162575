import type { Database } from './client';
import type { ChannelVisibility, MembershipRole } from './generated/prisma/enums';
import { hashPassword } from './password';
import { takeStreamSeqs } from './stream-seq';

export const DEMO_PASSWORD = 'spotter-demo';

const USERS = [
  { email: 'alice@spotter.dev', name: 'Alice' },
  { email: 'bob@spotter.dev', name: 'Bob' },
  { email: 'carol@spotter.dev', name: 'Carol' },
] as const;
type Handle = 'alice' | 'bob' | 'carol';

const CHANNELS: {
  slug: string;
  name: string;
  visibility: ChannelVisibility;
  members: [Handle, MembershipRole][];
}[] = [
  {
    slug: 'general',
    name: 'General',
    visibility: 'PUBLIC',
    members: [
      ['alice', 'OWNER'],
      ['bob', 'MEMBER'],
      ['carol', 'MEMBER'],
    ],
  },
  {
    slug: 'leg-day',
    name: 'Leg day',
    visibility: 'PUBLIC',
    members: [
      ['alice', 'OWNER'],
      ['bob', 'MEMBER'],
    ],
  },
  { slug: 'cardio', name: 'Cardio', visibility: 'PUBLIC', members: [] },
  { slug: 'coaches', name: 'Coaches', visibility: 'PRIVATE', members: [['alice', 'OWNER']] },
];

/**
 * Alice is friends with Bob and with Carol, so direct messages, presence and the friends' feed work
 * from the first sign-in; Bob and Carol are not, so a friend request can be tried between them.
 */
const FRIENDS: [Handle, Handle][] = [
  ['alice', 'bob'],
  ['alice', 'carol'],
];

const MESSAGES: { channel: string; author: Handle; body: string }[] = [
  { channel: 'general', author: 'alice', body: 'Welcome to Spotter! Say hi 👋' },
  { channel: 'general', author: 'bob', body: 'Hi all — who is in for Saturday?' },
  { channel: 'general', author: 'carol', body: 'Me! 9am works.' },
  { channel: 'general', author: 'alice', body: '9am it is.' },
  { channel: 'leg-day', author: 'bob', body: 'Squats 5x5 today, 100 kg.' },
  { channel: 'leg-day', author: 'alice', body: 'Nice. Going for a Romanian deadlift PR.' },
  { channel: 'leg-day', author: 'bob', body: 'Spot me on the last set?' },
];

/**
 * Demo data: three users (password `spotter-demo`), two friendships, four channels with memberships,
 * and a few messages. Their workouts come after, from @spotter/api's `seedDemoData`, which calls this
 * first: records are derived by rules that live there. Idempotent: each row is found by its natural key and created only when missing, so a
 * second run changes nothing, and messages get their seq the way the app assigns it.
 */
export async function seed(prisma: Database): Promise<void> {
  const users = new Map<Handle, string>();
  for (const { email, name } of USERS) {
    const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    const user =
      existing ??
      (await prisma.user.create({
        data: {
          email,
          username: email.split('@')[0] as Handle,
          name,
          passwordHash: await hashPassword(DEMO_PASSWORD),
        },
      }));
    users.set(email.split('@')[0] as Handle, user.id);
  }
  const userId = (handle: Handle) => users.get(handle) as string;

  for (const [a, b] of FRIENDS) await befriendOnce(prisma, userId(a), userId(b));

  const channels = new Map<string, string>();
  for (const { slug, name, visibility, members } of CHANNELS) {
    const channel = await prisma.channel.upsert({
      where: { slug },
      create: { slug, name, visibility, createdById: userId('alice') },
      update: {},
    });
    channels.set(slug, channel.id);
    for (const [handle, role] of members) {
      await prisma.membership.upsert({
        where: { userId_channelId: { userId: userId(handle), channelId: channel.id } },
        create: { userId: userId(handle), channelId: channel.id, role },
        update: {},
      });
    }
  }

  for (const [index, { channel, author, body }] of MESSAGES.entries()) {
    await postOnce(prisma, {
      channelId: channels.get(channel) as string,
      authorId: userId(author),
      body,
      nonce: `seed-${index}`,
    });
  }
}

/**
 * Makes two people friends (a FRIEND row each way, as accepting a request does) unless something is
 * already recorded between them: a pending request or a block is left as it is.
 */
async function befriendOnce(prisma: Database, a: string, b: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const between = await tx.relationship.count({
      where: {
        OR: [
          { userId: a, otherId: b },
          { userId: b, otherId: a },
        ],
      },
    });
    if (between > 0) return;
    await tx.relationship.createMany({
      data: [
        { userId: a, otherId: b, kind: 'FRIEND' },
        { userId: b, otherId: a, kind: 'FRIEND' },
      ],
    });
  });
}

/** Inserts a message unless its nonce was used before, as the next event of the channel's stream. */
async function postOnce(
  prisma: Database,
  message: { channelId: string; authorId: string; body: string; nonce: string },
): Promise<void> {
  const { channelId, authorId, nonce } = message;
  await prisma.$transaction(async (tx) => {
    const key = { channelId_authorId_nonce: { channelId, authorId, nonce } };
    if (await tx.message.findUnique({ where: key, select: { id: true } })) return;
    const seq = await takeStreamSeqs(tx, `channel:${channelId}`);
    const { id } = await tx.message.create({ data: { ...message, seq }, select: { id: true } });
    await tx.streamEvent.create({
      data: { streamId: `channel:${channelId}`, seq, type: 'message.created', messageId: id },
    });
    // Sending reads the channel up to one's own message, as in the app: nobody's own words are unread.
    await tx.membership.updateMany({
      where: { channelId, userId: authorId, lastReadSeq: { lt: seq } },
      data: { lastReadSeq: seq },
    });
  });
}
