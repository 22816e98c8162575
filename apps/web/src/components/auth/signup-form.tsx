'use client';

import { signIn } from 'next-auth/react';
import { type FormEvent, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPCClient } from '@/trpc/react';
import styles from './auth-card.module.css';
import { Field } from './field';

export function SignupForm() {
  const client = useTRPCClient();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const account = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    setSubmitting(true);
    setError(null);
    try {
      await client.auth.signUp.mutate(account);
    } catch (err) {
      setSubmitting(false);
      setError(describeError(err));
      return;
    }
    const result = await signIn('credentials', {
      email: account.email,
      password: account.password,
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign('/');
      return;
    }
    setSubmitting(false);
    setError('Your account was created, but signing in failed. Try signing in.');
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <Field label="Name" name="name" autoComplete="name" maxLength={50} required />
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={8}
        required
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={isSubmitting}>
        Create account
      </button>
    </form>
  );
}
