'use client';

import { ChannelIcon } from '../channel-icon';
import styles from './channel.module.css';
import type { ChannelDetails } from './channel-view';
import { ConnectionStatus } from './connection-status';
import members from './members.module.css';
import { MEMBERS_PANEL_ID } from './members-panel';
import { NotificationLevel } from './notification-level';

type MembersToggle = { isOpen: boolean; onToggle: () => void };

/** The channel's name and topic, the socket's state and, for members, the "Members" control. */
export function ChannelHeader({
  channel,
  membersToggle,
}: {
  channel: ChannelDetails;
  /** Null for someone who cannot see the member list (not, or no longer, a member). */
  membersToggle: MembersToggle | null;
}) {
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <h1 className={styles.title}>
          <ChannelIcon visibility={channel.visibility} className={styles.hash} />
          {channel.name}
        </h1>
        {channel.description && <p className={styles.description}>{channel.description}</p>}
      </div>
      <div className={members.actions}>
        <ConnectionStatus />
        {membersToggle && <NotificationLevel channelId={channel.id} />}
        {membersToggle && (
          <button
            type="button"
            className={`button button-quiet ${members.toggle}`}
            aria-expanded={membersToggle.isOpen}
            aria-controls={MEMBERS_PANEL_ID}
            onClick={membersToggle.onToggle}
          >
            Members
          </button>
        )}
      </div>
    </header>
  );
}
