import { describe, expect, it } from 'vitest';
import {
  CLIENT_IP_HEADER,
  clientIpOf,
  DEFAULT_TRUSTED_PROXIES,
  stampClientIp,
  trustedProxies,
} from './client-ip';
import { limitConfigFromEnv, limitEnvVars } from './env';
import { LIMIT_TABLE } from './table';

const loopback = trustedProxies(DEFAULT_TRUSTED_PROXIES);

describe('the client address limits count by', () => {
  it('is the peer, whatever X-Forwarded-For says, unless the peer is a trusted proxy', () => {
    expect(clientIpOf('203.0.113.7', '1.2.3.4', loopback)).toBe('203.0.113.7');
    expect(clientIpOf('127.0.0.1', '203.0.113.7', loopback)).toBe('203.0.113.7');
    expect(clientIpOf('::ffff:127.0.0.1', '203.0.113.7', loopback)).toBe('203.0.113.7');
    expect(clientIpOf('127.0.0.1', undefined, loopback)).toBe('127.0.0.1');
  });

  it('reads X-Forwarded-For from the right: entries the client wrote itself are never believed', () => {
    const proxies = trustedProxies(['10.0.0.0/8', '::1/128']);
    // The client sent "X-Forwarded-For: 1.1.1.1"; nginx (10.0.0.2) appended the real peer.
    expect(clientIpOf('10.0.0.2', '1.1.1.1, 203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(clientIpOf('10.0.0.2', ['1.1.1.1', '203.0.113.9, 10.0.0.5'], proxies)).toBe('203.0.113.9');
    expect(clientIpOf('10.0.0.2', 'garbage, 203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(clientIpOf('10.0.0.2', '203.0.113.9, not-an-ip', proxies)).toBe('10.0.0.2');
  });

  it('replaces the header a client sends to pick its own address', () => {
    const req = {
      headers: { [CLIENT_IP_HEADER]: '9.9.9.9', 'x-forwarded-for': '198.51.100.4' },
      socket: { remoteAddress: '203.0.113.7' },
    };
    stampClientIp(req, loopback);
    expect(req.headers[CLIENT_IP_HEADER]).toBe('203.0.113.7');
  });
});

describe('limits from the environment', () => {
  const parse = (env: Record<string, string>) => {
    const schema = Object.fromEntries(
      Object.entries(limitEnvVars).map(([name, type]) => [name, type.parse(env[name])]),
    );
    return limitConfigFromEnv(schema as Parameters<typeof limitConfigFromEnv>[0]);
  };

  it('takes <points>/<seconds> per limit as given, and multiplies the defaults of the rest', () => {
    const config = parse({ RATE_LIMIT_MESSAGE_SEND: ' 3 / 10 ', RATE_LIMIT_MULTIPLIER: '100' });
    expect(config.messageSend).toEqual({ points: 3, durationS: 10 });
    expect(config.typing).toEqual({
      points: LIMIT_TABLE.typing.points * 100,
      durationS: LIMIT_TABLE.typing.durationS,
    });
    expect(parse({}).signInAccount).toEqual({ points: 10, durationS: 600 });
  });

  it('refuses malformed allowances and proxy lists', () => {
    expect(limitEnvVars.RATE_LIMIT_TYPING.safeParse('5 per second').success).toBe(false);
    expect(limitEnvVars.RATE_LIMIT_TYPING.safeParse('0/1').success).toBe(false);
    expect(limitEnvVars.TRUSTED_PROXIES.safeParse('10.0.0.0/8, nginx').success).toBe(false);
    expect(limitEnvVars.TRUSTED_PROXIES.parse('10.0.0.0/8, 172.18.0.5')).toEqual([
      '10.0.0.0/8',
      '172.18.0.5',
    ]);
  });
});
