'use client';

import type { MessageView, Session } from '@spotter/api';
import type { ReactionEmoji } from '@spotter/api/reactions';
import { skipToken, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { failedSend } from './failed-send';
import { createMessageStore, orderedMessages, reduceMessages } from './message-store';
import { createNonce } from './nonce';

const PAGE_SIZE = 50;

export type History = {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Seq cursor for the next older page; null once the oldest message is loaded. */
  olderCursor: number | null;
  isLoadingOlder: boolean;
};

/**
 * A channel's messages: history pages from TanStack Query's infinite query (newest first, older on
 * demand) and the channel's stream, resumed from the position the first page was read at — the
 * server replays exactly what changed since (new messages, edits and deletes, even of old messages)
 * and wsLink resumes from the last event after every reconnect. Everything upserts into one store
 * keyed by seq keeping the highest version, so a replay never doubles a row. Sends show at once as
 * pending and are reconciled with the server's copy by nonce.
 */
export function useChannelMessages(input: {
  channelId: string;
  me: Session;
  /** Called for every message created by someone (e.g. to clear their typing hint). */
  onCreated?: (message: MessageView) => void;
}) {
  const { channelId, me } = input;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [store, dispatch] = useReducer(reduceMessages, channelId, createMessageStore);
  const callbacks = useRef(input);
  callbacks.current = input;

  const listOptions = trpc.message.list.infiniteQueryOptions(
    { channelId, limit: PAGE_SIZE },
    {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      // The stream keeps the store current; refetching pages would only repeat what it said.
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  );
  const pages = useInfiniteQuery(listOptions);

  const upsert = useCallback((messages: MessageView[]) => dispatch({ type: 'upsert', messages }), []);
  useEffect(() => {
    for (const page of pages.data?.pages ?? []) upsert(page.items);
  }, [pages.data, upsert]);

  // Fixed once the first page is in: a new input would restart the subscription, while wsLink
  // itself resumes from the last event it saw on every reconnect.
  const [resumeFrom, setResumeFrom] = useState<number | null>(null);
  const firstPageSeq = pages.data?.pages[0]?.streamSeq;
  useEffect(() => {
    if (firstPageSeq !== undefined) setResumeFrom((current) => current ?? firstPageSeq);
  }, [firstPageSeq]);

  const subscription = useSubscription(
    trpc.channel.onEvent.subscriptionOptions(
      resumeFrom === null ? skipToken : { channelId, lastEventId: String(resumeFrom) },
      {
        onData: ({ data: event }) => {
          switch (event.type) {
            case 'message.created':
              upsert([event.message]);
              callbacks.current.onCreated?.(event.message);
              return;
            case 'message.edited':
            case 'message.deleted':
            case 'message.reacted':
              upsert([event.message]);
              return;
            // Membership is followed by the member list and the personal stream (the server ends
            // this subscription right after the event that removes us).
            case 'member.joined':
            case 'member.left':
            // A group's name is followed by its header (use-conversation).
            case 'conversation.renamed':
              return;
            case 'reset':
              // Too far behind to replay: start over from the newest page; the stream goes on from here.
              dispatch({ type: 'clear' });
              void queryClient.resetQueries({ queryKey: listOptions.queryKey });
              return;
          }
        },
      },
    ),
  );

  const loadOlder = useCallback(async () => {
    if (pages.hasNextPage && !pages.isFetchingNextPage) await pages.fetchNextPage();
  }, [pages]);

  // Sends go one after another: two messages typed a moment apart must commit in the order they
  // were typed, as they show while pending (concurrent requests may commit swapped). A failed send
  // does not hold back the next one.
  const previousSend = useRef<Promise<unknown>>(Promise.resolve());

  /** Sends a pending message (after the sends before it) and settles it (see failedSend). */
  const deliver = useCallback(
    async (pending: { nonce: string; body: string }, isRetry: boolean) => {
      const sent = previousSend.current
        .catch(() => undefined)
        .then(() => client.message.send.mutate({ channelId, body: pending.body, nonce: pending.nonce }));
      previousSend.current = sent;
      try {
        upsert([await sent]);
      } catch (error) {
        const outcome = failedSend(error, isRetry);
        if (!outcome.keep) {
          dispatch({ type: 'dropPending', nonce: pending.nonce });
          throw error;
        }
        // Kept in the list as not sent, to retry with the same nonce: if the first attempt was
        // stored after all (its answer lost with the connection), the retry gets that copy back.
        dispatch({ type: 'failPending', nonce: pending.nonce, failure: outcome.failure });
      }
    },
    [client, channelId, upsert],
  );

  /**
   * Sends `body`. Resolves once it is stored, or kept in the list as not sent when the failure may
   * pass (see retry); rejects with the server's refusal after removing the pending copy, so the
   * composer can give the text back.
   */
  const send = useCallback(
    async (body: string) => {
      const nonce = createNonce();
      dispatch({
        type: 'addPending',
        pending: { nonce, authorId: me.userId, authorName: me.name, body, createdAt: new Date() },
      });
      await deliver({ nonce, body }, false);
    },
    [me, deliver],
  );

  /** Sends a message marked as not sent again; it stays marked if this attempt fails too. */
  const retry = useCallback(
    async (nonce: string) => {
      const pending = store.pending.find((p) => p.nonce === nonce);
      if (!pending) return;
      dispatch({ type: 'retryPending', nonce });
      await deliver(pending, true);
    },
    [store.pending, deliver],
  );

  /** Forgets a message marked as not sent. */
  const discard = useCallback((nonce: string) => dispatch({ type: 'dropPending', nonce }), []);

  const edit = useCallback(
    async (messageId: string, body: string) =>
      upsert([await client.message.edit.mutate({ messageId, body })]),
    [client, upsert],
  );

  const remove = useCallback(
    async (messageId: string) => upsert([await client.message.delete.mutate({ messageId })]),
    [client, upsert],
  );

  /** Adds (`isOn`) or takes back the reader's reaction; the answer is the message's newest version. */
  const react = useCallback(
    async (messageId: string, emoji: ReactionEmoji, isOn: boolean) => {
      const input = { messageId, emoji };
      upsert([await (isOn ? client.message.react.mutate(input) : client.message.unreact.mutate(input))]);
    },
    [client, upsert],
  );

  const messages = useMemo(() => orderedMessages(store), [store]);
  const lastPage = pages.data?.pages.at(-1);
  const history: History = {
    status: pages.status === 'pending' ? 'loading' : pages.status === 'error' ? 'error' : 'ready',
    error: pages.error ? describeError(pages.error) : null,
    olderCursor: lastPage?.nextCursor ?? null,
    isLoadingOlder: pages.isFetchingNextPage,
  };
  // Failures that may pass are retried by the client's resubscribeLink: an error here is final.
  const streamError = subscription.status === 'error' ? describeError(subscription.error) : null;

  return {
    messages,
    pending: store.pending,
    history,
    streamError,
    loadOlder,
    send,
    retry,
    discard,
    edit,
    remove,
    react,
  };
}
