import { describe, expect, it } from 'vitest';
import { parseRedisUrl } from './redis-url';

describe('parseRedisUrl', () => {
  it('reads host, port, user, password and db index', () => {
    expect(parseRedisUrl('redis://spotter:s3cret@redis.internal:6380/2')).toEqual({
      host: 'redis.internal',
      port: 6380,
      username: 'spotter',
      password: 's3cret',
      db: 2,
      address: 'redis.internal:6380',
    });
  });

  it('enables TLS for rediss:// with the host as the certificate name', () => {
    const config = parseRedisUrl('rediss://:token@cache.example.com');
    expect(config.tls).toEqual({ servername: 'cache.example.com' });
    expect(config).toMatchObject({ port: 6379, db: 0, password: 'token' });
    expect(config.username).toBeUndefined();
  });

  it('defaults to port 6379, db 0, no credentials and no TLS', () => {
    expect(parseRedisUrl('redis://127.0.0.1')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      db: 0,
      address: '127.0.0.1:6379',
    });
  });

  it('percent-decodes credentials', () => {
    expect(parseRedisUrl('redis://us%40er:p%3Ass%2Fw@h:1/0')).toMatchObject({
      username: 'us@er',
      password: 'p:ss/w',
    });
  });

  it('unwraps IPv6 literals', () => {
    expect(parseRedisUrl('redis://[::1]:6390')).toMatchObject({ host: '::1', address: '[::1]:6390' });
  });

  it('sends no SNI name for an IP address over TLS', () => {
    expect(parseRedisUrl('rediss://10.0.0.5:6380').tls).toEqual({});
  });

  it.each([
    ['http://localhost:6379', /got scheme http:/],
    ['localhost:6379', /REDIS_URL must look like/],
    ['redis://localhost/cache', /db index "cache" is not a number/],
  ])('rejects %s with a message that shows the expected shape', (raw, message) => {
    expect(() => parseRedisUrl(raw)).toThrow(message);
  });

  it('never echoes the password in its errors', () => {
    expect(() => parseRedisUrl('redis://u:hunter2@localhost/x')).toThrow(/^(?!.*hunter2)/);
  });
});
