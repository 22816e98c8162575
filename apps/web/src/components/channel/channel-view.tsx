'use client';

import type { RouterOutputs, Session } from '@spotter/api';
import { useState } from 'react';
import { ChannelIcon } from '../channel-icon';
import styles from './channel.module.css';
import { ConnectionStatus } from './connection-status';
import { Conversation } from './conversation';
import { JoinChannel } from './join-channel';

export type ChannelDetails = RouterOutputs['channel']['get'];

/** A channel's page: header, then the conversation for members or a join prompt for visitors. */
export function ChannelView({ channel, me }: { channel: ChannelDetails; me: Session }) {
  const [isMember, setMember] = useState(channel.role !== null);
  return (
    <div className={styles.view}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <h1 className={styles.title}>
            <ChannelIcon visibility={channel.visibility} className={styles.hash} />
            {channel.name}
          </h1>
          {channel.description && <p className={styles.description}>{channel.description}</p>}
        </div>
        <ConnectionStatus />
      </header>
      {isMember ? (
        <Conversation channel={channel} me={me} />
      ) : (
        <JoinChannel channel={channel} onJoined={() => setMember(true)} />
      )}
    </div>
  );
}
