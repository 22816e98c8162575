import { describe, expect, it } from 'vitest';
import { splitLinks } from './linkify';

const links = (body: string) => splitLinks(body).filter((part) => part.kind === 'link');

describe('splitLinks', () => {
  it('links an http(s) URL and leaves the sentence around it, without trailing punctuation', () => {
    expect(splitLinks('Plan: https://spotter.dev/plan?week=3. Go!')).toEqual([
      { kind: 'text', text: 'Plan: ' },
      { kind: 'link', text: 'https://spotter.dev/plan?week=3', href: 'https://spotter.dev/plan?week=3' },
      { kind: 'text', text: '. Go!' },
    ]);
  });

  it('links bare domains over http and email addresses over mailto', () => {
    expect(links('see example.com or mail coach@spotter.dev')).toEqual([
      { kind: 'link', text: 'example.com', href: 'http://example.com' },
      { kind: 'link', text: 'coach@spotter.dev', href: 'mailto:coach@spotter.dev' },
    ]);
  });

  it('never links javascript:, data:, file: or ftp: URLs', () => {
    for (const body of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://files.example.com/plan.pdf',
    ]) {
      expect(links(body), body).toEqual([]);
    }
  });

  it('does not let a scheme prefix smuggle script into the href', () => {
    for (const part of links('JAVASCRIPT://example.com/%0aalert(1)')) {
      expect(part.kind === 'link' && part.href.startsWith('http://')).toBe(true);
    }
  });

  it('gives back the body unchanged when the parts are joined', () => {
    const body = 'a http://x.io b <b>bold</b> javascript:void(0) c@d.io';
    expect(
      splitLinks(body)
        .map((part) => part.text)
        .join(''),
    ).toBe(body);
  });

  it('returns no parts for an empty body', () => {
    expect(splitLinks('')).toEqual([]);
  });
});
