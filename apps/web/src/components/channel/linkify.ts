import { find } from 'linkifyjs';

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/**
 * Only these become links. linkifyjs also recognises ftp: and file: URLs; a message is untrusted
 * input, so anything that is not a web page or an email address stays plain text.
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function isSafeHref(href: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

/**
 * Splits a message body into text and links, in order; joining every part's `text` gives the body
 * back unchanged. Bare domains ("example.com") link to http://, email addresses to mailto:.
 */
export function splitLinks(body: string): TextPart[] {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const match of find(body)) {
    if (!isSafeHref(match.href)) continue;
    if (match.start > cursor) parts.push({ kind: 'text', text: body.slice(cursor, match.start) });
    parts.push({ kind: 'link', text: body.slice(match.start, match.end), href: match.href });
    cursor = match.end;
  }
  if (cursor < body.length) parts.push({ kind: 'text', text: body.slice(cursor) });
  return parts;
}
