import type { Database, Prisma } from '@spotter/db';
import { type ChannelRole, requireMember } from '../channel/access';
import type { UserSummary } from '../streams/events';

/** A direct or group conversation as lists and its page show it. */
export type ConversationView = {
  id: string;
  kind: 'DIRECT' | 'GROUP';
  /** A group's own name; empty for a direct conversation or an unnamed group (show the members). */
  name: string;
  /** Everyone in it, the caller included, in the order they joined. */
  members: UserSummary[];
  /** Who may remove people from a group (its creator, then whoever inherited it); null for a DM. */
  ownerId: string | null;
  lastMessageAt: Date | null;
};

const CONVERSATION_KINDS = { in: ['DIRECT', 'GROUP'] as ('DIRECT' | 'GROUP')[] };

const viewSelect = {
  id: true,
  kind: true,
  name: true,
  createdAt: true,
  memberships: {
    // People added together join at the same instant: their names break the tie, so lists are stable.
    orderBy: [{ joinedAt: 'asc' }, { user: { name: 'asc' } }],
    select: { role: true, user: { select: { id: true, username: true, name: true } } },
  },
  messages: { orderBy: { seq: 'desc' }, take: 1, select: { createdAt: true } },
} satisfies Prisma.ChannelSelect;

type ViewRow = {
  id: string;
  kind: 'CHANNEL' | 'DIRECT' | 'GROUP';
  name: string;
  createdAt: Date;
  memberships: { role: ChannelRole; user: UserSummary }[];
  messages: { createdAt: Date }[];
};

function toView(row: ViewRow): ConversationView & { activeAt: Date } {
  const lastMessageAt = row.messages[0]?.createdAt ?? null;
  return {
    id: row.id,
    kind: row.kind === 'DIRECT' ? 'DIRECT' : 'GROUP',
    name: row.name,
    members: row.memberships.map((membership) => membership.user),
    ownerId: row.kind === 'GROUP' ? (row.memberships.find((m) => m.role === 'OWNER')?.user.id ?? null) : null,
    lastMessageAt,
    activeAt: lastMessageAt ?? row.createdAt,
  };
}

/** The caller's conversations, newest activity (last message, else creation) first. */
export async function listConversations(prisma: Database, userId: string): Promise<ConversationView[]> {
  const rows = await prisma.channel.findMany({
    where: { kind: CONVERSATION_KINDS, memberships: { some: { userId } } },
    select: viewSelect,
  });
  return rows
    .map(toView)
    .sort((a, b) => b.activeAt.getTime() - a.activeAt.getTime())
    .map(({ activeAt: _, ...view }) => view);
}

/** One conversation of the caller's; NOT_FOUND for one they are not in (and for named channels). */
export async function getConversation(
  prisma: Database,
  userId: string,
  conversationId: string,
): Promise<ConversationView> {
  await requireMember(prisma, userId, conversationId, 'conversation');
  const row = await prisma.channel.findUniqueOrThrow({ where: { id: conversationId }, select: viewSelect });
  const { activeAt: _, ...view } = toView(row);
  return view;
}
