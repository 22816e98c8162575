export {
  decodeSessionToken,
  issueSessionToken,
  SESSION_MAX_AGE_SECONDS,
  sessionTokenFromCookieHeader,
} from './auth/session-token';
export { signInWithinLimits } from './auth/sign-in';
export { authenticate } from './auth/user-service';
export { createEventBus } from './bus/index';
export type { TypingEvent } from './bus/topics';
export type { EventBus } from './bus/types';
export { type Cache, type CacheNamespace, createCache } from './cache/index';
export type { Auth, Context, ServerDeps, Session } from './context';
export { createContextFactory } from './create-context';
export { createApiToken } from './credentials/api-tokens';
export { isSessionLive } from './credentials/resolve';
export { announceRevoked } from './credentials/revoke';
export { openSignInSession, revokeSignIns } from './credentials/sign-in-sessions';
export { seedDemoData } from './demo/seed-demo-data';
export { createHttpHandler } from './http';
export * from './limits/index';
export { createLogger, type Logger } from './logger';
export { collectProcessMetrics, type Metrics, metrics } from './metrics';
export type { PresenceItem } from './presence/follow';
export { closePresence } from './presence/service';
export type { ManualMode, PresenceStatus } from './presence/status';
export { type AvatarStore, databaseAvatarStore, type StoredAvatar } from './profile/avatar-store';
export { type AppRouter, appRouter } from './root';
export * from './server/index';
export type {
  MemberView,
  MessageView,
  NotificationView,
  StreamEvent,
  StreamItem,
  StreamMarker,
  UserSummary,
} from './streams/events';
export type { WorkoutCard } from './streams/together-events';
export { createCallerFactory } from './trpc';

import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
