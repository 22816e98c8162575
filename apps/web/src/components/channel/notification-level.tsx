'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReadState } from '@/chat/read-badge';
import { useReadState } from '@/chat/use-read-states';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './channel.module.css';

const LEVELS: { value: ReadState['level']; label: string }[] = [
  { value: 'ALL', label: 'All messages' },
  { value: 'MENTIONS', label: 'Mentions only' },
  { value: 'NOTHING', label: 'Nothing (muted)' },
];

/**
 * How much of a conversation the member hears about: it drives the sidebar's badge and whether
 * messages and mentions here create notifications. Other tabs follow through the personal stream.
 */
export function NotificationLevel({ channelId }: { channelId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const state = useReadState(channelId);
  const setLevel = useMutation(
    trpc.readState.setLevel.mutationOptions({
      onSuccess: (next) =>
        queryClient.setQueryData(trpc.readState.list.queryKey(), (states) =>
          states?.map((s) => (s.channelId === next.channelId ? next : s)),
        ),
    }),
  );
  if (!state) return null;
  return (
    <label className={styles.level}>
      <span className="visually-hidden">Notifications</span>
      <select
        value={setLevel.isPending ? setLevel.variables.level : state.level}
        onChange={(event) => setLevel.mutate({ channelId, level: event.target.value as ReadState['level'] })}
        aria-describedby={setLevel.error ? `level-error-${channelId}` : undefined}
      >
        {LEVELS.map((level) => (
          <option key={level.value} value={level.value}>
            {level.label}
          </option>
        ))}
      </select>
      {setLevel.error && (
        <span id={`level-error-${channelId}`} role="alert" className="error">
          {describeError(setLevel.error)}
        </span>
      )}
    </label>
  );
}
