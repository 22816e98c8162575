export {
  createPrismaClient,
  type Database,
  POOL_TIMEOUT_MESSAGE,
  type PrismaClientOptions,
  type RawAccess,
  rawAccessOf,
} from './client';
export { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded';
export {
  type Channel,
  ChannelVisibility,
  type Membership,
  MembershipRole,
  type Message,
  Prisma,
  PrismaClient,
  type User,
} from './generated/prisma/client';
export type { DbLogger } from './logger';
export { migrate } from './migrate';
export { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from './password';
export { seed } from './seed';
export { type Transaction, takeStreamSeqs } from './stream-seq';
