import type { ReactNode } from 'react';
import styles from './auth-card.module.css';

/** The frame of the sign-in and sign-up pages. */
export function AuthCard(props: { title: string; subtitle: string; footer: ReactNode; children: ReactNode }) {
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.brand}>
          <span className={styles.mark} aria-hidden="true">
            S
          </span>
          Spotter
        </div>
        <h1 className={styles.title}>{props.title}</h1>
        <p className={styles.subtitle}>{props.subtitle}</p>
        {props.children}
        <p className={styles.footer}>{props.footer}</p>
      </div>
    </main>
  );
}
