'use client';

import type { RouterOutputs } from '@spotter/api';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useReread } from '@/chat/use-reread';
import { describeError } from '@/trpc/error-message';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { FriendPicker } from '../dm/friend-picker';
import styles from '../feed/feed.module.css';
import { useUnits } from '../workouts/use-units';
import { MemberWorkout } from './member-workout';
import { SetLogger } from './set-logger';

type Session = RouterOutputs['training']['get'];

/**
 * A live training session: who is in it and every member's sets. The session's stream
 * (`training.onEvent`, resumable) rereads the snapshot on every event, so a set logged by anyone on
 * any replica shows here, and a reconnect misses nothing. The stream ends when the viewer leaves.
 */
export function TrainingView({ initial, myId }: { initial: Session; myId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const input = { sessionId: initial.id };
  const { data: session } = useQuery({
    ...trpc.training.get.queryOptions(input, { initialData: initial }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const reread = useReread(trpc.training.get.queryKey(input));
  useSubscription(
    trpc.training.onEvent.subscriptionOptions(
      { sessionId: initial.id, lastEventId: String(initial.seq) },
      { onData: () => reread() },
    ),
  );
  const [isInviting, setIsInviting] = useState(false);
  const invite = useMutation({
    mutationFn: (userIds: string[]) => client.training.invite.mutate({ sessionId: initial.id, userIds }),
    onSuccess: () => setIsInviting(false),
  });
  const leave = useMutation({
    mutationFn: () => client.training.leave.mutate({ sessionId: initial.id }),
    onSuccess: () => router.push('/feed'),
  });
  const units = useUnits();
  const me = session.members.find((member) => member.user.id === myId);
  const memberIds = session.members.filter((m) => m.status !== 'LEFT').map((m) => m.user.id);
  const myWorkout = session.workouts.find((workout) => workout.user.id === myId && !workout.finishedAt);

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Training with {session.host.name}</h1>
      {session.endedAt && <p role="status">This session has ended.</p>}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className={styles.subtitle}>
          Members
        </h2>
        <ul className={styles.members} data-testid="session-members">
          {session.members.map((member) => (
            <li key={member.user.id} data-status={member.status}>
              {member.user.name} · {member.status === 'JOINED' ? 'training' : member.status.toLowerCase()}
            </li>
          ))}
        </ul>
        {me?.status === 'JOINED' && !session.endedAt && !isInviting && (
          <button type="button" className="button button-quiet" onClick={() => setIsInviting(true)}>
            Invite friends
          </button>
        )}
        {isInviting && (
          <FriendPicker
            excludeIds={memberIds}
            submitLabel={(count) => (count > 1 ? `Invite ${count} friends` : 'Invite')}
            isPending={invite.isPending}
            error={invite.error}
            onSubmit={({ userIds }) => invite.mutate(userIds)}
            onCancel={() => setIsInviting(false)}
          />
        )}
      </section>
      {me?.status === 'JOINED' && myWorkout && (
        <SetLogger
          workoutId={myWorkout.id}
          entries={myWorkout.exercises}
          onFinished={() => router.push('/feed')}
        />
      )}
      {session.workouts
        .filter((workout) => memberIds.includes(workout.user.id))
        .map((workout) => (
          <MemberWorkout key={workout.id} workout={workout} isMine={workout.user.id === myId} units={units} />
        ))}
      {me && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => leave.mutate()}
          disabled={leave.isPending}
        >
          Leave session
        </button>
      )}
      {(leave.error || invite.error) && (
        <p role="alert" className="error">
          {describeError(leave.error ?? invite.error)}
        </p>
      )}
    </div>
  );
}
