'use client';

import type { ManualMode } from '@spotter/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './presence.module.css';
import { PresenceDot } from './presence-dot';

const CHOICES: { mode: ManualMode; label: string }[] = [
  { mode: 'auto', label: 'Online' },
  { mode: 'dnd', label: 'Do not disturb' },
  { mode: 'invisible', label: 'Appear offline' },
];

/** The signed-in user's status: online (idle follows input), do not disturb, or appear offline. */
export function StatusMenu({ me }: { me: { userId: string; name: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.presence.mine.queryOptions());
  const setStatus = useMutation(
    trpc.presence.setStatus.mutationOptions({
      onSuccess: (mine) => queryClient.setQueryData(trpc.presence.mine.queryKey(), mine),
    }),
  );
  return (
    <div className={styles.menu}>
      <PresenceDot userId={me.userId} name="You" />
      <label>
        <span className="visually-hidden">Your status</span>
        <select
          value={data?.mode ?? 'auto'}
          disabled={!data || setStatus.isPending}
          onChange={(event) => setStatus.mutate({ mode: event.target.value as ManualMode })}
        >
          {CHOICES.map((choice) => (
            <option key={choice.mode} value={choice.mode}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      {setStatus.error && (
        <p role="alert" className="error">
          {describeError(setStatus.error)}
        </p>
      )}
    </div>
  );
}
