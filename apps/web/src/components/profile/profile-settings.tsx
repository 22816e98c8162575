'use client';

import type { RouterOutputs } from '@spotter/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, type ReactNode, useState } from 'react';
import { describeError } from '@/trpc/error-message';
import { useTRPC } from '@/trpc/react';
import { Avatar } from '../avatar';
import { SettingsNav } from '../settings/settings-nav';
import styles from './profile.module.css';

type Profile = RouterOutputs['profile']['get'];

const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read that file.'));
    reader.readAsDataURL(file);
  });
}

/**
 * Edit one's own name, @username, bio and gym, and upload or remove a picture. `children`: more
 * settings sections (workout units), below the profile in the same scroll.
 */
export function ProfileSettings({ initial, children }: { initial: Profile; children?: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [profile, setProfile] = useState(initial);
  const [form, setForm] = useState({
    name: initial.name,
    username: initial.username,
    bio: initial.bio,
    homeGym: initial.homeGym,
  });
  const [saved, setSaved] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const onProfile = async (next: Profile) => {
    setProfile(next);
    await queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey() });
  };
  const update = useMutation(
    trpc.profile.update.mutationOptions({
      async onSuccess(next) {
        setSaved(true);
        setForm({ name: next.name, username: next.username, bio: next.bio, homeGym: next.homeGym });
        await onProfile(next);
      },
    }),
  );
  const setAvatar = useMutation(trpc.profile.setAvatar.mutationOptions({ onSuccess: onProfile }));
  const removeAvatar = useMutation(trpc.profile.removeAvatar.mutationOptions({ onSuccess: onProfile }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    update.mutate(form);
  }

  async function upload(file: File | undefined) {
    setFileError(null);
    setAvatar.reset();
    if (!file) return;
    if (file.size > MAX_AVATAR_BYTES) {
      setFileError(
        `That picture is ${(file.size / 1024 / 1024).toFixed(1)} MB; an avatar can be at most 2 MB.`,
      );
      return;
    }
    setAvatar.mutate({ dataUrl: await readAsDataUrl(file) });
  }

  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => {
      setSaved(false);
      setForm((current) => ({ ...current, [key]: event.target.value }));
    },
  });
  const avatarError = fileError ?? (setAvatar.error ? describeError(setAvatar.error) : null);

  return (
    <div className={styles.page}>
      <h1 className={styles.name}>Your profile</h1>
      <SettingsNav current="/settings/profile" />
      <section aria-labelledby="avatar-title" className={styles.form}>
        <h2 id="avatar-title" className={styles.cardName}>
          Picture
        </h2>
        <div className={styles.avatarRow}>
          <Avatar userId={profile.id} name={profile.name} avatarUrl={profile.avatarUrl} size="large" />
          <label className={styles.field}>
            Upload a picture
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              data-testid="avatar-input"
              disabled={setAvatar.isPending}
              onChange={(event) => void upload(event.target.files?.[0])}
            />
            <span className={styles.hint}>
              PNG, JPEG, WebP or GIF, up to 2 MB. It is cropped to a square.
            </span>
          </label>
          {profile.avatarUrl && (
            <button
              type="button"
              className="button button-quiet"
              disabled={removeAvatar.isPending}
              onClick={() => removeAvatar.mutate()}
            >
              Remove picture
            </button>
          )}
        </div>
        {avatarError && (
          <p role="alert" className="error">
            {avatarError}
          </p>
        )}
      </section>

      <form className={styles.form} onSubmit={submit} aria-labelledby="details-title">
        <h2 id="details-title" className={styles.cardName}>
          Details
        </h2>
        <label className={styles.field}>
          Display name
          <input name="name" required maxLength={50} {...field('name')} />
        </label>
        <label className={styles.field}>
          Username
          <input name="username" required maxLength={32} autoComplete="username" {...field('username')} />
          <span className={styles.hint}>
            Letters a–z, digits, “_” and “.”; people find and mention you by it.
          </span>
        </label>
        <label className={styles.field}>
          Bio
          <textarea name="bio" rows={3} maxLength={300} {...field('bio')} />
        </label>
        <label className={styles.field}>
          Home gym
          <input name="homeGym" maxLength={80} {...field('homeGym')} />
        </label>
        {update.error && (
          <p role="alert" className="error" data-testid="profile-error">
            {describeError(update.error)}
          </p>
        )}
        {saved && (
          <p role="status" className={styles.ok}>
            Saved. <Link href={`/u/${profile.username}`}>See your profile</Link>
          </p>
        )}
        <div>
          <button type="submit" className="button" disabled={update.isPending}>
            Save
          </button>
        </div>
      </form>
      {children}
    </div>
  );
}
