import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  decodeSessionToken,
  issueSessionToken,
  sessionTokenFromCookieHeader,
} from './session-token';

const secret = 'unit-test-secret-0123456789abcdef';
const session = { userId: 'u1', name: 'Alice', email: 'alice@spotter.dev' };

describe('session tokens', () => {
  it('round-trips a session and rejects tampering', async () => {
    const token = await issueSessionToken(session, 'sid-1', secret);
    expect(await decodeSessionToken(token, secret)).toEqual({ session, sessionId: 'sid-1' });
    expect(await decodeSessionToken(token, 'another-secret-entirely-0123456789')).toBeNull();
    expect(await decodeSessionToken(`${token.slice(0, -4)}AAAA`, secret)).toBeNull();
    expect(await decodeSessionToken('garbage', secret)).toBeNull();
  });

  it("finds next-auth's cookie, secure or not, whole or chunked", () => {
    expect(sessionTokenFromCookieHeader('a=1; next-auth.session-token=abc; b=2')).toBe('abc');
    expect(sessionTokenFromCookieHeader('__Secure-next-auth.session-token=sec')).toBe('sec');
    expect(sessionTokenFromCookieHeader('next-auth.session-token.0=ab; next-auth.session-token.1=cd')).toBe(
      'abcd',
    );
    expect(sessionTokenFromCookieHeader('other=1')).toBeNull();
    // Another cookie of the site that is not valid percent-encoding changes nothing.
    expect(sessionTokenFromCookieHeader('x=%E0%A4%A; next-auth.session-token=abc')).toBe('abc');
    expect(sessionTokenFromCookieHeader('next-auth.session-token=%E0%A4%A')).toBeNull();
    expect(sessionTokenFromCookieHeader(undefined)).toBeNull();
  });

  it('reads bearer tokens', () => {
    expect(bearerToken('Bearer xyz')).toBe('xyz');
    expect(bearerToken('Basic xyz')).toBeNull();
  });
});
