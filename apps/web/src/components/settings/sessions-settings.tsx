'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './settings.module.css';
import { SettingsNav } from './settings-nav';

const when = (date: Date) => date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Where this account is signed in; revoke one, or sign out everywhere (this browser too). */
export function SessionsSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.session.list.queryOptions());
  const revoke = useMutation(
    trpc.session.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.session.list.queryKey() }),
    }),
  );
  const revokeAll = useMutation(
    trpc.session.revokeAll.mutationOptions({
      async onSuccess() {
        // This sign-in is revoked too: clear the cookie, then a full load to the sign-in page.
        await signOut({ redirect: false });
        window.location.assign('/login');
      },
    }),
  );
  const error = revoke.error ?? revokeAll.error ?? sessions.error;

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Sessions</h1>
      <SettingsNav current="/settings/sessions" />
      <p>Every browser where you are signed in. A session ends after 7 days without a visit.</p>
      {error && (
        <p role="alert" className="error">
          {describeError(error)}
        </p>
      )}
      <ul className={styles.list} aria-label="Your sessions">
        {sessions.data?.map((session) => (
          <li key={session.id} className={styles.row} data-testid="session-row">
            <div>
              <p className={styles.what}>
                {session.device}
                {session.isCurrent && ' · this browser'}
              </p>
              <p className={styles.when}>
                Signed in {when(session.createdAt)} · last seen {when(session.lastSeenAt)}
              </p>
            </div>
            {!session.isCurrent && (
              <button
                type="button"
                className="button button-quiet"
                disabled={revoke.isPending}
                aria-label={`Revoke ${session.device}, signed in ${when(session.createdAt)}`}
                onClick={() => revoke.mutate({ sessionId: session.id })}
              >
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
      <div>
        <button
          type="button"
          className="button"
          disabled={revokeAll.isPending}
          onClick={() => revokeAll.mutate()}
        >
          Sign out everywhere
        </button>
      </div>
    </div>
  );
}
