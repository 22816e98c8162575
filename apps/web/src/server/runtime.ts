import type { AppRouter, AvatarStore, Logger, ServerDeps, Session } from '@spotter/api';
import type { WebEnv } from '../env';

export type DatabaseKind = 'embedded' | 'postgres';

/**
 * Everything this process serves with, built once by server.ts (see deps.ts). Next's bundles reach
 * the API through this object, never by importing @spotter/api or @spotter/db themselves: one copy
 * of each runs per process, so an event published by an HTTP mutation reaches the WebSocket
 * subscribers through the same in-memory bus, and the embedded database is opened once.
 */
export type WebRuntime = {
  env: WebEnv;
  logger: Logger;
  deps: ServerDeps;
  database: { kind: DatabaseKind; url: string };
  /** The tRPC HTTP endpoint (`/api/trpc`) as a fetch handler. */
  handleTrpcRequest(req: Request): Promise<Response>;
  /** Calls procedures in-process, as the given user (server components). */
  callerFor(session: Session): ReturnType<AppRouter['createCaller']>;
  /**
   * Checks a password within the sign-in limits (per client address and per account); throws an
   * AppError TOO_MANY_REQUESTS when either is spent.
   */
  authenticate(
    credentials: { email: string; password: string },
    clientIp: string | null,
  ): Promise<Session | null>;
  /** How long a session lasts since its last visit (the JWT's and the SignInSession's lifetime). */
  sessionMaxAgeSeconds: number;
  /** Registers a browser sign-in; its id becomes the JWT's `sid`. */
  openSignIn(userId: string, userAgent: string | null): Promise<{ sessionId: string }>;
  /** False once the sign-in was revoked or expired (checked on every page, as on every API call). */
  isSessionLive(session: Session, sessionId: string): Promise<boolean>;
  /** Sign-out: revokes the sign-in everywhere and closes its sockets. */
  revokeSignIn(userId: string, sessionId: string): Promise<void>;
  /** Where profile pictures are kept (served by /api/avatar/[userId]). */
  avatars: AvatarStore;
  /** Closes the bus, the database client and, if it runs here, the embedded database. */
  close(): Promise<void>;
};

const RUNTIME = Symbol.for('spotter.web.runtime');
const store = globalThis as { [RUNTIME]?: WebRuntime };

export function installWebRuntime(runtime: WebRuntime): void {
  store[RUNTIME] = runtime;
}

/** The process' runtime; route handlers and server components call this per request. */
export function getWebRuntime(): WebRuntime {
  const runtime = store[RUNTIME];
  if (!runtime) {
    throw new Error('Spotter web runs through its custom server: start it with `npm run dev` or `npm start`');
  }
  return runtime;
}
