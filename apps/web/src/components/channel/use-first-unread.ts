'use client';

import { type RefObject, useCallback, useEffect, useState } from 'react';

type History = { olderCursor: number | null; isLoadingOlder: boolean };

const DIVIDER = '[data-testid="new-messages-divider"]';

/**
 * The "Jump to first unread" control of a message list: shown while there is an unread part whose
 * start is above the visible area (or in pages not loaded yet); jumping loads older pages until the
 * divider is there, then scrolls it to the top.
 */
export function useFirstUnread(input: {
  scroller: RefObject<HTMLDivElement | null>;
  hasUnread: boolean;
  history: History;
  loadOlder: () => void;
}) {
  const { scroller, hasUnread, history, loadOlder } = input;
  const [isAbove, setAbove] = useState(false);
  const [isJumping, setJumping] = useState(false);

  const check = useCallback(() => {
    const el = scroller.current;
    if (!el || !hasUnread) return setAbove(false);
    const divider = el.querySelector(DIVIDER);
    if (!divider) return setAbove(true);
    setAbove(divider.getBoundingClientRect().top < el.getBoundingClientRect().top);
  }, [scroller, hasUnread]);

  // After every render: messages arrive, older pages load, the divider moves.
  useEffect(() => {
    check();
    if (!isJumping) return;
    const divider = scroller.current?.querySelector(DIVIDER);
    if (divider) {
      divider.scrollIntoView({ block: 'start' });
      setJumping(false);
    } else if (history.olderCursor === null) setJumping(false);
    else if (!history.isLoadingOlder) loadOlder();
  });

  return { isShown: hasUnread && isAbove, check, jump: () => setJumping(true) };
}
