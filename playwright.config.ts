import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// End-to-end specs in Debian's Chromium (Playwright's own browser download does not work here).
// The global setup starts scaled mode on 127.0.0.1: a seeded database, a redis-server, two realtime
// replicas and the production web build; specs open several browser contexts pinned to replicas.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  // One browser at a time: two cores also run the web app, two replicas, Redis and PostgreSQL.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Outside the repository: the development-mode spec's Next.js watches the repository, and the
  // traces written here while a test runs would make it recompile and reload the page under test.
  outputDir: join(tmpdir(), 'spotter-playwright-results'),
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
});
