'use client';

import type { MessageView } from '@spotter/api';
import { REACTION_PALETTE, type ReactionEmoji } from '@spotter/api/reactions';
import { useState } from 'react';
import styles from './channel.module.css';

type ReactTo = (emoji: ReactionEmoji, isOn: boolean) => void;

const isOnPalette = (emoji: string): emoji is ReactionEmoji =>
  (REACTION_PALETTE as readonly string[]).includes(emoji);

const peopleText = (count: number, isMine: boolean) => {
  if (!isMine) return count === 1 ? '1 person' : `${count} people`;
  return count === 1 ? 'you' : `you and ${count - 1} ${count === 2 ? 'other' : 'others'}`;
};

/**
 * A message's reactions under it, as Slack and Discord show them: each emoji with its count, pressed
 * when it includes the reader's; pressing one adds or takes back the reader's own.
 */
export function MessageReactions({
  reactions,
  myId,
  onReact,
}: {
  reactions: MessageView['reactions'];
  myId: string;
  onReact?: ReactTo | undefined;
}) {
  if (reactions.length === 0) return null;
  return (
    <ul className={styles.reactions} aria-label="Reactions">
      {reactions.map(({ emoji, userIds }) => {
        const isMine = userIds.includes(myId);
        return (
          <li key={emoji}>
            <button
              type="button"
              className={styles.reaction}
              aria-pressed={isMine}
              aria-label={`${emoji} ${userIds.length}: ${peopleText(userIds.length, isMine)}`}
              title={`Reacted with ${emoji}: ${peopleText(userIds.length, isMine)}`}
              disabled={!onReact || !isOnPalette(emoji)}
              onClick={() => isOnPalette(emoji) && onReact?.(emoji, !isMine)}
            >
              {emoji} <span className={styles.reactionCount}>{userIds.length}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** "React": opens the palette among a message's actions; a choice adds (or takes back) that reaction. */
export function ReactionPicker({ mine, onReact }: { mine: ReadonlySet<string>; onReact: ReactTo }) {
  const [isOpen, setOpen] = useState(false);
  return (
    <span className={styles.picker}>
      <button
        type="button"
        aria-label="Add a reaction"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
      >
        React
      </button>
      {isOpen && (
        // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form's fieldset.
        <span role="group" aria-label="Choose a reaction" className={styles.palette}>
          {REACTION_PALETTE.map((emoji) => (
            <button
              key={emoji}
              type="button"
              aria-label={`React with ${emoji}`}
              aria-pressed={mine.has(emoji)}
              onClick={() => {
                setOpen(false);
                onReact(emoji, !mine.has(emoji));
              }}
            >
              {emoji}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
