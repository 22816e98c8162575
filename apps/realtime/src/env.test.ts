import { readFileSync } from 'node:fs';
import { EnvError, PLACEHOLDER_SECRET } from '@spotter/api';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const VALID = {
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

describe('the realtime environment', () => {
  it('starts with the three shared variables and the quiet defaults', () => {
    const env = loadEnv(VALID);
    expect(env).toMatchObject({ HOST: '127.0.0.1', PORT: 4000, NODE_ENV: 'production', ALLOWED_ORIGINS: [] });
  });

  it('names every missing variable at once, and treats empty ones as missing', () => {
    const found = problems({ DATABASE_URL: '', REDIS_URL: '' });
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/DATABASE_URL is required/);
    expect(found.join('\n')).toMatch(/REDIS_URL is required: a realtime replica with an in-memory bus/);
    expect(found.join('\n')).toMatch(/NEXTAUTH_SECRET is required/);
  });

  it('refuses the placeholder secret that .env.example ships, which passes the length check', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const shipped = /^NEXTAUTH_SECRET=(.*)$/m.exec(example)?.[1];
    expect(shipped).toBe(PLACEHOLDER_SECRET);
    expect(problems({ ...VALID, NEXTAUTH_SECRET: shipped })).toEqual([
      expect.stringMatching(/NEXTAUTH_SECRET is still the placeholder from \.env\.example/),
    ]);
  });

  it('normalizes ALLOWED_ORIGINS to what browsers send, and says which entry is wrong', () => {
    expect(
      loadEnv({ ...VALID, ALLOWED_ORIGINS: 'https://Spotter.example.com/, http://127.0.0.1:3000' })
        .ALLOWED_ORIGINS,
    ).toEqual(['https://spotter.example.com', 'http://127.0.0.1:3000']);
    expect(problems({ ...VALID, ALLOWED_ORIGINS: 'spotter.example.com' })).toEqual([
      expect.stringMatching(/ALLOWED_ORIGINS entry "spotter.example.com" is not an http\(s\) origin/),
    ]);
  });

  it('names the variable when the message is the validator’s own', () => {
    expect(problems({ ...VALID, PORT: '70000' })).toEqual([expect.stringMatching(/^PORT: /)]);
  });
});
