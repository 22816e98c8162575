import type { MessageView } from '@spotter/api';
import { describe, expect, it } from 'vitest';
import { createMessageStore, type MessageStore, orderedMessages, reduceMessages } from './message-store';

function message(seq: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: `m${seq}`,
    channelId: 'c1',
    seq,
    authorId: 'alice',
    authorName: 'Alice',
    authorUsername: 'alice',
    body: `message ${seq}`,
    nonce: null,
    version: 1,
    createdAt: new Date(1_700_000_000_000 + seq * 1000),
    editedAt: null,
    deletedAt: null,
    mentions: [],
    reactions: [],
    ...overrides,
  };
}

const upsert = (store: MessageStore, ...messages: MessageView[]) =>
  reduceMessages(store, { type: 'upsert', messages });

describe('message store', () => {
  it('renders a replayed range once, in seq order', () => {
    let store = upsert(createMessageStore('c1'), message(3), message(1), message(2));
    store = upsert(store, message(2), message(3), message(4));
    expect(orderedMessages(store).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the highest version, whatever order copies arrive in', () => {
    let store = upsert(createMessageStore('c1'), message(1, { body: 'edited', version: 2 }));
    store = upsert(store, message(1, { body: 'original', version: 1 }));
    expect(orderedMessages(store)[0]?.body).toBe('edited');
  });

  it('replaces a pending message with the server copy that names its nonce', () => {
    let store = reduceMessages(createMessageStore('c1'), {
      type: 'addPending',
      pending: { nonce: 'n1', authorId: 'alice', authorName: 'Alice', body: 'hi', createdAt: new Date() },
    });
    store = upsert(store, message(7, { nonce: 'n1', body: 'hi' }));
    expect(store.pending).toEqual([]);
    expect(orderedMessages(store).map((m) => m.seq)).toEqual([7]);
  });

  it('ignores messages of other channels', () => {
    const store = upsert(createMessageStore('c1'), message(1, { channelId: 'c2' }));
    expect(orderedMessages(store)).toEqual([]);
  });

  it('forgets confirmed messages on a reset but keeps sends still in flight', () => {
    let store = reduceMessages(upsert(createMessageStore('c1'), message(1), message(2)), {
      type: 'addPending',
      pending: { nonce: 'n1', authorId: 'alice', authorName: 'Alice', body: 'hi', createdAt: new Date() },
    });
    store = reduceMessages(store, { type: 'clear' });
    expect(orderedMessages(store)).toEqual([]);
    expect(store.pending.map((p) => p.nonce)).toEqual(['n1']);
  });

  it('keeps a failed send marked as not sent, clears the mark on a retry, and drops it once stored', () => {
    const pending = (nonce: string) => ({
      nonce,
      authorId: 'alice',
      authorName: 'Alice',
      body: nonce,
      createdAt: new Date(),
    });
    let store = reduceMessages(createMessageStore('c1'), { type: 'addPending', pending: pending('n1') });
    store = reduceMessages(store, { type: 'addPending', pending: pending('n2') });
    store = reduceMessages(store, {
      type: 'failPending',
      nonce: 'n1',
      failure: 'The database is unreachable.',
    });
    expect(store.pending.map((p) => [p.nonce, p.failure])).toEqual([
      ['n1', 'The database is unreachable.'],
      ['n2', undefined],
    ]);
    store = reduceMessages(store, { type: 'retryPending', nonce: 'n1' });
    expect(store.pending.map((p) => 'failure' in p)).toEqual([false, false]);
    // The retry's answer names the same nonce: the pending copy gives way to the stored one.
    store = upsert(store, message(9, { nonce: 'n1', body: 'n1' }));
    expect(store.pending.map((p) => p.nonce)).toEqual(['n2']);
    // A nonce no longer pending changes nothing.
    expect(reduceMessages(store, { type: 'failPending', nonce: 'n1', failure: 'x' })).toBe(store);
  });
});
