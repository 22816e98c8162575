'use client';

import type { Session } from '@spotter/api';
import { useRef, useState } from 'react';
import { describeTypers } from '@/chat/typing-text';
import { useChannelMessages } from '@/chat/use-channel-messages';
import { useReadTracking } from '@/chat/use-read-tracking';
import { useTypingNotifier } from '@/chat/use-typing-notifier';
import { useTypingUsers } from '@/chat/use-typing-users';
import { describeError } from '@/trpc/error-message';
import styles from './channel.module.css';
import { Composer } from './composer';
import { MessageList, type MessageListHandle } from './message-list';

type Props = {
  /** A named channel's or a direct/group conversation's id: both are followed the same way. */
  channelId: string;
  /** Who or where the composer writes to: "#leg-day", "Bob". */
  label: string;
  /** Shown above the oldest message. */
  beginning: string;
  me: Session;
  /** The reader moderates this (named) channel: they may delete others' messages. */
  canModerate?: boolean;
};

/** A member's view of a channel or conversation: live messages, who is typing, and the composer. */
export function Conversation({ channelId, label, beginning, me, canModerate = false }: Props) {
  const typing = useTypingUsers(channelId, true);
  const notifier = useTypingNotifier(channelId);
  const chat = useChannelMessages({
    channelId,
    me,
    onCreated: (message) => typing.stopped(message.authorId),
  });
  const reading = useReadTracking(channelId);
  const [actionError, setActionError] = useState<string | null>(null);
  const list = useRef<MessageListHandle>(null);
  const problem = actionError ?? chat.streamError ?? chat.history.error;

  return (
    <>
      <MessageList
        ref={list}
        me={me}
        beginning={beginning}
        messages={chat.messages}
        pending={chat.pending}
        history={chat.history}
        loadOlder={chat.loadOlder}
        edit={chat.edit}
        retry={(nonce) => void chat.retry(nonce)}
        discard={chat.discard}
        canModerate={canModerate}
        remove={(messageId) => {
          setActionError(null);
          chat.remove(messageId).catch((error: unknown) => setActionError(describeError(error)));
        }}
        unreadFrom={reading.unreadFrom}
        onSeen={reading.seen}
        markUnreadFrom={(seq) => {
          setActionError(null);
          reading.markUnreadFrom(seq).catch((error: unknown) => setActionError(describeError(error)));
        }}
        react={(messageId, emoji, isOn) => {
          setActionError(null);
          chat.react(messageId, emoji, isOn).catch((error: unknown) => setActionError(describeError(error)));
        }}
      />
      {problem && (
        <p className={`error ${styles.problem}`} role="alert">
          {problem}
        </p>
      )}
      <div className={styles.typing} data-testid="typing-indicator" aria-live="polite">
        {describeTypers(typing.names)}
      </div>
      <Composer
        label={label}
        channelId={channelId}
        send={chat.send}
        onDraftChange={notifier.draftChanged}
        onEditLast={() => list.current?.editLastOwn() ?? false}
        onSent={() => {
          setActionError(null);
          notifier.stop();
        }}
      />
    </>
  );
}
