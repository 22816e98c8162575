import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { getWebRuntime } from '@/server/runtime';
import { Providers } from '@/trpc/providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Spotter', template: '%s · Spotter' },
  description: 'Realtime chat for people who train together',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f4f4f1' },
    { media: '(prefers-color-scheme: dark)', color: '#111111' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Realtime URLs are read per request, not baked in at build time: one build, any deployment.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers realtimeUrls={getWebRuntime().env.REALTIME_URLS}>{children}</Providers>
      </body>
    </html>
  );
}
