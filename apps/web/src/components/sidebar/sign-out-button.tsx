'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import styles from './sidebar.module.css';

export function SignOutButton() {
  const [isSigningOut, setSigningOut] = useState(false);
  return (
    <button
      type="button"
      className={`button button-quiet ${styles.signOut}`}
      disabled={isSigningOut}
      onClick={async () => {
        setSigningOut(true);
        await signOut({ redirect: false });
        // A full load drops the realtime socket that still carries the old session.
        window.location.assign('/login');
      }}
    >
      Sign out
    </button>
  );
}
