'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useDeferredValue, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './browse.module.css';

/** The public channel directory: search, open the ones you are in, join the others. */
export function BrowseChannels() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query.trim());
  const channels = useQuery(trpc.channel.browse.queryOptions(deferredQuery ? { query: deferredQuery } : {}));
  const join = useMutation(
    trpc.channel.join.mutationOptions({
      async onSuccess(channel) {
        await queryClient.invalidateQueries({ queryKey: trpc.channel.listMine.queryKey() });
        router.push(`/c/${channel.slug}`);
      },
    }),
  );

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>Browse channels</h1>
        <p className={styles.subtitle}>Public channels anyone can join.</p>
        <label className={styles.search}>
          <span className="visually-hidden">Search channels</span>
          <input
            type="search"
            placeholder="Search channels"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
      </header>
      {channels.error && (
        <p role="alert" className="error">
          {describeError(channels.error)}
        </p>
      )}
      {join.error && (
        <p role="alert" className="error">
          {describeError(join.error)}
        </p>
      )}
      {channels.isPending && <p className={styles.empty}>Loading channels…</p>}
      {channels.data?.length === 0 && (
        <p className={styles.empty}>
          {deferredQuery ? `No public channel matches “${deferredQuery}”.` : 'No public channels yet.'}
        </p>
      )}
      {channels.data && channels.data.length > 0 && (
        <ul className={styles.list}>
          {channels.data?.map((channel) => (
            <li key={channel.id} className={styles.row}>
              <div className={styles.info}>
                <Link href={`/c/${channel.slug}`} className={styles.name}>
                  <span aria-hidden="true"># </span>
                  {channel.name}
                </Link>
                <span className={styles.detail}>
                  {channel.memberCount} {channel.memberCount === 1 ? 'member' : 'members'}
                  {channel.description && ` · ${channel.description}`}
                </span>
              </div>
              {channel.isMember ? (
                <span className={styles.joined}>Joined</span>
              ) : (
                <button
                  type="button"
                  className="button"
                  aria-label={`Join ${channel.name}`}
                  disabled={join.isPending}
                  onClick={() => join.mutate({ channelId: channel.id })}
                >
                  Join
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
