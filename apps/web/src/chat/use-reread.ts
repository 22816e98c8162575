'use client';

import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

/**
 * Rereads a query after events said it changed. A burst of events (a subscription's first replay)
 * costs two fetches, not one each: at most one reread is in flight, and one more starts after it
 * when events came meanwhile. That last one starts after the last event arrived, so it sees it.
 */
export function useReread(queryKey: QueryKey) {
  const queryClient = useQueryClient();
  const state = useRef({ isInFlight: false, isDirty: false });
  const key = useRef(queryKey);
  key.current = queryKey;

  const reread = useCallback(() => {
    const current = state.current;
    if (current.isInFlight) {
      current.isDirty = true;
      return;
    }
    current.isInFlight = true;
    void queryClient.invalidateQueries({ queryKey: key.current }).finally(() => {
      current.isInFlight = false;
      if (!current.isDirty) return;
      current.isDirty = false;
      reread();
    });
  }, [queryClient]);

  return reread;
}
