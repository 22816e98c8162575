import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// The monorepo root: workspace packages live outside apps/web, and Turbopack only resolves files
// below its root. The bundles import only types from @spotter/api and @spotter/db; at run time they
// reach both through the runtime server.ts installs (src/server/runtime.ts), so neither is bundled.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const nextConfig: NextConfig = {
  reactStrictMode: true,
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  // Dev resources (HMR) are refused to origins other than localhost unless listed; tests use 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
