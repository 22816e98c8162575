import { describe, expect, it } from 'vitest';
import { judgeOrigin, originOf } from './allowed-origins';

const configured = new Set(['https://spotter.example.com', 'http://127.0.0.1:3000']);

describe('judgeOrigin', () => {
  it('accepts a page served by the same host and port, whatever the scheme (TLS ends at the proxy)', () => {
    expect(judgeOrigin({ origin: 'http://127.0.0.1:4001', host: '127.0.0.1:4001' }, configured)).toBe(
      'same-origin',
    );
    expect(judgeOrigin({ origin: 'https://chat.example.org', host: 'chat.example.org' }, configured)).toBe(
      'same-origin',
    );
    expect(judgeOrigin({ origin: 'http://LOCALHOST:8080', host: 'localhost:8080' }, configured)).toBe(
      'same-origin',
    );
    // The scheme's default port, written out in Host by some clients.
    expect(
      judgeOrigin({ origin: 'https://chat.example.org', host: 'chat.example.org:443' }, configured),
    ).toBe('same-origin');
  });

  it('accepts the configured origins on any host', () => {
    expect(judgeOrigin({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:4001' }, configured)).toBe(
      'configured',
    );
    expect(judgeOrigin({ origin: 'https://spotter.example.com', host: 'rt-1:4000' }, configured)).toBe(
      'configured',
    );
  });

  it('refuses other pages: another host, another port, another scheme of a configured origin', () => {
    expect(judgeOrigin({ origin: 'https://evil.example', host: '127.0.0.1:4001' }, configured)).toBe(
      'foreign',
    );
    expect(judgeOrigin({ origin: 'http://127.0.0.1:3001', host: '127.0.0.1:4001' }, configured)).toBe(
      'foreign',
    );
    expect(judgeOrigin({ origin: 'http://spotter.example.com', host: 'rt-1:4000' }, configured)).toBe(
      'foreign',
    );
    // A look-alike host must not pass as a suffix or prefix match.
    expect(judgeOrigin({ origin: 'https://spotter.example.com.evil.example', host: 'x' }, configured)).toBe(
      'foreign',
    );
  });

  it('refuses `Origin: null` (sandboxed frames, file: pages), garbage, and an Origin without a Host', () => {
    expect(judgeOrigin({ origin: 'null', host: '127.0.0.1:4001' }, configured)).toBe('foreign');
    expect(judgeOrigin({ origin: 'not a url', host: '127.0.0.1:4001' }, configured)).toBe('foreign');
    expect(judgeOrigin({ origin: 'http://127.0.0.1:4001' }, configured)).toBe('foreign');
  });

  it('tells an upgrade without Origin (a program) apart, so its cookie can be ignored', () => {
    expect(judgeOrigin({ host: '127.0.0.1:4001' }, configured)).toBe('absent');
  });
});

describe('originOf', () => {
  it('reduces an http(s) URL to the origin browsers send, and rejects anything else', () => {
    expect(originOf('https://Spotter.example.com/')).toBe('https://spotter.example.com');
    expect(originOf('https://spotter.example.com:443/login')).toBe('https://spotter.example.com');
    expect(originOf('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    expect(originOf('ws://127.0.0.1:4000/ws')).toBeNull();
    expect(originOf('spotter.example.com')).toBeNull();
  });
});
