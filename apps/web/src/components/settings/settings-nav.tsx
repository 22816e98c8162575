import Link from 'next/link';
import styles from './settings.module.css';

const PAGES = [
  { href: '/settings/profile', label: 'Profile' },
  { href: '/settings/sessions', label: 'Sessions' },
  { href: '/settings/tokens', label: 'API tokens' },
] as const;

/** The settings pages' own navigation. */
export function SettingsNav({ current }: { current: (typeof PAGES)[number]['href'] }) {
  return (
    <nav aria-label="Settings" className={styles.nav}>
      {PAGES.map((page) => (
        <Link key={page.href} href={page.href} aria-current={page.href === current ? 'page' : undefined}>
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
