/** What the global setup started, handed to the specs through the environment (see fixtures.ts). */
export type E2eStack = {
  /** The web app, production build: `http://127.0.0.1:<port>`. */
  baseURL: string;
  /** The stack's seeded database, for specs that set up what the UI cannot (thousands of events). */
  databaseUrl: string;
  /** The realtime replicas, in REALTIME_URLS order: `?realtime=N` pins a tab to entry N. */
  realtimeUrls: string[];
};

export const STACK_ENV = 'SPOTTER_E2E_STACK';

export function readStack(): E2eStack {
  const raw = process.env[STACK_ENV];
  if (!raw)
    throw new Error(
      `${STACK_ENV} is not set: run the specs with \`npx playwright test\` (its global setup starts the stack)`,
    );
  return JSON.parse(raw) as E2eStack;
}
