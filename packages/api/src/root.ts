import { authRouter } from './routers/auth';
import { channelRouter } from './routers/channel';
import { messageRouter } from './routers/message';
import { typingRouter } from './routers/typing';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  channel: channelRouter,
  message: messageRouter,
  typing: typingRouter,
});

export type AppRouter = typeof appRouter;
