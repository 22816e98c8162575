export { issueSessionToken, sessionFromToken, sessionTokenFromCookieHeader } from './auth/session-token';
export { createEventBus } from './bus/index';
export type { ChannelEvent, MessageView, TypingEvent } from './bus/topics';
export type { EventBus } from './bus/types';
export type { Context, ServerDeps, Session } from './context';
export { createContextFactory } from './create-context';
export { createHttpHandler } from './http';
export { createLogger, type Logger } from './logger';
export { type Metrics, metrics } from './metrics';
export { type AppRouter, appRouter } from './root';
export { authenticate } from './services/user-service';
export { createCallerFactory } from './trpc';
export { attachTrpcWebSocket, KEEP_ALIVE } from './ws';

import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
