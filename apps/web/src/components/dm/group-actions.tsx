'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import type { ConversationView } from '@/chat/conversation-name';
import { ConfirmDialog } from '@/components/channel/confirm-dialog';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './dm.module.css';
import { FriendPicker } from './friend-picker';

type Panel = 'add' | 'remove' | 'rename' | null;

/** A group's controls: add people (any member, their own friends), remove people (its owner), rename, leave. */
export function GroupActions({ conversation, myId }: { conversation: ConversationView; myId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [panel, setPanel] = useState<Panel>(null);
  const [isConfirmingLeave, setConfirmingLeave] = useState(false);
  const nameId = useId();
  const conversationId = conversation.id;
  const refresh = (updated: ConversationView) => {
    queryClient.setQueryData(trpc.dm.get.queryKey({ conversationId }), updated);
    void queryClient.invalidateQueries({ queryKey: trpc.dm.list.queryKey() });
    setPanel(null);
  };
  const add = useMutation(trpc.dm.addMembers.mutationOptions({ onSuccess: refresh }));
  const rename = useMutation(trpc.dm.rename.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.dm.removeMember.mutationOptions({ onSuccess: refresh }));
  const isOwner = conversation.ownerId === myId;
  const leave = useMutation(
    trpc.dm.leave.mutationOptions({
      async onSuccess() {
        await queryClient.invalidateQueries({ queryKey: trpc.dm.list.queryKey() });
        router.push('/');
      },
    }),
  );

  function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate({ conversationId, name: String(new FormData(event.currentTarget).get('name') ?? '') });
  }

  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));
  return (
    <>
      <div className={styles.headerActions}>
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={panel === 'add'}
          onClick={() => toggle('add')}
        >
          Add people
        </button>
        {isOwner && (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={panel === 'remove'}
            onClick={() => toggle('remove')}
          >
            Remove people
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={panel === 'rename'}
          onClick={() => toggle('rename')}
        >
          Rename
        </button>
        <button type="button" className="button button-quiet" onClick={() => setConfirmingLeave(true)}>
          Leave
        </button>
      </div>
      {panel === 'add' && (
        <div className={styles.panel}>
          <FriendPicker
            excludeIds={conversation.members.map((member) => member.id)}
            submitLabel={(count) => (count > 1 ? `Add ${count} people` : 'Add')}
            isPending={add.isPending}
            error={add.error}
            onCancel={() => setPanel(null)}
            onSubmit={({ userIds }) => add.mutate({ conversationId, userIds })}
          />
        </div>
      )}
      {panel === 'remove' && (
        <div className={styles.panel}>
          <ul className={styles.friends} aria-label="Members">
            {conversation.members
              .filter((member) => member.id !== myId)
              .map((member) => (
                <li key={member.id} className={styles.row}>
                  {member.name} <span className={styles.handle}>@{member.username}</span>
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={remove.isPending}
                    aria-label={`Remove ${member.name}`}
                    onClick={() => remove.mutate({ conversationId, userId: member.id })}
                  >
                    Remove
                  </button>
                </li>
              ))}
          </ul>
          {remove.error && (
            <p role="alert" className="error">
              {describeError(remove.error)}
            </p>
          )}
        </div>
      )}
      {panel === 'rename' && (
        <form className={`${styles.panel} ${styles.row}`} onSubmit={onRename} noValidate>
          <label htmlFor={nameId} className={styles.label}>
            Group name (empty shows the members’ names)
            <input id={nameId} name="name" maxLength={50} defaultValue={conversation.name} />
          </label>
          <button type="submit" className="button" disabled={rename.isPending}>
            Save
          </button>
          {rename.error && (
            <p role="alert" className="error">
              {describeError(rename.error)}
            </p>
          )}
        </form>
      )}
      {leave.error && (
        <p role="alert" className="error">
          {describeError(leave.error)}
        </p>
      )}
      <ConfirmDialog
        isOpen={isConfirmingLeave}
        title="Leave this group?"
        description="You will stop receiving its messages. A member can add you back."
        confirmLabel="Leave group"
        onClose={(isConfirmed) => {
          setConfirmingLeave(false);
          if (isConfirmed) leave.mutate({ conversationId });
        }}
      />
    </>
  );
}
