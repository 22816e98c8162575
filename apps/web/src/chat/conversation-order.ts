import type { ConversationView } from './conversation-name';

/**
 * The sidebar's conversations, the ones with a message since the list was read first (newest on
 * top), then the rest in the server's order (most recently active first). The read states are reread
 * on every message in any of the user's conversations, so a conversation moves up as its message
 * arrives, as in Slack and Discord, without rereading the list itself.
 */
export function byRecentActivity(
  conversations: readonly ConversationView[],
  lastMessageAt: (conversationId: string) => Date | null | undefined,
): ConversationView[] {
  const newer = (conversation: ConversationView) => {
    const latest = lastMessageAt(conversation.id);
    const listed = conversation.lastMessageAt;
    return latest && (!listed || latest > listed) ? latest.getTime() : null;
  };
  const moved = conversations
    .map((conversation) => ({ conversation, at: newer(conversation) }))
    .filter((entry): entry is { conversation: ConversationView; at: number } => entry.at !== null)
    .sort((a, b) => b.at - a.at)
    .map((entry) => entry.conversation);
  if (moved.length === 0) return [...conversations];
  return [...moved, ...conversations.filter((conversation) => !moved.includes(conversation))];
}
