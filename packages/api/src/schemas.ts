import { z } from 'zod';

/** Ids are cuids; capping the length keeps junk out of queries and logs. */
export const Id = z.string().min(1).max(64);

const MESSAGE_MAX_LENGTH = 4000;

export const MessageBody = z
  .string()
  .trim()
  .min(1, 'A message cannot be empty.')
  .max(MESSAGE_MAX_LENGTH, `A message can be at most ${MESSAGE_MAX_LENGTH} characters.`);

/** Seqs are PostgreSQL integers: anything larger is not a seq of ours (and would overflow a query). */
export const MAX_SEQ = 2_147_483_647;

/**
 * tRPC's wsLink sends back the last tracked id it saw: a stream seq. Parsed to a number here, so
 * procedures never see the string.
 */
export const LastEventId = z
  .string()
  .regex(/^\d{1,10}$/, 'lastEventId must be a stream seq (a whole number).')
  .transform(Number)
  .refine((seq) => seq <= MAX_SEQ, 'lastEventId is larger than any seq.')
  .nullish()
  .transform((seq) => seq ?? null);
