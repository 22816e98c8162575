export { issueSessionToken, sessionFromToken, sessionTokenFromCookieHeader } from './auth/session-token';
export { signInWithinLimits } from './auth/sign-in';
export { authenticate } from './auth/user-service';
export { createEventBus } from './bus/index';
export type { TypingEvent } from './bus/topics';
export type { EventBus } from './bus/types';
export type { Context, ServerDeps, Session } from './context';
export { createContextFactory } from './create-context';
export { createHttpHandler } from './http';
export * from './limits/index';
export { createLogger, type Logger } from './logger';
export { type Metrics, metrics } from './metrics';
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
export { createCallerFactory } from './trpc';

import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
