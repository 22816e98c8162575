'use client';

import { useActivityHints, useReadStates } from '@/chat/use-read-states';

/**
 * Keeps the sidebar's unread counts moving as messages arrive. The server watches the conversations
 * the user was in when the subscription started, so it is remounted (keyed) whenever that list changes.
 */
export function ReadStateActivity() {
  const ids = [...useReadStates().keys()].sort().join(',');
  return <ActivityHints key={ids} />;
}

function ActivityHints() {
  useActivityHints();
  return null;
}
