'use client';

import { useEffect } from 'react';

const PREFIX = /^\(\d+\) /;

/** "(3) Spotter…" while anything is unread; the page's own title otherwise. */
export function titleWithCount(title: string, count: number): string {
  const base = title.replace(PREFIX, '');
  return count > 0 ? `(${count}) ${base}` : base;
}

/**
 * Keeps the unread count in front of the tab's title. Next.js rewrites the title on every
 * navigation, so the count is put back whenever the <title> changes, not only when it does.
 */
export function useTitleCount(count: number) {
  useEffect(() => {
    const apply = () => {
      const next = titleWithCount(document.title, count);
      if (document.title !== next) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [count]);
}
