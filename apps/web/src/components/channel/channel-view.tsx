'use client';

import type { RouterOutputs, Session } from '@spotter/api';
import { useState } from 'react';
import { useChannelRemoval } from '@/chat/use-my-events';
import styles from './channel.module.css';
import { ChannelHeader } from './channel-header';
import { ChannelNotice } from './channel-notice';
import { Conversation } from './conversation';
import { JoinChannel } from './join-channel';
import members from './members.module.css';
import { MembersPanel } from './members-panel';

export type ChannelDetails = RouterOutputs['channel']['get'];

/**
 * A channel's page: header, then the conversation (and the member list beside it) for members, a
 * join prompt for visitors, or a notice once the viewer has left or been removed while here.
 */
export function ChannelView({ channel, me }: { channel: ChannelDetails; me: Session }) {
  const [isMember, setMember] = useState(channel.role !== null);
  const [isMembersOpen, setMembersOpen] = useState(false);
  const removal = useChannelRemoval(channel.id);
  const isInside = isMember && removal === null;

  return (
    <div className={styles.view}>
      <ChannelHeader
        channel={channel}
        membersToggle={
          isInside ? { isOpen: isMembersOpen, onToggle: () => setMembersOpen((open) => !open) } : null
        }
      />
      {removal ? (
        <ChannelNotice
          title={
            removal.reason === 'left' ? `You left #${channel.slug}` : `You were removed from #${channel.slug}`
          }
          text={
            channel.visibility === 'PRIVATE'
              ? 'It is a private channel: a member can invite you back.'
              : 'You can join it again from the channel directory.'
          }
        />
      ) : isMember ? (
        <div className={members.body}>
          <div className={members.column}>
            <Conversation
              channelId={channel.id}
              label={`#${channel.slug}`}
              beginning="This is the beginning of the channel."
              me={me}
              // As loaded with the page; the server checks the role again on every delete.
              canModerate={channel.role === 'OWNER' || channel.role === 'MODERATOR'}
            />
          </div>
          {isMembersOpen && <MembersPanel channel={channel} me={me} onClose={() => setMembersOpen(false)} />}
        </div>
      ) : (
        <JoinChannel channel={channel} onJoined={() => setMember(true)} />
      )}
    </div>
  );
}
