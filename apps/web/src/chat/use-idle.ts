'use client';

import { useEffect, useRef } from 'react';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

/**
 * Calls `onChange(true)` after `idleMs` without input in this tab, and `onChange(false)` on the next
 * input. Only the idle side uses a timer, and a late one (a hidden tab's timers run about once a
 * minute) merely shows idle a little late: whether the user is there at all is the server's call.
 */
export function useIdle(idleMs: number, onChange: (isIdle: boolean) => void) {
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    let isIdle = false;
    let timer = setTimeout(goIdle, idleMs);
    function goIdle() {
      isIdle = true;
      callback.current(true);
    }
    function onInput() {
      clearTimeout(timer);
      timer = setTimeout(goIdle, idleMs);
      if (!isIdle) return;
      isIdle = false;
      callback.current(false);
    }
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [idleMs]);
}
