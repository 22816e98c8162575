import { authRouter } from './auth/router';
import { channelRouter } from './channel/router';
import { dmRouter } from './conversations/router';
import { meRouter } from './me/router';
import { messageRouter } from './message/router';
import { statusRouter } from './status/router';
import { router } from './trpc';
import { typingRouter } from './typing/router';

export const appRouter = router({
  auth: authRouter,
  channel: channelRouter,
  dm: dmRouter,
  me: meRouter,
  message: messageRouter,
  status: statusRouter,
  typing: typingRouter,
});

export type AppRouter = typeof appRouter;
