import type { RouterOutputs } from '@spotter/api';

export type ConversationView = RouterOutputs['dm']['list'][number];

/** A group's own name, else the other members' names ("Bob, Carol"); "Only you" once all others left. */
export function conversationName(conversation: ConversationView, myId: string): string {
  if (conversation.name) return conversation.name;
  const others = conversation.members.filter((member) => member.id !== myId);
  return others.length > 0 ? others.map((member) => member.name).join(', ') : 'Only you';
}
