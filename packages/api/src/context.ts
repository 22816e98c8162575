import type { Database } from '@spotter/db';
import type { EventBus } from './bus/types';
import type { Limits } from './limits/limiter';
import type { Logger } from './logger';

/** What every procedure may use; each app builds these once per process and hands them in. */
export type ServerDeps = {
  prisma: Database;
  bus: EventBus;
  logger: Logger;
  /** The NEXTAUTH_SECRET shared by every web and realtime replica. */
  authSecret: string;
  /** The abuse limits (limits/table.ts), shared by every replica through Redis in scaled mode. */
  limits: Limits;
};

export type Session = { userId: string; name: string; email: string };

export type Context = ServerDeps & {
  session: Session | null;
  /** The caller's address (behind a trusted proxy, from X-Forwarded-For); null for in-process callers. */
  clientIp?: string | null;
};
