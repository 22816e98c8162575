import { authRouter } from './auth/router';
import { channelRouter } from './channel/router';
import { dmRouter } from './conversations/router';
import { apiTokenRouter } from './credentials/api-token-router';
import { sessionRouter } from './credentials/session-router';
import { friendsRouter } from './friends/router';
import { meRouter } from './me/router';
import { mentionRouter } from './mentions/router';
import { messageRouter } from './message/router';
import { notificationsRouter } from './notifications/router';
import { profileRouter } from './profile/router';
import { statusRouter } from './status/router';
import { router } from './trpc';
import { typingRouter } from './typing/router';

export const appRouter = router({
  apiToken: apiTokenRouter,
  auth: authRouter,
  channel: channelRouter,
  dm: dmRouter,
  friends: friendsRouter,
  me: meRouter,
  mention: mentionRouter,
  message: messageRouter,
  notifications: notificationsRouter,
  profile: profileRouter,
  session: sessionRouter,
  status: statusRouter,
  typing: typingRouter,
});

export type AppRouter = typeof appRouter;
