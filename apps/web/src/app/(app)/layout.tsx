import type { ReactNode } from 'react';
import { PresenceProvider } from '@/chat/presence-provider';
import { Drawer } from '@/components/shell/drawer';
import { KeepSession } from '@/components/shell/keep-session';
import { Sidebar } from '@/components/sidebar/sidebar';
import { callerFor } from '@/server/caller';
import { getWebRuntime } from '@/server/runtime';
import { requireSession } from '@/server/session';
import styles from './shell.module.css';

/** Every signed-in page: the channel sidebar (a drawer on phones) and a main pane. Signed-out visitors go to /login. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const caller = callerFor(session);
  const [channels, friends, conversations] = await Promise.all([
    caller.channel.listMine(),
    caller.friends.list(),
    caller.dm.list(),
  ]);
  return (
    <PresenceProvider idleMs={getWebRuntime().env.PRESENCE_IDLE_MS}>
      <div className={styles.shell}>
        <KeepSession />
        <Drawer>
          <Sidebar
            me={session}
            initialChannels={channels}
            initialFriends={friends}
            initialConversations={conversations}
          />
        </Drawer>
        <main className={styles.main}>{children}</main>
      </div>
    </PresenceProvider>
  );
}
