import type { Database } from '@spotter/db';
import type { EventBus } from './bus/types';
import type { Cache } from './cache/types';
import type { Limits } from './limits/limiter';
import type { Logger } from './logger';

/** What every procedure may use; each app builds these once per process and hands them in. */
export type ServerDeps = {
  prisma: Database;
  bus: EventBus;
  /** Profiles, workout summaries, the exercise library, the feed's first page (see cache/). */
  cache: Cache;
  logger: Logger;
  /** The NEXTAUTH_SECRET shared by every web and realtime replica. */
  authSecret: string;
  /** The abuse limits (limits/table.ts), shared by every replica through Redis in scaled mode. */
  limits: Limits;
};

export type Session = { userId: string; name: string; email: string };

/**
 * How this caller proved who they are: a browser sign-in (`sessionId`, the JWT's `sid`) or a personal
 * API token (`tokenId`). Rate limits key on `tokenId` when there is one; `scope: 'read'` may only
 * query and subscribe. In-process callers (server components, router tests) may leave it out.
 */
export type Auth = {
  userId: string;
  sessionId?: string;
  tokenId?: string;
  scope: 'read' | 'write';
};

export type Context = ServerDeps & {
  session: Session | null;
  auth?: Auth | null;
  /** Set for a WebSocket connection (one per tab): what presence counts as a device. */
  connectionId?: string;
  /** The caller's address (behind a trusted proxy, from X-Forwarded-For); null for in-process callers. */
  clientIp?: string | null;
};
