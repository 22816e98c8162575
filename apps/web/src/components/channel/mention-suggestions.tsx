'use client';

import type { UserSummary } from '@spotter/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import styles from './channel.module.css';
import { type MentionQuery, mentionQueryAt } from './mentions';

/**
 * The composer's @-autocomplete: while an "@prefix" is typed at the caret, the channel's members
 * the server says can be mentioned. Arrow keys move, Enter or Tab picks, Escape closes.
 */
export function useMentionSuggestions(input: {
  channelId: string;
  draft: string;
  caret: number;
  pick: (query: MentionQuery, user: UserSummary) => void;
}) {
  const trpc = useTRPC();
  const listId = useId();
  const query = mentionQueryAt(input.draft, input.caret);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const isWanted = query !== null && dismissedAt !== query.start;
  const { data } = useQuery({
    ...trpc.mention.search.queryOptions({ channelId: input.channelId, prefix: query?.prefix ?? '' }),
    enabled: isWanted,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const users = isWanted ? (data ?? []) : [];
  const isOpen = users.length > 0 && query !== null;
  const current = Math.min(active, users.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  function choose(user: UserSummary) {
    if (!query) return;
    setActive(0);
    input.pick(query, user);
  }

  /** Handles the key when the list is open; true when the composer must not act on it. */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!isOpen) return false;
    const user = users[current];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + users.length) % users.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && user && !event.shiftKey) {
      choose(user);
    } else if (event.key === 'Escape') {
      setDismissedAt(query.start);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  const inputProps = {
    'aria-autocomplete': 'list' as const,
    'aria-controls': isOpen ? listId : undefined,
    'aria-activedescendant': isOpen ? optionId(current) : undefined,
  };

  const list = isOpen ? (
    <div id={listId} role="listbox" aria-label="People to mention" className={styles.suggestions}>
      {users.map((user, index) => (
        <div
          key={user.id}
          id={optionId(index)}
          role="option"
          // Focus stays in the textarea (aria-activedescendant); -1 only makes the option focusable.
          tabIndex={-1}
          aria-selected={index === current}
          className={styles.suggestion}
          // mousedown, not click: the textarea keeps focus (and the caret) while picking.
          onMouseDown={(event) => {
            event.preventDefault();
            choose(user);
          }}
        >
          <span className={styles.suggestionName}>{user.name}</span> @{user.username}
        </div>
      ))}
    </div>
  ) : null;

  return { list, inputProps, onKeyDown };
}
