'use client';

import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import styles from './auth-card.module.css';
import { Field } from './field';

export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full load, so the realtime socket reconnects with the new session cookie.
      window.location.assign('/');
      return;
    }
    setSubmitting(false);
    setError(describeSignInError(result?.error));
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={isSubmitting}>
        Sign in
      </button>
    </form>
  );
}

/** next-auth's error for a failed sign-in, in words; a limited attempt's says when to try again. */
function describeSignInError(error: string | null | undefined): string {
  if (error === 'CredentialsSignin') return 'Wrong email or password.';
  if (error?.startsWith('Too many')) return error;
  return 'Could not sign in right now. Check your connection and try again.';
}
