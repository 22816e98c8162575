import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { DbLogger } from './logger';
import { servePglite } from './pglite-server';

export type EmbeddedPostgres = { url: string; stop(): Promise<void> };

// Next.js loads this package once for the custom server and again for its route bundles: keep the
// one running instance per process here, or the second copy would open the same data dir twice.
const RUNNING = Symbol.for('spotter.db.embeddedPostgres');
type Slot = { dataDir: string; instance: Promise<EmbeddedPostgres> };
const registry = globalThis as { [RUNNING]?: Slot };

/**
 * Starts PostgreSQL in-process (PGlite, persisted under `dataDir`) and serves it on 127.0.0.1 at a
 * free port, so ordinary `pg` clients and Prisma's pg adapter can use `url`. A second call in the
 * same process returns the running instance.
 */
export function startEmbeddedPostgres(options: {
  dataDir: string;
  logger?: DbLogger;
}): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const slot = registry[RUNNING];
  if (slot) {
    if (slot.dataDir !== dataDir) {
      return Promise.reject(new Error(`Embedded PostgreSQL already runs on ${slot.dataDir}; stop it first`));
    }
    return slot.instance;
  }
  const instance = start(dataDir, options.logger).catch((error: unknown) => {
    delete registry[RUNNING];
    throw error;
  });
  registry[RUNNING] = { dataDir, instance };
  return instance;
}

async function start(dataDir: string, logger?: DbLogger): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  const server = await servePglite(await PGlite.create(dataDir));
  const { url } = server;
  logger?.info(`Embedded PostgreSQL (PGlite) serving ${dataDir} at ${url}`);
  let stopped: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopped ??= (async () => {
        delete registry[RUNNING];
        await server.close();
        logger?.info('Embedded PostgreSQL stopped');
      })();
      return stopped;
    },
  };
}
