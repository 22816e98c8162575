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
      expect((await prisma.channel.findUniqueOrThrow({ where: { slug: 'general' } })).lastSeq).toBe(4);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('keeps seq gapless under concurrent row-locked transactions', { timeout: 30_000 }, async () => {
    const prisma = createPrismaClient(embedded.url, { maxConnections: 4 });
    try {
      const channel = await prisma.channel.findUniqueOrThrow({ where: { slug: 'cardio' } });
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          prisma.$transaction(async (tx) => {
            await tx.$queryRaw`SELECT id FROM "Channel" WHERE id = ${channel.id} FOR UPDATE`;
            const { lastSeq } = await tx.channel.update({
              where: { id: channel.id },
              data: { lastSeq: { increment: 1 } },
            });
            await tx.message.create({
              data: { channelId: channel.id, authorId: channel.createdById, body: `set ${i}`, seq: lastSeq },
            });
          }),
        ),
      );
      const seqs = (await prisma.message.findMany({ where: { channelId: channel.id } })).map((m) => m.seq);
      expect(seqs.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('serves a pg Pool holding several connections at once', async () => {
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
      await writer.query('ROLLBACK');
      expect(await Promise.all(reads)).toEqual(['Alice', 'Alice', 'Alice', 'Alice']);
    } finally {
      for (const client of clients) client.release();
      await pool.end();
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
