import type { NextConfig } from 'next';

// The bundles import only types from @spotter/api and @spotter/db; at run time they reach both
// through the runtime server.ts installs (src/server/runtime.ts), so neither is bundled. No
// `turbopack.root`: Next infers the monorepo root from package-lock.json, and setting it explicitly
// made the development server see its own log writes (.next/dev/logs) as source changes and reload
// every page in a loop.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Says nothing useful to users and tells attackers which framework to aim at.
  poweredByHeader: false,
  // Dev resources (HMR) are refused to origins other than localhost unless listed; tests use 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
