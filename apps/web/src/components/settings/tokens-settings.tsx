'use client';

import type { RouterOutputs } from '@spotter/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import styles from './settings.module.css';
import { SettingsNav } from './settings-nav';

type Created = RouterOutputs['apiToken']['create'];

const day = (date: Date) => date.toLocaleDateString(undefined, { dateStyle: 'medium' });

/** Personal API tokens for bots and scripts: create (shown once), list, revoke. */
export function TokensSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiToken.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiToken.list.queryKey() });
  const [created, setCreated] = useState<Created | null>(null);
  const [form, setForm] = useState({ name: '', scope: 'read' as 'read' | 'write', expiresInDays: '90' });
  const create = useMutation(
    trpc.apiToken.create.mutationOptions({
      async onSuccess(token) {
        setCreated(token);
        setForm((current) => ({ ...current, name: '' }));
        await refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.apiToken.revoke.mutationOptions({ onSuccess: refresh }));
  const error = create.error ?? revoke.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const days = Number(form.expiresInDays);
    create.mutate({ name: form.name, scope: form.scope, ...(days > 0 ? { expiresInDays: days } : {}) });
  }

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>API tokens</h1>
      <SettingsNav current="/settings/tokens" />
      <p>
        For your own bots and scripts: send a token as <code>Authorization: Bearer …</code> or as the
        WebSocket&apos;s <code>connectionParams.token</code>. A read token cannot change anything.
      </p>
      <form className={styles.form} onSubmit={submit} aria-labelledby="new-token">
        <h2 id="new-token">New token</h2>
        <label className={styles.field}>
          Name
          <input
            name="name"
            required
            maxLength={50}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label className={styles.field}>
          Access
          <select
            name="scope"
            value={form.scope}
            onChange={(e) => setForm({ ...form, scope: e.target.value as 'read' | 'write' })}
          >
            <option value="read">Read only</option>
            <option value="write">Read and write</option>
          </select>
        </label>
        <label className={styles.field}>
          Expires after
          <select
            name="expiresInDays"
            value={form.expiresInDays}
            onChange={(e) => setForm({ ...form, expiresInDays: e.target.value })}
          >
            <option value="7">7 days</option>
            <option value="30">30 days</option>
            <option value="90">90 days</option>
            <option value="365">a year</option>
            <option value="0">never</option>
          </select>
        </label>
        {error && (
          <p role="alert" className="error">
            {describeError(error)}
          </p>
        )}
        <div>
          <button type="submit" className="button" disabled={create.isPending}>
            Create token
          </button>
        </div>
      </form>
      {created && (
        <div role="status">
          <p>
            Your new token <strong>{created.name}</strong>. Copy it now: it is not shown again.
          </p>
          <code className={styles.secret} data-testid="new-token">
            {created.token}
          </code>
        </div>
      )}
      <ul className={styles.list} aria-label="Your tokens">
        {tokens.data?.map((token) => (
          <li key={token.id} className={styles.row} data-testid="token-row">
            <div>
              <p className={styles.what}>
                {token.name} <code>{token.prefix}…</code> ·{' '}
                {token.scope === 'read' ? 'read only' : 'read and write'}
              </p>
              <p className={styles.when}>
                Created {day(token.createdAt)} ·{' '}
                {token.lastUsedAt ? `last used ${day(token.lastUsedAt)}` : 'never used'}
                {token.expiresAt ? ` · expires ${day(token.expiresAt)}` : ' · never expires'}
              </p>
            </div>
            <button
              type="button"
              className="button button-quiet"
              disabled={revoke.isPending}
              aria-label={`Revoke ${token.name}`}
              onClick={() => revoke.mutate({ tokenId: token.id })}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
