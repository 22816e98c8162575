import { z } from 'zod';

/** Ids are cuids; capping the length keeps junk out of queries and logs. */
export const Id = z.string().min(1).max(64);

export const MESSAGE_MAX_LENGTH = 4000;

export const MessageBody = z
  .string()
  .trim()
  .min(1, 'A message cannot be empty.')
  .max(MESSAGE_MAX_LENGTH, `A message can be at most ${MESSAGE_MAX_LENGTH} characters.`);

/** tRPC's wsLink sends back the last tracked id it saw; ours are seqs. */
export const LastEventId = z
  .string()
  .regex(/^\d{1,15}$/, 'lastEventId must be a message seq (a whole number).')
  .nullish();
