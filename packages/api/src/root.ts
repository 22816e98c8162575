import { authRouter } from './auth/router';
import { channelRouter } from './channel/router';
import { dmRouter } from './conversations/router';
import { friendsRouter } from './friends/router';
import { meRouter } from './me/router';
import { mentionRouter } from './mentions/router';
import { messageRouter } from './message/router';
import { notificationsRouter } from './notifications/router';
import { profileRouter } from './profile/router';
import { recordsRouter, statsRouter } from './records/router';
import { statusRouter } from './status/router';
import { router } from './trpc';
import { typingRouter } from './typing/router';
import { exerciseRouter } from './workouts/exercise-router';
import { workoutRouter } from './workouts/router';

export const appRouter = router({
  auth: authRouter,
  channel: channelRouter,
  dm: dmRouter,
  exercise: exerciseRouter,
  friends: friendsRouter,
  me: meRouter,
  mention: mentionRouter,
  message: messageRouter,
  notifications: notificationsRouter,
  profile: profileRouter,
  records: recordsRouter,
  stats: statsRouter,
  status: statusRouter,
  typing: typingRouter,
  workout: workoutRouter,
});

export type AppRouter = typeof appRouter;
