import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';

type EngineClass = typeof SchemaEngine;

// Node's WebAssembly global, typed here because its declarations only ship with TypeScript's DOM lib.
type WasmApi = {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let engineClass: Promise<EngineClass> | undefined;

/**
 * The wasm schema engine (the same Rust code as Prisma's native engine), so migrations run where the
 * native binary cannot be downloaded. Instantiated once per module copy: wasm-bindgen keeps global
 * state, and a second instantiation of the same glue module breaks it.
 */
function loadEngineClass(): Promise<EngineClass> {
  engineClass ??= (async () => {
    // The package's entry does `import * as wasm from './x.wasm'`, which Node only accepts behind
    // --experimental-wasm-modules, so wire the wasm-bindgen glue to the module by hand.
    const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return engineClass;
}

/** Runs `fn` with a schema engine connected to `databaseUrl` through the pg driver adapter. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const Engine = await loadEngineClass();
  // Our own pool, so we can close it: freeing the engine leaves its connections open, and with them
  // the session advisory lock the engine takes for migrations, which would stall every later migrate.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(wholeScripts(new PrismaPg(pool), pool));
    // The engine reports progress through the callback; command results carry what callers need.
    const engine = await Engine.new({ datamodels: undefined }, () => {}, adapter);
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

type ScriptRunner = { executeScript(script: string): Promise<void>; onError(error: unknown): never };

/**
 * Runs each migration script as ONE simple-protocol query, as Prisma's native engine does.
 * adapter-pg's own `executeScript` splits the script at every ";", which cuts a function body
 * (`$$ ... ; ... $$`) into pieces that do not parse.
 */
function wholeScripts(factory: PrismaPg, pool: pg.Pool): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const runner = adapter as unknown as ScriptRunner;
    runner.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        // The adapter's own mapping to a DriverAdapterError, which the engine reports.
        runner.onError(error);
      }
    };
    return adapter;
  };
  return factory;
}
