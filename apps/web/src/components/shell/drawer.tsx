'use client';

import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import styles from './drawer.module.css';

const PANEL_ID = 'channel-drawer';

/**
 * The sidebar's frame. Wide screens show it as a column and never see the toggle; at 768 px and
 * below it is a drawer behind a "Channels" button in a top bar (the CSS decides which, so the server
 * render is already right). Open, it takes focus; Escape, the overlay, moving focus out of it or
 * choosing a page closes it.
 */
export function Drawer({ children }: { children: ReactNode }) {
  const [isOpen, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  // biome-ignore lint/correctness/useExhaustiveDependencies: choosing a channel (a new path) closes it.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    const element = panel.current;
    if (!isOpen || !element) return;
    element.querySelector<HTMLElement>('a[aria-current="page"], a, button')?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    // Tabbing out of the drawer (not onto its own toggle) closes it, so it never hides the page
    // the keyboard is now on.
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (next instanceof Node && !element.contains(next) && next !== toggle.current) setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    element.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      element.removeEventListener('focusout', onFocusOut);
    };
  }, [isOpen]);

  return (
    <>
      <header className={styles.topBar}>
        <button
          ref={toggle}
          type="button"
          className="button button-quiet"
          aria-expanded={isOpen}
          aria-controls={PANEL_ID}
          onClick={() => setOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span> Channels
        </button>
        <span className={styles.brand}>Spotter</span>
      </header>
      <div id={PANEL_ID} ref={panel} className={styles.panel} data-open={isOpen}>
        {children}
      </div>
      {/* A mouse/touch convenience only: keyboard users close it with Escape. */}
      {isOpen && <div className={styles.overlay} aria-hidden="true" onClick={() => setOpen(false)} />}
    </>
  );
}
