import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvError, PLACEHOLDER_SECRET } from '@spotter/api';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const SCALED = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/spotter',
  REDIS_URL: 'redis://127.0.0.1:6379',
  NEXTAUTH_SECRET: 'a-real-secret-0123456789abcdef-0123456789',
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('the web environment', () => {
  it('needs nothing in single-instance mode: 127.0.0.1:3000 and a secret kept under the data dir', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spotter-env-'));
    const env = loadEnv({ SPOTTER_DATA_DIR: dataDir });
    expect(env).toMatchObject({ mode: 'single-instance', HOST: '127.0.0.1', PORT: 3000, REALTIME_URLS: [] });
    expect(env.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    // The same secret after a restart, so sessions survive it.
    expect(loadEnv({ SPOTTER_DATA_DIR: dataDir }).NEXTAUTH_SECRET).toBe(env.NEXTAUTH_SECRET);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is scaled with REDIS_URL, and treats empty variables as unset', () => {
    expect(loadEnv({ ...SCALED, REALTIME_URLS: '', ALLOWED_ORIGINS: '' })).toMatchObject({
      mode: 'scaled',
      REALTIME_URLS: [],
      ALLOWED_ORIGINS: [],
    });
  });

  it('refuses mixed modes with messages that say what to change', () => {
    expect(problems({ REALTIME_URLS: 'ws://127.0.0.1:4000/ws' })).toEqual([
      expect.stringMatching(/^REALTIME_URLS is set but REDIS_URL is not/),
    ]);
    expect(problems({ REDIS_URL: SCALED.REDIS_URL })).toEqual([
      expect.stringMatching(/^REDIS_URL is set but DATABASE_URL is not/),
      expect.stringMatching(/^NEXTAUTH_SECRET is required when DATABASE_URL or REDIS_URL is set/),
    ]);
    expect(problems({ ...SCALED, REALTIME_URLS: 'http://127.0.0.1:4000/ws' })).toEqual([
      expect.stringMatching(/each REALTIME_URLS entry must be a ws:\/\/ or wss:\/\/ URL/),
    ]);
  });

  it('refuses the .env.example placeholder secret and a short one', () => {
    expect(problems({ ...SCALED, NEXTAUTH_SECRET: PLACEHOLDER_SECRET })).toEqual([
      expect.stringMatching(/NEXTAUTH_SECRET is still the placeholder/),
    ]);
    expect(problems({ ...SCALED, NEXTAUTH_SECRET: 'x'.repeat(31) })).toEqual([
      expect.stringMatching(/^NEXTAUTH_SECRET must be at least 32 characters/),
    ]);
  });

  it('refuses to run a production server without a secret someone chose, even on its own', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^NEXTAUTH_SECRET is required in production/),
    ]);
  });

  it('seeds the demo accounts (public passwords) only in development or when asked', () => {
    const secret = SCALED.NEXTAUTH_SECRET;
    expect(loadEnv({ NODE_ENV: 'development', NEXTAUTH_SECRET: secret }).seedDemoData).toBe(true);
    expect(loadEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret }).seedDemoData).toBe(false);
    expect(
      loadEnv({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret, SPOTTER_DEMO_DATA: 'true' }).seedDemoData,
    ).toBe(true);
    expect(problems({ SPOTTER_DEMO_DATA: 'yes' })).toHaveLength(1);
  });
});
