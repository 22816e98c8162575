import { describe, expect, it } from 'vitest';
import { describeFailure } from './redis-health';
import { parseRedisUrl } from './redis-url';

const config = parseRedisUrl('rediss://cache.internal:6380');

function error(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('describeFailure', () => {
  it('names REDIS_URL and host:port for a refused connection, also when Node reports an AggregateError', () => {
    const refused = new AggregateError([error('connect ECONNREFUSED ::1:6380', 'ECONNREFUSED')], '');
    expect(describeFailure(refused, config)).toEqual({
      key: 'network',
      message: 'REDIS_URL is set but Redis refused the connection at cache.internal:6380 — is it running?',
    });
  });

  it('blames TLS when a plain server hangs up on the handshake, not the network', () => {
    const reset = error(
      'Client network socket disconnected before secure TLS connection was established',
      'ECONNRESET',
    );
    expect(describeFailure(reset, config)).toMatchObject({ key: 'tls' });
    expect(
      describeFailure(error('wrong version number', 'ERR_SSL_WRONG_VERSION_NUMBER'), config).message,
    ).toBe(
      'REDIS_URL is set but the TLS handshake with Redis at cache.internal:6380 failed (ERR_SSL_WRONG_VERSION_NUMBER) — use rediss:// only if the server speaks TLS, and check its certificate',
    );
  });

  it('groups retries of one cause under one key, and tells causes apart', () => {
    const keys = [
      error('connect ECONNREFUSED 1.2.3.4:6380', 'ECONNREFUSED'),
      error('read ECONNRESET', 'ECONNRESET'),
      error('WRONGPASS invalid username-password pair or user is disabled.'),
      error('NOAUTH HELLO must be called with the client already authenticated'),
      error('getaddrinfo ENOTFOUND cache.internal', 'ENOTFOUND'),
    ].map((err) => describeFailure(err, config).key);
    expect(keys).toEqual(['network', 'network', 'auth', 'auth', 'network']);
  });
});
