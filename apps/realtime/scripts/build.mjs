// Bundles the replica into dist/main.js, which production runs with plain `node`: under load, the tsx
// loader's source-map support made every captured Error pay for `serializeJSStackFrame`.
// Plain .mjs so building needs nothing but node and esbuild.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORKSPACE_SCOPE = '@spotter/';

/**
 * The workspace packages export TypeScript source (and the generated Prisma client is TypeScript), so
 * they are bundled; every other package stays an `import` that node resolves from node_modules at run
 * time, as it would unbundled (Prisma's wasm query compiler, ws, ioredis, pino's transports).
 */
const externalThirdParty = {
  name: 'external-third-party',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path.startsWith(WORKSPACE_SCOPE) ? undefined : { path, external: true },
    );
  },
};

const options = {
  absWorkingDir: appDir,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // For `node --enable-source-maps dist/main.js` when debugging; never enabled in production, where
  // mapping every captured Error's stack is the cost this bundle exists to avoid.
  sourcemap: 'linked',
  plugins: [externalThirdParty],
  logLevel: 'warning',
};

try {
  await build(options);
} catch (error) {
  // esbuild printed its errors with their source lines already; its stack trace would only bury them.
  if (!Array.isArray(error?.errors)) throw error;
  process.exitCode = 1;
}
