import type { InputHTMLAttributes } from 'react';
import styles from './auth-card.module.css';

/** A labelled input: the label names it for screen readers and for tests (getByLabel). */
export function Field({
  label,
  ...input
}: { label: string; name: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={styles.field}>
      {label}
      <input {...input} />
    </label>
  );
}
