'use client';

import type { MemberView, Session } from '@spotter/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useChannelMembers } from '@/chat/use-channel-members';
import { recordRemoval } from '@/chat/use-my-events';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import { Avatar } from '../avatar';
import { TrainingNowLabel } from '../feed/training-now-label';
import { PresenceDot } from '../presence/presence-dot';
import type { ChannelDetails } from './channel-view';
import { ConfirmDialog } from './confirm-dialog';
import { InviteForm } from './invite-form';
import styles from './members.module.css';

export const MEMBERS_PANEL_ID = 'channel-members';

type Confirming =
  | { kind: 'leave' }
  | { kind: 'remove'; member: MemberView }
  | { kind: 'transfer'; member: MemberView }
  | null;

/**
 * Who is in the channel, live: any member can invite; moderators remove members; the owner removes
 * anyone, promotes and demotes moderators and hands the channel over; anyone can leave (after a
 * confirmation, since a private channel takes an invitation to get back into).
 */
export function MembersPanel({
  channel,
  me,
  onClose,
}: {
  channel: ChannelDetails;
  me: Session;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { members, error, joined, left } = useChannelMembers(channel.id);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const myRole = members?.find((m) => m.userId === me.userId)?.role ?? 'MEMBER';
  const isOwner = myRole === 'OWNER';
  const canRemove = (member: MemberView) =>
    member.userId !== me.userId && (isOwner || (myRole === 'MODERATOR' && member.role === 'MEMBER'));

  const remove = useMutation(
    trpc.channel.removeMember.mutationOptions({ onSuccess: ({ userId }) => left(userId) }),
  );
  const leave = useMutation(
    trpc.channel.leave.mutationOptions({
      async onSuccess() {
        // This tab shows "You left" at once; the personal stream tells the other tabs.
        recordRemoval(queryClient, channel.id, 'left');
        await queryClient.invalidateQueries({ queryKey: trpc.channel.listMine.queryKey() });
      },
    }),
  );
  const setRole = useMutation(trpc.channel.setRole.mutationOptions());
  const transfer = useMutation(trpc.channel.transferOwnership.mutationOptions());
  const actionError = remove.error ?? leave.error ?? setRole.error ?? transfer.error;

  function onConfirmed(isConfirmed: boolean) {
    const action = confirming;
    setConfirming(null);
    if (!isConfirmed || !action) return;
    if (action.kind === 'leave') leave.mutate({ channelId: channel.id });
    else if (action.kind === 'transfer')
      transfer.mutate({ channelId: channel.id, userId: action.member.userId });
    else remove.mutate({ channelId: channel.id, userId: action.member.userId });
  }

  return (
    <aside id={MEMBERS_PANEL_ID} className={styles.panel} aria-labelledby={`${MEMBERS_PANEL_ID}-title`}>
      <div className={styles.panelHeader}>
        <h2 id={`${MEMBERS_PANEL_ID}-title`} className={styles.panelTitle}>
          Members{members ? ` (${members.length})` : ''}
        </h2>
        <button
          type="button"
          className={`button button-quiet ${styles.close}`}
          aria-label="Close members"
          onClick={onClose}
        >
          ×
        </button>
      </div>

      {error && (
        <p role="alert" className="error">
          {describeError(error)}
        </p>
      )}
      {!members && !error && <p className={styles.muted}>Loading members…</p>}
      {members && (
        <ul className={styles.list} aria-label="Members">
          {members.map((member) => {
            const mayChangeRole = isOwner && member.userId !== me.userId;
            const mayRemove = canRemove(member);
            return (
              <li key={member.userId} className={styles.member}>
                <Avatar userId={member.userId} name={member.name} size="small" />
                <PresenceDot userId={member.userId} name={member.name} />
                <span className={styles.memberName}>
                  {member.name}
                  {member.userId === me.userId && <span className={styles.you}> (you)</span>}
                  <TrainingNowLabel userId={member.userId} />
                </span>
                {member.role === 'OWNER' && <span className={styles.badge}>Owner</span>}
                {member.role === 'MODERATOR' && <span className={styles.badge}>Moderator</span>}
                {/* On a line of their own under the name: three buttons do not fit beside it in the panel. */}
                {(mayChangeRole || mayRemove) && (
                  <span className={styles.memberActions}>
                    {mayChangeRole && (
                      <>
                        <button
                          type="button"
                          className={`button button-quiet ${styles.remove}`}
                          aria-label={
                            member.role === 'MODERATOR'
                              ? `Make ${member.name} a member`
                              : `Make ${member.name} a moderator`
                          }
                          disabled={setRole.isPending}
                          onClick={() =>
                            setRole.mutate({
                              channelId: channel.id,
                              userId: member.userId,
                              role: member.role === 'MODERATOR' ? 'MEMBER' : 'MODERATOR',
                            })
                          }
                        >
                          {member.role === 'MODERATOR' ? 'Demote' : 'Promote'}
                        </button>
                        <button
                          type="button"
                          className={`button button-quiet ${styles.remove}`}
                          aria-label={`Make ${member.name} the owner`}
                          disabled={transfer.isPending}
                          onClick={() => setConfirming({ kind: 'transfer', member })}
                        >
                          Make owner
                        </button>
                      </>
                    )}
                    {mayRemove && (
                      <button
                        type="button"
                        className={`button button-quiet ${styles.remove}`}
                        aria-label={`Remove ${member.name}`}
                        disabled={remove.isPending}
                        onClick={() => setConfirming({ kind: 'remove', member })}
                      >
                        Remove
                      </button>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <InviteForm channelId={channel.id} onInvited={joined} />

      {actionError && (
        <p role="alert" className="error">
          {describeError(actionError)}
        </p>
      )}
      <button
        type="button"
        className={`button button-quiet ${styles.leave}`}
        disabled={leave.isPending}
        onClick={() => setConfirming({ kind: 'leave' })}
      >
        Leave channel
      </button>

      <ConfirmDialog
        isOpen={confirming !== null}
        {...describeConfirmation(confirming, channel, isOwner)}
        onClose={onConfirmed}
      />
    </aside>
  );
}

function describeConfirmation(confirming: Confirming, channel: ChannelDetails, isOwner: boolean) {
  if (confirming?.kind === 'transfer') {
    return {
      title: `Make ${confirming.member.name} the owner of #${channel.slug}?`,
      description: 'You stay on as a moderator; only the new owner can manage moderators.',
      confirmLabel: 'Make owner',
    };
  }
  if (confirming?.kind === 'remove') {
    return {
      title: `Remove ${confirming.member.name} from #${channel.slug}?`,
      description: `${confirming.member.name} loses access to the conversation at once.`,
      confirmLabel: 'Remove',
    };
  }
  const comingBack =
    channel.visibility === 'PRIVATE'
      ? 'It is private: you will need an invitation to come back.'
      : 'You can join it again from the channel directory.';
  return {
    title: `Leave #${channel.slug}?`,
    description: isOwner ? `${comingBack} The longest-standing member becomes the owner.` : comingBack,
    confirmLabel: 'Leave channel',
  };
}
