import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRouter, createCallerFactory, type Session } from '@spotter/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadEnv } from '../env';
import { createWebLogger, createWebRuntime } from './deps';
import { prepareDatabase } from './prepare-database';
import type { WebRuntime } from './runtime';

// `npm run dev` with no DATABASE_URL: the same runtime (embedded PGlite served over the wire, Prisma
// over pg), migrated and seeded the same way, driven through the real router by several users at once.
const SENDERS = 5;
const SENDS_EACH = 100;
const READERS = 3;
const PAGE = 50;

let dataDir: string;
let runtime: WebRuntime;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'spotter-embedded-'));
  // Configured as a newcomer's `npm run dev` is: no database, no Redis, only a data dir.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'REALTIME_URLS', 'NEXTAUTH_SECRET'])
    vi.stubEnv(name, undefined);
  vi.stubEnv('SPOTTER_DATA_DIR', dataDir);
  vi.stubEnv('LOG_LEVEL', 'silent');
  // A test of the database under a burst, not of the send limit (5 per 5 s per channel by default).
  vi.stubEnv('RATE_LIMIT_MULTIPLIER', '1000');
  // `npm run dev` is development, which seeds the demo accounts (Vitest runs as NODE_ENV=test).
  vi.stubEnv('NODE_ENV', 'development');
  const env = loadEnv();
  runtime = await createWebRuntime(env, createWebLogger(env));
  await prepareDatabase(runtime);
}, 120_000);

afterAll(async () => {
  await runtime?.close();
  await rm(dataDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

type Caller = ReturnType<WebRuntime['callerFor']>;

const isIncreasing = (seqs: number[]) => seqs.every((seq, k) => k === 0 || seq > (seqs[k - 1] ?? seq));
// Gapless: a message seq is its position in the channel's history.
const isConsecutive = (seqs: number[]) => seqs.every((seq, k) => seq === (seqs[0] ?? 0) + k);

async function signIn(email: string): Promise<Session> {
  const session = await runtime.authenticate({ email, password: 'spotter-demo' }, null);
  if (!session) throw new Error(`seed user ${email} cannot sign in`);
  return session;
}

async function signUp(name: string): Promise<Session> {
  const visitor = createCallerFactory(appRouter)({ ...runtime.deps, session: null });
  const email = `${name.toLowerCase()}@example.com`;
  await visitor.auth.signUp({ email, name, password: 'correct horse battery' });
  const session = await runtime.authenticate({ email, password: 'correct horse battery' }, null);
  if (!session) throw new Error(`${email} cannot sign in after signing up`);
  return session;
}

describe('embedded mode under concurrent use', () => {
  it('five clients × 100 sends at once plus history reads: every send succeeds and is stored once, in order', {
    timeout: 300_000,
  }, async () => {
    const sessions = [
      ...(await Promise.all(['alice', 'bob', 'carol'].map((who) => signIn(`${who}@spotter.dev`)))),
      await signUp('Dave'),
      await signUp('Erin'),
    ];
    const callers = sessions.map((session) => runtime.callerFor(session));
    const [alice, , , dave, erin] = callers as [Caller, Caller, Caller, Caller, Caller];
    const channel = await alice.channel.get({ slug: 'general' });
    await dave.channel.join({ channelId: channel.id });
    await erin.channel.join({ channelId: channel.id });

    // Each sender sends its messages one after another, as a user typing fast would; the five
    // senders and the history readers all run at once.
    let sending = true;
    const bodyOf = (sender: number, i: number) => `sender ${sender} message ${i}`;
    const isSent = (message: { body: string }) => /^sender \d message \d+$/.test(message.body);
    const senders = callers.map(async (caller, sender) => {
      const sent: number[] = [];
      for (let i = 0; i < SENDS_EACH; i++) {
        const message = await caller.message.send({
          channelId: channel.id,
          body: bodyOf(sender, i),
          nonce: `${sender}-${i}`,
        });
        expect(message.body).toBe(bodyOf(sender, i));
        sent.push(message.seq);
      }
      return sent;
    });
    const readers = callers.slice(0, READERS).map(async (caller) => {
      let pages = 0;
      while (sending) {
        // A tab opening the channel: the newest page, then one page further back.
        const newest = await caller.message.list({ channelId: channel.id, limit: PAGE });
        const older = newest.nextCursor
          ? await caller.message.list({ channelId: channel.id, cursor: newest.nextCursor, limit: PAGE })
          : null;
        for (const page of older ? [older, newest] : [newest]) {
          // A history page is a consistent snapshot: in order, and with nothing missing among
          // this test's messages (only they are written meanwhile, so their seqs are consecutive).
          expect(isIncreasing(page.items.map((m) => m.seq))).toBe(true);
          expect(isConsecutive(page.items.filter(isSent).map((m) => m.seq))).toBe(true);
          expect(page.items.every((m) => m.channelId === channel.id)).toBe(true);
        }
        pages++;
      }
      return pages;
    });

    const reads = Promise.allSettled(readers);
    const sendResults = await Promise.allSettled(senders);
    sending = false;
    const readResults = await reads;
    const failures = [...sendResults, ...readResults]
      .filter((result) => result.status === 'rejected')
      .map((result) => String(result.reason));
    expect(failures).toEqual([]);
    for (const result of readResults) {
      expect(result.status === 'fulfilled' && result.value).toBeGreaterThan(0);
    }

    // The whole history, read back through the router the way a scrolling client pages it.
    const history = [];
    let cursor: number | null | undefined;
    do {
      const page = await alice.message.list({ channelId: channel.id, cursor, limit: 100 });
      history.unshift(...page.items);
      cursor = page.nextCursor;
    } while (cursor);

    expect(isIncreasing(history.map((m) => m.seq))).toBe(true);
    const sent = history.filter(isSent);
    expect(isConsecutive(sent.map((m) => m.seq))).toBe(true);
    expect(history.at(-1)).toBe(sent.at(-1));
    expect(sent).toHaveLength(SENDERS * SENDS_EACH);
    expect(new Set(sent.map((m) => m.body)).size).toBe(SENDERS * SENDS_EACH);
    for (const [sender, session] of sessions.entries()) {
      const own = sent.filter((m) => m.authorId === session.userId);
      expect(own.map((m) => m.body)).toEqual(Array.from({ length: SENDS_EACH }, (_, i) => bodyOf(sender, i)));
      const result = sendResults[sender];
      expect(result?.status === 'fulfilled' && result.value).toEqual(own.map((m) => m.seq));
    }
  });
});
