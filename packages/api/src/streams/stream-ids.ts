/**
 * Every stream a client can follow, by id. Channel streams carry a conversation (messages and
 * membership); a user's stream carries what is addressed to that user on every device.
 */
export const streamIds = {
  channel: (channelId: string) => `channel:${channelId}`,
  user: (userId: string) => `user:${userId}`,
  /** A live training session: members coming and going, and every member's workout changes. */
  session: (sessionId: string) => `session:${sessionId}`,
  /** A reader's activity feed: friends' workouts and records, fanned out on write (see feed/). */
  feed: (userId: string) => `feed:${userId}`,
};
