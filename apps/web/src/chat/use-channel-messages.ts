'use client';

import type { MessageView, Session } from '@spotter/api';
import { skipToken } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useConnection } from '@/trpc/connection';
import { describeError } from '@/trpc/error-message';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { createMessageStore, orderedMessages, reduceMessages } from './message-store';
import { createNonce } from './nonce';

/** wsLink reconnects in bursts; refetch history once the socket has stayed up this long. */
const REFETCH_AFTER_RECONNECT_MS = 300;

type History = {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Seq cursor for the next older page; null once the oldest message is loaded. */
  olderCursor: number | null;
  isLoadingOlder: boolean;
};

/**
 * A channel's messages: the newest history page, older pages on demand, and the live stream
 * resumed from the newest loaded seq (the server backfills exactly the gap). Sends are shown at
 * once as pending and reconciled with the server's copy by nonce.
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
  const [store, dispatch] = useReducer(reduceMessages, channelId, createMessageStore);
  const [history, setHistory] = useState<History>({
    status: 'loading',
    error: null,
    olderCursor: null,
    isLoadingOlder: false,
  });
  // Fixed once the first page is in: changing it would restart the subscription.
  const [resumeFrom, setResumeFrom] = useState<number | null>(null);
  const onCreated = useRef(input.onCreated);
  onCreated.current = input.onCreated;

  const upsert = useCallback((messages: MessageView[]) => dispatch({ type: 'upsert', messages }), []);

  useEffect(() => {
    let isCurrent = true;
    client.message.list.query({ channelId }).then(
      (page) => {
        if (!isCurrent) return;
        upsert(page.items);
        setHistory({ status: 'ready', error: null, olderCursor: page.nextCursor, isLoadingOlder: false });
        setResumeFrom(page.items.at(-1)?.seq ?? 0);
      },
      (error: unknown) => {
        if (isCurrent) setHistory((prev) => ({ ...prev, status: 'error', error: describeError(error) }));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [client, channelId, upsert]);

  const subscription = useSubscription(
    trpc.message.onEvent.subscriptionOptions(
      resumeFrom === null ? skipToken : { channelId, lastEventId: String(resumeFrom) },
      {
        onData: ({ data: event }) => {
          upsert([event.message]);
          if (event.type === 'message.created') onCreated.current?.(event.message);
        },
      },
    ),
  );

  // Edits and deletes made while we were away are not replayed by seq: reread the newest page.
  const { reconnects } = useConnection();
  useEffect(() => {
    if (reconnects === 0 || resumeFrom === null) return;
    const timer = setTimeout(() => {
      client.message.list.query({ channelId }).then(
        (page) => upsert(page.items),
        // The live stream still converges; the next reconnect tries again.
        () => undefined,
      );
    }, REFETCH_AFTER_RECONNECT_MS);
    return () => clearTimeout(timer);
  }, [reconnects, resumeFrom, client, channelId, upsert]);

  const historyRef = useRef(history);
  historyRef.current = history;
  const loadOlder = useCallback(async () => {
    const { olderCursor, isLoadingOlder, status } = historyRef.current;
    if (status !== 'ready' || olderCursor === null || isLoadingOlder) return;
    setHistory((prev) => ({ ...prev, isLoadingOlder: true }));
    try {
      const page = await client.message.list.query({ channelId, cursor: olderCursor });
      upsert(page.items);
      setHistory((prev) => ({ ...prev, olderCursor: page.nextCursor, isLoadingOlder: false, error: null }));
    } catch (error) {
      setHistory((prev) => ({ ...prev, isLoadingOlder: false, error: describeError(error) }));
    }
  }, [client, channelId, upsert]);

  /** Rejects with the server's error after removing the pending copy. */
  const send = useCallback(
    async (body: string) => {
      const nonce = createNonce();
      dispatch({
        type: 'addPending',
        pending: { nonce, authorId: me.userId, authorName: me.name, body, createdAt: new Date() },
      });
      try {
        upsert([await client.message.send.mutate({ channelId, body, nonce })]);
      } catch (error) {
        dispatch({ type: 'dropPending', nonce });
        throw error;
      }
    },
    [client, channelId, me, upsert],
  );

  const edit = useCallback(
    async (messageId: string, body: string) =>
      upsert([await client.message.edit.mutate({ messageId, body })]),
    [client, upsert],
  );

  const remove = useCallback(
    async (messageId: string) => upsert([await client.message.delete.mutate({ messageId })]),
    [client, upsert],
  );

  const messages = useMemo(() => orderedMessages(store), [store]);
  const streamError = subscription.status === 'error' ? describeError(subscription.error) : null;

  return { messages, pending: store.pending, history, streamError, loadOlder, send, edit, remove };
}
