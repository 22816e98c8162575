import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from './client';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';
import { seed } from './seed';

// One instance for the file: PGlite takes seconds to boot, and the steps build on each other.
let dataDir: string;
let embedded: EmbeddedPostgres;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'spotter-pglite-'));
  embedded = await startEmbeddedPostgres({ dataDir });
}, 60_000);

afterAll(async () => {
  await embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL', () => {
  it('hands a second caller in the process the running instance', async () => {
    expect(await startEmbeddedPostgres({ dataDir })).toBe(embedded);
    await expect(startEmbeddedPostgres({ dataDir: `${dataDir}-other` })).rejects.toThrow(/already runs/);
  });

  it('migrates and seeds through Prisma', { timeout: 60_000 }, async () => {
    expect((await migrate(embedded.url)).applied.length).toBeGreaterThan(0);
    expect(await migrate(embedded.url)).toEqual({ applied: [] });
    const prisma = createPrismaClient(embedded.url, { maxConnections: 4 });
    try {
      await seed(prisma);
      await seed(prisma);
      expect(await prisma.user.count()).toBe(3);
      expect(await prisma.message.count({ where: { channel: { slug: 'general' } } })).toBe(4);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('keeps a row-locked counter gapless under concurrent transactions', { timeout: 30_000 }, async () => {
    const prisma = createPrismaClient(embedded.url, { maxConnections: 4 });
    try {
      await prisma.$executeRaw`CREATE TABLE "TestCounter" (id int PRIMARY KEY, n int NOT NULL)`;
      await prisma.$executeRaw`CREATE TABLE "TestTaken" (n int NOT NULL)`;
      await prisma.$executeRaw`INSERT INTO "TestCounter" VALUES (1, 0)`;
      // The pattern the app uses for seqs: bump a counter (taking its row lock), use the value,
      // commit. Another transaction's statements must never run in the middle of one.
      await Promise.all(
        Array.from({ length: 12 }, () =>
          prisma.$transaction(async (tx) => {
            const [row] = await tx.$queryRaw<{ n: number }[]>`
              UPDATE "TestCounter" SET n = n + 1 WHERE id = 1 RETURNING n`;
            await tx.$executeRaw`INSERT INTO "TestTaken" VALUES (${row?.n})`;
          }),
        ),
      );
      const taken = await prisma.$queryRaw<{ n: number }[]>`SELECT n FROM "TestTaken" ORDER BY n`;
      expect(taken.map((row) => row.n)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    } finally {
      await prisma.$disconnect();
    }
  });

  it('gives each of several pg connections its own queries, as separate sessions would', async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 6 });
    // Parameterized queries of different shapes from six connections at once, a third of them in
    // transactions: each gets the answer to its own query, never a neighbour's statement bound to
    // its parameters.
    const ask = async (kind: number, i: number): Promise<string> => {
      if (kind === 0) {
        const { rows } = await pool.query('SELECT name FROM "User" WHERE email = $1', ['bob@spotter.dev']);
        return rows[0]?.name;
      }
      if (kind === 1) {
        const { rows } = await pool.query('SELECT $1::int * 2 AS n, $2::text AS tag', [i, 'two']);
        return `${rows[0]?.n} ${rows[0]?.tag}`;
      }
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query('SELECT $1::int + 1 AS n, $2::text AS a, $3::text AS b', [
          i,
          'x',
          'y',
        ]);
        await client.query('COMMIT');
        return `${rows[0]?.n}${rows[0]?.a}${rows[0]?.b}`;
      } finally {
        client.release();
      }
    };
    const expected = (kind: number, i: number) => [`Bob`, `${i * 2} two`, `${i + 1}xy`][kind];
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, async (_, client) => {
          const got: (string | undefined)[] = [];
          for (let i = 0; i < 30; i++) got.push(await ask(client % 3, i));
          return got;
        }),
      );
      answers.forEach((got, client) => {
        expect(got).toEqual(Array.from({ length: 30 }, (_, i) => expected(client % 3, i)));
      });
    } finally {
      await pool.end();
    }
  });

  it('keeps other connections out of an open transaction', async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 5 });
    const clients = await Promise.all(Array.from({ length: 5 }, () => pool.connect()));
    try {
      const [writer, ...readers] = clients as [pg.PoolClient, ...pg.PoolClient[]];
      await writer.query('BEGIN');
      await writer.query(`UPDATE "User" SET name = 'Alicia' WHERE email = 'alice@spotter.dev'`);
      // PGlite is one session: other connections' queries wait until this transaction ends, rather
      // than running inside it and seeing its uncommitted write.
      const reads = readers.map(async (client) => {
        const { rows } = await client.query(`SELECT name FROM "User" WHERE email = 'alice@spotter.dev'`);
        return rows[0]?.name;
      });
      await writer.query('SELECT pg_sleep(0.05)');
      await writer.query('ROLLBACK');
      expect(await Promise.all(reads)).toEqual(['Alice', 'Alice', 'Alice', 'Alice']);
    } finally {
      for (const client of clients) client.release();
      await pool.end();
    }
  });

  it('rolls back what a connection left open when it vanished', async () => {
    const quitter = new pg.Client({ connectionString: embedded.url });
    quitter.on('error', () => {});
    const other = new pg.Client({ connectionString: embedded.url });
    await Promise.all([quitter.connect(), other.connect()]);
    await quitter.query('BEGIN');
    await quitter.query(`UPDATE "User" SET name = 'Gone' WHERE email = 'carol@spotter.dev'`);
    try {
      // Queued behind the open transaction, then served once the dropped client's work is undone.
      const read = other.query(`SELECT name FROM "User" WHERE email = 'carol@spotter.dev'`);
      (quitter as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      expect((await read).rows[0]?.name).toBe('Carol');
    } finally {
      await other.end();
    }
  });

  it('stops, and keeps its data for the next start', { timeout: 60_000 }, async () => {
    await embedded.stop();
    await expect(new pg.Client({ connectionString: embedded.url }).connect()).rejects.toThrow();
    embedded = await startEmbeddedPostgres({ dataDir });
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "User"');
    await client.end();
    expect(rows[0]?.n).toBe(3);
  });
});
