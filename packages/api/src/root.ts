import { authRouter } from './auth/router';
import { channelRouter } from './channel/router';
import { dmRouter } from './conversations/router';
import { apiTokenRouter } from './credentials/api-token-router';
import { sessionRouter } from './credentials/session-router';
import { feedRouter } from './feed/router';
import { friendsRouter } from './friends/router';
import { kudosRouter } from './kudos/router';
import { meRouter } from './me/router';
import { mentionRouter } from './mentions/router';
import { messageRouter } from './message/router';
import { notificationsRouter } from './notifications/router';
import { presenceRouter } from './presence/router';
import { profileRouter } from './profile/router';
import { readStateRouter } from './readstate/router';
import { recordsRouter, statsRouter } from './records/router';
import { shareProcedures } from './share/router';
import { statusRouter } from './status/router';
import { trainingRouter } from './training/router';
import { router } from './trpc';
import { typingRouter } from './typing/router';
import { exerciseRouter } from './workouts/exercise-router';
import { workoutRouter } from './workouts/router';

export const appRouter = router({
  apiToken: apiTokenRouter,
  auth: authRouter,
  channel: channelRouter,
  dm: dmRouter,
  exercise: exerciseRouter,
  feed: feedRouter,
  friends: friendsRouter,
  kudos: kudosRouter,
  me: meRouter,
  mention: mentionRouter,
  message: messageRouter,
  notifications: notificationsRouter,
  presence: presenceRouter,
  profile: profileRouter,
  readState: readStateRouter,
  records: recordsRouter,
  stats: statsRouter,
  session: sessionRouter,
  status: statusRouter,
  training: trainingRouter,
  typing: typingRouter,
  workout: router({ ...workoutRouter, ...shareProcedures }),
});

export type AppRouter = typeof appRouter;
