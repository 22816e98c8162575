'use client';

import type { Session } from '@spotter/api';
import { type ConversationView, conversationName } from '@/chat/conversation-name';
import { useConversation } from '@/chat/use-conversation';
import styles from '@/components/channel/channel.module.css';
import { ChannelNotice } from '@/components/channel/channel-notice';
import { ConnectionStatus } from '@/components/channel/connection-status';
import { Conversation } from '@/components/channel/conversation';
import { NotificationLevel } from '@/components/channel/notification-level';
import dm from './dm.module.css';
import { GroupActions } from './group-actions';

/**
 * A direct or group conversation's page: the same live message list, composer, typing and
 * edit/delete as a channel's; for a group, its members and the controls to add, rename and leave.
 */
export function DmView({ initial, me }: { initial: ConversationView; me: Session }) {
  const { conversation, isGone } = useConversation(initial);
  const title = conversationName(conversation, me.userId);
  const isGroup = conversation.kind === 'GROUP';
  const names = conversation.members.map((member) => (member.id === me.userId ? 'you' : member.name));

  return (
    <div className={styles.view} data-testid="dm-view">
      <header className={styles.header}>
        <div className={styles.titles}>
          <h1 className={styles.title}>
            <span className={styles.hash} aria-hidden="true">
              {isGroup ? '◎' : '@'}
            </span>
            {title}
          </h1>
          {isGroup && (
            <p className={styles.description} data-testid="dm-members">
              {conversation.members.length} people: {names.join(', ')}
            </p>
          )}
        </div>
        <div className={dm.headerActions}>
          <ConnectionStatus />
          {!isGone && <NotificationLevel channelId={conversation.id} />}
        </div>
      </header>
      {isGroup && !isGone && <GroupActions conversation={conversation} myId={me.userId} />}
      {isGone ? (
        <ChannelNotice title="You are no longer in this conversation" text="A member can add you back." />
      ) : (
        <Conversation
          channelId={conversation.id}
          label={title}
          beginning={
            isGroup
              ? 'This is the beginning of the group.'
              : `This is the beginning of your conversation with ${title}.`
          }
          me={me}
        />
      )}
    </div>
  );
}
