import { z } from 'zod';

/**
 * The reactions Spotter offers, as Teams, Messenger and LinkedIn offer a short fixed set rather than
 * every emoji: one tap from the message, the same few for everyone, and nothing to validate beyond
 * membership in this list. The gym's own first: strong, on fire, agreed, love, funny, celebrate.
 */
export const REACTION_PALETTE = ['💪', '🔥', '👍', '❤️', '😂', '🎉'] as const;

export const ReactionEmoji = z.enum(REACTION_PALETTE, {
  error: `React with one of ${REACTION_PALETTE.join(' ')}.`,
});
export type ReactionEmoji = z.infer<typeof ReactionEmoji>;
