/**
 * Every stream a client can follow, by id. Channel streams carry a conversation (messages and
 * membership); a user's stream carries what is addressed to that user on every device.
 */
export const streamIds = {
  channel: (channelId: string) => `channel:${channelId}`,
  user: (userId: string) => `user:${userId}`,
  /** A live training session: every member's workout changes (see workouts/session-events.ts). */
  session: (sessionId: string) => `session:${sessionId}`,
};
