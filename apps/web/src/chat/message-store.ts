import type { MessageView } from '@spotter/api';

/** A message of ours the server has not confirmed yet; the server's copy names the same nonce. */
export type PendingMessage = {
  nonce: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
  /**
   * Why the last attempt failed, when it failed for a reason that may pass (the server or the
   * network): the message stays in the list, marked as not sent, until it is retried (same nonce:
   * if the first attempt was stored after all, the server answers with that copy) or discarded.
   */
  failure?: string;
};

/**
 * One channel's messages keyed by seq (the store belongs to one channel, so the key is
 * (channelId, seq)). History pages, live events and replays all upsert, keeping the highest
 * version, so a replay can never double a row or bring back an older edit.
 */
export type MessageStore = {
  channelId: string;
  bySeq: ReadonlyMap<number, MessageView>;
  pending: readonly PendingMessage[];
};

export type MessageStoreAction =
  | { type: 'upsert'; messages: readonly MessageView[] }
  /** Forgets every confirmed message (the stream reset); pending sends stay. */
  | { type: 'clear' }
  | { type: 'addPending'; pending: PendingMessage }
  | { type: 'dropPending'; nonce: string }
  /** The send failed for a reason that may pass: kept, marked as not sent (see PendingMessage). */
  | { type: 'failPending'; nonce: string; failure: string }
  /** Being sent again: no longer marked as failed. */
  | { type: 'retryPending'; nonce: string };

export function createMessageStore(channelId: string): MessageStore {
  return { channelId, bySeq: new Map(), pending: [] };
}

export function reduceMessages(store: MessageStore, action: MessageStoreAction): MessageStore {
  switch (action.type) {
    case 'upsert':
      return upsert(store, action.messages);
    case 'clear':
      return { ...store, bySeq: new Map() };
    case 'addPending':
      return { ...store, pending: [...store.pending, action.pending] };
    case 'dropPending':
      return { ...store, pending: store.pending.filter((p) => p.nonce !== action.nonce) };
    case 'failPending':
      return withPending(store, action.nonce, (p) => ({ ...p, failure: action.failure }));
    case 'retryPending':
      return withPending(store, action.nonce, ({ failure: _, ...p }) => p);
  }
}

/** `store` with the pending message of `nonce` changed by `change`; the same store if there is none. */
function withPending(
  store: MessageStore,
  nonce: string,
  change: (pending: PendingMessage) => PendingMessage,
): MessageStore {
  if (!store.pending.some((p) => p.nonce === nonce)) return store;
  return { ...store, pending: store.pending.map((p) => (p.nonce === nonce ? change(p) : p)) };
}

function upsert(store: MessageStore, messages: readonly MessageView[]): MessageStore {
  let bySeq: Map<number, MessageView> | null = null;
  const confirmed = new Set<string>();
  for (const message of messages) {
    if (message.channelId !== store.channelId) continue;
    if (message.nonce) confirmed.add(`${message.authorId}:${message.nonce}`);
    const known = (bySeq ?? store.bySeq).get(message.seq);
    if (known && known.version >= message.version) continue;
    bySeq ??= new Map(store.bySeq);
    bySeq.set(message.seq, message);
  }
  const pending = store.pending.filter((p) => !confirmed.has(`${p.authorId}:${p.nonce}`));
  if (!bySeq && pending.length === store.pending.length) return store;
  return { ...store, bySeq: bySeq ?? store.bySeq, pending };
}

/** Confirmed messages in seq order (oldest first). */
export function orderedMessages(store: MessageStore): MessageView[] {
  return [...store.bySeq.values()].sort((a, b) => a.seq - b.seq);
}
