'use client';

import type { PresenceItem, PresenceStatus } from '@spotter/api';
import { useMutation } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { useIdle } from './use-idle';

const PresenceContext = createContext<ReadonlyMap<string, PresenceStatus>>(new Map());

/**
 * Everyone's presence this user may see (friends, conversation partners, themselves), live from
 * `presence.onChange`, for every dot on the page; and this tab's own activity, reported over the
 * WebSocket (the server combines all tabs): idle after `idleMs` without input, active on the next.
 */
export function PresenceProvider({ idleMs, children }: { idleMs: number; children: ReactNode }) {
  const trpc = useTRPC();
  const [statuses, setStatuses] = useState<ReadonlyMap<string, PresenceStatus>>(new Map());
  const report = useMutation(trpc.presence.setActivity.mutationOptions());
  const isIdle = useRef(false);
  const reportRef = useRef(report.mutate);
  reportRef.current = report.mutate;

  const onData = useCallback((item: PresenceItem) => {
    if (item.type === 'snapshot') {
      setStatuses(new Map(Object.entries(item.statuses)));
      // A snapshot follows a (re)connect, and a new connection starts active: say so if this tab is not.
      if (isIdle.current) reportRef.current({ activity: 'idle' });
      return;
    }
    setStatuses((prev) => new Map(prev).set(item.userId, item.status));
  }, []);
  useSubscription(trpc.presence.onChange.subscriptionOptions(undefined, { onData }));

  useIdle(idleMs, (idle) => {
    isIdle.current = idle;
    reportRef.current({ activity: idle ? 'idle' : 'active' });
  });

  return <PresenceContext.Provider value={statuses}>{children}</PresenceContext.Provider>;
}

/** A person's presence as this user may see it; undefined for people they may not. */
export function usePresence(userId: string): PresenceStatus | undefined {
  return useContext(PresenceContext).get(userId);
}
